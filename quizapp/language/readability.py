"""Readability formulas for Dutch and a CEFR-like level estimate."""

from __future__ import annotations

from quizapp.levels import LEVELS

# Zipf frequency thresholds of the learner bands (wordfreq, Dutch), most frequent first.
ZIPF_BANDS: tuple[tuple[float, str], ...] = (
    (5.5, "A1"),
    (4.8, "A2"),
    (4.3, "B1"),
    (3.8, "B2"),
    (3.3, "C1"),
)


def level_for_zipf(zipf: float) -> str:
    return next((level for threshold, level in ZIPF_BANDS if zipf >= threshold), "C2")


def flesch_douma(words: int, sentences: int, syllables: int) -> float:
    if not words or not sentences:
        return 0.0
    return 206.835 - 0.93 * (words / sentences) - 77 * (syllables / words)


def brouwer(words: int, sentences: int, syllables: int) -> float:
    if not words or not sentences:
        return 0.0
    return 195 - 2 * (words / sentences) - 67 * (syllables / words)


def estimate_level(douma: float, word_levels: list[str]) -> str:
    """A2..C1 from the average of two estimates: sentence difficulty (Douma) and vocabulary.

    Vocabulary: the band that covers 90% of the running words, since a learner reads
    comfortably when nearly every word is known. Douma cut-offs follow the usual reading
    (above 70 easy, 50-60 fairly hard, below 40 hard) spread over A2..C1.
    """
    by_douma = 1 if douma >= 70 else 2 if douma >= 55 else 3 if douma >= 40 else 4
    if word_levels:
        ranks = sorted(LEVELS.index(level) for level in word_levels)
        by_words = ranks[min(len(ranks) - 1, int(0.9 * len(ranks)))]
    else:
        by_words = by_douma
    rank = round((by_douma + by_words) / 2 + 1e-9)
    return LEVELS[min(4, max(1, rank))]
