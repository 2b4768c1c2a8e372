"""Word categories: WordNet's lexicographer files of English words (noun.time, verb.motion).

A Dutch word reaches them through its English meanings. Two words of one category (weken
and maanden, zitten and wonen) often fit the same slot; two of different categories rarely
do. The data is built by `tools/build_categories.py` from WordNet 3.0.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

CATEGORIES_PATH = Path(__file__).resolve().parent.parent / "data" / "categories.tsv.gz"
# The lexicon's CGN tags that WordNet has categories for.
_WORDNET_POS = {"N": "n", "WW": "v"}


@cache
def _table() -> dict[tuple[str, str], tuple[str, ...]]:
    table = {}
    with gzip.open(CATEGORIES_PATH, "rt", encoding="utf-8") as handle:
        for line in handle:
            word, pos, names = line.rstrip("\n").split("\t")
            table[(word, pos)] = tuple(names.split(","))
    return table


def english_categories(word: str, cgn_pos: str) -> tuple[str, ...]:
    """The categories of an English word's most frequent senses as a noun (cgn_pos "N") or a
    verb ("WW"); empty for other parts of speech and for words WordNet lacks."""
    pos = _WORDNET_POS.get(cgn_pos)
    if pos is None:
        return ()
    return _table().get((word.lower(), pos), ())


# Categories whose words fill the same slots, so that a word of one is no distractor for a
# word of another: things that stand, fall or hold something (bomen, gebouwen), beings that
# come, act or are called (ploegen, honden), institutions and their buildings (in een schuur,
# in een hogeschool), things that happen (tijdens de wedstrijd, de les), and, for verbs,
# being somewhere and moving there (hij woonde, liep verderop).
_SLOT_KINDS = (
    frozenset({"artifact", "object", "plant", "animal", "body", "food", "substance", "location"}),
    frozenset({"person", "animal", "group"}),
    frozenset({"group", "artifact", "location"}),
    frozenset({"act", "event", "process", "phenomenon"}),
    frozenset({"stative", "motion"}),
)


def slot_neighbours(categories: frozenset[str] | set[str]) -> frozenset[str]:
    """The categories whose words fit the slots a word of these categories fills: the
    categories themselves and those of every slot kind they belong to."""
    found = set(categories)
    for kind in _SLOT_KINDS:
        if kind & found:
            found |= kind
    return frozenset(found)


__all__ = ["CATEGORIES_PATH", "english_categories", "slot_neighbours"]
