"""Tagging, lemma and de/het accuracy on the UD Dutch dev sets, cross-validated.

    python bench/bench_tagging.py [folds]      # default 5; `1` measures the shipped model

The shipped tagger is trained on every sentence of both dev sets (tools/train_tagger.py),
so measuring it on them would flatter it. Here each treebank is cut into `folds` parts by
sentence; a model is trained on all other parts of both treebanks and the whole pipeline
(tokeniser, tagger, lemmas, lexicon) runs on the held-out part's raw sentence text, as it
runs on a teacher's text. Gold tokens our tokeniser splits differently count as wrong.

- main tag: the CGN main tag (N, WW, VZ, LET...) of every token, punctuation included;
- lemma: every non-punctuation token, case-insensitive; a compound's lemma may keep its
  linking letters (gold ontwikkeling_land, ours ontwikkelingsland);
- de/het: every singular common noun whose gold tag has a gender (onz/zijd);
- separable particles: the gold's compound:prt tokens (riep ... op, ging ... dicht, komt
  niet meer terug), and the tokens the pipeline joins to a verb as its particle: recall is
  the share of gold particles joined, precision the share of joined ones the gold has.

Prints figures only; nothing fails on them.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizapp.language import analyse  # noqa: E402
from quizapp.language.context import PARTICLE_NOTE  # noqa: E402
from quizapp.language.tagger import Tagger, main_tag  # noqa: E402
from quizapp.language.ud import GoldSentence  # noqa: E402
from tools.train_tagger import TREEBANKS, train, treebank  # noqa: E402


def gold_offsets(sentence: GoldSentence) -> list[tuple[int, int]]:
    offsets, position = [], 0
    for token in sentence.tokens:
        start = sentence.text.index(token.form, position)
        position = start + len(token.form)
        offsets.append((start, position))
    return offsets


def lemma_matches(gold: str, ours: str | None) -> bool:
    if ours is None:
        return False
    gold, ours = gold.lower(), ours.lower()
    if "_" not in gold:
        return gold == ours
    parts = [re.escape(part) for part in gold.split("_")]
    return re.fullmatch("(?:-|[a-z]{0,3})".join(parts), ours) is not None


def gold_gender(xpos: str) -> str | None:
    features = xpos.split("|")
    if features[:2] != ["N", "soort"] or "ev" not in features:
        return None
    return "het" if "onz" in features else "de" if "zijd" in features else None


class Score:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.tag_errors: Counter[tuple[str, str]] = Counter()

    def add(self, sentence: GoldSentence) -> None:
        tokens = analyse.analyse_text(sentence.text).tokens
        found = {(t.start, t.end): t for t in tokens}
        c = self.counts
        for gold, offset in zip(sentence.tokens, gold_offsets(sentence), strict=True):
            ours = found.get(offset)
            tag = main_tag(ours.tag) if ours and ours.tag else "?"
            c["tokens"] += 1
            c["tag"] += tag == gold.main_tag
            if tag != gold.main_tag:
                self.tag_errors[(gold.main_tag, tag)] += 1
            if gold.main_tag != "LET":
                c["words"] += 1
                c["lemma"] += lemma_matches(gold.lemma, ours.lemma if ours else None)
            particle = gold.deprel == "compound:prt"
            joined = bool(ours and (ours.gloss_note or "").startswith(PARTICLE_NOTE))
            c["particles"] += particle
            c["joined"] += joined
            c["joined right"] += particle and joined
            gender = gold_gender(gold.xpos)
            if gender:
                c["nouns"] += 1
                c["gender"] += bool(ours) and ours.gender == gender

    def line(self, name: str) -> str:
        c = self.counts
        tag, lemma, gender = (
            c["tag"] / c["tokens"],
            c["lemma"] / c["words"],
            c["gender"] / c["nouns"],
        )
        return (
            f"{name:<11} main tag {tag:7.2%}   lemma {lemma:7.2%}   de/het {gender:7.2%}"
            f"   ({c['tokens']} tokens, {c['nouns']} nouns)\n"
            f"  {'':<11} separable particles: recall {c['joined right'] / c['particles']:7.2%}"
            f"   precision {c['joined right'] / max(c['joined'], 1):7.2%}"
            f"   ({c['particles']} in the gold, {c['joined']} joined)"
        )


def cross_validate(folds: int) -> dict[str, Score]:
    data = {name: treebank(name) for name in TREEBANKS}
    scores = {name: Score() for name in TREEBANKS}
    shipped = analyse.load_tagger
    try:
        for fold in range(folds):
            with tempfile.TemporaryDirectory() as folder:
                model = Path(folder) / "fold.crfsuite"
                if folds > 1:
                    training = (
                        s for ss in data.values() for i, s in enumerate(ss) if i % folds != fold
                    )
                    train(training, model)
                    tagger = Tagger(model)
                    analyse.load_tagger = lambda tagger=tagger: tagger
                for name, sentences in data.items():
                    for i, sentence in enumerate(sentences):
                        if i % folds == fold:
                            scores[name].add(sentence)
    finally:
        analyse.load_tagger = shipped
    return scores


def main() -> None:
    folds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    started = time.perf_counter()
    scores = cross_validate(folds)
    how = f"{folds}-fold cross-validation" if folds > 1 else "the shipped model (trained on these)"
    print(f"UD Dutch dev sets, {how}, whole pipeline on raw sentence text:")
    for name, score in scores.items():
        print("  " + score.line(name))
        errors = ", ".join(f"{g}→{o} {n}" for (g, o), n in score.tag_errors.most_common(8))
        print(f"  {'':<11} most frequent tag errors (gold→ours): {errors}")
    print(f"  ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
