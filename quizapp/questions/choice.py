"""`choice`: one right option out of several (radio buttons)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import cloze_syntax, gift_syntax
from .base import (
    Entries,
    Note,
    Outcome,
    Reader,
    Unmatched,
    as_index,
    display,
    places,
    position,
)
from .options import OptionsQuestion, OptionsType, read_gift_options


class ChoiceType(OptionsType):
    name = "choice"
    # A GIFT block with `~` answers is read here, as `choice` or as `multi`.
    gift_rank = 0

    def check_right(self, reader: Reader, entries: Entries, options: list[dict[str, Any]]) -> None:
        right = sum(option["correct"] for option in options)
        if right != 1:
            extra = (
                "; for several right answers use `type: multi`"
                if right > 1
                else "; mark it with `correct: true`"
            )
            reader.report(
                entries["options"][0],
                f"a `choice` question needs exactly one option with `correct: true` "
                f"(this one has {right}){extra}",
            )

    def response(self, question: OptionsQuestion, name: str, seed: str, form: Mapping) -> Any:
        return position(form.get(name), question.order(seed, name))

    def form_values(
        self, question: OptionsQuestion, name: str, seed: str, response: Any
    ) -> dict[str, Any]:
        return {name: display(response, question.order(seed, name))}

    def right_response(self, question: OptionsQuestion) -> int:
        return next(index for index, option in enumerate(question.options) if option.correct)

    def grade(self, question: OptionsQuestion, response: Any) -> Outcome:
        options = question.options
        picked = as_index(response, len(options))
        feedback = []
        if picked is not None and options[picked].feedback:
            feedback.append(str(options[picked].feedback))
        fraction = 1.0 if picked is not None and options[picked].correct else 0.0
        chosen = set() if picked is None else {picked}
        return Outcome(fraction, self.parts(question, chosen), feedback)

    def carry(self, answered: OptionsQuestion, key: OptionsQuestion, response: Any) -> Any:
        picked = as_index(response, len(answered.options))
        if picked is None:
            return None  # no answer (or a forged one) is no answer in any version
        moved = places(answered.texts, key.texts)
        if picked not in moved:
            raise Unmatched
        return moved[picked]

    def read_gift(
        self, question: dict[str, Any], answer_text: str, text_format: str, note: Note
    ) -> bool:
        return read_gift_options(question, answer_text, text_format, note)

    def missing_word_gap(self, question: dict[str, Any], note: Note) -> str | None:
        marks = []
        for option in question["options"]:
            marks.append(
                ("=" if option["correct"] else "~") + cloze_syntax.escape_gap(option["text"])
            )
            if option["feedback"]:
                note(f"feedback on the option `{option['text']}` is not kept in a cloze gap")
        return "{" + " ".join(marks) + "}"

    def write_gift(
        self, question: dict[str, Any], name: str, prompt: str, explanation: str | None, note: Note
    ) -> str | None:
        lines = [
            self.option_line("=" if option["correct"] else "~", option)
            for option in question["options"]
        ]
        return name + prompt + gift_syntax.answer_block(lines, explanation)
