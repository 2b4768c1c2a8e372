"""Scoring for every question type, with partial credit where the pack format gives it.

Pure functions only: a question is the normalised payload dict produced by the pack loader,
a response is the canonical value the quiz page collects. Nothing here touches the database,
so the web quiz, the import and the tests all share one definition of "right". How each type
is graded lives with the type, in quizapp.questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quizapp.questions import TYPES
from quizapp.questions.base import (
    ALMOST_DISTANCE,
    NOT_PICKED,
    PICKED,
    PartResult,
    Unmatched,
    typed_match,
)

__all__ = [
    "ALMOST_DISTANCE",
    "NOT_PICKED",
    "PICKED",
    "Grade",
    "PartResult",
    "Unmatched",
    "carry",
    "grade",
    "typed_match",
]


@dataclass(frozen=True)
class Grade:
    score: float
    max_score: float
    correct: bool
    almost: bool = False
    parts: list[PartResult] = field(default_factory=list)
    feedback: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        """right, partly or wrong: what a results page shows at a glance."""
        if self.correct:
            return "right"
        return "partly" if self.score > 0 else "wrong"


def grade(question: dict[str, Any], response: Any) -> Grade:
    """Score a response to one question; a missing or malformed response scores 0."""
    points = _points(question)
    kind = TYPES.get(str(question.get("type")))
    if kind is None:
        return Grade(score=0.0, max_score=points, correct=False)
    try:
        outcome = kind.grade(kind.parse(question), response)
    except (TypeError, ValueError, KeyError, AttributeError, IndexError):
        # A payload or response of the wrong shape is the learner's zero, not a server error.
        return Grade(score=0.0, max_score=points, correct=False)
    fraction = min(1.0, max(0.0, outcome.fraction))
    correct = fraction >= 1.0
    return Grade(
        score=fraction * points,
        max_score=points,
        correct=correct,
        almost=outcome.almost and not correct,
        parts=outcome.parts,
        feedback=outcome.feedback,
    )


def carry(answered: dict[str, Any], key: dict[str, Any], response: Any) -> Any:
    """A response to the `answered` version of a question as a response to its `key`
    version, for a regrade after a fixed key: the option, item or pair the learner chose,
    wherever it now stands, never whatever now stands at the index it had. Raises
    Unmatched when the key lacks what they chose, is of another type, or either payload is
    broken (there is then nothing sure to mark)."""
    if answered == key:
        return response
    kind = TYPES.get(str(answered.get("type")))
    if kind is None or key.get("type") != answered.get("type"):
        raise Unmatched
    try:
        return kind.carry(kind.parse(answered), kind.parse(key), response)
    except (TypeError, ValueError, KeyError, AttributeError, IndexError) as error:
        raise Unmatched from error


def _points(question: dict[str, Any]) -> float:
    value = question.get("points", 1)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return 1.0
    return float(value)
