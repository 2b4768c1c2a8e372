"""Item analysis in the manner of Moodle's quiz statistics report. Pure functions: no
database, no Flask; the teacher dashboard feeds them rows it has already read.

An *attempt* here is a mapping item -> (points scored, points possible). Items are
question versions: two versions of one question are two items, because they asked
different things.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from quizapp.questions import TYPES
from quizapp.questions.base import OptionPick
from quizapp.translatable import N_

TOO_HARD_BELOW = 0.2
TOO_EASY_ABOVE = 0.95
# Below this many answers an item is not flagged: three learners who all got it right
# say nothing about whether it is too easy. The page says "too few answers" instead.
MIN_ANSWERS_TO_FLAG = 10

# English (the CSV keeps it), marked for the page, which shows them with |translated.
FLAG_TOO_HARD = N_("too hard")
FLAG_TOO_EASY = N_("too easy")
FLAG_NEGATIVE = N_("negative discrimination")

AttemptScores = Mapping[Hashable, tuple[float, float]]


@dataclass(frozen=True)
class ItemStats:
    n: int  # attempts that contained the item
    facility: float | None  # mean share of the item's points scored, 0..1
    discrimination: float | None  # corrected item-total correlation (item vs rest of test)
    top_bottom: float | None  # facility in the top third minus facility in the bottom third
    flags: tuple[str, ...]

    @property
    def looks_broken(self) -> bool:
        return bool(self.flags)

    @property
    def too_few(self) -> bool:
        """Too few answers to flag it either way (MIN_ANSWERS_TO_FLAG)."""
        return self.n < MIN_ANSWERS_TO_FLAG


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r; None when it is undefined (fewer than two pairs or no spread)."""
    n = len(xs)
    if n != len(ys) or n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return sxy / math.sqrt(sxx * syy)


def flags_for(facility: float | None, discrimination: float | None) -> tuple[str, ...]:
    found = []
    if facility is not None and facility < TOO_HARD_BELOW:
        found.append(FLAG_TOO_HARD)
    if facility is not None and facility > TOO_EASY_ABOVE:
        found.append(FLAG_TOO_EASY)
    if discrimination is not None and discrimination < 0:
        found.append(FLAG_NEGATIVE)
    return tuple(found)


def _fraction(score: float, max_score: float) -> float:
    return score / max_score if max_score > 0 else 0.0


def item_statistics(attempts: Sequence[AttemptScores]) -> dict[Hashable, ItemStats]:
    """Facility and two discrimination figures for every item seen in `attempts`.

    Discrimination is the correlation of the item's score with the *rest* of the test
    (the attempt's total minus this item), so an item is not correlated with itself;
    for a right/wrong item that is the point-biserial correlation. Top-vs-bottom ranks
    the attempts that contained the item by their total share (ties keep input order)
    and compares the item's facility in the top and bottom third."""
    totals = []
    for attempt in attempts:
        points = sum(score for score, _ in attempt.values())
        possible = sum(max_score for _, max_score in attempt.values())
        totals.append((points, _fraction(points, possible)))

    items: dict[Hashable, list[tuple[float, float, float]]] = {}
    for attempt, (points, share) in zip(attempts, totals, strict=True):
        for item, (score, max_score) in attempt.items():
            items.setdefault(item, []).append((_fraction(score, max_score), points - score, share))

    result = {}
    for item, rows in items.items():
        fractions = [f for f, _, _ in rows]
        facility = mean(fractions)
        discrimination = pearson(fractions, [rest for _, rest, _ in rows])
        result[item] = ItemStats(
            n=len(rows),
            facility=facility,
            discrimination=discrimination,
            top_bottom=_top_bottom(rows),
            flags=flags_for(facility, discrimination) if len(rows) >= MIN_ANSWERS_TO_FLAG else (),
        )
    return result


def _top_bottom(rows: list[tuple[float, float, float]]) -> float | None:
    third = len(rows) // 3
    if third == 0:
        return None
    ranked = sorted(rows, key=lambda row: row[2])
    bottom = mean([f for f, _, _ in ranked[:third]])
    top = mean([f for f, _, _ in ranked[-third:]])
    assert bottom is not None and top is not None
    return top - bottom


def option_picks(payload: Mapping[str, Any], responses: Iterable[Any]) -> list[OptionPick] | None:
    """How often each option was picked, from canonical responses (choice: the option's
    index, multi: a list of indices, truefalse: a bool). None for other question types.
    Blank answers are not an option; the caller counts them from n."""
    kind = TYPES.get(str(payload.get("type")))
    return None if kind is None else kind.option_picks(payload, responses)


def histogram(shares: Iterable[float], bins: int = 10) -> list[int]:
    """Counts of scores (0..1) in `bins` equal bins; the last bin includes 1.0."""
    counts = [0] * bins
    for share in shares:
        clamped = min(max(share, 0.0), 1.0)
        # The epsilon keeps 0.7 (7/10) out of the 60% bin when 0.7 * 10 rounds down.
        counts[min(int(clamped * bins + 1e-9), bins - 1)] += 1
    return counts


def bin_labels(bins: int = 10) -> list[str]:
    step = 100 // bins
    return [
        f"{i * step}–{(i + 1) * step}%" if i == bins - 1 else f"{i * step}–{(i + 1) * step - 1}%"
        for i in range(bins)
    ]
