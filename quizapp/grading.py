"""Scoring for every question type, with partial credit where the pack format gives it.

Pure functions only: a question is the normalised payload dict produced by the pack loader,
a response is the canonical value the quiz page collects. Nothing here touches the database,
so the web quiz, the import and the tests all share one definition of "right".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from quizapp.cloze import parse_cloze
from quizapp.normalise import answer_readings, edit_distance, normalise_answer

# A typed answer this close to an accepted one earns "almost — check your spelling".
ALMOST_DISTANCE = 2


# --------------------------------------------------------------------------- grades


@dataclass(frozen=True)
class PartResult:
    """One option, gap, pair or position of a question, as the learner left it."""

    label: str
    given: str | None
    expected: str
    right: bool


@dataclass(frozen=True)
class Grade:
    score: float
    max_score: float
    correct: bool
    almost: bool = False
    parts: list[PartResult] = field(default_factory=list)
    feedback: list[str] = field(default_factory=list)


PICKED = "picked"
NOT_PICKED = "not picked"


def grade(question: dict[str, Any], response: Any) -> Grade:
    """Score a response to one question; a missing or malformed response scores 0."""
    points = _points(question)
    grader = _GRADERS.get(str(question.get("type")))
    if grader is None:
        return Grade(score=0.0, max_score=points, correct=False)
    try:
        fraction, parts, feedback, almost = grader(question, response)
    except (TypeError, ValueError, KeyError, AttributeError, IndexError):
        # A payload or response of the wrong shape is the learner's zero, not a server error.
        return Grade(score=0.0, max_score=points, correct=False)
    fraction = min(1.0, max(0.0, fraction))
    correct = fraction >= 1.0
    return Grade(
        score=fraction * points,
        max_score=points,
        correct=correct,
        almost=almost and not correct,
        parts=parts,
        feedback=feedback,
    )


_Outcome = tuple[float, list[PartResult], list[str], bool]


def _points(question: dict[str, Any]) -> float:
    value = question.get("points", 1)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return 1.0
    return float(value)


def _as_index(value: Any, size: int) -> int | None:
    """An index into a list of `size`, or None for anything else (bools, negatives, text)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 <= value < size else None


def _options(question: dict[str, Any]) -> list[dict[str, Any]]:
    return list(question.get("options") or [])


def _grade_choice(question: dict[str, Any], response: Any) -> _Outcome:
    options = _options(question)
    picked = _as_index(response, len(options))
    parts = [
        PartResult(
            label=str(option["text"]),
            given=PICKED if index == picked else None,
            expected=PICKED if option.get("correct") else NOT_PICKED,
            right=(index == picked) == bool(option.get("correct")),
        )
        for index, option in enumerate(options)
    ]
    feedback = []
    if picked is not None and options[picked].get("feedback"):
        feedback.append(str(options[picked]["feedback"]))
    fraction = 1.0 if picked is not None and options[picked].get("correct") else 0.0
    return fraction, parts, feedback, False


def _picked_set(response: Any, size: int) -> set[int]:
    if response is None or isinstance(response, str | bytes | dict):
        return set()
    if not isinstance(response, Iterable):
        return set()
    picked = set()
    for value in response:
        index = _as_index(value, size)
        if index is not None:
            picked.add(index)
    return picked


def _grade_multi(question: dict[str, Any], response: Any) -> _Outcome:
    options = _options(question)
    picked = _picked_set(response, len(options))
    correct_count = sum(1 for option in options if option.get("correct"))
    right_picks = sum(1 for index in picked if options[index].get("correct"))
    wrong_picks = len(picked) - right_picks
    fraction = (right_picks - wrong_picks) / correct_count if correct_count else 0.0
    parts = [
        PartResult(
            label=str(option["text"]),
            given=PICKED if index in picked else None,
            expected=PICKED if option.get("correct") else NOT_PICKED,
            right=(index in picked) == bool(option.get("correct")),
        )
        for index, option in enumerate(options)
    ]
    feedback = [
        str(options[index]["feedback"])
        for index in sorted(picked)
        if options[index].get("feedback")
    ]
    return fraction, parts, feedback, False


