"""Learners' attempts at a quiz and the answers they gave."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import Base, utcnow
from quizapp.models.library import Article, Question
from quizapp.models.users import User


class Attempt(Base):
    """A learner's go at an article's quiz. `seq` counts the posts it has accepted: a form
    carries the seq it was rendered with, so a stale or replayed post is refused."""

    __tablename__ = "attempts"
    # The dashboard groups a class's finished attempts by learner and article and filters
    # by date: one index serves it without touching the table rows for the grouping keys.
    __table_args__ = (
        Index("ix_attempts_user_article_finished", "user_id", "article_id", "finished_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    state: Mapped[str] = mapped_column(String(12), default="in_progress")
    seq: Mapped[int] = mapped_column(Integer, default=0)
    seed: Mapped[str] = mapped_column(String(32))
    question_ids: Mapped[list[Any]] = mapped_column(default=list)
    draft: Mapped[dict[str, Any]] = mapped_column(default=dict)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column()
    score: Mapped[float | None] = mapped_column(Float)
    max_score: Mapped[float | None] = mapped_column(Float)

    user: Mapped[User] = relationship()
    article: Mapped[Article] = relationship()
    answers: Mapped[list[Answer]] = relationship(back_populates="attempt", order_by="Answer.id")


class Answer(Base):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"), index=True)
    response: Mapped[dict[str, Any]] = mapped_column()
    score: Mapped[float] = mapped_column(Float)
    max_score: Mapped[float] = mapped_column(Float)
    correct: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    attempt: Mapped[Attempt] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()
