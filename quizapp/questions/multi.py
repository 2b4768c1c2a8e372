"""`multi`: any number of right options (check boxes), each pick weighed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from . import gift_syntax
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
from .options import OptionsQuestion, OptionsType


def _picked_set(response: Any, size: int) -> set[int]:
    if response is None or isinstance(response, str | bytes | dict):
        return set()
    if not isinstance(response, Iterable):
        return set()
    picked = set()
    for value in response:
        index = as_index(value, size)
        if index is not None:
            picked.add(index)
    return picked


class MultiType(OptionsType):
    name = "multi"
    # GIFT blocks with several right answers are read by `choice` (see choice.py).

    def check_right(self, reader: Reader, entries: Entries, options: list[dict[str, Any]]) -> None:
        if not any(option["correct"] for option in options):
            reader.report(
                entries["options"][0],
                "a `multi` question needs at least one option with `correct: true`",
            )

    def response(self, question: OptionsQuestion, name: str, seed: str, form: Mapping) -> Any:
        perm = question.order(seed, name)
        picked = {position(raw, perm) for raw in form.getlist(name)}
        return sorted(i for i in picked if i is not None)

    def form_values(
        self, question: OptionsQuestion, name: str, seed: str, response: Any
    ) -> dict[str, Any]:
        perm = question.order(seed, name)
        # In the order the boxes stand on the page, as a browser would send them.
        return {name: sorted((display(i, perm) for i in response), key=int)}

    def right_response(self, question: OptionsQuestion) -> list[int]:
        return [index for index, option in enumerate(question.options) if option.correct]

    def picked(self, response: Any) -> list[Any]:
        return response if isinstance(response, list) else [response]

    def grade(self, question: OptionsQuestion, response: Any) -> Outcome:
        options = question.options
        picked = _picked_set(response, len(options))
        correct_count = sum(1 for option in options if option.correct)
        right_picks = sum(1 for index in picked if options[index].correct)
        wrong_picks = len(picked) - right_picks
        fraction = (right_picks - wrong_picks) / correct_count if correct_count else 0.0
        feedback = [
            str(options[index].feedback) for index in sorted(picked) if options[index].feedback
        ]
        return Outcome(fraction, self.parts(question, picked), feedback)

    def carry(self, answered: OptionsQuestion, key: OptionsQuestion, response: Any) -> Any:
        picked = _picked_set(response, len(answered.options))
        moved = places(answered.texts, key.texts)
        if not picked <= moved.keys():
            raise Unmatched
        return sorted(moved[index] for index in picked)

    def write_gift(
        self, question: dict[str, Any], name: str, prompt: str, explanation: str | None, note: Note
    ) -> str | None:
        share = 100 / sum(1 for option in question["options"] if option["correct"])
        if share < 10:
            note("Moodle cannot weigh more than 10 right options equally")
        lines = [
            self.option_line(
                f"~%{gift_syntax.weight(share if option['correct'] else -share)}%", option
            )
            for option in question["options"]
        ]
        return name + prompt + gift_syntax.answer_block(lines, explanation)
