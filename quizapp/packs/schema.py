"""The rules of the pack format, checked on the composed YAML node tree.

Working on nodes rather than on plain Python values keeps every key and value's position,
so each problem points at the line and column a teacher has to look at. The reader keeps
going after a problem, so one run reports everything wrong with a file.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

from quizapp.language.glosses import language_code
from quizapp.language.tokenize import paragraphs
from quizapp.levels import LEVELS
from quizapp.questions import TYPES
from quizapp.translatable import N_, Message

from .model import Problem

THE_PACK = Message(N_("the pack"))

FORMAT_VERSION = 1
GENERATE_KINDS = (
    "statements",
    "facts",
    "which",
    "events",
    "cloze",
    "verbs",
    "collocations",
    "endings",
    "vocabulary",
    "match",
    "gender",
    "order",
)

PACK_KEYS = (
    "format",
    "id",
    "title",
    "source",
    "published",
    "level",
    "tags",
    "text",
    "glossary",
    "generate",
    "questions",
    "translations",
)
REQUIRED_PACK_KEYS = ("format", "id", "title", "text")
COMMON_QUESTION_KEYS = ("id", "type", "prompt", "points", "hint", "explanation", "shuffle")
GLOSS_KEYS = ("gloss", "note")
GENERATE_KEYS = (*GENERATE_KINDS, "exclude", "level", "typed")

PACK_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
QUESTION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
PUBLISHED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

_TAG = "tag:yaml.org,2002:"
NULL, BOOL, INT, FLOAT, STR = (f"{_TAG}{name}" for name in ("null", "bool", "int", "float", "str"))

Entries = dict[str, tuple[yaml.Node, yaml.Node]]


@dataclass
class PackContent:
    """What the reader made of a file; fields match Pack minus path and hash."""

    fields: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    id_position: tuple[int, int] = (1, 1)


def _construct(node: yaml.ScalarNode) -> Any:
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def _kind_of(node: yaml.Node) -> Message:
    """What a value is, for a problem's message: "a list", "the number `5`"."""
    if isinstance(node, yaml.MappingNode):
        return Message(N_("a mapping (key: value lines)"))
    if isinstance(node, yaml.SequenceNode):
        return Message(N_("a list"))
    if node.tag == NULL:
        return Message(N_("empty"))
    if node.tag == BOOL:
        return Message(N_("the yes/no value `%(value)s`"), {"value": node.value})
    if node.tag in (INT, FLOAT):
        return Message(N_("the number `%(value)s`"), {"value": node.value})
    return Message(N_("the text `%(value)s`"), {"value": node.value})


def _glossary_entry(term: str) -> Message:
    return Message(N_("the glossary entry `%(term)s`"), {"term": term})


