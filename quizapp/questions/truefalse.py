"""`truefalse`: a statement the learner marks "waar" or "niet waar"."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from quizapp.translatable import N_, Message

from . import gift_syntax
from .base import Entries, Note, OptionPick, Outcome, PartResult, Payload, QuestionType, Reader


@dataclass(frozen=True)
class TrueFalseQuestion:
    answer: bool


def _truth_word(value: bool | None) -> str | None:
    return None if value is None else ("true" if value else "false")


class TrueFalseType(QuestionType):
    name = "truefalse"
    keys = ("answer",)
    required = ("answer",)
    gift_rank = 2

    def check(self, reader: Reader, entries: Entries, question: dict[str, Any]) -> None:
        if "answer" not in entries:
            return
        answer_node = entries["answer"][1]
        value = reader.bool_value(answer_node)
        if value is not None:
            question["answer"] = value
            return
        said = str(getattr(answer_node, "value", "")).strip().lower()
        hint = ""
        if said in ("waar", "juist", "correct", "goed"):
            hint = " — write `answer: true` (learners see “waar”)"
        elif said in ("niet waar", "onwaar", "fout", "false ", "nee"):
            hint = " — write `answer: false` (learners see “niet waar”)"
        reader.report(
            answer_node,
            "`answer` must be true or false (without quotes), "
            f"not {reader.kind_of(answer_node)}{hint}",
        )

    def parse(self, payload: Payload) -> TrueFalseQuestion:
        return TrueFalseQuestion(answer=bool(payload["answer"]))

    def response(self, question: TrueFalseQuestion, name: str, seed: str, form: Mapping) -> Any:
        return {"true": True, "false": False}.get(form.get(name, ""))

    def form_values(
        self, question: TrueFalseQuestion, name: str, seed: str, response: Any
    ) -> dict[str, Any]:
        return {name: "true" if response else "false"}

    def right_response(self, question: TrueFalseQuestion) -> bool:
        return question.answer

    def grade(self, question: TrueFalseQuestion, response: Any) -> Outcome:
        expected = question.answer
        given = response if isinstance(response, bool) else None
        right = given is expected
        part = PartResult(
            label=Message(N_("answer")),
            given=_truth_word(given),
            expected=_truth_word(expected) or "",
            right=right,
        )
        return Outcome(1.0 if right else 0.0, [part])

    def option_picks(self, payload: Payload, responses: Iterable[Any]) -> list[OptionPick] | None:
        values = list(responses)
        answer = payload.get("answer")
        return [
            OptionPick("true", answer is True, sum(1 for v in values if v is True)),
            OptionPick("false", answer is False, sum(1 for v in values if v is False)),
        ]

    def reads_gift(self, answer_text: str) -> bool:
        return answer_text.split("#", 1)[0].strip() in ("T", "TRUE", "F", "FALSE")

    def read_gift(
        self, question: dict[str, Any], answer_text: str, text_format: str, note: Note
    ) -> bool:
        answer, *feedback = answer_text.split("#", 2)
        question["type"] = "truefalse"
        question["answer"] = answer.strip() in ("T", "TRUE")
        if any(gift_syntax.restore(part).strip() for part in feedback):
            note("true/false feedback is not kept; packs have none")
        return True

    def write_gift(
        self, question: dict[str, Any], name: str, prompt: str, explanation: str | None, note: Note
    ) -> str | None:
        answer = "TRUE" if question["answer"] else "FALSE"
        general = f"####{gift_syntax.escape(explanation)}" if explanation else ""
        return name + prompt + "{" + answer + general + "}"

    def pack_entry(self, question: dict[str, Any]) -> dict[str, Any]:
        return {"answer": bool(question["answer"])}
