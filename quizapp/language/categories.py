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


__all__ = ["CATEGORIES_PATH", "english_categories"]
