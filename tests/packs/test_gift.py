"""GIFT import of samples written as Moodle's documentation describes them, export, round trip."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizapp.packs import load_pack
from quizapp.packs.cli import append_questions, gift
from quizapp.packs.gift import gift_to_questions, questions_to_gift, questions_to_yaml


def one(gift_text: str) -> dict:
    questions, _notes = gift_to_questions(textwrap.dedent(gift_text))
    assert len(questions) == 1, questions
    return questions[0]


def notes_of(gift_text: str) -> list[str]:
    return [note.message for note in gift_to_questions(textwrap.dedent(gift_text))[1]]


def test_multiple_choice_with_name_feedback_and_general_feedback():
    question = one(
        """\
        // question: 1 name: Grant's tomb
        ::Grant::Who's buried in Grant's tomb?{
            ~Grant#No, he's elsewhere.
            ~Jefferson
            =no one#Right!
            ####Nobody is buried there.
        }
        """
    )
    assert question["id"] == "grant"
    assert question["type"] == "choice"
    assert question["prompt"] == "Who's buried in Grant's tomb?"
    assert question["options"] == [
        {"text": "Grant", "correct": False, "feedback": "No, he's elsewhere."},
        {"text": "Jefferson", "correct": False, "feedback": None},
        {"text": "no one", "correct": True, "feedback": "Right!"},
    ]
    assert question["explanation"] == "Nobody is buried there."
    assert question["shuffle"] is True
    assert question["line"] == 1


def test_multiple_answers_with_weights_become_multi():
    question = one(
        "What two people are entombed in Grant's tomb? "
        "{~%-100%No one ~%50%Grant ~%50%Grant's wife ~%-100%Grant's father}"
    )
    assert question["type"] == "multi"
    assert [o["correct"] for o in question["options"]] == [False, True, True, False]
    assert notes_of("Q? {~%50%a ~%50%b ~%-50%c}") == []  # exactly our scoring


def test_unequal_weights_are_reported():
    assert "equal shares" in notes_of("Q? {~%70%a ~%30%b ~c}")[0]


@pytest.mark.parametrize(
    ("block", "answer"), [("{T}", True), ("{TRUE}", True), ("{F}", False), ("{FALSE}", False)]
)
def test_true_false(block, answer):
    question = one(f"Grant is buried in Grant's tomb.{block}")
    assert (question["type"], question["answer"]) == ("truefalse", answer)
    assert question["id"] == "gift-1"


def test_true_false_feedback_is_reported_not_dropped_silently():
    question = one("The sun rises in the west.{FALSE#Not so.#Right.}")
    assert question["answer"] is False
    assert (
        "true/false feedback is not kept"
        in notes_of("The sun rises in the west.{FALSE#Not so.#Right.}")[0]
    )


def test_short_answer():
    question = one("Who's buried in Grant's tomb?{=no one =nobody}")
    assert question["type"] == "short"
    assert question["answers"] == ["no one", "nobody"]
    assert (question["case_sensitive"], question["typos"]) == (False, 0)


def test_short_answer_partial_credit_reported():
    notes = notes_of("Capital? {=Den Haag =%50%Amsterdam#Half right.}")
    assert any("50% credit; dropped" in note for note in notes)
    assert any("feedback for the answer `Amsterdam`" in note for note in notes)


def test_matching():
    question = one(
        """\
        Match the following countries with their corresponding capitals. {
            =Canada -> Ottawa
            =Italy  -> Rome
            =Japan  -> Tokyo
            =India  -> New Delhi
            }
        """
    )
    assert question["type"] == "match"
    assert question["pairs"] == [
        ["Canada", "Ottawa"],
        ["Italy", "Rome"],
        ["Japan", "Tokyo"],
        ["India", "New Delhi"],
    ]


def test_matching_extra_right_item_reported():
    assert "`Paris` was dropped" in notes_of("M {=a -> b =c -> d = -> Paris}")[0]


def test_missing_word_becomes_cloze_dropdown():
    question = one(
        "Moodle costs {~lots of money =nothing ~a small amount} to download from moodle.org."
    )
    assert question["type"] == "cloze"
    assert question["text"] == (
        "Moodle costs {~lots of money =nothing ~a small amount} to download from moodle.org."
    )
    assert question["prompt"] is None


def test_missing_word_short_answer_becomes_typed_gap():
    question = one("Two plus two equals {=four =4}.")
    assert question["text"] == "Two plus two equals {four|4}."


def test_numerical_essay_description_reported():
    notes = notes_of(
        """\
        When was Ulysses S. Grant born?{#1822:5}

        Write about Grant.{}

        Just some text without answers.
        """
    )
    assert notes == [
        "numerical questions are not supported; skipped",
        "essay questions are not supported; skipped",
        "a description without answers is not a question; skipped",
    ]


def test_category_comments_and_format_tags():
    questions, notes = gift_to_questions(
        textwrap.dedent(
            """\
            $CATEGORY: tom/x

            // a comment line
            ::Q1::[html]<p>Is <b>this</b> &amp; that true?</p>{T}

            ::Q2::[markdown]Is *this* true?{F}
            """
        )
    )
    assert [q["prompt"] for q in questions] == ["Is this & that true?", "Is *this* true?"]
    assert notes[0].message == "the Moodle category `tom/x` is not kept"
    assert notes[1].message == "HTML markup was removed; packs are plain text"
    assert (notes[1].line, notes[1].question) == (3, "q1")


def test_escapes():
    question = one(r"::a\:b:: Is 1 \= 1 \{really\} \~ \# here?{=ja\#1 =yes}")
    assert question["id"] == "a-b"
    assert question["prompt"] == "Is 1 = 1 {really} ~ # here?"
    assert question["answers"] == ["ja#1", "yes"]


def test_duplicate_names_get_distinct_ids():
    questions, _ = gift_to_questions("::Q::A?{T}\n\n::Q::B?{F}\n")
    assert [q["id"] for q in questions] == ["q", "q-2"]


# --------------------------------------------------------------------------- export


PACK = """\
format: 1
id: gift-pack
title: GIFT
text: |
  Tekst.
questions:
  - id: duur
    type: choice
    prompt: "Hoe lang: echt?"
    options:
      - een uur
      - text: twee uur
        correct: true
        feedback: Klopt = goed.
    explanation: Zie {zin} 1.
  - id: landen
    type: multi
    options:
      - text: Rusland
        correct: true
      - text: VS
        correct: true
      - text: China
        feedback: Nee.
      - Frankrijk
  - id: tf
    type: truefalse
    prompt: Het was een videogesprek.
    answer: true
    explanation: Ja.
  - id: stad
    type: short
    prompt: Regering?
    answers: [Den Haag, "'s-Gravenhage"]
  - id: gat
    type: cloze
    text: Washington {=vreest ~hoopt} een invasie.
  - id: typ
    type: cloze
    text: Een {invasie|inval}, zegt \\{men\\}.
  - id: paren
    type: match
    prompt: Wie hoort waar?
    pairs:
      Biden: VS
      Poetin: Rusland
  - id: veel
    type: cloze
    text: "{een} en {twee}"
  - id: volg
    type: order
    items: [a, b]
    hint: Begin bij a.
"""


def normalised(question: dict) -> dict:
    return {key: value for key, value in question.items() if key != "line"}


def test_export_writes_gift_and_reports_what_it_leaves_out(write_pack):
    pack, problems = load_pack(write_pack(PACK))
    assert problems == []
    text, notes = questions_to_gift(pack.questions)
    assert "::duur::[plain]Hoe lang\\: echt?{\n\t~een uur\n\t=twee uur#Klopt \\= goed.\n" in text
    assert "\t####Zie \\{zin\\} 1.\n}" in text
    assert "\t~%50%Rusland\n\t~%50%VS\n\t~%-50%China#Nee.\n\t~%-50%Frankrijk\n" in text
    assert "::tf::[plain]Het was een videogesprek.{TRUE####Ja.}" in text
    assert "::gat::[plain]Washington {=vreest ~hoopt} een invasie." in text
    assert "\t=Biden -> VS\n" in text
    assert "::veel::" not in text and "::volg::" not in text
    reported = {(note.question, note.message.split(";")[0]) for note in notes}
    assert (
        "veel",
        "a cloze text with 2 gaps has no GIFT equivalent (GIFT allows one missing word)",
    ) in reported
    assert ("volg", "GIFT has no ordering questions") in reported
    assert all(note.line > 0 for note in notes)


def test_round_trip_keeps_every_shared_type(write_pack):
    pack, _ = load_pack(write_pack(PACK))
    shared = [q for q in pack.questions if q["id"] not in ("veel", "volg")]
    text, _notes = questions_to_gift(shared)
    back, notes = gift_to_questions(text)
    assert notes == []
    assert [normalised(q) for q in back] == [normalised(q) for q in shared]


def test_questions_to_yaml_is_valid_pack_yaml(write_pack):
    pack, _ = load_pack(write_pack(PACK))
    body = PACK.split("questions:")[0] + "questions:\n" + questions_to_yaml(pack.questions)
    again, problems = load_pack(write_pack(body, "again.yaml"))
    assert problems == []
    assert [normalised(q) for q in again.questions] == [normalised(q) for q in pack.questions]


# --------------------------------------------------------------------------- commands


SAMPLE_GIFT = """\
// Uit Moodle
::Hoofdstad::Wat is de hoofdstad van Nederland?{=Amsterdam}

::Weer:: Het regent vaak in Nederland.{T}

::Jaar::Wanneer?{#2021}
"""


def test_gift_import_prints_yaml_and_reports_to_stderr(tmp_path):
    source = tmp_path / "bank.gift"
    source.write_text(SAMPLE_GIFT, encoding="utf-8")
    result = CliRunner().invoke(gift, ["import", str(source)])
    assert result.exit_code == 0
    assert result.stdout.startswith("- id: hoofdstad\n  type: short\n")
    assert f"{source}:6: question `jaar`: numerical questions are not supported" in result.stderr


def test_gift_import_into_appends_textually_and_keeps_comments(write_pack, tmp_path):
    pack_path = write_pack(
        """\
        format: 1
        id: p
        title: t
        text: t
        questions:   # mijn vragen
          - id: hoofdstad   # al bestaand
            type: truefalse
            answer: true

        # slot
        glossary:
          woord: word
        """
    )
    source = tmp_path / "bank.gift"
    source.write_text(SAMPLE_GIFT, encoding="utf-8")
    result = CliRunner().invoke(gift, ["import", str(source), "--into", pack_path])
    assert result.exit_code == 0, result.output
    text = Path(pack_path).read_text(encoding="utf-8")
    assert "questions:   # mijn vragen\n" in text
    assert "# al bestaand" in text and "# slot\nglossary:" in text
    pack, problems = load_pack(pack_path)
    assert problems == []
    assert [q["id"] for q in pack.questions] == ["hoofdstad", "hoofdstad-2", "weer"]
    assert pack.glossary == {"woord": {"gloss": "word", "note": None}}


def test_append_questions_to_a_pack_without_questions():
    questions, _ = gift_to_questions("::A::Waar?{T}")
    text = append_questions("format: 1\nid: p\ntitle: t\ntext: t", questions)
    assert text.endswith(
        "\nquestions:\n  - id: a\n    type: truefalse\n    prompt: Waar?\n    answer: true\n"
    )
    text = append_questions("format: 1\nquestions: []\nid: p\n", questions)
    assert (
        text == "format: 1\nquestions:\n  - id: a\n    type: truefalse\n"
        "    prompt: Waar?\n    answer: true\nid: p\n"
    )


def test_gift_import_into_refuses_to_break_a_pack(write_pack, tmp_path):
    original = "format: 1\nid: p\ntitle: t\n"  # no text: already invalid
    pack_path = write_pack(original)
    source = tmp_path / "bank.gift"
    source.write_text("Waar?{T}", encoding="utf-8")
    result = CliRunner().invoke(gift, ["import", str(source), "--into", pack_path])
    assert result.exit_code == 1
    assert "left unchanged" in result.stderr
    assert Path(pack_path).read_text(encoding="utf-8") == original


def test_gift_export_command(write_pack, tmp_path):
    pack_path = write_pack(PACK)
    out = tmp_path / "out.gift"
    result = CliRunner().invoke(gift, ["export", pack_path, "-o", str(out)])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("::duur::[plain]")
    assert f"{pack_path}:" in result.stderr and "GIFT has no ordering questions" in result.stderr
    stdout_run = CliRunner().invoke(gift, ["export", pack_path])
    assert stdout_run.stdout == out.read_text(encoding="utf-8")


def test_gift_export_of_an_invalid_pack_fails(write_pack):
    result = CliRunner().invoke(gift, ["export", write_pack("format: 1\n")])
    assert result.exit_code == 1
    assert "no `id`" in result.stderr


# --------------------------------------------------------------------------- hostile input


def test_gift_import_of_a_file_that_is_not_utf8_says_where(tmp_path):
    source = tmp_path / "bank.gift"
    source.write_bytes("::Q::Wat is een café?{=koffiehuis ~kerk}\n".encode("latin-1"))
    result = CliRunner().invoke(gift, ["import", str(source)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.stderr.startswith(f"{source}:1:20: this file is not UTF-8 text")
    assert result.stdout == ""


def test_gift_import_into_a_pack_that_is_not_utf8_leaves_it_alone(tmp_path):
    source = tmp_path / "bank.gift"
    source.write_text("::A::Waar?{T}\n", encoding="utf-8")
    pack_path = tmp_path / "pack.yaml"
    original = "format: 1\nid: p\ntitle: café\ntext: t\n".encode("latin-1")
    pack_path.write_bytes(original)
    result = CliRunner().invoke(gift, ["import", str(source), "--into", str(pack_path)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), result.exception
    assert f"{pack_path}:3:11: this file is not UTF-8 text" in result.stderr
    assert pack_path.read_bytes() == original


def test_a_flood_of_unclosed_tags_is_read_in_one_pass():
    # 100,000 `<` took 27 s when each one was scanned to the end of the text.
    [question] = gift_to_questions("[html]" + "<" * 100_000 + "{T}")[0]
    assert question["type"] == "truefalse" and question["prompt"] == "<" * 100_000
    # As before (and as a browser reads it): one tag from the first `<` to the `>`.
    [question] = gift_to_questions("[html]" + "<b" * 50_000 + ">x<i>y</i>{T}")[0]
    assert question["prompt"] == "xy"


def test_many_questions_with_one_name_get_distinct_ids():
    count = 20_000
    questions, _ = gift_to_questions("\n\n".join(["::Q::Waar?{T}"] * count))
    ids = [q["id"] for q in questions]
    assert len(set(ids)) == count and ids[:2] == ["q", "q-2"] and ids[-1] == f"q-{count}"


def test_gift_import_into_a_pack_with_a_long_line_of_spaces(write_pack, tmp_path):
    source = tmp_path / "bank.gift"
    source.write_text("::A::Waar?{T}\n", encoding="utf-8")
    padding = " " * 100_000
    pack_path = write_pack(f"format: 1\nid: p\ntitle: t\ntext: t\nquestions:{padding}\n")
    result = CliRunner().invoke(gift, ["import", str(source), "--into", pack_path])
    assert result.exit_code == 0, result.output
    pack, problems = load_pack(pack_path)
    assert problems == [] and [q["id"] for q in pack.questions] == ["a"]


def test_gift_export_into_a_missing_folder_says_so(write_pack, tmp_path):
    out = tmp_path / "missing" / "out.gift"
    result = CliRunner().invoke(gift, ["export", write_pack(PACK), "-o", str(out)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), result.exception
    assert f"{out}: cannot write this file" in result.stderr
