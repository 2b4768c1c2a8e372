"""Slowing down password guessing (OWASP ASVS 2.2.1) without letting a guesser lock the
owner out.

Five failures for one account from one address within 15 minutes lock that pair out
until the oldest of them is 15 minutes old. Past 100 failures an hour for an account from
all addresses together, every address that has failed for it in that hour is locked out
too, however few its failures: a spread-out attack gets one guess per address. An address
that has not failed for the account is never locked out, so whoever guesses cannot keep the
owner out of their account: they log in from their own address as usual. (A lock on the
whole account would hand that power to anyone who knows a username.) The one way left to
shut someone out is to fail from the very address they use: a classroom's shared address
is locked for that account for 15 minutes, and the teacher gets in from any other network.
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
    here, oldest_here = _failures(session, username, now - PER_ADDRESS_WINDOW, address)
    if here >= PER_ADDRESS:
        waits.append(_wait(oldest_here, PER_ADDRESS_WINDOW, now))
    here_this_hour, _ = _failures(session, username, now - PER_ACCOUNT_WINDOW, address)
    if here_this_hour:  # an address that has not failed for this account is never held up
        everywhere, oldest = _failures(session, username, now - PER_ACCOUNT_WINDOW)
        if everywhere >= PER_ACCOUNT:
            waits.append(_wait(oldest, PER_ACCOUNT_WINDOW, now))
    return max(waits, default=0)


def _wait(oldest: datetime, window: timedelta, now: datetime) -> int:
    if oldest.tzinfo is None:  # SQLite hands datetimes back naive
        oldest = oldest.replace(tzinfo=now.tzinfo)
    return int((oldest + window - now).total_seconds()) + 1


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
