"""`short`: a typed answer, right when it is one of the accepted ones (typos allowed)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from quizapp.translatable import N_, Message

from . import cloze_syntax, gift_syntax
from .base import (
    Entries,
    Note,
    Outcome,
    PartResult,
    Payload,
    QuestionType,
    Reader,
    near_answer,
    typed_match,
    typed_text,
)


@dataclass(frozen=True)
class ShortQuestion:
    answers: list[str]
    case_sensitive: bool
    typos: int


class ShortType(QuestionType):
    name = "short"
    keys = ("answers", "case_sensitive", "typos")
    required = ("answers",)
    # Every other GIFT block is read as a short answer.
    gift_rank = 3

    def check(self, reader: Reader, entries: Entries, question: dict[str, Any]) -> None:
        question["answers"] = []
        if "answers" in entries:
            key_node, answers_node = entries["answers"]
            answers = reader.text_list(answers_node, "answers", "[Den Haag, 's-Gravenhage]")
            question["answers"] = [value for _item, value in answers]
            if isinstance(answers_node, yaml.SequenceNode) and not answers_node.value:
                reader.report(key_node, "a `short` question needs at least one accepted answer")
        question["case_sensitive"] = False
        if "case_sensitive" in entries:
            value = reader.boolean(entries["case_sensitive"][1], "case_sensitive")
            question["case_sensitive"] = bool(value)
        question["typos"] = 0
        if "typos" in entries:
            question["typos"] = reader.integer(entries["typos"][1], "typos") or 0

    def parse(self, payload: Payload) -> ShortQuestion:
        typos = payload.get("typos") or 0
        typos = typos if isinstance(typos, int) and not isinstance(typos, bool) and typos > 0 else 0
        return ShortQuestion(
            answers=[str(answer) for answer in payload.get("answers") or []],
            case_sensitive=bool(payload.get("case_sensitive")),
            typos=typos,
        )

    def response(self, question: ShortQuestion, name: str, seed: str, form: Mapping) -> Any:
        return typed_text(form.get(name))

    def form_values(
        self, question: ShortQuestion, name: str, seed: str, response: Any
    ) -> dict[str, Any]:
        return {name: response}

    def right_response(self, question: ShortQuestion) -> str:
        return question.answers[0]

    def grade(self, question: ShortQuestion, response: Any) -> Outcome:
        accepted = question.answers
        given = response if isinstance(response, str) else None
        right, almost, near = (False, False, None)
        if given is not None:
            right, almost = typed_match(given, accepted, question.case_sensitive, question.typos)
            near = near_answer(given, accepted, question.case_sensitive, question.typos)
        part = PartResult(
            label=Message(N_("answer")),
            given=given,
            expected=accepted[0] if accepted else "",
            right=right,
            near=near,
        )
        return Outcome(1.0 if right else 0.0, [part], almost=almost)

    def reads_gift(self, answer_text: str) -> bool:
        return True

    def read_gift(
        self, question: dict[str, Any], answer_text: str, text_format: str, note: Note
    ) -> bool:
        accepted = []
        for raw in answer_text.split("="):
            raw = raw.strip()
            if not raw:
                continue
            weight = 100.0
            if found := gift_syntax.WEIGHT.match(raw):
                weight, raw = float(found.group(1)), raw[found.end() :]
            answer, _, feedback = raw.partition("#")
            text = gift_syntax.plain(answer, text_format)[0]
            if gift_syntax.plain(feedback, text_format)[0]:
                note(f"feedback for the answer `{text}` is not kept")
            if weight < 100:
                note(f"the answer `{text}` gave {weight:g}% credit; dropped")
                continue
            if text:
                accepted.append(text)
        if not accepted:
            note("no answer earns full credit; skipped")
            return False
        question.update(type="short", answers=accepted, case_sensitive=False, typos=0)
        return True

    def missing_word_gap(self, question: dict[str, Any], note: Note) -> str | None:
        return "{" + "|".join(cloze_syntax.escape_gap(a) for a in question["answers"]) + "}"

    def gift_lost(self, question: dict[str, Any], note: Note) -> None:
        if question.get("case_sensitive"):
            note("GIFT cannot mark a short answer case sensitive; set it in Moodle")
        if question.get("typos"):
            note("GIFT has no typo allowance; only exact answers count in Moodle")

    def write_gift(
        self, question: dict[str, Any], name: str, prompt: str, explanation: str | None, note: Note
    ) -> str | None:
        lines = ["=" + gift_syntax.escape(answer) for answer in question["answers"]]
        return name + prompt + gift_syntax.answer_block(lines, explanation)

    def pack_entry(self, question: dict[str, Any]) -> dict[str, Any]:
        entry: dict[str, Any] = {"answers": list(question["answers"])}
        if question.get("case_sensitive"):
            entry["case_sensitive"] = True
        if question.get("typos"):
            entry["typos"] = question["typos"]
        return entry
