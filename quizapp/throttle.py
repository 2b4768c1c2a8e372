"""Slowing down password guessing (OWASP ASVS 2.2.1).

Five failures for one account from one address within 15 minutes lock that pair out
until the oldest of them is 15 minutes old; at most 100 failures an hour are counted for an
account from all addresses together, so a spread-out attack cannot go on guessing either.
Failures live in the database, so every worker sees the same counts."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from quizapp.models import LoginFailure, utcnow

PER_ADDRESS = 5
PER_ADDRESS_WINDOW = timedelta(minutes=15)
PER_ACCOUNT = 100
PER_ACCOUNT_WINDOW = timedelta(hours=1)


def _failures(session: Session, username: str, since: datetime, address: str | None = None):
    query = select(func.count(), func.min(LoginFailure.at)).where(
        LoginFailure.username == username.lower(), LoginFailure.at > since
    )
    if address is not None:
        query = query.where(LoginFailure.address == address)
    return session.execute(query).one()


def retry_after(session: Session, username: str, address: str, now: datetime | None = None) -> int:
    """Seconds until this account may be tried again from this address; 0 when it may now."""
    now = now or utcnow()
    waits = []
    for limit, window, where in (
        (PER_ADDRESS, PER_ADDRESS_WINDOW, address),
        (PER_ACCOUNT, PER_ACCOUNT_WINDOW, None),
    ):
        count, oldest = _failures(session, username, now - window, where)
        if count >= limit:
            if oldest.tzinfo is None:  # SQLite hands datetimes back naive
                oldest = oldest.replace(tzinfo=now.tzinfo)
            waits.append(int((oldest + window - now).total_seconds()) + 1)
    return max(waits, default=0)


def record_failure(session: Session, username: str, address: str) -> None:
    session.add(LoginFailure(username=username.lower()[:40], address=address[:45]))


def forget_failures(session: Session, username: str, address: str) -> None:
    session.execute(
        delete(LoginFailure).where(
            LoginFailure.username == username.lower(), LoginFailure.address == address
        )
    )


def prune(session: Session, now: datetime | None = None) -> None:
    """Failures older than the longest window count for nothing."""
    cutoff = (now or utcnow()) - max(PER_ADDRESS_WINDOW, PER_ACCOUNT_WINDOW)
    session.execute(delete(LoginFailure).where(LoginFailure.at < cutoff))
