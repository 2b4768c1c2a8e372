"""The pack format's rules, each pointing at the right line and column.

The standard header takes lines 1-5 and `questions:` line 6, so questions start on line 7.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from quizapp.packs import Pack, Problem, check_paths, load_pack

FULL_PACK = """\
format: 1
id: biden-poetin-videogesprek
title: Biden en Poetin praten over Oekraïne
source: NOS
published: 2021-12-07
level: B1
tags: [nieuws, politiek]
text: |
  In een twee uur durend videogesprek heeft Biden ...
glossary:
  ambtgenoot: counterpart
  de gaskraan dichtdraaien:
    gloss: to turn off the gas tap
    note: figuurlijk
generate:
  cloze: 5
  vocabulary: 5
  gender: 3
  order: 0
  exclude: [gender-gesprek]
  level: B1
questions:
  - id: duur
    type: choice
    prompt: Hoe lang duurde het videogesprek?
    options:
      - een uur
      - text: twee uur
        correct: true
        feedback: Klopt.
      - 1945
    explanation: In de eerste zin.
  - id: landen
    type: multi
    points: 2
    shuffle: false
    options:
      - text: Rusland
        correct: true
      - text: VS
        correct: yes
      - China
  - id: tf
    type: truefalse
    prompt: Biden en Poetin zagen elkaar in het echt.
    answer: false
  - id: stad
    type: short
    hint: De regering zit er.
    answers: [Den Haag, "'s-Gravenhage"]
    typos: 1
    case_sensitive: true
  - id: gat
    type: cloze
    text: Washington {=vreest ~hoopt} een {invasie|inval}.
  - id: paren
    type: match
    pairs:
      Biden: VS
      Poetin: Rusland
  - id: volgorde
    type: order
    items: [eerst, dan, tenslotte]
