"""Which version of a question each answer of an attempt is marked against, read the same
way by the learner's results (quizapp.quiz) and the teacher's view of an attempt
(quizapp.classes, whose regrade after a fixed key writes the history read here).

An answer stays on the question version the learner answered. A regrade may mark it
against a later version, the fixed key, and its Regrade row records which; the pages mark
the stored response again against that version, because only the points are stored, not
the per-part marks and feedback. Nothing here commits."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.grading import Grade, Unmatched, carry, grade
from quizapp.models import Attempt, Question, Regrade
from quizapp.questions import TYPES


def regrades_of(session: Session, attempt_ids: list[int]) -> dict[int, list[Regrade]]:
    """Each attempt's regrades, oldest first."""
    found: dict[int, list[Regrade]] = defaultdict(list)
    if attempt_ids:
        for regrade in session.scalars(
            select(Regrade)
            .where(Regrade.attempt_id.in_(attempt_ids))
            .order_by(Regrade.at, Regrade.id)
        ):
            found[regrade.attempt_id].append(regrade)
    return found


def graded_against(regrades: Iterable[Regrade]) -> dict[int, int]:
    """answered question id -> the version its latest regrade graded it against (`regrades`
    oldest first, as regrades_of gives them)."""
    found: dict[int, int] = {}
    for regrade in regrades:
        for entry in regrade.answers:
            found[entry["answered_question_id"]] = entry["graded_question_id"]
    return found


def stored_response(payload: dict[str, Any], stored: dict[str, Any] | None) -> Any:
    """An Answer's stored response as the grader reads it, for the version answered;
    None when there is no answer."""
    kind = TYPES.get(str(payload.get("type")))
    value = (stored or {}).get("value")
    return value if kind is None else kind.from_json(value)


@dataclass(frozen=True)
class MarkedAnswer:
    number: int  # the question's place in the quiz, from 1
    answered: Question  # the version the learner answered
    question: Question  # the version marked against: after a regrade, the fixed key
    response: Any  # as stored, for the version answered
    grade: Grade

    @property
    def status(self) -> str:
        return self.grade.status


def marked_answers(
    session: Session, attempt: Attempt, regrades: Iterable[Regrade]
) -> list[MarkedAnswer]:
    """The attempt's questions in quiz order, each answer marked against the key its
    points came from: the version answered, or the one its latest regrade used, for the
    option the learner chose wherever that version has it. A question left unanswered is
    marked as no response."""
    answers = {a.question_id: a for a in attempt.answers}
    against = graded_against(regrades)
    wanted = set(attempt.question_ids) | set(against.values())
    questions = {q.id: q for q in session.scalars(select(Question).where(Question.id.in_(wanted)))}
    found = []
    for question_id in attempt.question_ids:
        answered = questions.get(question_id)
        if answered is None:
            continue
        key = questions.get(against.get(question_id, question_id), answered)
        answer = answers.get(question_id)
        response = stored_response(answered.payload, answer.response) if answer else None
        try:
            marked = grade(key.payload, carry(answered.payload, key.payload, response))
        except Unmatched:
            # A regrade records only a version it could carry the answer to, so this is
            # a regrade from before regrades carried answers, or a payload since broken:
            # the answer is shown against the version the learner answered.
            key, marked = answered, grade(answered.payload, response)
        found.append(MarkedAnswer(len(found) + 1, answered, key, response, marked))
    return found