def _truth_word(value: bool | None) -> str | None:
    return None if value is None else ("true" if value else "false")


def _grade_truefalse(question: dict[str, Any], response: Any) -> _Outcome:
    expected = bool(question["answer"])
    given = response if isinstance(response, bool) else None
    right = given is expected
    part = PartResult(
        label="answer", given=_truth_word(given), expected=_truth_word(expected) or "", right=right
    )
    return (1.0 if right else 0.0), [part], [], False


def typed_match(
    given: str, accepted: list[str], case_sensitive: bool, typos: int
) -> tuple[bool, bool]:
    """(right, almost) for a typed answer against the accepted ones."""
    readings = [typed for typed in answer_readings(given, case_sensitive) if typed]
    if not readings:
        return False, False
    best = min(
        (
            edit_distance(typed, normalise_answer(answer, case_sensitive))
            for answer in accepted
            for typed in readings
        ),
        default=None,
    )
    if best is None:
        return False, False
    return best <= typos, typos < best <= ALMOST_DISTANCE


def _grade_short(question: dict[str, Any], response: Any) -> _Outcome:
    accepted = [str(answer) for answer in question.get("answers") or []]
    typos = question.get("typos") or 0
    typos = typos if isinstance(typos, int) and not isinstance(typos, bool) and typos > 0 else 0
    given = response if isinstance(response, str) else None
    right, almost = (False, False)
    if given is not None:
        right, almost = typed_match(given, accepted, bool(question.get("case_sensitive")), typos)
    part = PartResult(
        label="answer", given=given, expected=accepted[0] if accepted else "", right=right
    )
    return (1.0 if right else 0.0), [part], [], almost


def _grade_cloze(question: dict[str, Any], response: Any) -> _Outcome:
    gaps = parse_cloze(str(question["text"]))
    gaps = [segment for segment in gaps if segment.is_gap]
    given_list = list(response) if isinstance(response, list | tuple) else []
    parts: list[PartResult] = []
    almost = False
    right_count = 0
    for number, gap in enumerate(gaps):
        given = given_list[number] if number < len(given_list) else None
        given = given if isinstance(given, str) else None
        right = False
        if given is not None and gap.options is not None:
            # A drop-down answer is one of the option texts; only spacing can differ.
            right = normalise_answer(given, case_sensitive=True) == normalise_answer(
                gap.answers[0], case_sensitive=True
            )
        elif given is not None:
            right, near = typed_match(given, gap.answers, case_sensitive=False, typos=0)
            almost = almost or near
        right_count += right
        parts.append(
            PartResult(
                label=f"gap {number + 1}",
                given=given,
                expected=gap.answers[0] if gap.answers else "",
                right=right,
            )
        )
    fraction = right_count / len(gaps) if gaps else 0.0
    return fraction, parts, [], almost


def _grade_match(question: dict[str, Any], response: Any) -> _Outcome:
    pairs = [(str(left), str(right)) for left, right in question.get("pairs") or []]
    chosen = response if isinstance(response, dict) else {}
    parts: list[PartResult] = []
    right_count = 0
    for index, (left, right_item) in enumerate(pairs):
        picked = _as_index(chosen.get(index), len(pairs))
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
    return fraction, parts, [], False


def _grade_order(question: dict[str, Any], response: Any) -> _Outcome:
    items = [str(item) for item in question.get("items") or []]
    placed = list(response) if isinstance(response, list | tuple) else []
    parts: list[PartResult] = []
    right_count = 0
    for position, expected in enumerate(items):
        index = _as_index(placed[position], len(items)) if position < len(placed) else None
        right = index == position
        right_count += right
        parts.append(
            PartResult(
                label=f"position {position + 1}",
                given=items[index] if index is not None else None,
                expected=expected,
                right=right,
            )
        )
    fraction = right_count / len(items) if items else 0.0
    return fraction, parts, [], False


_GRADERS = {
    "choice": _grade_choice,
    "multi": _grade_multi,
    "truefalse": _grade_truefalse,
    "short": _grade_short,
    "cloze": _grade_cloze,
    "match": _grade_match,
    "order": _grade_order,
}
