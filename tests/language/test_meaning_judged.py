"""The judged meaning sample (bench/meaning/gold.tsv) and its scorer (bench/bench_meaning.py).

`pytest -s tests/language/test_meaning_judged.py` prints today's figures. Nothing here
asserts a figure: only that the sample follows its stated sampling rule, that every row
names a word that is in its text, and that judge() does what docs/meaning-judged.md says.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from quizapp.language.tokenize import tokenize

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_meaning.py"


def _load_bench():
    spec = importlib.util.spec_from_file_location("bench_meaning", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_meaning", module)
    spec.loader.exec_module(module)
    return module


bench = _load_bench()
POS = {"NOUN", "VERB", "ADJ", "ADV", "NUM", "PRON", "ADP", "INTJ", "DET", "CONJ", "PROPN", "X"}


@pytest.fixture(scope="module")
def gold():
    return bench.load_gold()


@pytest.fixture(scope="module")
def sources():
    return bench.load_sources()


@pytest.mark.parametrize(
    ("shown", "acceptable", "verdict"),
    [
        # The example: government is sense 2 of "regering".
        (["control, reign, rule", "government, administration"], ["government"], "other"),
        (["government, administration"], ["administration; government"], "right"),
        (["pole, post, stanchion"], ["style; fashion"], "wrong"),
        ([], ["anything"], "wrong"),
        # Brackets, a leading "to", articles, case, accents and a final -s do not count.
        (["counterpart (someone in the same office, e.g. another president)"], ["counterpart"],
         "right"),
        (["To Proceed To, moves on to (an action)"], ["move on to"], "right"),
        (["the exact amount (no change needed)"], ["exact amount"], "right"),
        (["far-reaching measures"], ["far reaching measure"], "right"),
        (["activity"], ["activities"], "right"),  # -ies is the plural of -y
        (["café"], ["cafe"], "right"),
        (["hold something against someone"], ["hold against"], "right"),
        (["week-end"], ["weekend"], "right"),
        # Whole words only; a lost space is not a match.
        (["ruler"], ["rule"], "wrong"),
        (["atleast"], ["at least"], "wrong"),
        # One leading modifier may be missing, nothing else.
        (["talks"], ["summit talks"], "right"),
        (["diplomacy"], ["long-term diplomacy"], "right"),
        (["be"], ["be about"], "wrong"),
        (["care"], ["take care"], "wrong"),
        (["call"], ["call for"], "wrong"),
        (["for"], ["call for"], "wrong"),
        (["summit talks"], ["talks"], "wrong"),
        (["basket"], ["clean laundry basket"], "wrong"),
    ],
)  # fmt: skip
def test_judge(shown, acceptable, verdict):
    assert bench.judge(shown, acceptable) == verdict


@pytest.mark.parametrize(
    ("shown", "acceptable", "verdict"),
    [
        (["talks"], ["summit talks"], "wrong"),
        (["control, talks", "summit talks"], ["summit talks"], "other"),
        (["Summit-talks"], ["summit talks"], "right"),
    ],
)
def test_judge_exact_matches_only(shown, acceptable, verdict):
    assert bench.judge(shown, acceptable, partial=False) == verdict


@pytest.mark.parametrize(
    ("shown", "acceptable", "verdict"),
    [
        # A unit's meaning read whole: the word's meaning stands in it as words.
        (["last week"], ["last", "previous"], "right"),
        (["two weeks, fortnight"], ["two"], "right"),
        (["among, amidst, in the middle of"], ["middle"], "right"),
        (["bell", "ring the bell"], ["ring"], "other"),
        # ... a content word, and whole words: "of" is not "most of", "week" not "weekly".
        (["most of"], ["of"], "wrong"),
        (["weekly"], ["week"], "wrong"),
        (["behind, at the back"], ["end"], "wrong"),
    ],
)
def test_judge_unit(shown, acceptable, verdict):
    assert bench.judge_unit(shown, acceptable) == verdict


def test_a_participle_meets_its_verb():
    # The gold gives English dictionary forms (move); the app says a participle (moved).
    assert bench.judge(["moved"], ["move", "relocate"]) == "right"
    assert bench.judge(["risen, gone up"], ["go up"]) == "right"
    assert bench.judge(["planned"], ["plan"]) == "right"
    assert bench.judge(["need"], ["ne"]) == "wrong"  # -ed off only where a verb is left
    assert bench.normalise("speed") == ("speed",)


def test_gold_rows_are_well_formed(gold, sources):
    assert len(gold) >= 150
    for row in gold:
        assert row.text in sources, row
        assert row.meanings, row
        assert set(row.pos) <= POS, row
        assert all(row.lemma), row


def test_gold_follows_the_sampling_rule(gold, sources):
    """One row per slot k, 2k, 3k, ... of every sampled text's word tokens, taken at the slot
    or at the next content word before the following slot. The sampled texts are every text
    written for the sample and the packs of questions/ when it was drawn; packs added to the
    library since are not in it until someone judges them (docs/meaning-judged.md)."""
    every = bench.SAMPLE_EVERY
    slots = Counter((row.text, row.slot) for row in gold)
    assert max(slots.values()) == 1
    sampled = {row.text for row in gold}
    assert {name for name, source in sources.items() if source.kind == "new"} <= sampled
    # every held-out text is judged whole: a set is its texts' every slot
    held_out = {name for name, source in sources.items() if source.kind in bench.HELDOUT_SETS}
    assert held_out and held_out <= sampled
    assert len([name for name in sampled if sources[name].kind == "library"]) >= 6
    for name in sorted(sampled):
        words = [span for span in tokenize(sources[name].text) if span.is_word]
        assert {slot for text, slot in slots if text == name} == set(
            range(every, len(words) + 1, every)
        ), name
    for row in gold:
        assert row.slot % every == 0 and row.slot <= row.position < row.slot + every, row


def test_every_gold_row_is_found_in_its_text(gold, sources):
    for row in gold:
        words = [span for span in tokenize(sources[row.text].text) if span.is_word]
        span = words[row.position - 1]
        assert span.text == row.form, row
        assert [w.text for w in words[: row.position]].count(row.form) == row.occurrence, row
    judged = bench.score(gold)  # raises LookupError when a row's token is missing
    assert len(judged) == len(gold)


def test_meaning_figures(gold):
    judged = bench.score(gold)
    assert {j.verdict for j in judged} <= {"right", "other", "wrong"}
    print()
    print(bench.report(judged))
