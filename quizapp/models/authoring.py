"""Packs made in the browser: their YAML source, every saved version, who owns them and
whether learners may see them. The article they become lives in `articles` like any other;
a web pack is never written to a file, and `quizapp import` never writes over one."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import Base, utcnow

# What a web pack's article has as its `pack_path`, so problems and the dashboard point at
# the browser, never at a file.
WEB_PATH_PREFIX = "web:"


class WebPack(Base):
    __tablename__ = "web_packs"

    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[str] = mapped_column(String(100), unique=True)
    # No ondelete, as school_classes.owner_id: an owner's account is not deleted
    # (quizapp.accounts.deletable_problem), and the database refuses to drop a users row
    # a pack still names, so a pack never goes with its owner.
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    versions: Mapped[list[WebPackVersion]] = relationship(
        back_populates="pack", order_by="WebPackVersion.number"
    )

    @property
    def path(self) -> str:
        return WEB_PATH_PREFIX + self.pack_id


class WebPackVersion(Base):
    """One saved, valid source of a web pack. Never changed afterwards."""

    __tablename__ = "web_pack_versions"
    __table_args__ = (UniqueConstraint("web_pack_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    web_pack_id: Mapped[int] = mapped_column(
        ForeignKey("web_packs.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    pack: Mapped[WebPack] = relationship(back_populates="versions")
