"""Typed gaps (`typed: true` under `generate:`): the cloze items ask the learner to type the
word, and a wrong value is reported as FILE:LINE:COLUMN."""

from __future__ import annotations

from quizapp.generate import GenerateOptions, generate_questions
from quizapp.language import analyse_text
from quizapp.packs import load_pack
from quizapp.questions.cloze_syntax import parse_cloze

TEXT = (
    "De gemeente bouwt een nieuwe brug over het kanaal. De bouw kost ongeveer twee miljoen "
    "euro. Fietsers kunnen de brug vanaf volgend jaar gebruiken. Tijdens de bouw rijdt er een "
    "pont tussen de twee oevers. Volgens de wethouder is de oude brug te smal voor het verkeer."
)


def _pack(tmp_path, generate: str):
    path = tmp_path / "brug.yaml"
    body = "".join(f"  {line}\n" for line in TEXT.split(". "))
    path.write_text(
        f"format: 1\nid: brug\ntitle: De brug\nlevel: B1\ntext: |\n{body}generate:\n{generate}",
        encoding="utf-8",
    )
    return load_pack(path)


def test_typed_is_true_or_false_with_its_place(tmp_path):
    pack, problems = _pack(tmp_path, "  cloze: 3\n  typed: ja graag\n")
    assert pack is None
    assert [(p.line, p.column) for p in problems] == [(13, 10)]
    assert "true or false" in problems[0].message
    pack, problems = _pack(tmp_path, "  cloze: 3\n  typed: true\n")
    assert pack is not None, problems
    assert pack.generate["typed"] is True


def test_typed_gaps_have_no_options_and_keep_their_ids():
    analysis = analyse_text(TEXT)
    chosen = generate_questions(TEXT, analysis, GenerateOptions({"cloze": 4}, "B1", "brug"))
    typed = generate_questions(
        TEXT, analysis, GenerateOptions({"cloze": 4}, "B1", "brug", typed=True)
    )
    assert chosen and [q["id"] for q in typed] == [q["id"] for q in chosen]
    for before, after in zip(chosen, typed, strict=True):
        assert "~" in before["text"] and "~" not in after["text"]
        answer = before["explain"]["answer"]
        assert "{" + answer + "}" in after["text"]
        assert after["hint"].startswith(f"Het woord begint met „{answer[0]}”")
        parse_cloze(after["text"])  # a valid cloze text for the quiz
