"""Turning a quiz form into canonical responses, and back.

Options are shown in an order shuffled per attempt, and the form posts *display
positions*, never pack indices: otherwise the HTML of an `order` or `match` question would
give the answer away (item 0 first, item 1 second...). The same seeded permutation maps
the positions back when grading and forward when showing a saved draft.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from quizapp.cloze import cloze_gaps, parse_cloze
from quizapp.inputs import parse_int


@dataclass
class Choice:
    value: str
    text: str


@dataclass
class QuestionView:
    """What the quiz page needs to show one question; holds no answer."""

    name: str  # form field prefix, e.g. "q3"
    type: str
    prompt: str | None
    points: float
    hint: str | None
    choices: list[Choice] = field(default_factory=list)  # choice, multi, match right side, order
    lefts: list[str] = field(default_factory=list)  # match
    segments: list[dict[str, Any]] = field(default_factory=list)  # cloze
    slots: int = 0  # order: number of positions


def permutation(seed: str, name: str, count: int, shuffle: bool = True) -> list[int]:
    """perm[display position] = pack index."""
    order = list(range(count))
    if shuffle:
        random.Random(f"{seed}:{name}").shuffle(order)
    return order


def question_view(payload: dict[str, Any], name: str, seed: str) -> QuestionView:
    kind = payload["type"]
    view = QuestionView(
        name=name,
        type=kind,
        prompt=payload.get("prompt"),
        points=payload.get("points", 1),
        hint=payload.get("hint"),
    )
    if kind in ("choice", "multi"):
        options = payload["options"]
        perm = permutation(seed, name, len(options), payload.get("shuffle", True))
        view.choices = [Choice(str(pos), options[i]["text"]) for pos, i in enumerate(perm)]
    elif kind == "match":
        pairs = payload["pairs"]
        view.lefts = [left for left, _ in pairs]
        perm = permutation(seed, name, len(pairs))
        view.choices = [Choice(str(pos), pairs[i][1]) for pos, i in enumerate(perm)]
    elif kind == "order":
        items = payload["items"]
        perm = permutation(seed, name, len(items))
        view.choices = [Choice(str(pos), items[i]) for pos, i in enumerate(perm)]
        view.slots = len(items)
    elif kind == "cloze":
        gap = 0
        for segment in parse_cloze(payload["text"]):
            if not segment.is_gap:
                view.segments.append({"kind": "text", "text": segment.text})
                continue
            entry: dict[str, Any] = {"kind": "gap", "field": f"{name}-g{gap}"}
            if segment.options:
                perm = permutation(seed, f"{name}-g{gap}", len(segment.options))
                entry["options"] = [segment.options[i] for i in perm]
            view.segments.append(entry)
            gap += 1
    return view


def _position(raw: str | None, perm: list[int]) -> int | None:
    pos = parse_int(raw)
    return perm[pos] if pos is not None and pos < len(perm) else None


def _text(raw: str | None, limit: int = 500) -> str | None:
    if raw is None:
        return None
    return raw[:limit] if raw.strip() else None


def parse_response(payload: dict[str, Any], name: str, seed: str, form: Mapping) -> Any:
    """The learner's answer to one question in the grader's canonical form.

    Forged or missing values become "no answer", never an error: a learner's odd post is
    graded, not crashed on."""
    kind = payload["type"]
    if kind == "choice":
        perm = permutation(seed, name, len(payload["options"]), payload.get("shuffle", True))
        return _position(form.get(name), perm)
    if kind == "multi":
        perm = permutation(seed, name, len(payload["options"]), payload.get("shuffle", True))
        picked = {_position(raw, perm) for raw in form.getlist(name)}
        return sorted(i for i in picked if i is not None)
    if kind == "truefalse":
        return {"true": True, "false": False}.get(form.get(name, ""))
    if kind == "short":
        return _text(form.get(name))
    if kind == "cloze":
        gaps = cloze_gaps(payload["text"])
        return [_text(form.get(f"{name}-g{i}"), 200) for i in range(len(gaps))]
    if kind == "match":
        perm = permutation(seed, name, len(payload["pairs"]))
        return {i: _position(form.get(f"{name}-{i}"), perm) for i in range(len(payload["pairs"]))}
    if kind == "order":
        perm = permutation(seed, name, len(payload["items"]))
        return [_position(form.get(f"{name}-{p}"), perm) for p in range(len(payload["items"]))]
    return None


def form_values(payload: dict[str, Any], name: str, seed: str, response: Any) -> dict[str, Any]:
    """A saved response as the form's field values, to show a draft again."""
    kind = payload["type"]
    if response is None:
        return {}

    def display(index: int | None, count: int, shuffle: bool = True) -> str | None:
        if index is None:
            return None
        return str(permutation(seed, name, count, shuffle).index(index))

    if kind == "choice":
        return {name: display(response, len(payload["options"]), payload.get("shuffle", True))}
    if kind == "multi":
        shuffle = payload.get("shuffle", True)
        return {name: [display(i, len(payload["options"]), shuffle) for i in response]}
    if kind == "truefalse":
        return {name: "true" if response else "false"}
    if kind == "short":
        return {name: response}
    if kind == "cloze":
        return {f"{name}-g{i}": value for i, value in enumerate(response)}
    if kind == "match":
        count = len(payload["pairs"])
        return {f"{name}-{left}": display(right, count) for left, right in response.items()}
    if kind == "order":
        count = len(payload["items"])
        return {f"{name}-{pos}": display(item, count) for pos, item in enumerate(response)}
    return {}


def chosen_options(values: dict[str, Any]) -> set[tuple[str, str]]:
    """(field, value) for every option a draft chose (a "multi" field chooses several): the
    page marks hundreds of options, and a set answers each in one look."""
    return {
        (field, option)
        for field, value in values.items()
        for option in (value if isinstance(value, list) else [value])
        if option is not None
    }


def to_json(response: Any) -> Any:
    """Canonical responses as JSON (dict keys become strings)."""
    if isinstance(response, dict):
        return {str(k): v for k, v in response.items()}
    return response


def from_json(payload: dict[str, Any], stored: Any) -> Any:
    if payload["type"] == "match" and isinstance(stored, dict):
        return {int(k): v for k, v in stored.items()}
    return stored
