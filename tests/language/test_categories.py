"""WordNet categories of English words, built from Debian's wordnet-base."""

import importlib.util
from pathlib import Path

from quizapp.language.categories import CATEGORIES_PATH, english_categories

ROOT = Path(__file__).resolve().parents[2]


def test_build_script_reproduces_the_committed_categories():
    spec = importlib.util.spec_from_file_location(
        "build_categories", ROOT / "tools/build_categories.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == CATEGORIES_PATH.read_bytes()


def test_categories_of_nouns_and_verbs():
    assert english_categories("month", "N") == ("time",)
    assert english_categories("Week", "N") == ("time",)
    assert "stative" in english_categories("live", "WW")
    assert english_categories("month", "ADJ") == ()  # WordNet has no such categories
    assert english_categories("qwzx", "N") == ()
