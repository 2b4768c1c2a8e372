"""The quality rules on every sample pack, determinism, and what the seed pack yields."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from quizapp.generate import CONTENT_KINDS, GenerateOptions, generate_questions
from quizapp.generate.source import SourceText, slug
from quizapp.generate.words import adjective_form, is_spelling_variant, sense_items
from tests.conftest import ROOT, SEED_PACK
from tests.generate.conftest import PACK_FILES, analysed, pack_options
from tests.generate.rules import check_rules


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda p: p.stem)
def test_every_sample_pack_passes_the_rules(path):
    pack, analysis = analysed(path)
    questions = generate_questions(pack.text, analysis, pack_options(pack, analysis))
    assert questions
    check_rules(SourceText.of(pack.text, analysis), questions)


def test_the_seed_pack_gives_what_the_issue_asks():
    pack, analysis = analysed(SEED_PACK)
    questions = generate_questions(pack.text, analysis, pack_options(pack, analysis))
    kinds = [q["kind"] for q in questions]
    assert kinds.count("cloze") >= 4 and kinds.count("vocabulary") >= 2
    assert kinds.count("gender") >= 3
    assert kinds.count("statements") + kinds.count("facts") >= 6
    content = sum(k in CONTENT_KINDS for k in kinds)
    assert content * 3 >= len(kinds), "at least a third of the quiz tests the content"


def test_generation_is_byte_for_byte_the_same_twice_and_from_json():
    pack, analysis = analysed(SEED_PACK)
    options = pack_options(pack, analysis)
    first = json.dumps(generate_questions(pack.text, analysis, options), ensure_ascii=False)
    again = json.dumps(generate_questions(pack.text, analysis, options), ensure_ascii=False)
    stored = json.loads(json.dumps(analysis.to_json()))
    from_json = json.dumps(generate_questions(pack.text, stored, options), ensure_ascii=False)
    assert first == again == from_json


def test_generation_does_not_depend_on_the_process_hash_seed():
    script = (
        "import json; from tests.generate.conftest import analysed, pack_options;"
        "from tests.conftest import SEED_PACK; from quizapp.generate import generate_questions;"
        "p, a = analysed(SEED_PACK);"
        "print(json.dumps(generate_questions(p.text, a, pack_options(p, a)), ensure_ascii=False))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_ids_say_what_is_tested():
    pack, analysis = analysed(SEED_PACK)
    questions = generate_questions(pack.text, analysis, pack_options(pack, analysis))
    for q in questions:
        explain = q["explain"]
        sentence = explain["sentence"]
        expected = {
            "cloze": f"gen-cloze-{slug(explain.get('lemma') or '')}-{sentence}",
            "gender": f"gen-gender-{slug(explain.get('word') or '')}",
            "order": f"gen-order-{sentence}",
            "statements": f"gen-tf-{sentence}",
            "facts": f"gen-fact-{slug(explain['answer'])}-{sentence}",
            "verbs": f"gen-verb-{slug(explain.get('lemma') or '')}-{sentence}",
            "match": f"gen-match-{slug((explain.get('words') or [''])[0])}-{sentence}",
            "collocations": f"gen-prep-{slug(explain.get('lemma') or '')}-{sentence}",
            "endings": f"gen-ending-{slug(explain.get('lemma') or '')}-{sentence}",
        }.get(q["kind"])
        if q["kind"] == "vocabulary":
            rev = "rev-" if explain["direction"] == "meaning to word" else ""
            expected = f"gen-vocab-{rev}{slug(explain['lemma'])}-{sentence}"
        assert q["id"] == expected


def test_excluded_ids_are_left_out_and_replaced():
    pack, analysis = analysed(SEED_PACK)
    counts = {"cloze": 4, "gender": 3}
    options = pack_options(pack, analysis, counts)
    before = generate_questions(pack.text, analysis, options)
    dropped = before[0]["id"]
    after = generate_questions(
        pack.text,
        analysis,
        GenerateOptions(counts, options.level, options.seed, exclude=(dropped,)),
    )
    assert dropped not in {q["id"] for q in after}
    assert [q["kind"] for q in after].count("cloze") == 4


def test_a_higher_level_gaps_only_rarer_words():
    pack, analysis = analysed(SEED_PACK)
    options = GenerateOptions({"cloze": 5}, "B2", pack.id)
    questions = generate_questions(pack.text, analysis, options)
    assert questions
    assert all(q["explain"]["level"] in ("B2", "C1", "C2") for q in questions)


def test_another_seed_changes_distractors_not_targets():
    pack, analysis = analysed(SEED_PACK)
    one = generate_questions(pack.text, analysis, GenerateOptions({"cloze": 6}, "B1", "a"))
    two = generate_questions(pack.text, analysis, GenerateOptions({"cloze": 6}, "B1", "b"))
    assert [q["id"] for q in one] == [q["id"] for q in two]
    assert [q["text"] for q in one] != [q["text"] for q in two]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("diplomatieke", ("e", "diplomatiek")),
        ("hoge", ("e", "hoog")),
        ("hogere", ("ere", "hoog")),
        ("grootste", ("ste", "groot")),
        ("lieve", ("e", "lief")),
        ("diplomatiek", ("base", "diplomatiek")),
    ],
)
def test_adjective_inflection_is_read_from_the_spelling(word, expected):
    assert adjective_form(word) == expected


def test_spelling_variants_and_sense_items():
    assert is_spelling_variant("ideeën", "ideeen") and is_spelling_variant("actie", "aktie")
    assert not is_spelling_variant("grenzen", "details")
    assert sense_items(["to be afraid (of), fear"]) == {"afraid", "fear"}
