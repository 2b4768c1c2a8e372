"""The database tables, as typed SQLAlchemy 2.0 models. Nothing here commits."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

ROLES = ("learner", "teacher", "admin")
TEACHING_ROLES = ("teacher", "admin")
LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    # Named constraints, so Alembic's batch mode can alter them on SQLite.
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, datetime: DateTime(timezone=True)}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(10), default="learner")
    level: Mapped[str] = mapped_column(String(2), default="B1")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Copied into the session cookie at login and compared on every request: raising it
    # (logout, a password change) makes every cookie issued before worthless.
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    # Flask-Login's user interface.
    is_active = True
    is_authenticated = True
    is_anonymous = False

    def get_id(self) -> str:
        return str(self.id)

    @property
    def is_teacher(self) -> bool:
        return self.role in TEACHING_ROLES


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    source: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[str | None] = mapped_column(String(20))
    level: Mapped[str | None] = mapped_column(String(2))
    tags: Mapped[list[Any]] = mapped_column(default=list)
    text: Mapped[str] = mapped_column(Text)
    glossary: Mapped[dict[str, Any]] = mapped_column(default=dict)
    generate: Mapped[dict[str, Any]] = mapped_column(default=dict)
    pack_path: Mapped[str] = mapped_column(String(500))
    content_hash: Mapped[str] = mapped_column(String(64))
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)

    questions: Mapped[list[Question]] = relationship(
        back_populates="article", order_by="Question.position"
    )


class ArticleAnalysis(Base):
    """The Dutch pipeline's output for an article, computed once at import."""

    __tablename__ = "article_analyses"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    text_hash: Mapped[str] = mapped_column(String(64))
    lexicon_version: Mapped[str] = mapped_column(String(40))
    stats: Mapped[dict[str, Any]] = mapped_column(default=dict)
    tokens: Mapped[list[Any]] = mapped_column(default=list)


class Question(Base):
    """One version of a question. Editing a question in its pack adds a version; answers
    stay attached to the version that was answered."""

    __tablename__ = "questions"
    __table_args__ = (UniqueConstraint("article_id", "key", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    key: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, default=1)
    type: Mapped[str] = mapped_column(String(20))
    payload: Mapped[dict[str, Any]] = mapped_column()
    content_hash: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(10), default="authored")
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    article: Mapped[Article] = relationship(back_populates="questions")


class Attempt(Base):
    """A learner's go at an article's quiz. `seq` counts the posts it has accepted: a form
    carries the seq it was rendered with, so a stale or replayed post is refused."""

    __tablename__ = "attempts"

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


class LoginFailure(Base):
    """A failed login, kept for throttling guessers (quizapp.throttle)."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_username_at", "username", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40))  # lower-cased
    address: Mapped[str] = mapped_column(String(45))
    at: Mapped[datetime] = mapped_column(default=utcnow)


from quizapp.teacher.models import ClassMembership, SchoolClass  # noqa: E402,F401
from quizapp.vocab.models import VocabCard, VocabItem, VocabReview, VocabSettings  # noqa: E402,F401
