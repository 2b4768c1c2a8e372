"""Moodle GIFT: question banks in, pack questions out.

Follows the format as Moodle documents and reads it: questions separated by blank lines,
`//` comment lines, `::name::`, `[html]`-style format tags, one `{...}` answer block per
question (text after it makes a "missing word" question), `=` right / `~` wrong, `%50%`
weights, `#` per-answer feedback, `####` general feedback, `->` matching, and the escapes
`\\~ \\= \\# \\{ \\} \\: \\n \\\\`. What one side cannot express is reported per question
(a GiftNote), never dropped silently.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

import yaml

from quizapp.cloze import ClozeSegment, scan_cloze
from quizapp.slugs import slug

from .schema import SHUFFLED_BY_DEFAULT


@dataclass(frozen=True)
class GiftNote:
    """Something about one question that did not carry over."""

    line: int
    question: str
    message: str

    def __str__(self) -> str:
        return f"{self.line}: question `{self.question}`: {self.message}"


# --------------------------------------------------------------------------- import

# Escaped characters become private-use placeholders while the structure is parsed, so an
# escaped `=` or `}` can never be mistaken for syntax; they are restored in every piece.
_ESCAPES = {"\\\\": "\\", "\\:": ":", "\\#": "#", "\\=": "=", "\\{": "{", "\\}": "}", "\\~": "~"}
_PLACEHOLDER = {escape: chr(0xE000 + n) for n, escape in enumerate(_ESCAPES)}
_NEWLINE_ESCAPE = "\\n"
_RESTORE = {chr(0xE000 + n): char for n, char in enumerate(_ESCAPES.values())}
_WEIGHT = re.compile(r"^%(-?\d{1,3}(?:\.\d*)?)%")
_FORMAT_TAG = re.compile(r"^\[(html|moodle|plain|markdown)\]")


def _protect(text: str) -> str:
    result = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair in _PLACEHOLDER:
            result.append(_PLACEHOLDER[pair])
            i += 2
        elif pair == _NEWLINE_ESCAPE:
            result.append("\n")
            i += 2
        else:
            result.append(text[i])
            i += 1
    return "".join(result)


def _restore(text: str) -> str:
    return "".join(_RESTORE.get(char, char) for char in text)


def _strip_tags(text: str) -> str:
    """What re.sub(r"<[^>]*>", "", text) gives, in one pass: that regex looks for a `>` from
    every `<`, so a flood of `<` with no `>` after them took quadratic time."""
    kept = []
    start = 0
    while (opening := text.find("<", start)) != -1:
        closing = text.find(">", opening)
        if closing == -1:  # no `>` anywhere after: no tag can start here or later
            break
        kept.append(text[start:opening])
        start = closing + 1
    kept.append(text[start:])
    return "".join(kept)


def _plain(text: str, default_format: str = "moodle") -> tuple[str, str, bool]:
    """(plain text, its format, whether HTML markup was removed)."""
    text = text.strip()
    found = _FORMAT_TAG.match(text)
    text_format = default_format
    if found:
        text_format = found.group(1)
        text = text[found.end() :]
    text = _restore(text).strip()
    stripped = False
    if text_format == "html" and ("<" in text or "&" in text):
        cleaned = re.sub(r"(?i)<br\s*/?>|</p>", "\n", text)
        cleaned = html.unescape(_strip_tags(cleaned))
        cleaned = "\n".join(line.strip() for line in cleaned.splitlines()).strip()
        stripped = cleaned != text
        text = cleaned
    return text, text_format, stripped


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


def _escape_cloze_literal(text: str) -> str:
    return text.replace("{", "\\{").replace("}", "\\}")


def _escape_gap_piece(text: str) -> str:
    return re.sub(r"([{}|=~\\])", r"\\\1", text)


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
            self.question(line, number, _protect(body))

    def question(self, line: int, number: int, body: str) -> None:
        name: str | None = None
        if body.startswith("::"):
            end = body.find("::", 2)
            if end != -1:
                name = _restore(body[2:end]).strip()
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
        prompt, text_format, stripped = _plain(prompt_source)
        explanation = _plain(general, text_format)[0] or None
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
        if "~" in answer_text:
            ok = self.read_choice(question, answer_text, text_format, line)
        elif "=" in answer_text and "->" in answer_text:
            ok = self.read_match(question, answer_text, text_format, line)
        elif answer_text.split("#", 1)[0].strip() in ("T", "TRUE", "F", "FALSE"):
            ok = self.read_truefalse(question, answer_text, line)
        else:
            ok = self.read_short(question, answer_text, text_format, line)
        if not ok:
            return
        if missing_word and question["type"] in ("choice", "short"):
            self.make_cloze(question, before, after, text_format)
        question["shuffle"] = question["type"] in SHUFFLED_BY_DEFAULT
        self.questions.append(question)

    def split_answers(self, answer_text: str, text_format: str) -> list[tuple[str, float, str]]:
        """(text, weight in percent, feedback) per answer, as Moodle reads a choice block."""
        answers = []
        for raw in answer_text.replace("=", "~=").split("~"):
            raw = raw.strip()
            if not raw:
                continue
            if raw.startswith("="):
                weight, raw = 100.0, raw[1:]
            elif found := _WEIGHT.match(raw):
                weight, raw = float(found.group(1)), raw[found.end() :]
            else:
                weight = 0.0
            answer, _, feedback = raw.partition("#")
            answers.append(
                (_plain(answer, text_format)[0], weight, _plain(feedback, text_format)[0])
            )
        return answers

    def read_choice(
        self, question: dict[str, Any], answer_text: str, text_format: str, line: int
    ) -> bool:
        answers = self.split_answers(answer_text, text_format)
        label = question["id"]
        if len(answers) < 2:
            self.note(line, label, "a multiple choice question needs two answers; skipped")
            return False
        right = [weight for _text, weight, _fb in answers if weight > 0]
        question["options"] = [
            {"text": text, "correct": weight > 0, "feedback": feedback or None}
            for text, weight, feedback in answers
        ]
        if not right:
            self.note(line, label, "no answer has a positive weight; skipped")
            return False
        has_equals = "=" in answer_text
        if has_equals and len(right) == 1:
            question["type"] = "choice"
            if right[0] != 100:
                self.note(
                    line, label, f"the only right answer weighs {right[0]:g}%; it counts fully"
                )
            return True
        question["type"] = "multi"
        if has_equals:
            self.note(line, label, "several answers carry credit; imported as `multi`")
        share = 100 / len(right)
        wrong = [weight for _text, weight, _fb in answers if weight <= 0]
        if any(abs(weight - share) > 0.01 for weight in right) or any(
            abs(weight + share) > 0.01 for weight in wrong
        ):
            self.note(
                line,
                label,
                "answer weights become equal shares: each right pick earns "
                f"{share:g}% and each wrong pick costs {share:g}%",
            )
        return True

    def read_match(
        self, question: dict[str, Any], answer_text: str, text_format: str, line: int
    ) -> bool:
        label = question["id"]
        pairs = []
        for raw in answer_text.split("="):
            if not raw.strip():
                continue
            left, arrow, right = raw.partition("->")
            if not arrow:
                self.note(line, label, "a matching answer without `->`; skipped")
                return False
            left_text = _plain(left, text_format)[0]
            right_text = _restore(right).strip()
            if not left_text:
                self.note(line, label, f"the extra right-hand item `{right_text}` was dropped")
                continue
            pairs.append([left_text, right_text])
        if len(pairs) < 2:
            self.note(line, label, "a matching question needs two pairs; skipped")
            return False
        question["type"] = "match"
        question["pairs"] = pairs
        return True

    def read_truefalse(self, question: dict[str, Any], answer_text: str, line: int) -> bool:
        answer, *feedback = answer_text.split("#", 2)
        question["type"] = "truefalse"
        question["answer"] = answer.strip() in ("T", "TRUE")
        if any(_restore(part).strip() for part in feedback):
            self.note(line, question["id"], "true/false feedback is not kept; packs have none")
        return True

    def read_short(
        self, question: dict[str, Any], answer_text: str, text_format: str, line: int
    ) -> bool:
        label = question["id"]
        accepted = []
        for raw in answer_text.split("="):
            raw = raw.strip()
            if not raw:
                continue
            weight = 100.0
            if found := _WEIGHT.match(raw):
                weight, raw = float(found.group(1)), raw[found.end() :]
            answer, _, feedback = raw.partition("#")
            text = _plain(answer, text_format)[0]
            if _plain(feedback, text_format)[0]:
                self.note(line, label, f"feedback for the answer `{text}` is not kept")
            if weight < 100:
                self.note(line, label, f"the answer `{text}` gave {weight:g}% credit; dropped")
                continue
            if text:
                accepted.append(text)
        if not accepted:
            self.note(line, label, "no answer earns full credit; skipped")
            return False
        question.update(type="short", answers=accepted, case_sensitive=False, typos=0)
        return True

    def make_cloze(
        self, question: dict[str, Any], before: str, after: str, text_format: str
    ) -> None:
        """A missing-word question becomes a cloze text with its one gap."""
        if question["type"] == "choice":
            marks = []
            for option in question["options"]:
                marks.append(
                    ("=" if option["correct"] else "~") + _escape_gap_piece(option["text"])
                )
                if option["feedback"]:
                    self.note(
                        question["line"],
                        question["id"],
                        f"feedback on the option `{option['text']}` is not kept in a cloze gap",
                    )
            gap = "{" + " ".join(marks) + "}"
        else:
            gap = "{" + "|".join(_escape_gap_piece(answer) for answer in question["answers"]) + "}"
        before_text = _plain(before, text_format)[0]
        after_text = _restore(after).strip()
        # Keep a space on either side of the gap only where the GIFT text had one.
        text = (
            _escape_cloze_literal(before_text)
            + (" " if before_text and before[-1:].isspace() else "")
            + gap
            + (" " if after_text and after[:1].isspace() else "")
            + _escape_cloze_literal(after_text)
        )
        for key in ("options", "answers", "case_sensitive", "typos"):
            question.pop(key, None)
        question.update(type="cloze", text=text, prompt=None)


def gift_to_questions(text: str) -> tuple[list[dict[str, Any]], list[GiftNote]]:
    """Question payloads from GIFT text, and what could not be carried over."""
    reader = _GiftReader()
    reader.read(text.lstrip("\ufeff"))
    return reader.questions, reader.notes


# --------------------------------------------------------------------------- export


def _gift_escape(text: str) -> str:
    text = text.replace("\\", "\\\\")
    for char in "#=~{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\r", "").replace("\n", "\\n")


def _weight(percent: float) -> str:
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def _answer_block(lines: list[str], explanation: str | None) -> str:
    body = "".join(f"\t{line}\n" for line in lines)
    if explanation:
        body += f"\t####{_gift_escape(explanation)}\n"
    return "{\n" + body + "}"


def _option_line(mark: str, option: dict[str, Any]) -> str:
    line = mark + _gift_escape(option["text"])
    if option.get("feedback"):
        line += "#" + _gift_escape(option["feedback"])
    return line


class _GiftWriter:
    def __init__(self) -> None:
        self.notes: list[GiftNote] = []

    def note(self, question: dict[str, Any], message: str) -> None:
        self.notes.append(GiftNote(int(question.get("line") or 0), str(question["id"]), message))

    def write(self, question: dict[str, Any]) -> str | None:
        kind = question["type"]
        if kind == "order":
            self.note(question, "GIFT has no ordering questions; not exported")
            return None
        self.lost_settings(question)
        name = "::" + _gift_escape(str(question["id"])) + "::"
        prompt = "[plain]" + _gift_escape(question.get("prompt") or "")
        explanation = question.get("explanation")
        if kind == "choice":
            lines = [
                _option_line("=" if option["correct"] else "~", option)
                for option in question["options"]
            ]
            return name + prompt + _answer_block(lines, explanation)
        if kind == "multi":
            share = 100 / sum(1 for option in question["options"] if option["correct"])
            if share < 10:
                self.note(question, "Moodle cannot weigh more than 10 right options equally")
            lines = [
                _option_line(f"~%{_weight(share if option['correct'] else -share)}%", option)
                for option in question["options"]
            ]
            return name + prompt + _answer_block(lines, explanation)
        if kind == "truefalse":
            answer = "TRUE" if question["answer"] else "FALSE"
            block = "{" + answer + (f"####{_gift_escape(explanation)}" if explanation else "") + "}"
            return name + prompt + block
        if kind == "short":
            lines = ["=" + _gift_escape(answer) for answer in question["answers"]]
            return name + prompt + _answer_block(lines, explanation)
        if kind == "match":
            lines = []
            for left, right in question["pairs"]:
                if "->" in left:
                    self.note(
                        question,
                        f"the left item `{left}` contains `->`, which GIFT reads as the arrow",
                    )
                lines.append("=" + _gift_escape(left) + " -> " + _gift_escape(right))
            return name + prompt + _answer_block(lines, explanation)
        if kind == "cloze":
            return self.write_cloze(question, name, explanation)
        self.note(question, f"the type `{kind}` cannot be written as GIFT; not exported")
        return None

    def lost_settings(self, question: dict[str, Any]) -> None:
        if question.get("hint"):
            self.note(question, "GIFT has no hints; the hint is not exported")
        if float(question.get("points") or 1) != 1:
            self.note(question, "GIFT has no points per question; Moodle will give it 1")
        if question["type"] in ("choice", "multi", "match") and question.get("shuffle") is False:
            self.note(question, "GIFT cannot switch off shuffling; set it in Moodle")
        if question["type"] == "short":
            if question.get("case_sensitive"):
                self.note(
                    question, "GIFT cannot mark a short answer case sensitive; set it in Moodle"
                )
            if question.get("typos"):
                self.note(
                    question, "GIFT has no typo allowance; only exact answers count in Moodle"
                )

    def write_cloze(
        self, question: dict[str, Any], name: str, explanation: str | None
    ) -> str | None:
        segments, errors = scan_cloze(str(question["text"]))
        gaps = [segment for segment in segments if segment.is_gap]
        if errors or len(gaps) != 1:
            self.note(
                question,
                f"a cloze text with {len(gaps)} gaps has no GIFT equivalent (GIFT allows one "
                "missing word); not exported",
            )
            return None
        if question.get("prompt"):
            self.note(
                question, "the prompt of a cloze question is not exported; GIFT keeps only the text"
            )
        gap_index = segments.index(gaps[0])
        before = "".join(segment.text for segment in segments[:gap_index])
        after = "".join(segment.text for segment in segments[gap_index + 1 :])
        if not after.strip():
            self.note(
                question,
                "the gap ends the text, so Moodle reads it as an ordinary question, not a "
                "missing word",
            )
        block = self.gap_block(gaps[0], explanation)
        space_before = " " if before[-1:].isspace() else ""
        space_after = " " if after[:1].isspace() else ""
        return (
            name
            + "[plain]"
            + _gift_escape(before.rstrip())
            + space_before
            + block
            + space_after
            + _gift_escape(after.lstrip())
        )

    @staticmethod
    def gap_block(gap: ClozeSegment, explanation: str | None) -> str:
        if gap.options is not None:
            marks = [
                ("=" if option == gap.answers[0] else "~") + _gift_escape(option)
                for option in gap.options
            ]
        else:
            marks = ["=" + _gift_escape(answer) for answer in gap.answers]
        general = f"####{_gift_escape(explanation)}" if explanation else ""
        return "{" + " ".join(marks) + general + "}"


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
    kind = question["type"]
    if kind in ("choice", "multi"):
        entry["options"] = [
            option["text"]
            if not option["correct"] and not option.get("feedback")
            else {
                "text": option["text"],
                **({"correct": True} if option["correct"] else {}),
                **({"feedback": option["feedback"]} if option.get("feedback") else {}),
            }
            for option in question["options"]
        ]
    elif kind == "truefalse":
        entry["answer"] = bool(question["answer"])
    elif kind == "short":
        entry["answers"] = list(question["answers"])
        if question.get("case_sensitive"):
            entry["case_sensitive"] = True
        if question.get("typos"):
            entry["typos"] = question["typos"]
    elif kind == "cloze":
        entry["text"] = question["text"]
    elif kind == "match":
        entry["pairs"] = {left: right for left, right in question["pairs"]}
    elif kind == "order":
        entry["items"] = list(question["items"])
    if question.get("explanation"):
        entry["explanation"] = question["explanation"]
    if kind not in ("order",) and question.get("shuffle", kind in SHUFFLED_BY_DEFAULT) != (
        kind in SHUFFLED_BY_DEFAULT
    ):
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
