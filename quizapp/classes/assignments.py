"""Assignments: a text set for a class with an optional due date, who of the class has
finished it, and regrading after a key was fixed. Nothing here commits.

Regrading recomputes each stored answer against the question's current version (a fixed
key is a new version: quizapp.library.importer), for the option the learner chose wherever
the fix put it (quizapp.grading.carry), and keeps the earlier score in a Regrade row; the
attempt and its answers then carry the new score, so every page and statistic that reads
scores shows the corrected one. An answer whose choice the fix took out keeps its mark."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quizapp.classes.service import ClassError, learners_of
from quizapp.grading import Unmatched, carry, grade
from quizapp.models import (
    Answer,
    Article,
    Assignment,
    Attempt,
    ClassMembership,
    Question,
    Regrade,
    SchoolClass,
    SignedInUser,
    User,
)
from quizapp.regrading import stored_response
from quizapp.translatable import N_

# English, marked for the page, which shows them with |translated.
FINISHED, IN_PROGRESS, NOT_STARTED = N_("finished"), N_("in progress"), N_("not started")


def assignable_articles(session: Session) -> list[Article]:
    return list(session.scalars(select(Article).where(~Article.hidden).order_by(Article.title)))


def assign(
    session: Session,
    school_class: SchoolClass,
    article: Article,
    due: date | None,
    by: SignedInUser,
) -> tuple[Assignment, bool]:
    """(the assignment, whether it is new). Assigning a text again changes its due date."""
    if school_class.archived_at is not None:
        raise ClassError(N_("This class is archived; bring it back before assigning texts."))
    existing = session.scalar(
        select(Assignment).where(
            Assignment.class_id == school_class.id, Assignment.article_id == article.id
        )
    )
    if existing is not None:
        existing.due = due
        session.flush()
        return existing, False
    made = Assignment(class_id=school_class.id, article_id=article.id, due=due, assigned_by=by.id)
    session.add(made)
    session.flush()
    return made, True


def assignments_of(session: Session, class_id: int) -> list[Assignment]:
    return list(
        session.scalars(
            select(Assignment)
            .join(Article, Article.id == Assignment.article_id)
            .where(Assignment.class_id == class_id)
            .order_by(Assignment.due.is_(None), Assignment.due, Article.title)
        )
    )


def assignment_in(session: Session, class_id: int, assignment_id: int) -> Assignment | None:
    return session.scalar(
        select(Assignment).where(Assignment.id == assignment_id, Assignment.class_id == class_id)
    )


@dataclass
class LearnerProgress:
    learner: User
    state: str
    attempts: list[Attempt] = field(default_factory=list)  # newest first

    @property
    def finished(self) -> list[Attempt]:
        return [a for a in self.attempts if a.state == "finished"]

    @property
    def best(self) -> Attempt | None:
        done = self.finished
        return max(done, key=_share) if done else None


def _share(attempt: Attempt) -> float:
    return (attempt.score or 0) / attempt.max_score if attempt.max_score else 0.0


def progress(session: Session, assignment: Assignment) -> list[LearnerProgress]:
    """Every learner of the class with their attempts at the text: finished (at least
    one finished attempt), in progress (only an unfinished one) or not started."""
    learners = learners_of(session, assignment.class_id)
    by_learner: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in session.scalars(
        select(Attempt)
        .where(
            Attempt.article_id == assignment.article_id,
            Attempt.user_id.in_([learner.id for learner in learners]),
        )
        .order_by(Attempt.started_at.desc(), Attempt.id.desc())
    ):
        by_learner[attempt.user_id].append(attempt)
    found = []
    for learner in learners:
        attempts = by_learner.get(learner.id, [])
        if any(a.state == "finished" for a in attempts):
            state = FINISHED
        elif attempts:
            state = IN_PROGRESS
        else:
            state = NOT_STARTED
        found.append(LearnerProgress(learner, state, attempts))
    return found


def attempt_in_class(session: Session, class_id: int, attempt_id: int) -> Attempt | None:
    """An attempt by a learner of this class, else None (the caller answers 404)."""
    return session.scalar(
        select(Attempt)
        .join(ClassMembership, ClassMembership.user_id == Attempt.user_id)
        .where(
            Attempt.id == attempt_id,
            ClassMembership.class_id == class_id,
            ClassMembership.role == "learner",
        )
    )


def _current_versions(session: Session, article_id: int) -> dict[str, Question]:
    return {
        q.key: q
        for q in session.scalars(
            select(Question).where(Question.article_id == article_id, ~Question.retired)
        )
    }


def _key_for(answered: Question, current: dict[str, Question]) -> Question:
    """The version to grade an answer against: the question's current one when it asks
    the same kind of thing, else the version that was answered."""
    now = current.get(answered.key)
    return now if now is not None and now.type == answered.type else answered


@dataclass(frozen=True)
class RegradeSummary:
    attempts: int  # finished attempts looked at
    changed: list[Regrade]
    kept: int = 0  # answers left as they were: the fixed version lacks what the learner chose


def _regrade_answer(answer: Answer, key: Question) -> dict[str, Any] | None:
    """Mark the answer again against `key`, for what the learner chose wherever the fix put
    it; the history entry when its points change, else None. Raises Unmatched."""
    response = stored_response(answer.question.payload, answer.response)
    new = grade(key.payload, carry(answer.question.payload, key.payload, response))
    if (new.score, new.max_score, new.correct) == (answer.score, answer.max_score, answer.correct):
        return None
    entry = {
        "answer_id": answer.id,
        "answered_question_id": answer.question_id,
        "graded_question_id": key.id,
        "old_score": answer.score,
        "new_score": new.score,
        "old_max_score": answer.max_score,
        "new_max_score": new.max_score,
    }
    answer.score, answer.max_score, answer.correct = new.score, new.max_score, new.correct
    return entry


def regrade(
    session: Session, article_id: int, user_ids: list[int], by: SignedInUser
) -> RegradeSummary:
    """Regrade every finished attempt at the article by these learners against the
    current key. Only an attempt with an answer whose points change gets a Regrade row,
    so regrading twice records nothing the second time."""
    current = _current_versions(session, article_id)
    attempts = list(
        session.scalars(
            select(Attempt).where(
                Attempt.article_id == article_id,
                Attempt.user_id.in_(user_ids),
                Attempt.state == "finished",
            )
        )
    )
    changed, kept = [], 0
    for attempt in attempts:
        history, total, possible = [], 0.0, 0.0
        for answer in attempt.answers:
            try:
                entry = _regrade_answer(answer, _key_for(answer.question, current))
            except Unmatched:
                # The option they chose was taken out (or the items they ordered changed):
                # marking them against the fix would mark a choice they never made, so the
                # answer keeps its mark, and the teacher is told how many did.
                kept += 1
            else:
                if entry is not None:
                    history.append(entry)
            total, possible = total + answer.score, possible + answer.max_score
        if not history:
            continue
        old = (attempt.score or 0.0, attempt.max_score or 0.0)
        changed.append(
            Regrade(
                attempt_id=attempt.id,
                regraded_by=by.id,
                old_score=old[0],
                old_max_score=old[1],
                new_score=total,
                new_max_score=possible,
                answers=history,
            )
        )
        attempt.score, attempt.max_score = total, possible
    session.add_all(changed)
    session.flush()
    return RegradeSummary(len(attempts), changed, kept)


def assigned_count(session: Session, class_id: int) -> int:
    return session.scalar(
        select(func.count()).select_from(Assignment).where(Assignment.class_id == class_id)
    )
