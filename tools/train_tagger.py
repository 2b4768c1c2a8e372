"""Train the context tagger (quizapp/data/tagger.crfsuite) on the UD Dutch treebanks.

    python tools/train_tagger.py            # writes quizapp/data/tagger.crfsuite
    python tools/train_tagger.py --check    # exit 1 unless the committed model is reproduced

Trains a CRF (python-crfsuite) on every sentence of the Alpino and LassySmall development
sets in ../shared/data/ud-dutch (CC BY-SA 4.0), with the vendored lexicon's tag counts as
features, so run it after tools/build_lexicon.py. Training is deterministic (L-BFGS, fixed
data order), so a rebuild is byte-for-byte identical on the same crfsuite version.
`bench/bench_tagging.py` measures the same recipe cross-validated on held-out folds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zlib
from collections.abc import Iterable
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp.language.lexicon import load_lexicon  # noqa: E402
from quizapp.language.tagger import (  # noqa: E402
    MODEL_PATH,
    WordFeatures,
    sentence_features,
    tag_of_xpos,
)
from quizapp.language.ud import GoldSentence, read_conllu  # noqa: E402
from tools.build_lexicon import write_or_check  # noqa: E402

UD_DIR = ROOT.parent / "shared" / "data" / "ud-dutch"
TREEBANKS = ("alpino", "lassysmall")
# L1 keeps the model small (most of the millions of candidate features get weight 0);
# L2 smooths the rest. Chosen by cross-validation on the dev sets (bench/bench_tagging.py).
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def treebank(name: str, ud_dir: Path = UD_DIR) -> list[GoldSentence]:
    return list(read_conllu(ud_dir / f"nl_{name}-ud-dev.conllu"))


# The share of words the model sees as unknown while it learns (see sentence_features).
UNSEEN_SHARE = 0.15


def unseen_words(sentence: GoldSentence) -> set[int]:
    """A fixed pseudo-random choice of the sentence's words, the same on every run."""
    return {
        i
        for i, token in enumerate(sentence.tokens)
        if any(c.isalpha() for c in token.form)
        and zlib.crc32(f"{sentence.sent_id}/{i}".encode()) % 1000 < UNSEEN_SHARE * 1000
    }


def train(sentences: Iterable[GoldSentence], output: Path) -> None:
    words = WordFeatures(load_lexicon())
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        forms = [token.form for token in sentence.tokens]
        tags = [tag_of_xpos(token.xpos) for token in sentence.tokens]
        trainer.append(sentence_features(forms, words, unseen_words(sentence)), tags)
    trainer.set_params(PARAMS)
    trainer.train(str(output))


def build() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tagger.crfsuite"
        train((s for name in TREEBANKS for s in treebank(name)), path)
        return path.read_bytes()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    parser.add_argument("--check", action="store_true", help="compare with --output, write nothing")
    args = parser.parse_args(argv)
    return write_or_check(args.output, build(), "tagger", args.check)


if __name__ == "__main__":
    sys.exit(main())
