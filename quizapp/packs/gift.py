"""Moodle GIFT: question banks in, pack questions out.

Follows the format as Moodle documents and reads it: questions separated by blank lines,
`//` comment lines, `::name::`, `[html]`-style format tags, one `{...}` answer block per
question (text after it makes a "missing word" question), `=` right / `~` wrong, `%50%`
weights, `#` per-answer feedback, `####` general feedback, `->` matching, and the escapes
`\\~ \\= \\# \\{ \\} \\: \\n \\\\`. What one side cannot express is reported per question
(a GiftNote), never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from quizapp.questions import TYPES, QuestionType, gift_syntax
from quizapp.questions.cloze import missing_word_question
from quizapp.slugs import slug


@dataclass(frozen=True)
class GiftNote:
    """Something about one question that did not carry over."""

    line: int
    question: str
    message: str

    def __str__(self) -> str:
        return f"{self.line}: question `{self.question}`: {self.message}"


# --------------------------------------------------------------------------- import


def _gift_readers() -> list[QuestionType]:
    """The types an answer block is offered to, in order; the first that reads it decides."""
    readers = [kind for kind in TYPES.values() if kind.gift_rank is not None]
    return sorted(readers, key=lambda kind: kind.gift_rank or 0)


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Questions as (first line number, lines): Moodle splits at blank lines."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


class UniqueIds:
    """Hands out `name`, then `name-2`, `name-3`, ... never one already taken. Remembering
    the next suffix per name keeps a bank with thousands of same-named questions linear."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.used = set(taken or ())
        self.next_suffix: dict[str, int] = {}

    def take(self, base: str) -> str:
        candidate, suffix = base, self.next_suffix.get(base, 2)
        if candidate in self.used:
            candidate = f"{base}-{suffix}"
            while candidate in self.used:
                suffix += 1
                candidate = f"{base}-{suffix}"
            self.next_suffix[base] = suffix + 1
        self.used.add(candidate)
        return candidate


class _GiftReader:
    def __init__(self) -> None:
        self.notes: list[GiftNote] = []
        self.questions: list[dict[str, Any]] = []
        self.ids = UniqueIds()

    def note(self, line: int, question: str, message: str) -> None:
        self.notes.append(GiftNote(line, question, message))

    def unique_id(self, name: str | None, number: int) -> str:
        base = slug(name, empty="")[:60].strip("-") if name else ""
        return self.ids.take(base or f"gift-{number}")

    def read(self, text: str) -> None:
        number = 0
        for line, lines in _blocks(text):
            kept = [" " if raw.strip().startswith("//") else raw for raw in lines]
            body = "\n".join(kept).strip()
            if not body:
                continue
            if body.startswith("$CATEGORY:"):
                category = body[len("$CATEGORY:") :].strip()
                self.note(line, "$CATEGORY", f"the Moodle category `{category}` is not kept")
                continue
            number += 1
            self.question(line, number, gift_syntax.protect(body))

    def question(self, line: int, number: int, body: str) -> None:
        name: str | None = None
        if body.startswith("::"):
            end = body.find("::", 2)
            if end != -1:
                name = gift_syntax.restore(body[2:end]).strip()
                body = body[end + 2 :].strip()
        start, finish = body.find("{"), body.find("}")
        label = name or f"number {number}"
        if start == -1 and finish == -1:
            self.note(line, label, "a description without answers is not a question; skipped")
            return
        if start == -1 or finish == -1 or finish < start:
            self.note(line, label, "unbalanced braces { }; skipped")
            return
        answer_text = body[start + 1 : finish].strip()
        before, after = body[:start], body[finish + 1 :]
        missing_word = bool(after.strip())

        general = ""
        separator = answer_text.rfind("####")
        if separator != -1:
            general = answer_text[separator + 4 :]
            answer_text = answer_text[:separator].strip()

        prompt_source = before + ("_____" + after if missing_word else "")
        prompt, text_format, stripped = gift_syntax.plain(prompt_source)
        explanation = gift_syntax.plain(general, text_format)[0] or None
        question_id = self.unique_id(name, number)
        if stripped:
            self.note(line, question_id, "HTML markup was removed; packs are plain text")

        question: dict[str, Any] = {
            "id": question_id,
            "type": None,
            "prompt": prompt or None,
            "points": 1.0,
            "hint": None,
            "explanation": explanation,
            "shuffle": False,
            "line": line,
        }
        label = question["id"]
        if answer_text == "":
            self.note(line, label, "essay questions are not supported; skipped")
            return
        if answer_text.startswith("#"):
            self.note(line, label, "numerical questions are not supported; skipped")
            return

        def note(message: str) -> None:
            self.note(line, label, message)

        kind = next(kind for kind in _gift_readers() if kind.reads_gift(answer_text))
        if not kind.read_gift(question, answer_text, text_format, note):
            return
        kind = TYPES[question["type"]]
        if missing_word and (gap := kind.missing_word_gap(question, note)) is not None:
            for key in kind.keys:
                question.pop(key, None)
            missing_word_question(question, gap, before, after, text_format)
        question["shuffle"] = TYPES[question["type"]].shuffled_by_default
        self.questions.append(question)


