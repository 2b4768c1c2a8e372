"""Number words built from parts are read as numbers, not guessed as compounds."""

from __future__ import annotations

import pytest

from quizapp.language.analyse import analyse_text
from quizapp.language.numbers import cardinal, english_ordinal, number_meaning


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        ("vijfentwintig", "twenty-five"),
        ("tweeëntwintig", "twenty-two"),
        ("eenentwintig", "twenty-one"),
        ("tweeduizend", "two thousand"),
        ("zevenhonderd", "seven hundred"),
        ("honderdduizend", "one hundred thousand"),
        ("eenentwintigste", "twenty-first"),
        ("tachtigste", "eightieth"),
        ("tienduizenden", "tens of thousands"),
        ("honderdduizenden", "hundreds of thousands"),
        ("tientallen", "tens, dozens"),
        ("honderdtallen", "hundreds"),
        ("twintigtallen", None),
        ("vijfdaagse", "five-day"),
        ("driejarige", "three-year-old"),
        # Not numbers: a word that only starts or ends like one.
        ("ondertien", None),
        ("eenentwin", None),
        ("tweeste", None),
        ("honderdhonderd", None),
    ],
)
def test_number_meaning(word, meaning):
    assert number_meaning(word) == meaning


def test_cardinal_values():
    assert cardinal("negentienhonderdvijfenveertig") == 1945
    assert cardinal("tweeduizendvijf") == 2005
    assert english_ordinal(100) == "one hundredth"


def test_number_compounds_in_a_sentence_are_numbers():
    """Before: vijfentwintig and tweeduizend had no meaning, vijfdaagse was "daily" (vijf +
    daags) and driejarige a "birthday boy" (drie + jarige), both marked as guesses."""
    tokens = analyse_text(
        "Er kwamen vijfentwintig mensen en tweeduizend dieren. Het is een vijfdaagse "
        "werkweek. Zijn driejarige zoon was blij."
    ).tokens
    by_text = {t.text: t for t in tokens}
    assert by_text["vijfentwintig"].gloss[0] == "twenty-five"
    assert by_text["tweeduizend"].gloss[0] == "two thousand"
    assert by_text["vijfdaagse"].gloss[0] == "five-day"
    assert by_text["driejarige"].gloss[0] == "three-year-old"
    assert all(by_text[w].gloss_source == "lexicon" for w in ("vijfdaagse", "driejarige"))
