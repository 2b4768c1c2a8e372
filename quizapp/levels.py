"""The CEFR levels, in order, and how they compare: the one definition every layer uses."""

from __future__ import annotations

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
# Where a learner starts before they choose under Account, and what a visitor reads at.
DEFAULT_LEVEL = "B1"


def is_level(level: object) -> bool:
    return level in LEVELS


def level_rank(level: str | None) -> int:
    """0 for A1 to 5 for C2. A level that is not one of LEVELS (None: no dictionary knows
    the word) ranks 6, above C2: what nobody could place is treated as the hardest. Code
    that marks words "above your level" asks is_level first, so an unknown word is never
    marked."""
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)
