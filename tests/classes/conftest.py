"""A school: two teachers with a class each, an admin, learners, and attempts written
straight into the database (taking quizzes through the web is tested in tests/web)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, select

from quizapp.auth import service as accounts
from quizapp.db import write_session
from quizapp.models import (
    Answer,
    Article,
    Assignment,
    Attempt,
    ClassMembership,
    Question,
    SchoolClass,
)

PASSWORD = "correct horse battery"
SEED = "biden-poetin-videogesprek"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class School:
    users: dict[str, int] = field(default_factory=dict)
    classes: dict[str, int] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)
    attempts: dict[str, int] = field(default_factory=dict)
    assignments: dict[str, int] = field(default_factory=dict)


def add_class(session, name: str, owner_id: int, code: str, learner_ids=()) -> SchoolClass:
    school_class = SchoolClass(name=name, join_code=code, owner_id=owner_id)
    session.add(school_class)
    session.flush()
    session.add_all(ClassMembership(class_id=school_class.id, user_id=uid) for uid in learner_ids)
    session.flush()
    return school_class


def add_attempt(
    session,
    user_id: int,
    article: Article,
    marks: dict[str, float],
    finished_at: datetime = START,
    responses: dict[str, object] | None = None,
) -> Attempt:
    """A finished attempt at `article` with `marks[key]` = share of the question's points
    (questions not named are left out of the attempt)."""
    questions = {
        q.key: q
        for q in session.scalars(
            select(Question).where(Question.article_id == article.id, ~Question.retired)
        )
    }
    chosen = [questions[key] for key in marks]
    attempt = Attempt(
        user_id=user_id,
        article_id=article.id,
        state="finished",
        seed="test",
        question_ids=[q.id for q in chosen],
        finished_at=finished_at,
        started_at=finished_at - timedelta(minutes=5),
    )
    session.add(attempt)
    session.flush()
    total = possible = 0.0
    for q in chosen:
        points = float(q.payload.get("points", 1))
        score = marks[q.key] * points
        total, possible = total + score, possible + points
        session.add(
            Answer(
                attempt_id=attempt.id,
                question_id=q.id,
                response={"value": (responses or {}).get(q.key, _plausible(q, marks[q.key]))},
                score=score,
                max_score=points,
                correct=marks[q.key] == 1,
                created_at=finished_at,
            )
        )
    attempt.score, attempt.max_score = total, possible
    session.flush()
    return attempt


def _plausible(question: Question, mark: float):
    """A response that fits the mark, for the option-pick counts: the right option when
    right, the first wrong one when not (other question types: no response kept)."""
    payload = question.payload
    if payload["type"] == "choice":
        right = [i for i, o in enumerate(payload["options"]) if o["correct"]]
        wrong = [i for i, o in enumerate(payload["options"]) if not o["correct"]]
        return right[0] if mark == 1 else wrong[0]
    if payload["type"] == "truefalse":
        return payload["answer"] if mark == 1 else not payload["answer"]
    return None


def seed_article(session) -> Article:
    return session.scalar(select(Article).where(Article.pack_id == SEED))


@pytest.fixture
def school(seeded_app) -> School:
    """tina teaches 'Klas 3A' (lena, lars); theo teaches 'Klas 4B' (otto); ada is admin;
    lena and otto have each finished the seed quiz once; both classes have it assigned."""
    found = School()
    with write_session(seeded_app) as session:
        for name, role in [
            ("tina", "teacher"),
            ("theo", "teacher"),
            ("ada", "admin"),
            ("lena", "learner"),
            ("lars", "learner"),
            ("otto", "learner"),
        ]:
            found.users[name] = accounts.create_user(session, name, PASSWORD, role=role).id
        u = found.users
        a = add_class(session, "Klas 3A", u["tina"], "ABCD2345", [u["lena"], u["lars"]])
        b = add_class(session, "Klas 4B", u["theo"], "WXYZ6789", [u["otto"]])
        found.classes = {"3A": a.id, "4B": b.id}
        found.codes = {"3A": a.join_code, "4B": b.join_code}
        article = seed_article(session)
        lena = add_attempt(
            session,
            u["lena"],
            article,
            {"duur": 1, "ambtgenoot": 0},
            responses={"duur": 2, "ambtgenoot": 1},
        )
        otto = add_attempt(session, u["otto"], article, {"duur": 0, "ambtgenoot": 1})
        found.attempts = {"lena": lena.id, "otto": otto.id}
        for name, class_id in found.classes.items():
            assignment = Assignment(class_id=class_id, article_id=article.id)
            session.add(assignment)
            session.flush()
            found.assignments[name] = assignment.id
    return found


class QueryCounter:
    def __init__(self, engine):
        self.engine = engine
        self.count = 0

    def _count(self, *_args, **_kwargs):
        self.count += 1

    def __enter__(self):
        self.count = 0
        event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *_exc):
        event.remove(self.engine, "before_cursor_execute", self._count)


@pytest.fixture
def count_queries(seeded_app):
    return QueryCounter(seeded_app.extensions["quizapp.engine"])
