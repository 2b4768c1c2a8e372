"""What happens to an account as a whole: its sessions ended, its password set or reset,
everything stored about it exported or deleted (a learner's data is theirs: GDPR arts.
15, 17, 20). The auth, classes and admin pages all use these; none of them commits.

Which rows are a user's is read from the tables' foreign keys to users.id, so a table
added later is exported and cleared without anyone remembering to list it here."""

from __future__ import annotations

import secrets
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Table, delete, func, insert, select, update
from sqlalchemy.orm import Session
from werkzeug.security import generate_password_hash

from quizapp.models import Base, LoginFailure, SchoolClass, User, WebPack, utcnow
from quizapp.translatable import N_

# Kept, moved to a nameless stand-in, when a learner is deleted: a class's results and
# the item statistics are made of these rows, and they stay true without the person.
KEPT_FOR_STATISTICS = {("attempts", "user_id"), ("class_memberships", "user_id")}
# Parents shared with other people: their child rows are not this user's data.
SHARED_PARENTS = {"school_classes"}
# A temporary password read out or written on a slip: no 0/O, 1/l/I.
_TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
STAND_IN_PREFIX = "deleted-"


class AccountError(ValueError):
    pass


def end_sessions(session: Session, user_id: int) -> None:
    """Every session cookie this user has been given stops working, in every browser:
    for a logout, and for a password change or reset (which then logs the browser that
    made the change in again with quizapp.auth.views.log_in, on the new version)."""
    session.execute(
        update(User)
        .where(User.id == user_id)
        .values(session_version=User.session_version + 1)
        .execution_options(synchronize_session=False)
    )


def set_password(session: Session, user: User, password: str, must_change: bool = False) -> None:
    """A new password, and every session the user had ends (the caller logs its own
    browser back in when the user made the change themselves)."""
    user.password_hash = generate_password_hash(password)
    user.must_change_password = must_change
    session.flush()
    end_sessions(session, user.id)
    session.refresh(user)


def temporary_password() -> str:
    """Three groups of four, ~59 bits: typed once, then replaced by the learner."""
    chars = "".join(secrets.choice(_TEMPORARY_ALPHABET) for _ in range(12))
    return "-".join(chars[i : i + 4] for i in range(0, 12, 4))


def reset_password(session: Session, user: User) -> str:
    """A temporary password that only lets the user choose a new one; shown once."""
    password = temporary_password()
    set_password(session, user, password, must_change=True)
    return password


def user_columns() -> list[tuple[Table, Column]]:
    """Every column in the schema that points at users.id."""
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if any(fk.column.table.name == "users" for fk in column.foreign_keys):
                found.append((table, column))
    return found


def _child_columns(parent: Table) -> list[tuple[Table, Column]]:
    return [
        (table, column)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        for fk in column.foreign_keys
        if fk.column.table is parent and table.name != "users"
    ]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _rows(session: Session, table: Table, where) -> list[dict[str, Any]]:
    query = select(table).where(where)
    if "id" in table.c:
        query = query.order_by(table.c.id)
    return [
        {key: _plain(value) for key, value in row._mapping.items()}
        for row in session.execute(query)
    ]


def export_user(session: Session, user_id: int) -> dict[str, Any]:
    """Everything stored about a user, as JSON-ready data: the account (without the
    password hash), then per table the rows that name them and the rows that hang on
    those (an attempt's answers, a word's review cards)."""
    user = session.get_one(User, user_id)
    account = {
        column.key: _plain(getattr(user, column.key))
        for column in User.__table__.columns
        if column.key != "password_hash"
    }
    tables: dict[str, list[dict[str, Any]]] = {}
    seen: set[tuple[str, Any]] = set()

    def add(name: str, rows: list[dict[str, Any]]) -> None:
        # A row reached twice (a regrade by the learner's own attempt and by them) once.
        for row in rows:
            key = (name, row.get("id", id(row)))
            if key not in seen:
                seen.add(key)
                tables.setdefault(name, []).append(row)

    for table, column in user_columns():
        rows = _rows(session, table, column == user_id)
        add(table.name, rows)
        if table.name in SHARED_PARENTS or not rows or "id" not in table.c:
            continue
        ids = [row["id"] for row in rows]
        for child, child_column in _child_columns(table):
            add(child.name, _rows(session, child, child_column.in_(ids)))
    named = LoginFailure.username == user.username.lower()
    add("login_failures", _rows(session, LoginFailure.__table__, named))
    return {"format": 1, "exported_at": _plain(utcnow()), "account": account, "tables": tables}


def deletable_problem(session: Session, user: User) -> str | None:
    """Why this account cannot be deleted here, or None."""
    if user.role != "learner":
        return N_("Only a learner's account is deleted here; an admin first changes the role.")
    if session.scalar(select(func.count()).where(SchoolClass.owner_id == user.id)):
        return N_("This account owns classes; hand them to a teacher first.")
    # Refused like a class, not deleted with the account: a published pack is a text
    # learners' scores hang on, and its versions may be other people's edits.
    if session.scalar(select(func.count()).where(WebPack.owner_id == user.id)):
        return N_(
            "This account owns packs made in the browser, which learners' scores hang on; "
            "they are not deleted with it."
        )
    return None


def delete_user(session: Session, user_id: int) -> str:
    """Remove a learner: their words, reviews, settings and login failures go; their
    attempts and class places move to a nameless stand-in account (which cannot log in),
    so every class's results and statistics stay as they were. The stand-in's name."""
    user = session.get_one(User, user_id)
    problem = deletable_problem(session, user)
    if problem:
        raise AccountError(problem)
    stand_in_name = f"{STAND_IN_PREFIX}{secrets.token_hex(5)}"
    stand_in_id = session.execute(
        insert(User)
        .values(
            username=stand_in_name,
            password_hash="!",  # matches no password: werkzeug refuses the format
            role="learner",
            level=user.level,
            created_at=utcnow(),
        )
        .returning(User.id)
    ).scalar_one()
    for table, column in user_columns():
        if (table.name, column.name) in KEPT_FOR_STATISTICS:
            session.execute(
                update(table).where(column == user_id).values({column.name: stand_in_id})
            )
        elif column.nullable:
            session.execute(update(table).where(column == user_id).values({column.name: None}))
        else:
            session.execute(delete(table).where(column == user_id))
    session.execute(delete(LoginFailure).where(LoginFailure.username == user.username.lower()))
    session.expunge(user)
    session.execute(delete(User).where(User.id == user_id))
    return stand_in_name
