"""`cloze`: a text with gaps, typed or chosen from a drop-down (syntax: cloze_syntax.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from quizapp.normalise import normalise_answer
from quizapp.translatable import N_, Message

from . import gift_syntax
from .base import (
    Entries,
    Note,
    Outcome,
    PartResult,
    Payload,
    QuestionType,
    QuestionView,
    Reader,
    near_answer,
    permutation,
    typed_match,
    typed_text,
)
from .cloze_syntax import ClozeSegment, escape_text, parse_cloze, scan_cloze


@dataclass(frozen=True)
class ClozeQuestion:
    segments: list[ClozeSegment]

    @property
    def gaps(self) -> list[ClozeSegment]:
        return [segment for segment in self.segments if segment.is_gap]


def _field(name: str, gap: int) -> str:
    return f"{name}-g{gap}"


class ClozeType(QuestionType):
    name = "cloze"
    keys = ("text",)
    required = ("text",)

    def check(self, reader: Reader, entries: Entries, question: dict[str, Any]) -> None:
        if "text" not in entries:
            return
        text_node = entries["text"][1]
        text = reader.text(text_node, "text", required=True)
        question["text"] = text
        if text is None or not isinstance(text_node, yaml.ScalarNode):
            return
        _segments, errors = scan_cloze(text)
        for error in errors:
            line, column = reader.scalar_position(text_node, error.offset)
            reader.report_at(line, column, error.message)

    def parse(self, payload: Payload) -> ClozeQuestion:
        return ClozeQuestion(parse_cloze(str(payload["text"])))

    def view(self, question: ClozeQuestion, view: QuestionView, seed: str) -> None:
        gap = 0
        for segment in question.segments:
            if not segment.is_gap:
                view.segments.append({"kind": "text", "text": segment.text})
                continue
            entry: dict[str, Any] = {"kind": "gap", "field": _field(view.name, gap)}
            if segment.options:
                perm = permutation(seed, _field(view.name, gap), len(segment.options))
                entry["options"] = [segment.options[i] for i in perm]
            view.segments.append(entry)
            gap += 1

    def response(self, question: ClozeQuestion, name: str, seed: str, form: Mapping) -> Any:
        return [typed_text(form.get(_field(name, i)), 200) for i in range(len(question.gaps))]

    def form_values(
        self, question: ClozeQuestion, name: str, seed: str, response: Any
    ) -> dict[str, Any]:
        return {_field(name, i): value for i, value in enumerate(response)}

    def right_response(self, question: ClozeQuestion) -> list[str]:
        return [gap.answers[0] for gap in question.gaps]

    def grade(self, question: ClozeQuestion, response: Any) -> Outcome:
        gaps = question.gaps
        given_list = list(response) if isinstance(response, list | tuple) else []
        parts: list[PartResult] = []
        almost = False
        right_count = 0
        for number, gap in enumerate(gaps):
            given = given_list[number] if number < len(given_list) else None
            given = given if isinstance(given, str) else None
            right = False
            near = None
            if given is not None and gap.options is not None:
                # A drop-down answer is one of the option texts; only spacing can differ.
                right = normalise_answer(given, case_sensitive=True) == normalise_answer(
                    gap.answers[0], case_sensitive=True
                )
            elif given is not None:
                right, close = typed_match(given, gap.answers, case_sensitive=False, typos=0)
                almost = almost or close
                near = near_answer(given, gap.answers, case_sensitive=False, typos=0)
            right_count += right
            parts.append(
                PartResult(
                    label=Message(N_("gap %(number)s"), {"number": number + 1}),
                    given=given,
                    expected=gap.answers[0] if gap.answers else "",
                    right=right,
                    near=near,
                )
            )
        fraction = right_count / len(gaps) if gaps else 0.0
        return Outcome(fraction, parts, almost=almost)

    # ------------------------------------------------------------------ GIFT

    def write_gift(
        self, question: dict[str, Any], name: str, prompt: str, explanation: str | None, note: Note
    ) -> str | None:
        segments, errors = scan_cloze(str(question["text"]))
        gaps = [segment for segment in segments if segment.is_gap]
        if errors or len(gaps) != 1:
            note(
                f"a cloze text with {len(gaps)} gaps has no GIFT equivalent (GIFT allows one "
                "missing word); not exported"
            )
            return None
        if question.get("prompt"):
            note("the prompt of a cloze question is not exported; GIFT keeps only the text")
        gap_index = segments.index(gaps[0])
        before = "".join(segment.text for segment in segments[:gap_index])
        after = "".join(segment.text for segment in segments[gap_index + 1 :])
        if not after.strip():
            note(
                "the gap ends the text, so Moodle reads it as an ordinary question, not a "
                "missing word"
            )
        block = _gap_block(gaps[0], explanation)
        space_before = " " if before[-1:].isspace() else ""
        space_after = " " if after[:1].isspace() else ""
        return (
            name
            + "[plain]"
            + gift_syntax.escape(before.rstrip())
            + space_before
            + block
            + space_after
            + gift_syntax.escape(after.lstrip())
        )

    def pack_entry(self, question: dict[str, Any]) -> dict[str, Any]:
        return {"text": question["text"]}


def _gap_block(gap: ClozeSegment, explanation: str | None) -> str:
    if gap.options is not None:
        marks = [
            ("=" if option == gap.answers[0] else "~") + gift_syntax.escape(option)
            for option in gap.options
        ]
    else:
        marks = ["=" + gift_syntax.escape(answer) for answer in gap.answers]
    general = f"####{gift_syntax.escape(explanation)}" if explanation else ""
    return "{" + " ".join(marks) + general + "}"


def missing_word_question(
    question: dict[str, Any], gap: str, before: str, after: str, text_format: str
) -> None:
    """Turn a GIFT "missing word" question, its own type's keys removed, into a cloze text
    with its one gap."""
    before_text = gift_syntax.plain(before, text_format)[0]
    after_text = gift_syntax.restore(after).strip()
    # Keep a space on either side of the gap only where the GIFT text had one.
    text = (
        escape_text(before_text)
        + (" " if before_text and before[-1:].isspace() else "")
        + gap
        + (" " if after_text and after[:1].isspace() else "")
        + escape_text(after_text)
    )
    question.update(type="cloze", text=text, prompt=None)
