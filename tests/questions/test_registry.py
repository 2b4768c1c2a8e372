"""The question types registry: every type complete, and a new type needs nothing else."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, FileSystemLoader
from werkzeug.datastructures import MultiDict

from quizapp.grading import grade
from quizapp.packs import load_pack
from quizapp.packs.gift import gift_to_questions, questions_to_gift, questions_to_yaml
from quizapp.questions import TYPES
from quizapp.questions.base import Outcome, PartResult, QuestionType, QuestionView, typed_text
from quizapp.quiz import forms
from quizapp.stats import option_picks

ROOT = Path(__file__).resolve().parents[2]
PACKS = sorted((ROOT / "questions").glob("*.yaml"))


def _hand_written() -> list[dict[str, Any]]:
    questions = []
    for path in PACKS:
        pack, problems = load_pack(path)
        assert pack is not None, problems
        questions.extend(pack.questions)
    return questions


def test_every_pack_type_is_registered_and_every_type_is_used():
    used = {question["type"] for question in _hand_written()}
    assert used == set(TYPES)
    assert all(name == kind.name for name, kind in TYPES.items())


@pytest.mark.parametrize("name", list(TYPES))
def test_every_type_has_a_partial_with_its_two_macros(name):
    env = Environment(
        loader=FileSystemLoader(ROOT / "templates"), autoescape=True, extensions=["jinja2.ext.i18n"]
    )
    env.install_null_translations(newstyle=True)
    module = env.get_template(TYPES[name].template).module
    assert callable(getattr(module, "fields", None)), name
    assert callable(getattr(module, "parts", None)), name


def test_the_right_response_survives_the_form_and_earns_full_marks():
    for question in _hand_written():
        kind = TYPES[question["type"]]
        parsed = kind.parse(question)
        values = kind.form_values(parsed, "q0", "seed", kind.right_response(parsed))
        form = MultiDict([(key, item) for key, value in values.items() for item in _as_list(value)])
        response = forms.parse_response(question, "q0", "seed", form)
        stored = forms.from_json(question, forms.to_json(response))
        result = grade(question, stored)
        assert result.correct and result.score == result.max_score, question["id"]


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def test_an_unknown_type_is_reported_with_the_registered_names(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(
        "format: 1\nid: p\ntitle: T\ntext: t\nquestions:\n"
        "  - id: a\n    type: chioce\n    prompt: x\n",
        encoding="utf-8",
    )
    _pack, problems = load_pack(path)
    message = next(p.message for p in problems if "unknown question type" in p.message)
    assert "did you mean `choice`?" in message
    assert message.endswith("the types are " + ", ".join(TYPES))


# --------------------------------------------------------------------------- a new type


@dataclass(frozen=True)
class _Year:
    year: int


class YearType(QuestionType):
    """A type made up for the test: type the year something happened."""

    name = "year"
    keys = ("year",)
    required = ("year",)
    gift_rank = -1  # before `choice`: an answer block of digits only is a year

    def check(self, reader, entries, question):
        if "year" in entries:
            question["year"] = reader.integer(entries["year"][1], "year", minimum=1)

    def parse(self, payload):
        return _Year(int(payload["year"]))

    def response(self, question, name, seed, form: Mapping):
        return typed_text(form.get(name), 10)

    def form_values(self, question, name, seed, response):
        return {name: response}

    def right_response(self, question):
        return str(question.year)

    def grade(self, question, response):
        right = response == str(question.year)
        return Outcome(
            1.0 if right else 0.0, [PartResult("year", response, str(question.year), right)]
        )

    def reads_gift(self, answer_text):
        return answer_text.lstrip("=").isdigit()

    def read_gift(self, question, answer_text, text_format, note):
        question.update(type="year", year=int(answer_text.lstrip("=")))
        return True

    def write_gift(self, question, name, prompt, explanation, note):
        return name + prompt + "{=" + str(question["year"]) + "}"

    def pack_entry(self, question):
        return {"year": question["year"]}


def test_a_type_registered_in_types_works_everywhere_without_other_changes(tmp_path, monkeypatch):
    monkeypatch.setitem(TYPES, "year", YearType())
    head = "format: 1\nid: p\ntitle: T\ntext: t\nquestions:\n"
    bad = tmp_path / "bad.yaml"
    bad.write_text(head + "  - id: b\n    type: year\n    year: nooit\n    answers: [a, b]\n")
    _pack, problems = load_pack(bad)
    assert [(p.line, p.column, p.message) for p in problems] == [
        (8, 11, "`year` must be a whole number, not the text `nooit`"),
        (
            9,
            5,
            "`answers` does not belong in a `year` question; it is for `short` questions",
        ),
    ]
    path = tmp_path / "p.yaml"
    path.write_text(
        head + "  - id: muur\n    type: year\n    prompt: Wanneer viel de Muur?\n    year: 1989\n"
    )
    pack, problems = load_pack(path)
    assert pack is not None, problems
    (good,) = pack.questions
    assert good["year"] == 1989

    view = forms.question_view(good, "q0", "seed")
    assert isinstance(view, QuestionView) and view.template == "quiz/types/year.html"
    response = forms.parse_response(good, "q0", "seed", MultiDict({"q0": "1989"}))
    assert grade(good, response).correct
    assert not grade(good, "1990").correct

    gift, notes = questions_to_gift([good])
    assert gift == "::muur::[plain]Wanneer viel de Muur?{=1989}\n" and notes == []
    back, _notes = gift_to_questions(gift)
    assert back[0]["type"] == "year" and back[0]["year"] == 1989
    assert "    year: 1989\n" in questions_to_yaml([good])
    assert option_picks(good, ["1989"]) is None
