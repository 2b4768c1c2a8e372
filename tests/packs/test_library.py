"""Every pack shipped in questions/ passes the checker and grades its own right answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.grading import grade
from quizapp.packs import check_paths, load_pack
from quizapp.questions.cloze_syntax import parse_cloze

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"
PACK_FILES = sorted(p for p in QUESTIONS.glob("*.y*ml")) if QUESTIONS.is_dir() else []


def right_response(question: dict):
    """The response a learner who knows everything would give."""
    kind = question["type"]
    if kind == "choice":
        return next(i for i, o in enumerate(question["options"]) if o["correct"])
    if kind == "multi":
        return {i for i, o in enumerate(question["options"]) if o["correct"]}
    if kind == "truefalse":
        return question["answer"]
    if kind == "short":
        return question["answers"][0]
    if kind == "cloze":
        return [s.answers[0] for s in parse_cloze(question["text"]) if s.is_gap]
    if kind == "match":
        return {i: i for i in range(len(question["pairs"]))}
    return list(range(len(question["items"])))


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda p: p.name)
def test_shipped_pack_is_valid_and_answerable(path):
    pack, problems = load_pack(path)
    assert problems == [], "\n".join(map(str, problems))
    for question in pack.questions:
        assert grade(question, right_response(question)).correct, question["id"]


def test_pack_ids_are_unique_across_the_library():
    if PACK_FILES:
        assert check_paths([str(QUESTIONS)]) == []