"""


def test_full_pack_loads_into_the_payload_contract(write_pack):
    path = write_pack(FULL_PACK)
    pack, problems = load_pack(path)
    assert problems == []
    assert isinstance(pack, Pack)
    assert (pack.id, pack.title, pack.source, pack.published, pack.level) == (
        "biden-poetin-videogesprek",
        "Biden en Poetin praten over Oekraïne",
        "NOS",
        "2021-12-07",
        "B1",
    )
    assert pack.tags == ["nieuws", "politiek"]
    assert pack.text.startswith("In een twee uur")
    assert pack.glossary == {
        "ambtgenoot": {"gloss": "counterpart", "note": None},
        "de gaskraan dichtdraaien": {"gloss": "to turn off the gas tap", "note": "figuurlijk"},
    }
    assert pack.generate == {
        "cloze": 5,
        "vocabulary": 5,
        "gender": 3,
        "order": 0,
        "exclude": ["gender-gesprek"],
        "level": "B1",
    }
    assert pack.path == path
    assert pack.content_hash == hashlib.sha256(Path(path).read_bytes()).hexdigest()

    by_id = {question["id"]: question for question in pack.questions}
    assert list(by_id) == ["duur", "landen", "tf", "stad", "gat", "paren", "volgorde"]
    assert by_id["duur"] == {
        "id": "duur",
        "type": "choice",
        "prompt": "Hoe lang duurde het videogesprek?",
        "points": 1.0,
        "hint": None,
        "explanation": "In de eerste zin.",
        "shuffle": True,
        "line": 23,
        "options": [
            {"text": "een uur", "correct": False, "feedback": None},
            {"text": "twee uur", "correct": True, "feedback": "Klopt."},
            {"text": "1945", "correct": False, "feedback": None},  # a number stays as written
        ],
    }
    assert by_id["landen"]["points"] == 2.0
    assert by_id["landen"]["shuffle"] is False
    assert [o["correct"] for o in by_id["landen"]["options"]] == [True, True, False]
    assert by_id["tf"]["answer"] is False
    assert by_id["tf"]["shuffle"] is False
    assert by_id["stad"]["answers"] == ["Den Haag", "'s-Gravenhage"]
    assert (by_id["stad"]["typos"], by_id["stad"]["case_sensitive"]) == (1, True)
    assert by_id["stad"]["hint"] == "De regering zit er."
    assert by_id["gat"]["text"] == "Washington {=vreest ~hoopt} een {invasie|inval}."
    assert by_id["paren"]["pairs"] == [["Biden", "VS"], ["Poetin", "Rusland"]]
    assert by_id["paren"]["shuffle"] is True
    assert by_id["volgorde"]["items"] == ["eerst", "dan", "tenslotte"]
    assert by_id["volgorde"]["shuffle"] is True


def test_published_month_only_kept_as_written(problems_in, write_pack):
    pack, problems = load_pack(write_pack(FULL_PACK.replace("2021-12-07", "2021-12")))
    assert problems == [] and pack is not None
    assert pack.published == "2021-12"


def test_problem_prints_file_line_column():
    assert str(Problem("questions/a.yaml", 3, 7, "oops")) == "questions/a.yaml:3:7: oops"


# --------------------------------------------------------------------------- pack-level rules


@pytest.mark.parametrize(
    ("body", "line", "column", "message"),
    [
        ("id: x\ntitle: t\ntext: t\n", 1, 1, "no `format`"),
        ("format: 1\ntitle: t\ntext: t\n", 1, 1, "no `id`"),
        ("format: 1\nid: x\ntext: t\n", 1, 1, "no `title`"),
        ("format: 1\nid: x\ntitle: t\n", 1, 1, "no `text`"),
        ("format: 2\nid: x\ntitle: t\ntext: t\n", 1, 9, "`format` must be 1"),
        ("format: '1'\nid: x\ntitle: t\ntext: t\n", 1, 9, "`format` must be 1"),
        ("format: 1\nid: Biden Poetin\ntitle: t\ntext: t\n", 2, 5, "lowercase letters"),
        ("format: 1\nid: x\ntitle: [a, b]\ntext: t\n", 3, 8, "`title` must be text, not a list"),
        ("format: 1\nid: x\ntitle: t\ntext: ''\n", 4, 7, "`text` is empty"),
        ("format: 1\nid: x\ntitle: t\ntext: t\nlevel: B3\n", 5, 8, "one of A1, A2"),
        ("format: 1\nid: x\ntitle: t\ntext: t\nlevel: b1\n", 5, 8, "write `B1`"),
        ("format: 1\nid: x\ntitle: t\ntext: t\npublished: gisteren\n", 5, 12, "a date like"),
        ("format: 1\nid: x\ntitle: t\ntext: t\npublished: 2021-02-30\n", 5, 12, "a date like"),
        ("format: 1\nid: x\ntitle: t\ntext: t\ntags: nieuws\n", 5, 7, "`tags` must be a list"),
        ("format: 1\nid: x\ntitle: t\ntext: t\ntitel: t\n", 5, 1, "did you mean `title`?"),
        ("format: 1\nid: x\ntitle: t\ntext: t\ntitle: u\n", 5, 1, "`title` appears twice"),
        ("format: 1\nid: x\ntitle: t\ntext: t\nquestions: duur\n", 5, 12, "must be a list"),
        ("- format: 1\n", 1, 1, "a pack must be a mapping"),
        ("", 1, 1, "the file is empty"),
    ],
)
def test_pack_level_rules(problems_in, body, line, column, message):
    found = problems_in(body)
    assert any((p.line, p.column) == (line, column) and message in p.message for p in found), found


def test_glossary_rules(problems_in):
    found = problems_in(
        "format: 1\nid: x\ntitle: t\ntext: t\n"
        "glossary:\n"
        "  ambtgenoot: counterpart\n"
        "  inzake:\n"
        "    glos: concerning\n"
        "  leeg:\n"
        "  lijst: [a, b]\n"
    )
    assert [(p.line, p.column) for p in found] == [(8, 5), (8, 5), (9, 8), (10, 10)]
    assert "did you mean `gloss`?" in found[0].message
    assert "has no `gloss`" in found[1].message
    assert "is empty" in found[2].message
    assert "must be text, not a list" in found[3].message


def test_glossary_meanings_in_other_languages(problems_in, tmp_path):
    found = problems_in(
        "format: 1\nid: x\ntitle: t\ntext: Het gas is duur.\n"
        "glossary:\n"
        "  het gas: {en: gas, ar: غاز, uk: газ, tr: gaz}\n"
        "  duur: {gloss: expensive, en: dear}\n"
        "  is: {xx: wat, ar: ''}\n"
    )
    assert [(p.line, p.column) for p in found] == [(7, 28), (8, 7), (8, 8), (8, 21)]
    assert "both `gloss` and `en`" in found[0].message
    assert "has no `gloss`" in found[1].message  # nothing valid is left
    assert "`xx`" in found[2].message and "language code" in found[2].message
    assert "`ar` is empty" in found[3].message
    path = tmp_path / "ok.yaml"
    path.write_text(
        "format: 1\nid: x\ntitle: t\ntext: Het gas is duur.\n"
        "glossary:\n  het gas: {en: gas, ar: غاز, UK: газ}\n  duur: {ar: غالي}\n",
        encoding="utf-8",
    )
    pack, problems = load_pack(path)
    assert problems == []
    assert pack.glossary["het gas"] == {
        "gloss": "gas", "note": None, "languages": {"ar": "غاز", "uk": "газ"}
    }  # fmt: skip
    assert pack.glossary["duur"] == {"gloss": None, "note": None, "languages": {"ar": "غالي"}}


def test_translations_per_paragraph(problems_in, tmp_path):
    text = "text: |\n  # Het gas\n\n  Het gas is duur.\n\n  Wij betalen meer.\n"
    found = problems_in(
        f"format: 1\nid: x\ntitle: t\n{text}"
        "translations:\n  ar: [الغاز, الغاز غالي]\n  xx: [a, b, c]\n  uk: газ\n"
    )
    assert [(p.line, p.column) for p in found] == [(11, 7), (12, 3), (13, 7)]
    assert "has 2 paragraphs and the text 3" in found[0].message
    assert "`xx`" in found[1].message and "must be a list" in found[2].message
    path = tmp_path / "ok.yaml"
    path.write_text(
        f"format: 1\nid: x\ntitle: t\n{text}translations:\n  ar: [الغاز, ~, نحن ندفع أكثر]\n",
        encoding="utf-8",
    )
    pack, problems = load_pack(path)
    assert problems == []
    assert pack.translations == {"ar": ["الغاز", None, "نحن ندفع أكثر"]}


def test_generate_rules(problems_in):
    found = problems_in(
        "format: 1\nid: x\ntitle: t\ntext: t\n"
        "generate:\n"
        "  cloze: -1\n"
        "  vocabulary: veel\n"
        "  gendr: 3\n"
        "  exclude: gender-gesprek\n"
        "  level: D1\n"
    )
    assert [(p.line, p.column) for p in found] == [(6, 10), (7, 15), (8, 3), (9, 12), (10, 10)]
    assert "0 or more" in found[0].message
    assert "whole number" in found[1].message
    assert "did you mean `gender`?" in found[2].message
    assert "must be a list" in found[3].message
    assert "A1" in found[4].message


def test_all_problems_of_a_file_in_one_run(problems_in):
    found = problems_in("format: 3\nid: X\ntitle: t\ntext: t\nlevel: Z9\nsource: [a]\n")
    assert [p.line for p in found] == [1, 2, 5, 6]


# --------------------------------------------------------------------------- question rules


def only(found, line, column, message):
    assert len(found) == 1, found
    assert found[0][:2] == (line, column), found
    assert message in found[0][2], found


def test_question_needs_id_and_type(questions_problems):
    found = questions_problems("  - prompt: Wat?\n")
    assert [f[:2] for f in found] == [(7, 5), (7, 5)]
    assert "no `id`" in found[0][2] and "no `type`" in found[1][2]


def test_unknown_key_suggests_the_right_one(questions_problems):
    only(
        questions_problems(
            """\
              - id: duur
                type: choice
                options: [a, {text: b, correct: true}]
                promt: Hoe lang?
            """
        ),
        10,
        5,
        "did you mean `prompt`?",
    )


def test_misspelt_options_reported_with_suggestion(questions_problems):
    found = questions_problems(
        """\
          - id: duur
            type: choice
            optoins: [a, b]
        """
    )
    assert (9, 5) in [f[:2] for f in found]
    assert any("did you mean `options`?" in f[2] for f in found)
    assert any("no `options`" in f[2] for f in found)


def test_key_of_another_type_is_named_as_such(questions_problems):
    only(
        questions_problems(
            """\
              - id: duur
                type: choice
                options: [a, {text: b, correct: true}]
                pairs: {a: b, c: d}
            """
        ),
        10,
        5,
        "`pairs` does not belong in a `choice` question; it is for `match` questions",
    )


def test_unknown_type_suggests(questions_problems):
    only(questions_problems("  - id: q\n    type: choise\n"), 8, 11, "did you mean `choice`?")


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        ((True, False), None),
        ((False, False), "(this one has 0); mark it with `correct: true`"),
        ((True, True), "(this one has 2); for several right answers use `type: multi`"),
    ],
)
def test_choice_needs_exactly_one_correct(questions_problems, marks, expected):
    options = "".join(
        f"    - text: optie {n}\n      correct: {'true' if mark else 'false'}\n"
        for n, mark in enumerate(marks)
    )
    found = questions_problems("- id: q\n  type: choice\n  options:\n" + options)
    if expected is None:
        assert found == []
    else:
        only(found, 9, 5, expected)


def test_multi_needs_a_correct_option(questions_problems):
    only(
        questions_problems("  - id: q\n    type: multi\n    options: [a, b]\n"),
        9,
        5,
        "at least one option with `correct: true`",
    )


def test_option_rules(questions_problems):
    found = questions_problems(
        """\
          - id: q
            type: choice
            options:
              - text: a
                correct: "ja"
              - text: b
                corect: true
              - A
              -
              - [x]
        """
    )
    positions = [f[:2] for f in found]
    assert (9, 5) in positions  # no correct option counted
    assert (11, 18) in positions and "true or false" in found[positions.index((11, 18))][2]
    assert (13, 9) in positions and "did you mean `correct`?" in found[positions.index((13, 9))][2]
    assert (14, 9) in positions and "appears twice" in found[positions.index((14, 9))][2]
    assert (15, 8) in positions and "empty option" in found[positions.index((15, 8))][2]
    assert (16, 9) in positions and "must be a mapping" in found[positions.index((16, 9))][2]


def test_choice_needs_two_options(questions_problems):
    only(
        questions_problems(
            "  - id: q\n    type: choice\n    options: [{text: a, correct: true}]\n"
        ),
        9,
        5,
        "at least two options",
    )


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("waar", "write `answer: true`"),
        ("'true'", "without quotes"),
        ("1", "not the number `1`"),
        ("[true]", "not a list"),
    ],
)
def test_truefalse_answer_must_be_a_boolean(questions_problems, answer, message):
    only(
        questions_problems(f"  - id: q\n    type: truefalse\n    answer: {answer}\n"),
        9,
        13,
        message,
    )


def test_short_rules(questions_problems):
    only(questions_problems("  - id: q\n    type: short\n"), 7, 5, "no `answers`")
    only(
        questions_problems("  - id: q\n    type: short\n    answers: []\n"),
        9,
        5,
        "at least one accepted answer",
    )
    only(
        questions_problems("  - id: q\n    type: short\n    answers: Den Haag\n"),
        9,
        14,
        "must be a list",
    )
    only(
        questions_problems("  - id: q\n    type: short\n    answers: [a]\n    typos: -1\n"),
        10,
        12,
        "0 or more",
    )
    only(
        questions_problems(
            "  - id: q\n    type: short\n    answers: [a]\n    case_sensitive: ja\n"
        ),
        10,
        21,
        "true or false",
    )


def test_duplicate_question_id_points_at_the_second(questions_problems):
    only(
        questions_problems(
            """\
              - id: tf
                type: truefalse
                answer: true
              - id: tf
                type: truefalse
                answer: false
            """
        ),
        10,
        9,
        "the question id `tf` is used twice in this pack (first on line 7)",
    )


@pytest.mark.parametrize(
    ("points", "message"), [("0", "more than 0"), ("-2", "more than 0"), ("veel", "a number")]
)
def test_points_must_be_positive(questions_problems, points, message):
    only(
        questions_problems(
            f"  - id: q\n    type: truefalse\n    answer: true\n    points: {points}\n"
        ),
        10,
        13,
        message,
    )


def test_cloze_without_gaps(questions_problems):
    only(
        questions_problems("  - id: q\n    type: cloze\n    text: Geen gaten hier.\n"),
        9,
        11,
        "no gaps",
    )


def test_cloze_unclosed_brace_points_into_a_block_text(questions_problems):
    found = questions_problems(
        """\
          - id: q
            type: cloze
            text: |
              Biden {=vreest ~hoopt} een
              {invasie van Oekraïne.
        """
    )
    only(found, 11, 7, "never closed")


def test_cloze_unopened_brace_and_dropdown_marks_on_one_line(questions_problems):
    found = questions_problems("  - id: q\n    type: cloze\n    text: 'a} {=b =c} {~d ~e}'\n")
    assert [f[:2] for f in found] == [(9, 13), (9, 15), (9, 23)]
    assert "without an opening" in found[0][2]
    assert "exactly one right option" in found[1][2] and "has 2" in found[1][2]
    assert "has 0" in found[2][2]


def test_cloze_escaped_braces_are_fine(questions_problems):
    assert questions_problems("  - id: q\n    type: cloze\n    text: 'Een \\{ {gat} \\}'\n") == []


def test_match_rules(questions_problems):
    found = questions_problems(
        """\
          - id: q
            type: match
            pairs:
              Biden: VS
              Obama: vs
              Biden: Rusland
        """
    )
    assert [f[:2] for f in found] == [(11, 14), (12, 7)]
    assert "right-hand item `vs` appears twice" in found[0][2]
    assert "left-hand item `Biden` appears twice" in found[1][2]
    only(
        questions_problems("  - id: q\n    type: match\n    pairs: {a: b}\n"),
        9,
        5,
        "at least two pairs",
    )
    only(
        questions_problems("  - id: q\n    type: match\n    pairs: [a, b]\n"),
        9,
        12,
        "must be a mapping",
    )


def test_order_rules(questions_problems):
    only(
        questions_problems("  - id: q\n    type: order\n    items: [alleen]\n"),
        9,
        5,
        "at least two items",
    )
    only(
        questions_problems("  - id: q\n    type: order\n    items: [a, b, a]\n"),
        9,
        19,
        "appears twice",
    )
    only(
        questions_problems("  - id: q\n    type: order\n    items: [a, b]\n    shuffle: false\n"),
        10,
        14,
        "always shown shuffled",
    )


# --------------------------------------------------------------------------- folders


def test_check_paths_walks_folders_and_catches_shared_pack_ids(write_pack, tmp_path):
    body = "format: 1\nid: same\ntitle: t\ntext: t\n"
    write_pack(body, "a.yaml")
    write_pack(body, "sub/b.yml")
    write_pack("not yaml at all", "notes.txt")
    found = check_paths([str(tmp_path)])
    assert len(found) == 1
    assert found[0].path.endswith("b.yml")
    assert (found[0].line, found[0].column) == (2, 5)
    assert "already used by" in found[0].message


def test_check_paths_reports_a_missing_path(tmp_path):
    found = check_paths([str(tmp_path / "nope")])
    assert [p.message for p in found] == ["no such file or folder"]
