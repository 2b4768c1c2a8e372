"""How often the first sense shown for a word read as one part of speech is right.

    python bench/bench_senses.py [GOLD.tsv ...]   # default: both gold files in bench/

Gold: bench/senses_gold.tsv (written by hand before the sense builder's output was looked
at; ~80 common polysemous headwords of mixed parts of speech) and
bench/senses_gold_heldout.tsv (50 more, written after the first measurement and never used
to adjust the builder). A first sense is right when its text contains one of the accepted
English words or phrases as whole words, case ignored; after the change a sense tagged
with another part of speech is wrong as well
(FreeDict's senses had no tag to check). "Before" is FreeDict's own first sense (the order
the app showed until lexicon version 2); "after" is Lexicon.senses_for(word, pos)[0]. The
FreeDict order is read from the Debian package (dict-freedict-nld-eng must be installed).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp.language.lexicon import load_lexicon  # noqa: E402

GOLDS = [ROOT / "bench" / "senses_gold.tsv", ROOT / "bench" / "senses_gold_heldout.tsv"]


def _right(text: str, accepted: list[str]) -> bool:
    return any(re.search(rf"\b{re.escape(a.lower())}\b", text.lower()) for a in accepted)


def _freedict_first() -> dict[str, str]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "tools/build_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_lexicon"] = module
    spec.loader.exec_module(module)
    entries = module.read_freedict(module.FREEDICT_INDEX, module.FREEDICT_DICT)
    return {head: senses[0] for head, (_, senses) in entries.items() if senses}


def main(argv: list[str]) -> None:
    lexicon = load_lexicon()
    first = _freedict_first()
    for gold in [Path(a) for a in argv] or GOLDS:
        print(gold.name)
        measure(lexicon, first, gold)


def measure(lexicon, first: dict[str, str], gold: Path) -> None:
    rows = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        word, pos, accepted = line.split("\t")
        rows.append((word, pos, accepted.split("|")))
    before = after = missing = 0
    for word, pos, accepted in rows:
        senses = lexicon.senses_for(word, pos)
        if not senses:
            missing += 1
            print(f"  {word:12} {pos:4} not in the lexicon")
            continue
        old, new = first.get(word, ""), senses[0]
        before += _right(old, accepted)
        right = _right(new.text, accepted) and new.pos in {pos, ""}
        after += right
        mark = "ok " if right else "BAD"
        print(f"  {mark} {word:12} {pos:4} {new.pos:4} {new.text[:40]:40} (was: {old[:30]})")
    n = len(rows)
    print(f"first sense right, {n} words x part of speech ({missing} missing from the lexicon):")
    print(f"  before (FreeDict order): {before}/{n} = {before / n:.0%}")
    print(f"  after (senses_for):      {after}/{n} = {after / n:.0%}")


if __name__ == "__main__":
    main(sys.argv[1:])
