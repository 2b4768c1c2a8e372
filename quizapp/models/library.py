"""The library: articles imported from packs, their analyses and their questions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import Base, utcnow


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
    # language code -> one translation per paragraph, for a learner stuck on one
    translations: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")
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
