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

from .model import Problem

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


def _kind_of(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == NULL:
        return "empty"
    if node.tag == BOOL:
        return f"the yes/no value `{node.value}`"
    if node.tag in (INT, FLOAT):
        return f"the number `{node.value}`"
    return f"the text `{node.value}`"


class PackReader:
    def __init__(self, path: str, lines: list[str]) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    # ------------------------------------------------------------------ reporting

    def report(self, where: yaml.Node | yaml.Mark, message: str) -> None:
        mark = where.start_mark if isinstance(where, yaml.Node) else where
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))

    def report_at(self, line: int, column: int, message: str) -> None:
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
        self, node: yaml.Node, what: str, duplicate: str = "`{key}` appears twice"
    ) -> Entries | None:
        if not isinstance(node, yaml.MappingNode):
            self.report(node, f"{what} must be a mapping (key: value lines), not {_kind_of(node)}")
            return None
        entries: Entries = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == NULL:
                self.report(key_node, f"a key in {what} must be a plain word")
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
        self, entries: Entries, allowed: tuple[str, ...], what: str, elsewhere: str = ""
    ) -> None:
        for key, (key_node, _value) in entries.items():
            if key in allowed:
                continue
            suggestion = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            owners = [name for name, kind in TYPES.items() if key in kind.keys]
            if suggestion:
                self.report(
                    key_node, f"unknown key `{key}` in {what}; did you mean `{suggestion[0]}`?"
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
                self.report(key_node, f"unknown key `{key}` in {what}; the keys allowed are {keys}")

    def text(self, node: yaml.Node, key: str, required: bool = False) -> str | None:
        """A text value as written (numbers and dates too), None when empty."""
        if not isinstance(node, yaml.ScalarNode):
            self.report(node, f"`{key}` must be text, not {_kind_of(node)}")
            return None
        if node.tag == NULL or (node.tag == STR and not str(node.value).strip()):
            if required:
                self.report(node, f"`{key}` is empty")
            return None
        return str(node.value)

    def boolean(self, node: yaml.Node, key: str) -> bool | None:
        value = self.bool_value(node)
        if value is not None:
            return value
        self.report(node, f"`{key}` must be true or false (without quotes), not {_kind_of(node)}")
        return None

    def integer(self, node: yaml.Node, key: str, minimum: int = 0) -> int | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == INT:
            value = _construct(node)
            if value >= minimum:
                return int(value)
            self.report(node, f"`{key}` must be {minimum} or more")
            return None
        self.report(node, f"`{key}` must be a whole number, not {_kind_of(node)}")
        return None

    def text_list(self, node: yaml.Node, key: str, example: str) -> list[tuple[yaml.Node, str]]:
        if not isinstance(node, yaml.SequenceNode):
            self.report(node, f"`{key}` must be a list, e.g. `{key}: {example}`")
            return []
        items = []
        for item in node.value:
            value = self.text(item, f"an item of `{key}`")
            if value is None and isinstance(item, yaml.ScalarNode):
                self.report(item, f"an empty item in `{key}`")
            if value is not None:
                items.append((item, value))
        return items

    def require(self, entries: Entries, node: yaml.Node, keys: tuple[str, ...], what: str) -> None:
        for key in keys:
            if key not in entries:
                self.report(node, f"{what} has no `{key}`; it is required")

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
            self.report_at(1, 1, "the file is empty; a pack starts with `format: 1`")
            return content
        entries = self.mapping(root, "a pack")
        if entries is None:
            return content
        self.unknown_keys(entries, PACK_KEYS, "the pack")
        self.require(entries, root, REQUIRED_PACK_KEYS, "the pack")
        fields = content.fields

        if "format" in entries:
            node = entries["format"][1]
            if not (
                isinstance(node, yaml.ScalarNode) and node.tag == INT and _construct(node) == 1
            ):
                self.report(
                    node,
                    f"`format` must be {FORMAT_VERSION} (the only pack format this app reads), "
                    f"not {_kind_of(node)}",
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
                f"the pack id `{value}` may contain only lowercase letters, digits and hyphens "
                "(e.g. `biden-poetin-videogesprek`)",
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
                node, f"`published` must be a date like 2021-12-07 or 2021-12, not `{value}`"
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
            hint = f" (write `{value.upper()}`)" if value.upper() in LEVELS else ""
            self.report(node, f"`{key}` must be one of {', '.join(LEVELS)}, not `{value}`{hint}")
            return None
        return value

    def glossary(self, node: yaml.Node) -> dict[str, dict[str, str | None]]:
        entries = self.mapping(node, "the glossary", duplicate="the term `{key}` appears twice")
        glossary: dict[str, dict[str, str | None]] = {}
        for term, (key_node, value_node) in (entries or {}).items():
            if not term.strip():
                self.report(key_node, "an empty term in the glossary")
                continue
            if isinstance(value_node, yaml.MappingNode):
                gloss_entries = self.mapping(value_node, f"the glossary entry `{term}`")
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
        what = f"the glossary entry `{term}`"
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
                    f"`{key}` in {what} is no language code: write a code such as `ar`, `uk`"
                    " or `tr`",
                )
                continue
            if code == "en" and "gloss" in entries:
                self.report(key_node, f"{what} has both `gloss` and `en`: they are the same")
                continue
            text = self.text(value_node, key, required=True)
            if text is not None:
                languages[code] = text
        gloss = self.optional_text(entries, "gloss") or languages.pop("en", None)
        if gloss is None and not languages:
            self.report(node, f"{what} has no `gloss` (its English meaning) nor a language's")
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
                self.report(key_node, f"`{key}` in `translations` is no language code (ar, uk)")
                continue
            if not isinstance(value_node, yaml.SequenceNode):
                self.report(value_node, f"`translations.{key}` must be a list, one per paragraph")
                continue
            items: list[str | None] = []
            for item in value_node.value:
                empty = isinstance(item, yaml.ScalarNode) and (item.tag == NULL or item.value == "")
                items.append(None if empty else self.text(item, f"a `{key}` translation"))
            if wanted is not None and len(items) != wanted:
                self.report(
                    value_node,
                    f"`translations.{key}` has {len(items)} paragraphs and the text {wanted}"
                    " (a heading counts as one; write ~ for a paragraph you leave out)",
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
                f"`questions` must be a list of questions (lines starting with `- id:`), "
                f"not {_kind_of(node)}",
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
                        f"the question id `{question_id}` is used twice in this pack (first on "
                        f"line {first_seen[question_id]}); every question needs its own id",
                    )
                else:
                    first_seen[question_id] = question["_id_node"].start_mark.line + 1
            question.pop("_id_node", None)
            questions.append(question)
        return questions

    def question(self, node: yaml.Node) -> dict[str, Any] | None:
        entries = self.mapping(node, "a question")
        if entries is None:
            return None
        question: dict[str, Any] = {"line": node.start_mark.line + 1}
        kind = self.question_type(entries, node)
        label = f"this {kind} question" if kind else "this question"
        allowed = COMMON_QUESTION_KEYS + (
            TYPES[kind].keys
            if kind
            else tuple(key for type_ in TYPES.values() for key in type_.keys)
        )
        self.unknown_keys(entries, allowed, label, elsewhere=f"a `{kind}` question" if kind else "")
        self.require(entries, node, ("id", "type"), "this question")
        if kind:
            self.require(entries, node, TYPES[kind].required, f"this {kind} question")

        if "id" in entries:
            id_node = entries["id"][1]
            question_id = self.text(id_node, "id", required=True)
            if question_id is not None and not QUESTION_ID.fullmatch(question_id):
                self.report(
                    id_node,
                    f"the question id `{question_id}` may contain only letters, digits, `-`, `_` "
                    "and `.`, and no spaces",
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
            hint = f"did you mean `{suggestion[0]}`? " if suggestion else ""
            self.report(
                type_node,
                f"unknown question type `{value}`; {hint}the types are {', '.join(TYPES)}",
            )
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
            self.report(node, f"`points` must be more than 0, not `{node.value}`")
            return 1.0
        self.report(node, f"`points` must be a number, like 1 or 2.5, not {_kind_of(node)}")
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
