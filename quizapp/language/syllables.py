"""Syllables of Dutch words: pyphen's nl_NL hyphenation, corrected where hyphenation points
are not syllable boundaries.

Hyphenation avoids one-letter pieces and splits by spelling rules, so `vi-deo` hides the
syllable break in "eo" and `Oek-ra-ï-ne` puts its breaks in other places. Counting vowel
nuclei inside each hyphenation piece fixes the count without losing pyphen's knowledge of
compound boundaries (where "oe" in "zee-oester" must not be read as one vowel).
"""

from __future__ import annotations

import re
from functools import cache

import pyphen

_HYPHENATOR = pyphen.Pyphen(lang="nl_NL")
# Vowel letters that make one sound together, longest first so "ieu" wins over "ie".
_NUCLEI = sorted(
    ["aai", "ooi", "oei", "eeu", "ieu", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ei"]
    + ["ui", "ou", "au", "ey", "ay", "oy"],
    key=len,
    reverse=True,
)
_VOWELS = "aeiouyáéíóúàèêâôûäëïöü"
# A diaeresis always starts a new syllable: Oe-kra-ï-ne, ge-ë-va-lu-eerd.
_DIAERESIS = "äëïöü"
_VOWEL_RUN = re.compile(f"[{_VOWELS}]+")


# One match per vowel sound, tried in order: a diaeresis letter alone, then the longest
# nucleus, then any single vowel.
_NUCLEUS = re.compile(f"[{_DIAERESIS}]|" + "|".join(_NUCLEI) + "|.")


def _nuclei_in_run(run: str) -> int:
    return len(_NUCLEUS.findall(run))


def _count_in_piece(piece: str) -> int:
    # "ij" is one vowel although j is no vowel letter: stand in a plain vowel for it.
    runs = _VOWEL_RUN.findall(piece.lower().replace("ij", "e"))
    return max(1, sum(_nuclei_in_run(run) for run in runs)) if runs else 0


@cache
def hyphenate(word: str) -> str:
    """pyphen's hyphenation, with the word's own hyphens kept between its parts."""
    return "-".join(_HYPHENATOR.inserted(part) for part in word.split("-"))


@cache
def count_syllables(word: str) -> int:
    return sum(_count_in_piece(piece) for piece in hyphenate(word).split("-") if piece)
