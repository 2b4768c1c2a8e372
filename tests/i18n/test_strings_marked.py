"""No interface text escapes translation: every word a template shows is inside `_()` or
{% trans %}, and every message Python hands a page (flash, abort, form labels, errors)
goes through gettext. The Dutch-pages test catches a msgid without a translation; this
one catches text that never became a msgid.

A template's text is read with Jinja's own lexer: what is left when every {{ }}, {% %}
and {# #} is taken out, and every {% trans %} block, is the literal HTML. Its text nodes
and the attributes people see or hear (title, alt, placeholder, aria-label, a button's
value) must hold no word, except inside an element marked lang="nl" (Dutch shown as
Dutch: an example word) and the few names that are the same in every language."""

from __future__ import annotations

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from jinja2 import Environment

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
PACKAGE = ROOT / "quizapp"
# Names, not words: the same in Dutch.
SAME_IN_EVERY_LANGUAGE = {"quizapp", "CSV", "Anki", "JSON", "YAML", "apkg", "GPL", "FSRS", "UTC"}
VISIBLE_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "label"}
_WORD = re.compile(r"[^\W\d_]{2,}")
_HOLE = "\x00"  # where a {{ }} or {% %} was


def _template_html(source: str) -> str:
    """The template with every Jinja construct, and every {% trans %} block, replaced by
    _HOLE."""
    env = Environment(extensions=["jinja2.ext.i18n"])
    out: list[str] = []
    depth = 0  # inside {% trans %}
    in_tag = False
    names: list[str] = []
    for _line, kind, value in env.lex(source):
        if kind == "data":
            if not depth:
                out.append(value)
            continue
        if kind in ("block_begin", "variable_begin", "comment_begin"):
            in_tag, names = True, []
            continue
        if kind in ("block_end", "variable_end", "comment_end"):
            in_tag = False
            first = names[0] if names else ""
            if first == "trans":
                depth += 1
            elif first == "endtrans":
                depth -= 1
            if not depth:
                out.append(_HOLE)
            continue
        if in_tag and kind == "name":
            names.append(value)
    return "".join(out)


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, Dutch)
        self._skip = 0

    def _dutch(self) -> bool:
        return bool(self._stack) and self._stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        dutch = self._dutch() if "lang" not in attrs else attrs["lang"] == "nl"
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs.items():
            # An input button shows its value; a <button>'s value is only posted.
            shown = name in VISIBLE_ATTRIBUTES or (
                name == "value"
                and tag == "input"
                and attrs.get("type") in ("submit", "button", "reset")
            )
            if shown and value and not dutch:
                self.found.append(value)
        if tag not in ("br", "img", "input", "meta", "link", "hr", "source", "wbr"):
            self._stack.append((tag, dutch))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self._stack and self._stack[-1][0] == tag:
            self._stack.pop()

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self._skip and not self._dutch():
            self.found.append(data)


def untranslated_text(source: str) -> list[str]:
    parser = _Visible()
    parser.feed(_template_html(source))
    parser.close()
    words = []
    for text in parser.found:
        for part in text.split(_HOLE):
            if any(w not in SAME_IN_EVERY_LANGUAGE for w in _WORD.findall(part)):
                words.append(" ".join(part.split()))
    return words


def test_the_scanner_finds_text_and_leaves_marked_text():
    source = """<h1>Library</h1>{{ _("Saved") }}{% trans n=3 %}{{ n }} words{% endtrans %}
    <p>{{ title }} · quizapp</p><span lang="nl">de fiets</span>
    <input type="submit" value="Go"><a title="More">{{ _("x") }}</a>{# a comment #}
    <script>let words = 1;</script>{% if x %}No due date{% endif %}"""
    assert untranslated_text(source) == ["Library", "Go", "More", "No due date"]


@pytest.mark.parametrize(
    "template", sorted(str(p.relative_to(TEMPLATES)) for p in TEMPLATES.rglob("*.html"))
)
def test_no_template_shows_text_outside_gettext(template):
    assert untranslated_text((TEMPLATES / template).read_text(encoding="utf-8")) == []


# --------------------------------------------------------------------------- Python

GETTEXT = {"_", "gettext", "ngettext", "lazy_gettext", "lazy_ngettext", "N_", "Message"}
# Calls whose text reaches a page: (function name, which positional argument, keywords).
SHOWN = {
    "flash": (0, ()),
    "abort": (None, ("description",)),
    "ValidationError": (0, ()),
    "StopValidation": (0, ()),
    "SelectChoice": (1, ()),
}
FIELD_KEYWORDS = ("label", "description", "message", "render_kw")
# The command line speaks English to the teacher at a terminal; the migrations are history.
NOT_PAGES = {"cli.py", "__main__.py", "server.py", "migrate.py", "backup.py"}


def _is_text(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(_WORD.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_is_text(v) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    return False


def _name(func: ast.AST) -> str:
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def unmarked_messages(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or _name(node.func) in GETTEXT:
            continue
        name = _name(node.func)
        if name in SHOWN:
            position, keywords = SHOWN[name]
            args = list(node.args[position : position + 1]) if position is not None else []
            args += [k.value for k in node.keywords if k.arg in keywords]
        elif name.endswith("Field") or name in ("Length", "Regexp", "EqualTo", "NumberRange"):
            args = list(node.args[:1]) if name.endswith("Field") else []
            args += [k.value for k in node.keywords if k.arg in FIELD_KEYWORDS]
        elif name == "append" and _name(getattr(node.func, "value", None)) == "errors":
            args = list(node.args)
        else:
            continue
        found += [(a.lineno, ast.unparse(a)) for a in args if _is_text(a)]
    return [f"line {line}: {text}" for line, text in sorted(found)]


def test_the_python_scanner_finds_unmarked_messages():
    source = """
flash("Saved.")
flash(_("Saved."))
abort(400, description=f"No {thing}.")
name = StringField("Username", validators=[Length(max=4, message="Too long")])
label = StringField(lazy_gettext("Username"))
form.username.errors.append("That username is taken.")
"""
    assert [line.split(":")[0] for line in unmarked_messages(source)] == [
        "line 2", "line 4", "line 5", "line 5", "line 7",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "module",
    sorted(
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if "migrations" not in p.parts and p.name not in NOT_PAGES
    ),
)
def test_no_python_message_for_a_page_is_unmarked(module):
    assert unmarked_messages((PACKAGE / module).read_text(encoding="utf-8")) == []
