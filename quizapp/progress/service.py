"""A learner's progress: scores per article and over time, words reviewed, what they miss."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from quizapp.models import (
    Answer,
    Article,
    Attempt,
    ClassMembership,
    Question,
    SchoolClass,
    VocabReview,
)


@dataclass(frozen=True)
class ArticleProgress:
    article: Article
    best: float  # 0..1
    latest: float
    attempts: int
    last: datetime


@dataclass(frozen=True)
class Progress:
    articles: list[ArticleProgress]
    timeline: list[tuple[datetime, float]]  # every finished attempt, oldest first


def _share(score: float | None, max_score: float | None) -> float:
    return (score or 0.0) / max_score if max_score else 0.0


def learner_progress(session: Session, user_id: int) -> Progress:
    """One query: a learner's finished attempts are few enough to fold in Python."""
    rows = session.execute(
        select(Attempt.finished_at, Attempt.score, Attempt.max_score, Article)
        .join(Article, Article.id == Attempt.article_id)
        .where(Attempt.user_id == user_id, Attempt.state == "finished")
        .order_by(Attempt.finished_at, Attempt.id)
    ).all()
    per_article: dict[int, ArticleProgress] = {}
    timeline = []
    for finished_at, score, max_score, article in rows:
        share = _share(score, max_score)
        timeline.append((finished_at, share))
        seen = per_article.get(article.id)
        per_article[article.id] = ArticleProgress(
            article=article,
            best=max(share, seen.best) if seen else share,
            latest=share,
            attempts=(seen.attempts if seen else 0) + 1,
            last=finished_at,
        )
    ordered = sorted(per_article.values(), key=lambda p: p.last, reverse=True)
    return Progress(ordered, timeline)


@dataclass(frozen=True)
class Missed:
    question: Question  # the newest version answered
    article: Article
    wrong: int
    answered: int


def most_missed(session: Session, user_id: int, limit: int = 10) -> list[Missed]:
    """Questions (all versions of one question together) this learner most often did not
    get fully right."""
    wrong = func.sum(case((Answer.correct.is_(False), 1), else_=0))
    grouped = (
        select(
            func.max(Question.id).label("question_id"),
            wrong.label("wrong"),
            func.count(Answer.id).label("answered"),
        )
        .select_from(Answer)
        .join(Attempt, Attempt.id == Answer.attempt_id)
        .join(Question, Question.id == Answer.question_id)
        .where(Attempt.user_id == user_id)
        .group_by(Question.article_id, Question.key)
        .having(wrong > 0)
        .order_by(wrong.desc(), func.max(Question.id))
        .limit(limit)
        .subquery()
    )
    rows = session.execute(
        select(Question, Article, grouped.c.wrong, grouped.c.answered)
        .join(grouped, grouped.c.question_id == Question.id)
        .join(Article, Article.id == Question.article_id)
        .order_by(grouped.c.wrong.desc(), Question.id)
    ).all()
    return [Missed(q, a, wrong, answered) for q, a, wrong, answered in rows]


def words_reviewed_per_day(
    session: Session, user_id: int, today: date, days: int = 14
) -> list[tuple[date, int]]:
    """Distinct words reviewed on each of the last `days` days (UTC), zeros included,
    oldest first. A word reviewed in both directions, or twice, counts once that day."""
    first = today - timedelta(days=days - 1)
    since = datetime(first.year, first.month, first.day, tzinfo=UTC)
    seen: dict[date, set[str]] = {first + timedelta(days=i): set() for i in range(days)}
    rows = session.execute(
        select(VocabReview.reviewed_at, VocabReview.lemma).where(
            VocabReview.user_id == user_id, VocabReview.reviewed_at >= since
        )
    )
    for moment, lemma in rows:
        # SQLite gives naive UTC; PostgreSQL an aware time in the connection's zone.
        day = moment.astimezone(UTC).date() if moment.tzinfo else moment.date()
        words = seen.get(day)
        if words is not None:
            words.add(lemma)
    return [(day, len(words)) for day, words in sorted(seen.items())]


def classes_joined(session: Session, user_id: int) -> list[SchoolClass]:
    return list(
        session.scalars(
            select(SchoolClass)
            .join(ClassMembership, ClassMembership.class_id == SchoolClass.id)
            .where(ClassMembership.user_id == user_id, ClassMembership.role == "learner")
            .order_by(SchoolClass.name)
        )
    )
