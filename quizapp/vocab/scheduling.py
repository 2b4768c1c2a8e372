"""FSRS scheduling as pure functions over JSON card state (no database, no Flask).

The `fsrs` package does the maths; this wrapper fixes how we call it: every time is UTC,
the card state travels as `fsrs.Card.to_dict()`, and typed recall answers become grades
with the quiz's own answer normalisation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fsrs import Card, Rating, Scheduler

from quizapp.grading import typed_match
from quizapp.translatable import N_

# English, marked for translation: the page shows each in its language, and its English
# name in lower case is the grade's CSS class.
RATINGS = {1: N_("Again"), 2: N_("Hard"), 3: N_("Good"), 4: N_("Easy")}
MIN_RETENTION, MAX_RETENTION = 0.7, 0.97


@dataclass(frozen=True)
class Reviewed:
    state: dict[str, Any]
    due: datetime
    last_review: datetime


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes for timezone-aware columns; they were stored as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def new_card(card_id: int, now: datetime) -> dict[str, Any]:
    """A card never reviewed, due at once."""
    return Card(card_id=card_id, due=as_utc(now)).to_dict()


def valid_retention(value: float) -> bool:
    # Outside this band FSRS gives absurd workloads (0.99) or forgets most words (0.5).
    return MIN_RETENTION <= value <= MAX_RETENTION


def review(
    state: dict[str, Any],
    rating: int,
    now: datetime,
    desired_retention: float = 0.9,
    fuzz: bool = True,
) -> Reviewed:
    """The card after the learner graded it `rating` (1-4) at `now`."""
    if rating not in RATINGS:
        raise ValueError(f"rating must be 1-4, not {rating!r}")
    if not valid_retention(desired_retention):
        raise ValueError(f"desired retention {desired_retention} is out of range")
    scheduler = Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)
    card, _log = scheduler.review_card(Card.from_dict(state), Rating(rating), as_utc(now))
    return Reviewed(card.to_dict(), as_utc(card.due), as_utc(card.last_review or now))


def next_dues(
    state: dict[str, Any], now: datetime, desired_retention: float = 0.9
) -> dict[int, datetime]:
    """Rating → when the card would come back, for the label on each grade button. Without
    fuzz: the figure shown is FSRS's own interval (the real grade adds at most a few percent
    of jitter to long intervals)."""
    return {
        rating: review(state, rating, now, desired_retention, fuzz=False).due for rating in RATINGS
    }


def typed_rating(given: str, accepted: list[str]) -> int:
    """A recall card's grade from what was typed: right → Good, a near miss (a typo or
    two) → Hard, anything else → Again. Same normalisation as the quiz's short answers."""
    right, almost = typed_match(given, accepted, case_sensitive=False, typos=0)
    if right:
        return int(Rating.Good)
    return int(Rating.Hard if almost else Rating.Again)
