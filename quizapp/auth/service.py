"""Creating users, checking passwords, and who is logged in."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.accounts import end_sessions
from quizapp.models import ROLES, SignedInUser, User
from quizapp.translatable import N_, Message

MIN_PASSWORD = 8
MAX_PASSWORD = 128
# \A and \Z, not ^ and $: "$" also matches before a final newline, so "alice\n" passed
# and showed up on the dashboard as a second "alice".
USERNAME_PATTERN = r"\A[A-Za-z0-9_.-]{3,40}\Z"
USERNAME_RULE = N_("Use letters, digits, dots, dashes or underscores.")

# Checked against when nobody matches, so a wrong username costs as long as a wrong password.
_DUMMY_HASH = generate_password_hash("not a real password")


__all__ = ["end_sessions"]  # kept here for the pages; it lives in quizapp.accounts


class AccountError(ValueError):
    """Why an account cannot be made: its one argument is a Message (or a marked str),
    English for the command line, translated where a page shows it."""


def normalise_username(username: str) -> str:
    """A username as it is checked and stored: NFKC turns look-alikes (full-width "ａｎｎａ",
    the Kelvin sign) into the letters they look like, so they meet the rule and the
    uniqueness check as those letters; spaces around it are dropped."""
    return unicodedata.normalize("NFKC", username).strip()


def find_user(session: Session, username: str) -> User | None:
    wanted = normalise_username(username).lower()
    return session.scalar(select(User).where(func.lower(User.username) == wanted))


def password_problem(password: str, username: str = "") -> Message | None:
    """Why a new password will not do, or None (OWASP ASVS 2.1: length, breached lists)."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        return Message(
            N_("Use at least %(least)s characters (at most %(most)s)."),
            {"least": MIN_PASSWORD, "most": MAX_PASSWORD},
        )
    if password.lower() == username.lower() or password.lower() in _common_passwords():
        return Message(N_("This password is one of the most common ones. Choose another."))
    return None


def _common_passwords() -> dict[str, int]:
    # zxcvbn's ranked list of the 30,000 most used passwords; imported late, it is big.
    from zxcvbn.matching import RANKED_DICTIONARIES

    return RANKED_DICTIONARIES["passwords"]


def create_user(session: Session, username: str, password: str, role: str = "learner") -> User:
    if role not in ROLES:
        raise AccountError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    username = normalise_username(username)
    if not re.fullmatch(USERNAME_PATTERN, username):
        raise AccountError(
            Message(
                N_(
                    "%(name)r will not do as a username. Use letters, digits, dots, dashes"
                    " or underscores."
                ),
                {"name": username},
            )
        )
    problem = password_problem(password, username)
    if problem:
        raise AccountError(problem)
    # Hashed before the first query: on SQLite that query takes the write lock, and the
    # hash takes a tenth of a second on purpose (see auth.login).
    password_hash = generate_password_hash(password)
    if find_user(session, username) is not None:
        raise AccountError(Message(N_("That username is taken.")))
    user = User(username=username, password_hash=password_hash, role=role)
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    user = find_user(session, username)
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    return user if check_password_hash(user.password_hash, password) else None


# The session version comes with the row every request loads anyway, so checking that a
# cookie is still good costs no query of its own.
_SIGNED_IN = select(
    User.id,
    User.username,
    User.role,
    User.level,
    User.session_version,
    User.must_change_password,
    User.gloss_language,
    User.interface_language,
).where(User.id == bindparam("user_id"))


def signed_in_user(
    session: Session, user_id: int, session_version: int | None
) -> SignedInUser | None:
    """The user a session cookie names, or None when that cookie has been ended (by a
    logout or a password change since it was issued) or the user is gone."""
    row = session.connection().execute(_SIGNED_IN, {"user_id": user_id}).first()
    if row is None or row.session_version != session_version:
        return None
    return SignedInUser(*row)


def set_level(session: Session, user_id: int, level: str) -> None:
    session.get_one(User, user_id).level = level


def set_gloss_language(session: Session, user_id: int, language: str) -> None:
    session.get_one(User, user_id).gloss_language = language


def set_interface_language(session: Session, user_id: int, language: str | None) -> None:
    session.get_one(User, user_id).interface_language = language
