"""Accounts and failed logins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from sqlalchemy import Boolean, Index, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.levels import DEFAULT_LEVEL
from quizapp.models.base import Base, utcnow

ROLES = ("learner", "teacher", "admin")
TEACHING_ROLES = ("teacher", "admin")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(10), default="learner")
    level: Mapped[str] = mapped_column(String(2), default=DEFAULT_LEVEL)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Copied into the session cookie at login and compared on every request: raising it
    # (logout, a password change) makes every cookie issued before worthless.
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The language meanings are shown in (quizapp.language.glosses); English by default.
    gloss_language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")
    # The interface's language (quizapp.web.i18n); None follows the browser's.
    interface_language: Mapped[str | None] = mapped_column(String(8), default=None)
    # Set by a password reset: the temporary password only opens the page to choose one.
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )

    # Flask-Login's user interface.
    is_active = True
    is_authenticated = True
    is_anonymous = False

    def get_id(self) -> str:
        return str(self.id)

    @property
    def is_teacher(self) -> bool:
        return self.role in TEACHING_ROLES


class LoginFailure(Base):
    """A failed login, kept for throttling guessers (quizapp.auth.throttle)."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_username_at", "username", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40))  # lower-cased
    address: Mapped[str] = mapped_column(String(45))
    at: Mapped[datetime] = mapped_column(default=utcnow)


@dataclass(frozen=True, slots=True)
class SignedInUser:
    """Who is logged in, as Flask-Login's current_user: plain values read when the request
    starts. Every logged-in request loads one, and a row of five columns costs a fraction
    of an ORM object. To change the account, change its User row."""

    id: int
    username: str
    role: str
    level: str
    session_version: int
    must_change_password: bool = False
    gloss_language: str = "en"
    interface_language: str | None = None

    is_active: ClassVar[bool] = True
    is_authenticated: ClassVar[bool] = True
    is_anonymous: ClassVar[bool] = False

    def get_id(self) -> str:
        return str(self.id)

    @property
    def is_teacher(self) -> bool:
        return self.role in TEACHING_ROLES
