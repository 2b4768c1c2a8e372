"""Build quizapp/data/categories.tsv.gz: the WordNet lexicographer categories of English words.

    python tools/build_categories.py          # writes quizapp/data/categories.tsv.gz
    python tools/build_categories.py --check  # exit 1 unless the committed file is reproduced

Each line is `word<TAB>n|v<TAB>category,category`: the lexicographer files (noun.time,
noun.artifact, verb.motion, ...) of the word's most frequent senses, in WordNet's order.
The question generator compares the categories of a gap's answer with a distractor's
through their English meanings: two words of one category (months and weeks, sitting and
living) may both fit a slot, and a distractor should be far from the key in meaning.

Read from Debian's `wordnet-base` (/usr/share/wordnet). Deterministic: WordNet's own
order, gzip without a timestamp or name, so a rebuild is byte for byte the file committed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_lexicon import gzipped, write_or_check  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "quizapp" / "data" / "categories.tsv.gz"
WORDNET = Path("/usr/share/wordnet")
# The senses looked at per word: its most frequent ones carry what it usually means.
SENSES = 2
# The lexicographer files, numbered as in WordNet's lexnames(5WN).
LEXNAMES = (
    "adj.all",
    "adj.pert",
    "adv.all",
    "noun.Tops",
    "noun.act",
    "noun.animal",
    "noun.artifact",
    "noun.attribute",
    "noun.body",
    "noun.cognition",
    "noun.communication",
    "noun.event",
    "noun.feeling",
    "noun.food",
    "noun.group",
    "noun.location",
    "noun.motive",
    "noun.object",
    "noun.person",
    "noun.phenomenon",
    "noun.plant",
    "noun.possession",
    "noun.process",
    "noun.quantity",
    "noun.relation",
    "noun.shape",
    "noun.state",
    "noun.substance",
    "noun.time",
    "verb.body",
    "verb.change",
    "verb.cognition",
    "verb.communication",
    "verb.competition",
    "verb.consumption",
    "verb.contact",
    "verb.creation",
    "verb.emotion",
    "verb.motion",
    "verb.perception",
    "verb.possession",
    "verb.social",
    "verb.stative",
    "verb.weather",
    "adj.ppl",
)


def _lexfiles(pos_name: str) -> dict[str, str]:
    """Synset offset -> its lexicographer file."""
    found = {}
    with (WORDNET / f"data.{pos_name}").open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(" "):
                continue  # the licence at the top
            offset, lexfile = line.split(" ", 2)[:2]
            found[offset] = LEXNAMES[int(lexfile)]
    return found


def build() -> bytes:
    lines = []
    for pos_name, pos in (("noun", "n"), ("verb", "v")):
        lexfiles = _lexfiles(pos_name)
        with (WORDNET / f"index.{pos_name}").open(encoding="utf-8") as handle:
            for line in handle:
                if line.startswith(" "):
                    continue
                fields = line.split()
                word = fields[0]
                if not word.isalpha() or not word.islower():
                    continue  # phrases (word_word) and names are never a dictionary's gloss
                synsets = int(fields[2])
                offsets = fields[-synsets:]
                categories: list[str] = []
                for offset in offsets[:SENSES]:
                    name = lexfiles[offset].split(".", 1)[1]
                    if name not in categories:
                        categories.append(name)
                lines.append(f"{word}\t{pos}\t{','.join(categories)}")
    lines.sort()
    return gzipped("\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="compare with --output, write nothing")
    args = parser.parse_args(argv)
    return write_or_check(args.output, build(), "categories", args.check)


if __name__ == "__main__":
    sys.exit(main())
