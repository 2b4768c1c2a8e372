"""What `choice` and `multi` share: a list of options, some marked right.

The options are read, shown, counted and written the same way for both; only how many
may be right, how a pick is graded and how GIFT weighs them differ (see choice.py and
multi.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml

from quizapp.normalise import normalise_answer

from . import gift_syntax
from .base import (
    NOT_PICKED,
    PICKED,
    Choice,
    Entries,
    Note,
    OptionPick,
    PartResult,
    Payload,
    QuestionType,
    QuestionView,
    Reader,
    permutation,
)

OPTION_KEYS = ("text", "correct", "feedback")


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str | None


@dataclass(frozen=True)
class OptionsQuestion:
    options: list[Option]
    shuffle: bool

    def order(self, seed: str, name: str) -> list[int]:
        return permutation(seed, name, len(self.options), self.shuffle)

    @property
    def texts(self) -> list[str]:
        return [option.text for option in self.options]


def _check_option(reader: Reader, node: yaml.Node) -> dict[str, Any] | None:
    if isinstance(node, yaml.ScalarNode):
        text = reader.text(node, "option")
        if text is None:
            reader.report(node, "an empty option")
            return None
        return {"text": text, "correct": False, "feedback": None}
    entries = reader.mapping(node, "an option")
    if entries is None:
        return None
    reader.unknown_keys(entries, OPTION_KEYS, "an option")
    reader.require(entries, node, ("text",), "this option")
    text = reader.optional_text(entries, "text", required=True)
    correct = False
    if "correct" in entries:
        correct = bool(reader.boolean(entries["correct"][1], "correct"))
    feedback = reader.optional_text(entries, "feedback")
    if text is None:
        return None
    return {"text": text, "correct": correct, "feedback": feedback}


class OptionsType(QuestionType):
    keys = ("options",)
    required = ("options",)
    shuffled_by_default = True

    def check(self, reader: Reader, entries: Entries, question: dict[str, Any]) -> None:
        options = self.check_options(reader, entries, question)
        if options is not None:
            self.check_right(reader, entries, options)

    def check_right(self, reader: Reader, entries: Entries, options: list[dict[str, Any]]) -> None:
        """Report a wrong number of right options."""

    @staticmethod
    def check_options(
        reader: Reader, entries: Entries, question: dict[str, Any]
    ) -> list[dict[str, Any]] | None:
        question["options"] = []
        if "options" not in entries:
            return None
        key_node, node = entries["options"]
        if not isinstance(node, yaml.SequenceNode):
            reader.report(node, f"`options` must be a list of options, not {reader.kind_of(node)}")
            return None
        options: list[dict[str, Any]] = []
        seen: dict[str, int] = {}
        for item in node.value:
            option = _check_option(reader, item)
            if option is None:
                continue
            folded = normalise_answer(option["text"])
            if folded in seen:
                reader.report(
                    item,
                    f"the option `{option['text']}` appears twice (first on line {seen[folded]})",
                )
            seen.setdefault(folded, item.start_mark.line + 1)
            options.append(option)
        if len(node.value) < 2:
            reader.report(key_node, "a question needs at least two options")
        question["options"] = options
        return options

    def parse(self, payload: Payload) -> OptionsQuestion:
        return OptionsQuestion(
            options=[
                Option(
                    text=str(option["text"]),
                    correct=bool(option.get("correct")),
                    feedback=option.get("feedback"),
                )
                for option in payload.get("options") or []
            ],
            shuffle=payload.get("shuffle", True),
        )

    def view(self, question: OptionsQuestion, view: QuestionView, seed: str) -> None:
        perm = question.order(seed, view.name)
        view.choices = [Choice(str(pos), question.options[i].text) for pos, i in enumerate(perm)]

    @staticmethod
    def parts(question: OptionsQuestion, picked: set[int]) -> list[PartResult]:
        return [
            PartResult(
                label=option.text,
                given=PICKED if index in picked else None,
                expected=PICKED if option.correct else NOT_PICKED,
                right=(index in picked) == option.correct,
            )
            for index, option in enumerate(question.options)
        ]

    def picked(self, response: Any) -> list[Any]:
        """The indices one canonical response picks (not yet checked)."""
        return [response]

    def option_picks(self, payload: Payload, responses: Iterable[Any]) -> list[OptionPick] | None:
        options = payload.get("options", [])
        counts = [0] * len(options)
        for response in responses:
            for index in self.picked(response):
                # A response from an older form can name an index this version lacks.
                valid = isinstance(index, int) and not isinstance(index, bool)
                if valid and 0 <= index < len(counts):
                    counts[index] += 1
        return [
            OptionPick(str(option.get("text", "")), bool(option.get("correct")), count)
            for option, count in zip(options, counts, strict=True)
        ]

    # ------------------------------------------------------------------ GIFT

    def reads_gift(self, answer_text: str) -> bool:
        return "~" in answer_text

    def gift_lost(self, question: dict[str, Any], note: Note) -> None:
        if question.get("shuffle") is False:
            note("GIFT cannot switch off shuffling; set it in Moodle")

    @staticmethod
    def option_line(mark: str, option: dict[str, Any]) -> str:
        line = mark + gift_syntax.escape(option["text"])
        if option.get("feedback"):
            line += "#" + gift_syntax.escape(option["feedback"])
        return line

    def pack_entry(self, question: dict[str, Any]) -> dict[str, Any]:
        return {
            "options": [
                option["text"]
                if not option["correct"] and not option.get("feedback")
                else {
                    "text": option["text"],
                    **({"correct": True} if option["correct"] else {}),
                    **({"feedback": option["feedback"]} if option.get("feedback") else {}),
                }
                for option in question["options"]
            ]
        }


def split_gift_answers(answer_text: str, text_format: str) -> list[tuple[str, float, str]]:
    """(text, weight in percent, feedback) per answer, as Moodle reads a choice block."""
    answers = []
    for raw in answer_text.replace("=", "~=").split("~"):
        raw = raw.strip()
        if not raw:
            continue
        if raw.startswith("="):
            weight, raw = 100.0, raw[1:]
        elif found := gift_syntax.WEIGHT.match(raw):
            weight, raw = float(found.group(1)), raw[found.end() :]
        else:
            weight = 0.0
        answer, _, feedback = raw.partition("#")
        answers.append(
            (
                gift_syntax.plain(answer, text_format)[0],
                weight,
                gift_syntax.plain(feedback, text_format)[0],
            )
        )
    return answers


def read_gift_options(
    question: dict[str, Any], answer_text: str, text_format: str, note: Note
) -> bool:
    """A GIFT block with `~` answers: `choice` with one `=` answer, `multi` otherwise."""
    answers = split_gift_answers(answer_text, text_format)
    if len(answers) < 2:
        note("a multiple choice question needs two answers; skipped")
        return False
    right = [weight for _text, weight, _fb in answers if weight > 0]
    question["options"] = [
        {"text": text, "correct": weight > 0, "feedback": feedback or None}
        for text, weight, feedback in answers
    ]
    if not right:
        note("no answer has a positive weight; skipped")
        return False
    has_equals = "=" in answer_text
    if has_equals and len(right) == 1:
        question["type"] = "choice"
        if right[0] != 100:
            note(f"the only right answer weighs {right[0]:g}%; it counts fully")
        return True
    question["type"] = "multi"
    if has_equals:
        note("several answers carry credit; imported as `multi`")
    share = 100 / len(right)
    wrong = [weight for _text, weight, _fb in answers if weight <= 0]
    if any(abs(weight - share) > 0.01 for weight in right) or any(
        abs(weight + share) > 0.01 for weight in wrong
    ):
        note(
            "answer weights become equal shares: each right pick earns "
            f"{share:g}% and each wrong pick costs {share:g}%"
        )
    return True
