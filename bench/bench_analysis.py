"""Tokens per second of the whole analysis on the seed article, beside simplemma's raw speed.

    python bench/bench_analysis.py [rounds]

Prints figures and never fails on time. "cold" clears the per-form caches before every
round (an import of a new article with new words); "warm" keeps them (words seen before).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import simplemma
import yaml

from quizapp.language import analyse, compounds, reading
from quizapp.language.lemmas import simplemma_lemma
from quizapp.language.lexicon import load_lexicon
from quizapp.language.syllables import count_syllables, hyphenate
from quizapp.language.tokenize import tokenize

# The seed article as its pack ships it, so the benchmark runs in any checkout.
SEED_PACK = Path(__file__).resolve().parents[1] / "questions" / "biden-poetin-videogesprek.yaml"


def _clear_caches() -> None:
    for cached in (
        reading.describe,
        reading.form_facts,
        compounds.split_compound,
        analyse._known_lowercase,
        simplemma_lemma,
        count_syllables,
        hyphenate,
    ):
        cached.cache_clear()
    analyse.load_tagger().forget_words()  # the tagger's features per word form


def _clear_simplemma_cache() -> None:
    # simplemma keeps an LRU cache of its own: without clearing it, "raw" measures a dict.
    simplemma.lemmatizer._legacy_lemmatizer_for(False, False)._cached_lemmatize.cache_clear()


def _rate(run, tokens: int, rounds: int, before=None) -> tuple[float, float]:
    """(median, best) rate over the rounds. On a shared machine the best round is the
    steadier figure (timeit's advice); the median shows what the noise costs."""
    timings = []
    for _ in range(rounds):
        if before:
            before()
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return tokens / statistics.median(timings), tokens / min(timings)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    text = yaml.safe_load(SEED_PACK.read_text(encoding="utf-8"))["text"]
    start = time.perf_counter()
    load_lexicon()
    print(f"lexicon load: {time.perf_counter() - start:.3f} s")
    words = [span.text for span in tokenize(text) if span.is_word]
    tokens = len(tokenize(text))
    simplemma.lemmatize("warm", lang="nl")  # load simplemma's Dutch data outside the timing

    def raw_lemmas() -> None:
        for word in words:
            simplemma.lemmatize(word, lang="nl")

    raw = _rate(raw_lemmas, len(words), rounds)
    uncached = _rate(raw_lemmas, len(words), rounds, before=_clear_simplemma_cache)
    cold = _rate(lambda: analyse.analyse_text(text), tokens, rounds, before=_clear_caches)
    warm = _rate(lambda: analyse.analyse_text(text), tokens, rounds)
    print("                              median       best")
    print(f"simplemma raw lemmatisation: {raw[0]:>10,.0f} {raw[1]:>10,.0f} words/s")
    print(f"  (its own cache cleared):   {uncached[0]:>10,.0f} {uncached[1]:>10,.0f} words/s")
    for name, rate in (("cold", cold), ("warm", warm)):
        print(
            f"analysis, {name} caches:       {rate[0]:>10,.0f} {rate[1]:>10,.0f} tokens/s"
            f" ({rate[0] / raw[0]:.1%} / {rate[1] / raw[1]:.1%} of simplemma)"
        )


if __name__ == "__main__":
    main()
