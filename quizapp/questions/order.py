"""`order`: items the learner puts in the right order, one drop-down per position."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from quizapp.normalise import normalise_answer
from quizapp.translatable import N_, Message

from .base import (
    Choice,
    Entries,
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
class OrderQuestion:
    items: list[str]

    def order(self, seed: str, name: str) -> list[int]:
        return permutation(seed, name, len(self.items))


class OrderType(QuestionType):
    name = "order"
    keys = ("items",)
    required = ("items",)
    shuffled_by_default = True
    always_shuffled = "the items of an `order` question are always shown shuffled; remove `shuffle`"
    gift_unsupported = "GIFT has no ordering questions; not exported"

    def check(self, reader: Reader, entries: Entries, question: dict[str, Any]) -> None:
        question["items"] = []
        if "items" not in entries:
            return
        key_node, items_node = entries["items"]
        items = reader.text_list(items_node, "items", "[eerst, dan, daarna]")
        seen: dict[str, int] = {}
        for item_node, value in items:
            folded = normalise_answer(value)
            if folded in seen:
                reader.report(
                    item_node,
                    f"the item `{value}` appears twice (first on line {seen[folded]}); "
                    "the right order would be ambiguous",
                )
            seen.setdefault(folded, item_node.start_mark.line + 1)
        if isinstance(items_node, yaml.SequenceNode) and len(items_node.value) < 2:
            reader.report(key_node, "an `order` question needs at least two items")
        question["items"] = [value for _node, value in items]

    def parse(self, payload: Payload) -> OrderQuestion:
        return OrderQuestion([str(item) for item in payload.get("items") or []])

    def view(self, question: OrderQuestion, view: QuestionView, seed: str) -> None:
        perm = question.order(seed, view.name)
        view.choices = [Choice(str(pos), question.items[i]) for pos, i in enumerate(perm)]
        view.slots = len(question.items)

    def response(self, question: OrderQuestion, name: str, seed: str, form: Mapping) -> Any:
        perm = question.order(seed, name)
        return [position(form.get(f"{name}-{p}"), perm) for p in range(len(question.items))]

    def form_values(
        self, question: OrderQuestion, name: str, seed: str, response: Any
    ) -> dict[str, Any]:
        perm = question.order(seed, name)
        return {f"{name}-{pos}": display(item, perm) for pos, item in enumerate(response)}

    def right_response(self, question: OrderQuestion) -> list[int]:
        return list(range(len(question.items)))

    def grade(self, question: OrderQuestion, response: Any) -> Outcome:
        items = question.items
        placed = list(response) if isinstance(response, list | tuple) else []
        parts: list[PartResult] = []
        right_count = 0
        for slot, expected in enumerate(items):
            index = as_index(placed[slot], len(items)) if slot < len(placed) else None
            right = index == slot
            right_count += right
            parts.append(
                PartResult(
                    label=Message(N_("position %(number)s"), {"number": slot + 1}),
                    given=items[index] if index is not None else None,
                    expected=expected,
                    right=right,
                )
            )
        fraction = right_count / len(items) if items else 0.0
        return Outcome(fraction, parts)

    def carry(self, answered: OrderQuestion, key: OrderQuestion, response: Any) -> Any:
        # Only among the same items: a position means something only beside the others,
        # so an item added or taken out makes it another question, not a fixed key.
        moved = reordering(answered.items, key.items)
        placed = list(response) if isinstance(response, list | tuple) else []
        return [moved.get(as_index(index, len(answered.items))) for index in placed]

    def pack_entry(self, question: dict[str, Any]) -> dict[str, Any]:
        return {"items": list(question["items"])}
