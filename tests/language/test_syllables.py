import pytest

from quizapp.language.syllables import count_syllables

# Counted by hand, by ear.
SYLLABLES = {
    "video": 3,
    "Oekraïne": 4,
    "videogesprek": 5,
    "geëvalueerd": 5,
    "groeien": 2,
    "nieuw": 1,
    "leeuw": 1,
    "ideaal": 3,
    "radio": 3,
    "theater": 3,
    "museum": 3,
    "politie": 3,
    "diplomatieke": 5,
    "tienduizenden": 4,
    "bondgenootschap": 4,
    "waarschuwde": 3,
    "dialoog": 3,
    "NAVO-bondgenoten": 6,
    "ambtgenoot": 3,
    "maatregelen": 4,
    "mooi": 1,
    "koeien": 2,
    "ruïne": 3,
    "België": 3,
}


@pytest.mark.parametrize(("word", "count"), SYLLABLES.items())
def test_syllable_count(word, count):
    assert count_syllables(word) == count