class PackReader:
    def __init__(self, path: str, lines: list[str]) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    # ------------------------------------------------------------------ reporting

    # A message is English text, or a Message (marked with N_) that a page translates; its
    # values may be Messages too ("the glossary", "a list").

    def report(self, where: yaml.Node | yaml.Mark, message: str | Message) -> None:
        mark = where.start_mark if isinstance(where, yaml.Node) else where
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))

    def report_at(self, line: int, column: int, message: str | Message) -> None:
        self.problems.append(Problem(self.path, line, column, message))

    # ------------------------------------------------------------------ node helpers

    @staticmethod
    def kind_of(node: yaml.Node) -> str:
        return _kind_of(node)

    @staticmethod
    def bool_value(node: yaml.Node) -> bool | None:
        """A yes/no value as written (without quotes), or None for anything else."""
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL:
            return bool(_construct(node))
        return None

    def mapping(
        self, node: yaml.Node, what: str | Message, duplicate: str = "`{key}` appears twice"
    ) -> Entries | None:
        if not isinstance(node, yaml.MappingNode):
            self.report(
                node,
                Message(
                    N_("%(what)s must be a mapping (key: value lines), not %(kind)s"),
                    {"what": what, "kind": _kind_of(node)},
                ),
            )
            return None
        entries: Entries = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == NULL:
                self.report(
                    key_node, Message(N_("a key in %(what)s must be a plain word"), {"what": what})
                )
                continue
            key = str(key_node.value)
            if key in entries:
                first = entries[key][0].start_mark.line + 1
                self.report(
                    key_node, duplicate.format(key=key) + f" in {what} (first on line {first})"
                )
                continue
            entries[key] = (key_node, value_node)
        return entries

    def unknown_keys(
        self, entries: Entries, allowed: tuple[str, ...], what: str | Message, elsewhere: str = ""
    ) -> None:
        for key, (key_node, _value) in entries.items():
            if key in allowed:
                continue
            suggestion = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            owners = [name for name, kind in TYPES.items() if key in kind.keys]
            if suggestion:
                self.report(
                    key_node,
                    Message(
                        N_("unknown key `%(key)s` in %(what)s; did you mean `%(suggestion)s`?"),
                        {"key": key, "what": what, "suggestion": suggestion[0]},
                    ),
                )
            elif elsewhere and owners:
                self.report(
                    key_node,
                    f"`{key}` does not belong in {elsewhere}; it is for "
                    + " and ".join(f"`{kind}`" for kind in owners)
                    + " questions",
                )
            else:
                keys = ", ".join(f"`{name}`" for name in allowed)
                self.report(
                    key_node,
                    Message(
                        N_("unknown key `%(key)s` in %(what)s; the keys allowed are %(keys)s"),
                        {"key": key, "what": what, "keys": keys},
                    ),
                )

    def text(self, node: yaml.Node, key: str, required: bool = False) -> str | None:
        """A text value as written (numbers and dates too), None when empty."""
        if not isinstance(node, yaml.ScalarNode):
            self.report(
                node,
                Message(
                    N_("`%(key)s` must be text, not %(kind)s"), {"key": key, "kind": _kind_of(node)}
                ),
            )
            return None
        if node.tag == NULL or (node.tag == STR and not str(node.value).strip()):
            if required:
                self.report(node, Message(N_("`%(key)s` is empty"), {"key": key}))
            return None
        return str(node.value)

    def boolean(self, node: yaml.Node, key: str) -> bool | None:
        value = self.bool_value(node)
        if value is not None:
            return value
        self.report(
            node,
            Message(
                N_("`%(key)s` must be true or false (without quotes), not %(kind)s"),
                {"key": key, "kind": _kind_of(node)},
            ),
        )
        return None

    def integer(self, node: yaml.Node, key: str, minimum: int = 0) -> int | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == INT:
            value = _construct(node)
            if value >= minimum:
                return int(value)
            self.report(
                node,
                Message(
                    N_("`%(key)s` must be %(minimum)s or more"), {"key": key, "minimum": minimum}
                ),
            )
            return None
        self.report(
            node,
            Message(
                N_("`%(key)s` must be a whole number, not %(kind)s"),
                {"key": key, "kind": _kind_of(node)},
            ),
        )
        return None

    def text_list(self, node: yaml.Node, key: str, example: str) -> list[tuple[yaml.Node, str]]:
        if not isinstance(node, yaml.SequenceNode):
            self.report(
                node,
                Message(
                    N_("`%(key)s` must be a list, e.g. `%(key)s: %(example)s`"),
                    {"key": key, "example": example},
                ),
            )
            return []
        items = []
        for item in node.value:
            value = self.text(item, f"an item of `{key}`")
            if value is None and isinstance(item, yaml.ScalarNode):
                self.report(item, Message(N_("an empty item in `%(key)s`"), {"key": key}))
            if value is not None:
                items.append((item, value))
        return items

    def require(
        self, entries: Entries, node: yaml.Node, keys: tuple[str, ...], what: str | Message
    ) -> None:
        for key in keys:
            if key not in entries:
                self.report(
                    node,
                    Message(
                        N_("%(what)s has no `%(key)s`; it is required"), {"what": what, "key": key}
                    ),
                )

    def scalar_position(self, node: yaml.ScalarNode, offset: int) -> tuple[int, int]:
        """1-based file position of a character inside a scalar, as closely as YAML allows."""
        start = node.start_mark
        if node.style == "|":
            before = node.value[:offset]
            row = before.count("\n")
            column = offset - (before.rfind("\n") + 1)
            first_content = start.line + 1
            indent = 0
            for line in self.lines[first_content:]:
                if line.strip():
                    indent = len(line) - len(line.lstrip(" "))
                    break
            return first_content + row + 1, indent + column + 1
        if node.style in (None, "'", '"') and start.line == node.end_mark.line:
            return start.line + 1, start.column + (1 if node.style else 0) + offset + 1
        return start.line + 1, start.column + 1

    # ------------------------------------------------------------------ the pack

    def read(self, root: yaml.Node | None) -> PackContent:
        content = PackContent(fields={}, problems=self.problems)
        if root is None:
            self.report_at(1, 1, Message(N_("the file is empty; a pack starts with `format: 1`")))
            return content
        entries = self.mapping(root, Message(N_("a pack")))
        if entries is None:
            return content
        self.unknown_keys(entries, PACK_KEYS, THE_PACK)
        self.require(entries, root, REQUIRED_PACK_KEYS, THE_PACK)
        fields = content.fields

        if "format" in entries:
            node = entries["format"][1]
            if not (
                isinstance(node, yaml.ScalarNode) and node.tag == INT and _construct(node) == 1
            ):
                self.report(
                    node,
                    Message(
                        N_(
                            "`format` must be %(version)s (the only pack format this app reads), "
                            "not %(kind)s"
                        ),
                        {"version": FORMAT_VERSION, "kind": _kind_of(node)},
                    ),
                )
        fields["id"] = self.pack_id(entries, content)
        fields["title"] = self.optional_text(entries, "title", required=True)
        fields["source"] = self.optional_text(entries, "source")
        fields["published"] = self.published(entries)
        fields["level"] = self.level(entries, "level")
        fields["tags"] = (
            [value for _node, value in self.text_list(entries["tags"][1], "tags", "[nieuws]")]
            if "tags" in entries
            else []
        )
        fields["text"] = self.optional_text(entries, "text", required=True)
        fields["glossary"] = self.glossary(entries["glossary"][1]) if "glossary" in entries else {}
        fields["generate"] = self.generate(entries["generate"][1]) if "generate" in entries else {}
        fields["questions"] = (
            self.questions(entries["questions"][1]) if "questions" in entries else []
        )
        fields["translations"] = (
            self.translations(entries["translations"][1], fields["text"])
            if "translations" in entries
            else {}
        )
        return content

    def optional_text(self, entries: Entries, key: str, required: bool = False) -> str | None:
        if key not in entries:
            return None
        return self.text(entries[key][1], key, required=required)

    def pack_id(self, entries: Entries, content: PackContent) -> str | None:
        if "id" not in entries:
            return None
        node = entries["id"][1]
        content.id_position = (node.start_mark.line + 1, node.start_mark.column + 1)
        value = self.text(node, "id", required=True)
        if value is not None and not PACK_ID.fullmatch(value):
            self.report(
                node,
                Message(
                    N_(
                        "the pack id `%(id)s` may contain only lowercase letters, digits and "
                        "hyphens (e.g. `biden-poetin-videogesprek`)"
                    ),
                    {"id": value},
                ),
            )
        return value

    def published(self, entries: Entries) -> str | None:
        if "published" not in entries:
            return None
        node = entries["published"][1]
        value = self.text(node, "published")
        if value is None:
            return None
        found = PUBLISHED.fullmatch(value)
        valid = found is not None
        if found:
            year, month, day = (int(part) if part else 1 for part in found.groups())
            try:
                date(year, month, day)
            except ValueError:
                valid = False
        if not valid:
            self.report(
                node,
                Message(
                    N_("`published` must be a date like 2021-12-07 or 2021-12, not `%(value)s`"),
                    {"value": value},
                ),
            )
        return value

    def level(self, entries: Entries, key: str) -> str | None:
        if key not in entries:
            return None
        node = entries[key][1]
        value = self.text(node, key)
        if value is None:
            return None
        if value not in LEVELS:
            values = {"key": key, "levels": ", ".join(LEVELS), "value": value}
            if value.upper() in LEVELS:
                message = N_(
                    "`%(key)s` must be one of %(levels)s, not `%(value)s` (write `%(upper)s`)"
                )
                values["upper"] = value.upper()
            else:
                message = N_("`%(key)s` must be one of %(levels)s, not `%(value)s`")
            self.report(node, Message(message, values))
            return None
        return value

    def glossary(self, node: yaml.Node) -> dict[str, dict[str, str | None]]:
        entries = self.mapping(
            node, Message(N_("the glossary")), duplicate="the term `{key}` appears twice"
        )
        glossary: dict[str, dict[str, str | None]] = {}
        for term, (key_node, value_node) in (entries or {}).items():
            if not term.strip():
                self.report(key_node, Message(N_("an empty term in the glossary")))
                continue
            if isinstance(value_node, yaml.MappingNode):
                gloss_entries = self.mapping(value_node, _glossary_entry(term))
                if gloss_entries is None:
                    continue
                glossary[term] = self.gloss_entry(term, value_node, gloss_entries)
            else:
                gloss = self.text(value_node, f"the gloss of `{term}`", required=True)
                glossary[term] = {"gloss": gloss, "note": None}
        return glossary

    def gloss_entry(self, term: str, node: yaml.Node, entries: Entries) -> dict[str, Any]:
        """`gloss` (English) and `note`, and meanings in other languages by their codes:
        {en: gas, ar: غاز, uk: газ}. `en` is another way to write `gloss`."""
        what = _glossary_entry(term)
        languages: dict[str, str] = {}
        for key, (key_node, value_node) in entries.items():
            if key in GLOSS_KEYS:
                continue
            code = language_code(key)
            if code is None and len(key) > 3:  # glos: a misspelt key, not a language
                self.unknown_keys({key: (key_node, value_node)}, GLOSS_KEYS, what)
                continue
            if code is None:
                self.report(
                    key_node,
                    Message(
                        N_(
                            "`%(key)s` in %(what)s is no language code: write a code such as "
                            "`ar`, `uk` or `tr`"
                        ),
                        {"key": key, "what": what},
                    ),
                )
                continue
            if code == "en" and "gloss" in entries:
                self.report(
                    key_node,
                    Message(
                        N_("%(what)s has both `gloss` and `en`: they are the same"), {"what": what}
                    ),
                )
                continue
            text = self.text(value_node, key, required=True)
            if text is not None:
                languages[code] = text
        gloss = self.optional_text(entries, "gloss") or languages.pop("en", None)
        if gloss is None and not languages:
            self.report(
                node,
                Message(
                    N_("%(what)s has no `gloss` (its English meaning) nor a language's"),
                    {"what": what},
                ),
            )
        entry: dict[str, Any] = {"gloss": gloss, "note": self.optional_text(entries, "note")}
        if languages:
            entry["languages"] = languages
        return entry

    def translations(self, node: yaml.Node, text: str | None) -> dict[str, list[str | None]]:
        """{language code: one translation per paragraph of the text, headings counted}; an
        empty item (`~` or '') is a paragraph left for the learner to work out alone."""
        entries = self.mapping(node, "`translations`", duplicate="`{key}` appears twice")
        found: dict[str, list[str | None]] = {}
        wanted = len(paragraphs(text)) if text else None
        for key, (key_node, value_node) in (entries or {}).items():
            code = language_code(key)
            if code is None:
                self.report(
                    key_node,
                    Message(
                        N_("`%(key)s` in `translations` is no language code (ar, uk)"), {"key": key}
                    ),
                )
                continue
            if not isinstance(value_node, yaml.SequenceNode):
                self.report(
                    value_node,
                    Message(
                        N_("`translations.%(key)s` must be a list, one per paragraph"), {"key": key}
                    ),
                )
                continue
            items: list[str | None] = []
            for item in value_node.value:
                empty = isinstance(item, yaml.ScalarNode) and (item.tag == NULL or item.value == "")
                items.append(None if empty else self.text(item, f"a `{key}` translation"))
            if wanted is not None and len(items) != wanted:
                self.report(
                    value_node,
                    Message(
                        N_(
                            "`translations.%(key)s` has %(count)s paragraphs and the text "
                            "%(wanted)s (a heading counts as one; write ~ for a paragraph you "
                            "leave out)"
                        ),
                        {"key": key, "count": len(items), "wanted": wanted},
                    ),
                )
            found[code] = items
        return found

    def generate(self, node: yaml.Node) -> dict[str, Any]:
        entries = self.mapping(node, "`generate`")
        if entries is None:
            return {}
        self.unknown_keys(entries, GENERATE_KEYS, "`generate`")
        generate: dict[str, Any] = {}
        for kind in GENERATE_KINDS:
            if kind in entries:
                count = self.integer(entries[kind][1], kind)
                if count is not None:
                    generate[kind] = count
        if "exclude" in entries:
            generate["exclude"] = [
                value
                for _node, value in self.text_list(
                    entries["exclude"][1], "exclude", "[gender-gesprek]"
                )
            ]
        level = self.level(entries, "level")
        if level is not None:
            generate["level"] = level
        if "typed" in entries:  # cloze gaps to type instead of a drop-down
            typed = self.boolean(entries["typed"][1], "typed")
            if typed is not None:
                generate["typed"] = typed
        return generate

    # ------------------------------------------------------------------ questions

    def questions(self, node: yaml.Node) -> list[dict[str, Any]]:
        if not isinstance(node, yaml.SequenceNode):
            self.report(
                node,
                Message(
                    N_(
                        "`questions` must be a list of questions (lines starting with `- id:`), "
                        "not %(kind)s"
                    ),
                    {"kind": _kind_of(node)},
                ),
            )
            return []
        questions = []
        first_seen: dict[str, int] = {}
        for item in node.value:
            question = self.question(item)
            if question is None:
                continue
            question_id = question.get("id")
            if question_id is not None:
                if question_id in first_seen:
                    id_node = question.pop("_id_node")
                    self.report(
                        id_node,
                        Message(
                            N_(
                                "the question id `%(id)s` is used twice in this pack (first on "
                                "line %(line)s); every question needs its own id"
                            ),
                            {"id": question_id, "line": first_seen[question_id]},
                        ),
                    )
                else:
                    first_seen[question_id] = question["_id_node"].start_mark.line + 1
            question.pop("_id_node", None)
            questions.append(question)
        return questions

    def question(self, node: yaml.Node) -> dict[str, Any] | None:
        entries = self.mapping(node, Message(N_("a question")))
        if entries is None:
            return None
        question: dict[str, Any] = {"line": node.start_mark.line + 1}
        kind = self.question_type(entries, node)
        label = (
            Message(N_("this %(type)s question"), {"type": kind})
            if kind
            else Message(N_("this question"))
        )
        allowed = COMMON_QUESTION_KEYS + (
            TYPES[kind].keys
            if kind
            else tuple(key for type_ in TYPES.values() for key in type_.keys)
        )
        self.unknown_keys(entries, allowed, label, elsewhere=f"a `{kind}` question" if kind else "")
        self.require(entries, node, ("id", "type"), Message(N_("this question")))
        if kind:
            self.require(entries, node, TYPES[kind].required, label)

        if "id" in entries:
            id_node = entries["id"][1]
            question_id = self.text(id_node, "id", required=True)
            if question_id is not None and not QUESTION_ID.fullmatch(question_id):
                self.report(
                    id_node,
                    Message(
                        N_(
                            "the question id `%(id)s` may contain only letters, digits, `-`, `_` "
                            "and `.`, and no spaces"
                        ),
                        {"id": question_id},
                    ),
                )
            question["id"] = question_id
            question["_id_node"] = id_node
        question["type"] = kind
        question["prompt"] = self.optional_text(entries, "prompt")
        question["points"] = self.points(entries)
        question["hint"] = self.optional_text(entries, "hint")
        question["explanation"] = self.optional_text(entries, "explanation")
        question["shuffle"] = self.shuffle(entries, kind)
        if kind:
            TYPES[kind].check(self, entries, question)
        return question

    def question_type(self, entries: Entries, node: yaml.Node) -> str | None:
        if "type" not in entries:
            return None
        type_node = entries["type"][1]
        value = self.text(type_node, "type", required=True)
        if value is None:
            return None
        if value not in TYPES:
            suggestion = difflib.get_close_matches(value.lower(), list(TYPES), n=1, cutoff=0.5)
            values = {"value": value, "types": ", ".join(TYPES)}
            if suggestion:
                values["suggestion"] = suggestion[0]
                message = N_(
                    "unknown question type `%(value)s`; did you mean `%(suggestion)s`? "
                    "the types are %(types)s"
                )
            else:
                message = N_("unknown question type `%(value)s`; the types are %(types)s")
            self.report(type_node, Message(message, values))
            return None
        return value

    def points(self, entries: Entries) -> float:
        if "points" not in entries:
            return 1.0
        node = entries["points"][1]
        if isinstance(node, yaml.ScalarNode) and node.tag in (INT, FLOAT):
            value = float(_construct(node))
            if math.isfinite(value) and value > 0:
                return value
            self.report(
                node,
                Message(N_("`points` must be more than 0, not `%(value)s`"), {"value": node.value}),
            )
            return 1.0
        self.report(
            node,
            Message(
                N_("`points` must be a number, like 1 or 2.5, not %(kind)s"),
                {"kind": _kind_of(node)},
            ),
        )
        return 1.0

    def shuffle(self, entries: Entries, kind: str | None) -> bool:
        default = kind is not None and TYPES[kind].shuffled_by_default
        if "shuffle" not in entries:
            return default
        node = entries["shuffle"][1]
        value = self.boolean(node, "shuffle")
        fixed = TYPES[kind].always_shuffled if kind else None
        if fixed and value is False:
            self.report(node, fixed)
            return True
        return default if value is None else value


def read_pack_tree(root: yaml.Node | None, path: str, lines: list[str]) -> PackContent:
    content = PackReader(path, lines).read(root)
    content.problems.sort(key=lambda problem: (problem.line, problem.column))
    return content
