"""`match`: each left-hand item paired with its right-hand one from a drop-down."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from quizapp.normalise import normalise_answer

from . import gift_syntax
from .base import (
    Choice,
    Entries,
    Note,
    Outcome,
    PartResult,
    Payload,
    QuestionType,
    QuestionView,
    Reader,
    as_index,
    display,
    permutation,
    position,
    reordering,
)


@dataclass(frozen=True)
class MatchQuestion:
    pairs: list[tuple[str, str]]

    def order(self, seed: str, name: str) -> list[int]:
        return permutation(seed, name, len(self.pairs))


class MatchType(QuestionType):
    name = "match"
    keys = ("pairs",)
    required = ("pairs",)
    shuffled_by_default = True
    gift_rank = 1

    def check(self, reader: Reader, entries: Entries, question: dict[str, Any]) -> None:
        question["pairs"] = []
        if "pairs" not in entries:
            return
        key_node, pairs_node = entries["pairs"]
        pair_entries = reader.mapping(
            pairs_node, "`pairs`", duplicate="the left-hand item `{key}` appears twice"
        )
        if pair_entries is None:
            return
        pairs: list[list[str]] = []
        seen: dict[str, int] = {}
        for left, (left_node, right_node) in pair_entries.items():
            right = reader.text(right_node, f"the match for `{left}`")
            if right is None:
                if isinstance(right_node, yaml.ScalarNode):
                    reader.report(right_node, f"`{left}` has no right-hand item to match")
                continue
            folded = normalise_answer(right)
            if folded in seen:
                reader.report(
                    right_node,
                    f"the right-hand item `{right}` appears twice (first on line {seen[folded]}); "
                    "learners could not tell the pairs apart",
                )
            seen.setdefault(folded, right_node.start_mark.line + 1)
            if not left.strip():
                reader.report(left_node, "an empty left-hand item in `pairs`")
            pairs.append([left, right])
        if len(pair_entries) < 2:
            reader.report(key_node, "a `match` question needs at least two pairs")
        question["pairs"] = pairs

    def parse(self, payload: Payload) -> MatchQuestion:
        return MatchQuestion(
            [(str(left), str(right)) for left, right in payload.get("pairs") or []]
        )

    def view(self, question: MatchQuestion, view: QuestionView, seed: str) -> None:
        view.lefts = [left for left, _ in question.pairs]
        perm = question.order(seed, view.name)
        view.choices = [Choice(str(pos), question.pairs[i][1]) for pos, i in enumerate(perm)]

    def response(self, question: MatchQuestion, name: str, seed: str, form: Mapping) -> Any:
        perm = question.order(seed, name)
        return {i: position(form.get(f"{name}-{i}"), perm) for i in range(len(question.pairs))}

    def form_values(
        self, question: MatchQuestion, name: str, seed: str, response: Any
    ) -> dict[str, Any]:
        perm = question.order(seed, name)
        return {f"{name}-{left}": display(right, perm) for left, right in response.items()}

    def from_json(self, stored: Any) -> Any:
        # JSON object keys are text; the grader's are the left-hand items' indices.
        if isinstance(stored, dict):
            return {int(k): v for k, v in stored.items()}
        return stored

    def right_response(self, question: MatchQuestion) -> dict[int, int]:
        return {i: i for i in range(len(question.pairs))}

    def grade(self, question: MatchQuestion, response: Any) -> Outcome:
        pairs = question.pairs
        chosen = response if isinstance(response, dict) else {}
        parts: list[PartResult] = []
        right_count = 0
        for index, (left, right_item) in enumerate(pairs):
            picked = as_index(chosen.get(index), len(pairs))
            right = picked == index
            right_count += right
            parts.append(
                PartResult(
                    label=left,
                    given=pairs[picked][1] if picked is not None else None,
                    expected=right_item,
                    right=right,
                )
            )
        fraction = right_count / len(pairs) if pairs else 0.0
        return Outcome(fraction, parts)

    def carry(self, answered: MatchQuestion, key: MatchQuestion, response: Any) -> Any:
        # Only between the same left-hand and right-hand items, however the fix paired them:
        # a learner never matched an item they were not shown.
        lefts = reordering([left for left, _ in answered.pairs], [left for left, _ in key.pairs])
        rights = reordering([r for _, r in answered.pairs], [r for _, r in key.pairs])
        chosen = response if isinstance(response, dict) else {}
        size = len(answered.pairs)
        return {
            lefts[left]: rights.get(as_index(right, size))
            for left, right in chosen.items()
            if as_index(left, size) is not None
        }

    # ------------------------------------------------------------------ GIFT

    def reads_gift(self, answer_text: str) -> bool:
        return "=" in answer_text and "->" in answer_text

    def read_gift(
        self, question: dict[str, Any], answer_text: str, text_format: str, note: Note
    ) -> bool:
        pairs = []
        for raw in answer_text.split("="):
            if not raw.strip():
                continue
            left, arrow, right = raw.partition("->")
            if not arrow:
                note("a matching answer without `->`; skipped")
                return False
            left_text = gift_syntax.plain(left, text_format)[0]
            right_text = gift_syntax.restore(right).strip()
            if not left_text:
                note(f"the extra right-hand item `{right_text}` was dropped")
                continue
            pairs.append([left_text, right_text])
        if len(pairs) < 2:
            note("a matching question needs two pairs; skipped")
            return False
        question["type"] = "match"
        question["pairs"] = pairs
        return True

    def gift_lost(self, question: dict[str, Any], note: Note) -> None:
        if question.get("shuffle") is False:
            note("GIFT cannot switch off shuffling; set it in Moodle")

    def write_gift(
        self, question: dict[str, Any], name: str, prompt: str, explanation: str | None, note: Note
    ) -> str | None:
        lines = []
        for left, right in question["pairs"]:
            if "->" in left:
                note(f"the left item `{left}` contains `->`, which GIFT reads as the arrow")
            lines.append("=" + gift_syntax.escape(left) + " -> " + gift_syntax.escape(right))
        return name + prompt + gift_syntax.answer_block(lines, explanation)

    def pack_entry(self, question: dict[str, Any]) -> dict[str, Any]:
        return {"pairs": {left: right for left, right in question["pairs"]}}
