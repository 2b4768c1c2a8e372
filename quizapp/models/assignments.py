"""Assignments (a text set for a class, with an optional due date) and regrades (an
attempt's score recomputed after a key was fixed; the earlier score is kept here)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, Float, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.attempts import Attempt
from quizapp.models.base import Base, utcnow
from quizapp.models.classes import SchoolClass
from quizapp.models.library import Article


class Assignment(Base):
    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("class_id", "article_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(
        ForeignKey("school_classes.id", ondelete="CASCADE"), index=True
    )
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    # Who set it; the assignment outlives that account.
    assigned_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    due: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    school_class: Mapped[SchoolClass] = relationship()
    article: Mapped[Article] = relationship()


class Regrade(Base):
    """One attempt regraded: its score before and after, and per answer what changed
    (`answers`: answer id, the question version answered, the version graded against,
    old and new points). The attempt and its answers carry the new score; this row is the
    history, so nothing a learner was once told is lost."""

    __tablename__ = "regrades"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("attempts.id", ondelete="CASCADE"), index=True
    )
    regraded_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    old_score: Mapped[float] = mapped_column(Float)
    old_max_score: Mapped[float] = mapped_column(Float)
    new_score: Mapped[float] = mapped_column(Float)
    new_max_score: Mapped[float] = mapped_column(Float)
    answers: Mapped[list[Any]] = mapped_column(default=list)

    attempt: Mapped[Attempt] = relationship()
