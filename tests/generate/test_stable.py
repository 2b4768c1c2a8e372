"""A teacher's review settles: excluding an item or adding a glossary entry changes no other
generated item, and a mistyped `exclude:` id is reported, not silently ignored."""

from __future__ import annotations

import json

import pytest

from quizapp.generate import GenerateOptions, generate_questions
from quizapp.language import analyse_text
from tests.generate.conftest import PACK_FILES, analysed, pack_options


def _by_id(questions):
    return {q["id"]: json.dumps(q, ensure_ascii=False, sort_keys=True) for q in questions}


def _assert_only_replaced(before, after, gone):
    """Every item of `before` except `gone` is in `after`, unchanged; at most as many new
    items as were lost (the quiz keeps its length by taking the next candidates)."""
    old, new = _by_id(before), _by_id(after)
    kept = {key: value for key, value in old.items() if key not in gone}
    for key, value in kept.items():
        assert new.get(key) == value, f"{key} changed or disappeared"
    assert len(set(new) - set(kept)) <= len(gone)


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda p: p.stem)
def test_excluding_any_one_item_changes_no_other(path):
    pack, analysis = analysed(path)
    options = pack_options(pack, analysis)
    before = generate_questions(pack.text, analysis, options)
    for question in before:
        excluded = GenerateOptions(
            options.counts, options.level, options.seed, exclude=(question["id"],)
        )
        after = generate_questions(pack.text, analysis, excluded)
        assert question["id"] not in {q["id"] for q in after}
        _assert_only_replaced(before, after, {question["id"]})


def _glossary_cases():
    for path in PACK_FILES:
        pack, _analysis = analysed(path)
        for word in sorted(pack.glossary)[:3]:
            yield pytest.param(path, word, id=f"{path.stem}-{word}")


@pytest.mark.parametrize(("path", "word"), list(_glossary_cases()))
def test_a_glossary_entry_changes_only_the_items_about_it(path, word):
    pack, with_entry = analysed(path)
    rest = {key: value for key, value in pack.glossary.items() if key != word}
    without = analyse_text(pack.text, rest or None)
    options = pack_options(pack, with_entry)
    before = generate_questions(pack.text, without, options)
    after = generate_questions(pack.text, with_entry, options)
    touched = set(word.lower().split())

    def about_entry(question):
        explain = question["explain"]
        said = {str(explain.get(k) or "").lower() for k in ("word", "lemma", "answer")}
        said |= {
            str(w).lower() for w in [*(explain.get("words") or ()), *(explain.get("forms") or ())]
        }
        return bool(said & touched)

    old, new = _by_id(before), _by_id(after)
    for key in set(old) & set(new):
        about = any(about_entry(q) for q in (*before, *after) if q["id"] == key)
        assert about or old[key] == new[key], f"{key} changed"
    # A quiz keeps its length: a new item about the entry may displace the last of its kind,
    # and nothing else goes.
    gained = [q for q in after if q["id"] not in old]
    lost = [q for q in before if q["id"] not in new]
    for kind in {q["kind"] for q in lost}:
        assert sum(q["kind"] == kind for q in lost) <= sum(q["kind"] == kind for q in gained)
    assert all(about_entry(q) for q in gained if q["kind"] not in {x["kind"] for x in lost})
