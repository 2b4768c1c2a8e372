"""The sample library in questions/ gives a learner enough to choose from: at least 20 texts
from A1 to C1 in at least five genres, each with hand-written questions (issue 19)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from quizapp.packs import Pack, load_pack

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"

# The genre tags of docs/sample-library.md; a pack's genre is the tag it has from this list.
GENRES = ("nieuws", "brief", "gezondheid", "werk", "verhaal", "opinie")
LEVELS = ("A1", "A2", "B1", "B2", "C1")


@pytest.fixture(scope="module")
def library() -> list[Pack]:
    packs = []
    for path in sorted(QUESTIONS.glob("*.yaml")):
        pack, problems = load_pack(path)
        assert pack is not None, "\n".join(map(str, problems))
        packs.append(pack)
    return packs


def test_the_library_has_at_least_twenty_valid_packs(library):
    assert len(library) >= 20


def test_every_level_from_a1_to_c1_has_at_least_two_texts(library):
    undeclared = [pack.id for pack in library if pack.level is None]
    assert undeclared == [], "every sample text declares its level"
    levels = Counter(pack.level for pack in library)
    assert {level: levels[level] for level in LEVELS} == {
        level: max(levels[level], 2) for level in LEVELS
    }


def test_at_least_five_genres_have_at_least_two_texts_each(library):
    genres = Counter(tag for pack in library for tag in pack.tags if tag in GENRES)
    assert len([genre for genre in GENRES if genres[genre] >= 2]) >= 5, genres


def test_every_text_has_a_genre_tag(library):
    without = [pack.id for pack in library if not set(pack.tags) & set(GENRES)]
    assert without == [], f"tag these packs with one of {', '.join(GENRES)}"


def test_every_text_has_at_least_five_hand_written_questions(library):
    few = {pack.id: len(pack.questions) for pack in library if len(pack.questions) < 5}
    assert few == {}
