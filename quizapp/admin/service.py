"""An admin's user list and role changes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.models import ROLES, User
from quizapp.translatable import N_, Message


class RoleError(ValueError):
    pass


def all_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))


def set_role(session: Session, target: User, role: str) -> bool:
    """Change a user's role; whether anything changed. Refuses to remove the last admin,
    so nobody, the admin themselves included, can lock everyone out of user management."""
    if role not in ROLES:
        raise RoleError(
            Message(
                N_("Unknown role %(role)r; choose one of %(roles)s."),
                {"role": role, "roles": ", ".join(ROLES)},
            )
        )
    if target.role == role:
        return False
    if target.role == "admin":
        # Two admins demoting each other at once must not both succeed: SQLite's write
        # transaction (begun immediately on POST) serialises them; on PostgreSQL the row
        # locks do.
        admins = session.scalars(select(User.id).where(User.role == "admin").with_for_update())
        if len(admins.all()) <= 1:
            raise RoleError(
                Message(
                    N_("%(name)s is the last admin. Make someone else an admin first."),
                    {"name": target.username},
                )
            )
    target.role = role
    session.flush()
    return True
