"""Saved words, their review cards (FSRS state), the review log and per-learner settings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import Base, utcnow
from quizapp.models.library import Article

DIRECTIONS = ("recognition", "recall")
DEFAULT_RETENTION = 0.9


class VocabItem(Base):
    """A word a learner saved, by lemma, with where they met it."""

    __tablename__ = "vocab_items"
    __table_args__ = (UniqueConstraint("user_id", "lemma"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    lemma: Mapped[str] = mapped_column(String(100))
    form: Mapped[str] = mapped_column(String(100))
    meaning: Mapped[str] = mapped_column(Text, default="")  # from the glossary or lexicon
    own_meaning: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    gender: Mapped[str | None] = mapped_column(String(6))  # "de", "het" or "de/het"
    level: Mapped[str | None] = mapped_column(String(2))
    sentence: Mapped[str] = mapped_column(Text, default="")
    sentence_index: Mapped[int | None] = mapped_column(Integer)
    # A word outlives the article it was met in (a teacher may remove the pack).
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    article: Mapped[Article | None] = relationship()
    cards: Mapped[list[VocabCard]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="VocabCard.id"
    )

    @property
    def shown_meaning(self) -> str:
        return self.own_meaning or self.meaning


class VocabCard(Base):
    """One direction of a word, scheduled by FSRS. `state` is fsrs.Card.to_dict(); `due` is
    copied out of it so due cards can be found with an index. `seq` counts accepted reviews:
    a grade form carries it, so a replayed or stale post cannot review the card twice."""

    __tablename__ = "vocab_cards"
    __table_args__ = (UniqueConstraint("item_id", "direction"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("vocab_items.id", ondelete="CASCADE"), index=True
    )
    direction: Mapped[str] = mapped_column(String(12))
    state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    due: Mapped[datetime] = mapped_column(index=True)
    last_review: Mapped[datetime | None] = mapped_column()
    seq: Mapped[int] = mapped_column(Integer, default=0)

    item: Mapped[VocabItem] = relationship(back_populates="cards")


class VocabReview(Base):
    """The review log: one row per accepted grade. Rows stay when a word is removed
    (card_id becomes NULL), so a learner's history of reviews per day stays true."""

    __tablename__ = "vocab_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    card_id: Mapped[int | None] = mapped_column(
        ForeignKey("vocab_cards.id", ondelete="SET NULL"), index=True
    )
    lemma: Mapped[str] = mapped_column(String(100))
    direction: Mapped[str] = mapped_column(String(12))
    rating: Mapped[int] = mapped_column(Integer)  # fsrs.Rating: 1 Again, 2 Hard, 3 Good, 4 Easy
    typed: Mapped[str | None] = mapped_column(String(200))  # recall cards: what was typed
    reviewed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    due_before: Mapped[datetime] = mapped_column()
    due_after: Mapped[datetime] = mapped_column()


class VocabSettings(Base):
    __tablename__ = "vocab_settings"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    desired_retention: Mapped[float] = mapped_column(Float, default=DEFAULT_RETENTION)
