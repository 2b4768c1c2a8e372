"""Files refused before anything is built from them."""

from __future__ import annotations

import pytest
import yaml

from quizapp.packs import load_pack
from quizapp.packs.yamlsafe import MAX_BYTES, MAX_DEPTH

BILLION_LAUGHS = """\
format: 1
id: lol
title: lol
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
text: *i
"""


@pytest.fixture
def nothing_is_built(monkeypatch):
    """Fail the test if PyYAML composes or constructs anything from the file."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("the loader built the document it should have refused")

    monkeypatch.setattr(yaml.composer.Composer, "compose_document", refuse)
    monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_document", refuse)


def test_billion_laughs_refused_without_building_it(write_pack, nothing_is_built):
    pack, problems = load_pack(write_pack(BILLION_LAUGHS))
    assert pack is None
    assert [(p.line, p.column) for p in problems] == [(4, 4)]
    assert "`&a` is a YAML anchor" in problems[0].message


def test_alias_without_anchor_position_is_refused(write_pack, nothing_is_built):
    # An alias to an undefined anchor is refused as an alias, not as a crash.
    pack, problems = load_pack(write_pack("format: 1\nid: x\ntitle: *t\ntext: t\n"))
    assert pack is None
    assert (problems[0].line, problems[0].column) == (3, 8)
    assert "alias" in problems[0].message


def test_merge_keys_need_anchors_and_are_refused(write_pack, nothing_is_built):
    body = "base: &base {points: 2}\nquestions:\n  - <<: *base\n    id: q\n"
    pack, problems = load_pack(write_pack(body))
    assert pack is None and "anchor" in problems[0].message


def test_file_over_one_megabyte_refused(tmp_path, nothing_is_built):
    path = tmp_path / "big.yaml"
    path.write_text("format: 1\ntext: |\n" + ("  " + "x" * 98 + "\n") * (MAX_BYTES // 100 + 1))
    pack, problems = load_pack(str(path))
    assert pack is None
    assert [(p.line, p.column) for p in problems] == [(1, 1)]
    assert "at most 1 MB" in problems[0].message


def test_exactly_one_megabyte_is_allowed(tmp_path):
    head = "format: 1\nid: x\ntitle: t\ntext: |\n"
    path = tmp_path / "full.yaml"
    filler = MAX_BYTES - len(head) - 3
    path.write_text(head + "  " + "x" * filler + "\n")
    assert path.stat().st_size == MAX_BYTES
    pack, problems = load_pack(str(path))
    assert problems == [] and pack is not None


def nested(depth: int) -> str:
    # format/id/title/text at the top is depth 1; each flow list adds one level.
    return (
        "format: 1\nid: x\ntitle: t\ntext: t\ntags: "
        + "[" * (depth - 1)
        + "a"
        + "]" * (depth - 1)
        + "\n"
    )


def test_nesting_deeper_than_twenty_refused(write_pack, nothing_is_built):
    pack, problems = load_pack(write_pack(nested(MAX_DEPTH + 1)))
    assert pack is None
    assert len(problems) == 1
    assert (problems[0].line, problems[0].column) == (5, 6 + MAX_DEPTH)
    assert "more than 20 levels deep" in problems[0].message


def test_nesting_of_twenty_is_read(write_pack):
    # Read, then rejected by the format rules (tags are plain words) — but not refused.
    pack, problems = load_pack(write_pack(nested(MAX_DEPTH)))
    assert not any("levels deep" in p.message for p in problems)
    assert problems and "must be text" in problems[0].message


def test_python_tags_refused(write_pack, nothing_is_built):
    body = "format: 1\nid: x\ntitle: !!python/object/apply:os.system ['echo hi']\ntext: t\n"
    pack, problems = load_pack(write_pack(body))
    assert pack is None
    assert (problems[0].line, problems[0].column) == (3, 8)
    assert "tag" in problems[0].message


def test_str_tag_is_allowed(write_pack):
    pack, problems = load_pack(write_pack("format: 1\nid: x\ntitle: !!str 2021\ntext: t\n"))
    assert problems == [] and pack is not None and pack.title == "2021"


def test_second_document_refused(write_pack):
    pack, problems = load_pack(write_pack("format: 1\n---\nformat: 1\n"))
    assert pack is None and "one pack per file" in problems[0].message
    assert problems[0].line == 2


@pytest.mark.parametrize(
    ("body", "line", "column", "message"),
    [
        ("format: 1\ntitle: Wie zei: goed?\n", 2, 15, "put the whole value in quotes"),
        ("format: 1\nquestions:\n\t- id: q\n", 3, 1, "indent with spaces, never tabs"),
        ("format: 1\ntitle: 'open\n", 3, 1, "a quote that is opened but never closed"),
        ("format: 1\ntags: [a, b\n", 3, 1, "not closed, or lacks a comma"),
        ("format: 1\nglossary:\n  a: b\n c: d\n", 4, 2, "indentation does not line up"),
    ],
)
def test_syntax_errors_with_position_and_advice(write_pack, body, line, column, message):
    pack, problems = load_pack(write_pack(body))
    assert pack is None
    assert len(problems) == 1
    assert (problems[0].line, problems[0].column) == (line, column), problems
    assert problems[0].message.startswith("YAML syntax error: ")
    assert message in problems[0].message


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("format: 1\ntitle: Oekraïne\n".encode("latin-1"))
    pack, problems = load_pack(str(path))
    assert pack is None
    assert (problems[0].line, problems[0].column) == (2, 13)
    assert "UTF-8" in problems[0].message


# Only a double-quoted escape can put these in a pack (UTF-8 itself cannot carry a lone
# surrogate, and YAML refuses a raw NUL); neither can be stored or shown.
@pytest.mark.parametrize(
    ("line", "escape", "column"),
    [
        ('title: "Een \\ud800 titel"', "\\ud800", 13),
        ('title: "\\U0000DFFF"', "\\U0000DFFF", 9),
        ('title: "a\\\\b \\0"', "\\0", 14),
        ('title: "emoji \\ud83d\\ude00"', "\\ud83d", 15),
    ],
)
def test_characters_that_cannot_be_stored_are_refused_where_they_are(
    write_pack, line, escape, column
):
    pack, problems = load_pack(write_pack(f"format: 1\nid: x\n{line}\ntext: t\n"))
    assert pack is None
    assert [(p.line, p.column) for p in problems] == [(3, column)]
    assert f"`{escape}`" in problems[0].message


@pytest.mark.parametrize(
    "body",
    [
        'questions:\n  - id: q\n    type: short\n    prompt: "p\\ud800"\n    answers: [a]\n',
        'glossary:\n  "br\\ud800od": bread\n',
        'questions:\n  - id: q\n    type: choice\n    options:\n      - "\\udc00"\n      - b\n',
    ],
)
def test_a_lone_surrogate_is_refused_anywhere_in_a_pack(write_pack, body):
    path = write_pack("format: 1\nid: x\ntitle: t\ntext: t\n" + body)
    pack, problems = load_pack(path)
    assert pack is None
    assert len(problems) == 1 and "surrogate" in problems[0].message
    assert str(problems[0]).startswith(f"{path}:{problems[0].line}:{problems[0].column}: ")
    assert problems[0].line > 4


@pytest.mark.parametrize("escape", ["\\UFFFFFFFF", "\\U00110000"])
def test_an_escape_beyond_unicode_is_refused_not_a_crash(write_pack, escape):
    pack, problems = load_pack(write_pack(f'format: 1\nid: x\ntitle: "ab {escape}"\ntext: t\n'))
    assert pack is None
    assert [(p.line, p.column) for p in problems] == [(3, 12)]
    assert f"`{escape}` is not a character" in problems[0].message
