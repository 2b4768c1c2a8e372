"""A learner's progress: scores per article and over time, words reviewed, what they miss."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from quizapp.models import Answer, Article, Attempt, Question


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


ReviewSource = Callable[[Session, int, datetime], list[datetime]]


def no_reviews(_session: Session, _user_id: int, _since: datetime) -> list[datetime]:
    return []


def reviews_per_day(
    session: Session,
    user_id: int,
    today: date,
    days: int = 14,
    source: ReviewSource = no_reviews,
) -> list[tuple[date, int]]:
    """Words reviewed on each of the last `days` days (UTC), zeros included, oldest first.
    `source` gives the times of the learner's reviews since a moment."""
    first = today - timedelta(days=days - 1)
    since = datetime(first.year, first.month, first.day)
    counts = {first + timedelta(days=i): 0 for i in range(days)}
    for moment in source(session, user_id, since):
        day = moment.date()
        if day in counts:
            counts[day] += 1
    return sorted(counts.items())