def gift_to_questions(text: str) -> tuple[list[dict[str, Any]], list[GiftNote]]:
    """Question payloads from GIFT text, and what could not be carried over."""
    reader = _GiftReader()
    reader.read(text.lstrip("\ufeff"))
    return reader.questions, reader.notes


# --------------------------------------------------------------------------- export


class _GiftWriter:
    def __init__(self) -> None:
        self.notes: list[GiftNote] = []

    def note(self, question: dict[str, Any], message: str) -> None:
        self.notes.append(GiftNote(int(question.get("line") or 0), str(question["id"]), message))

    def write(self, question: dict[str, Any]) -> str | None:
        kind = TYPES.get(question["type"])
        if kind is not None and kind.gift_unsupported:
            self.note(question, kind.gift_unsupported)
            return None

        def note(message: str) -> None:
            self.note(question, message)

        if question.get("hint"):
            note("GIFT has no hints; the hint is not exported")
        if float(question.get("points") or 1) != 1:
            note("GIFT has no points per question; Moodle will give it 1")
        if kind is None:
            note(f"the type `{question['type']}` cannot be written as GIFT; not exported")
            return None
        kind.gift_lost(question, note)
        name = "::" + gift_syntax.escape(str(question["id"])) + "::"
        prompt = "[plain]" + gift_syntax.escape(question.get("prompt") or "")
        return kind.write_gift(question, name, prompt, question.get("explanation"), note)


def questions_to_gift(questions: list[dict[str, Any]]) -> tuple[str, list[GiftNote]]:
    """GIFT text Moodle can import, and what had to be left out or changed."""
    writer = _GiftWriter()
    written = [text for question in questions if (text := writer.write(question)) is not None]
    return "\n\n".join(written) + ("\n" if written else ""), writer.notes


# --------------------------------------------------------------------------- pack YAML


def question_to_pack_entry(question: dict[str, Any]) -> dict[str, Any]:
    """The hand-written form of a payload: defaults left out, wrong options as plain text."""
    entry: dict[str, Any] = {"id": question["id"], "type": question["type"]}
    for key in ("prompt", "hint"):
        if question.get(key):
            entry[key] = question[key]
    points = float(question.get("points") or 1)
    if points != 1:
        entry["points"] = int(points) if points.is_integer() else points
    kind = TYPES[question["type"]]
    entry.update(kind.pack_entry(question))
    if question.get("explanation"):
        entry["explanation"] = question["explanation"]
    default = kind.shuffled_by_default
    if not kind.always_shuffled and question.get("shuffle", default) != default:
        entry["shuffle"] = bool(question["shuffle"])
    return entry


class _PackDumper(yaml.SafeDumper):
    """Indents nested lists under their key, the way the pack examples are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def questions_to_yaml(questions: list[dict[str, Any]], indent: int = 2) -> str:
    """Pack-YAML list items (`- id: ...`) for the `questions:` key, indented by `indent`."""
    entries = [question_to_pack_entry(question) for question in questions]
    if not entries:
        return ""
    dumped = yaml.dump(
        entries,
        Dumper=_PackDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    items = re.split(r"(?m)^(?=- )", dumped)
    text = "\n".join(item for item in items if item)
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in text.splitlines(keepends=True))
