"""`quizapp generate` and `quizapp new`: output a teacher can paste, packs that import."""

from __future__ import annotations

import json

from click.testing import CliRunner

from quizapp.generate import pack_payload
from quizapp.generate.cli import generate_command, new_command
from quizapp.models import Question
from quizapp.packs import load_pack
from quizapp.packs.loader import check_paths, load_pack_bytes
from tests.conftest import SEED_PACK, rows

SAMPLE_TEXT = """Nieuwe fietsenstalling bij het station

De gemeente opent volgende maand een nieuwe fietsenstalling bij het station. Er is plaats voor
drieduizend fietsen. De stalling is de eerste vierentwintig uur gratis. Daarna betaalt u een
kleine bijdrage per dag.

Veel reizigers klagen al jaren over het gebrek aan ruimte. Fietsen staan nu vaak op de stoep.
De wethouder hoopt dat de nieuwe stalling het probleem oplost. Ze zegt dat de gemeente ook
camera's plaatst, zodat fietsen minder vaak gestolen worden.

Een medewerker helpt reizigers overdag met kleine reparaties. De bouw heeft twee jaar geduurd.
"""


def test_generate_prints_yaml_that_is_valid_once_pasted():
    result = CliRunner().invoke(generate_command, [str(SEED_PACK)])
    assert result.exit_code == 0, result.output
    original = SEED_PACK.read_text(encoding="utf-8")
    # The seed's `questions:` list is the file's last key: pasting is appending.
    assert original.rstrip().endswith(tuple("abcdefghijklmnopqrstuvwxyz.\"'"))
    pack, problems = load_pack_bytes(_pasted(original, result.output).encode(), str(SEED_PACK))
    assert problems == [] and pack is not None
    pasted = [q for q in pack.questions if q["id"].startswith("gen-")]
    assert len(pasted) >= 21
    # What is pasted is what is served: the same payloads, line numbers aside.
    made = json.loads(CliRunner().invoke(generate_command, [str(SEED_PACK), "--json"]).output)
    assert [{**q, "line": None} for q in pasted] == [pack_payload(q) for q in made]


def _pasted(pack_text: str, output: str) -> str:
    """The pack with the printed items added at the end of its `questions:` list."""
    return pack_text.rstrip("\n") + "\n\n" + output


def test_generate_json_has_kind_and_explain_and_honours_options():
    result = CliRunner().invoke(
        generate_command, [str(SEED_PACK), "--kind", "cloze", "--count", "3", "--json"]
    )
    assert result.exit_code == 0, result.output
    questions = json.loads(result.output)
    assert [q["kind"] for q in questions] == ["cloze"] * 3
    for question in questions:
        assert len(question["explain"]["distractors"]) == 3
        assert all(d["why"] for d in question["explain"]["distractors"])


def test_generate_refuses_a_broken_pack(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: x\ntitle: X\n")
    result = CliRunner().invoke(generate_command, [str(broken)])
    assert result.exit_code == 1 and "`text`" in result.output


def test_new_writes_a_pack_that_checks_and_imports(tmp_path, runner, app):
    source = tmp_path / "stalling.txt"
    source.write_text(SAMPLE_TEXT, encoding="utf-8")
    target = tmp_path / "stalling.yaml"
    result = CliRunner().invoke(new_command, [str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert check_paths([str(target)]) == []
    pack, _problems = load_pack(target)
    assert pack.id == "nieuwe-fietsenstalling-bij-het-station"
    assert pack.title == "Nieuwe fietsenstalling bij het station"
    assert pack.level in ("A2", "B1", "B2") and pack.text.startswith("De gemeente opent")
    assert pack.generate["statements"] == 7 and pack.questions == []
    written = target.read_text(encoding="utf-8")
    for kind in ("choice", "multi", "truefalse", "short", "cloze", "match", "order"):
        assert f"#     type: {kind}\n" in written
    assert "# glossary:" in written
    imported = runner.invoke(["import", str(target)])
    assert imported.exit_code == 0, imported.output
    generated = rows(app, Question, Question.origin == "generated")
    assert len(generated) >= 5


def test_new_uncommenting_the_glossary_gives_a_valid_pack(tmp_path):
    source = tmp_path / "tekst.txt"
    source.write_text(SAMPLE_TEXT, encoding="utf-8")
    result = CliRunner().invoke(new_command, [str(source), "--title", "Fietsen", "--level", "A2"])
    assert result.exit_code == 0
    text = result.output
    assert "id: fietsen " in text and "level: A2" in text
    # A teacher removes the # before `glossary:` and before the entries, and fills TODOs.
    lines = []
    in_glossary = False
    for line in text.split("\n"):
        if line.startswith("# glossary:"):
            in_glossary = True
            lines.append(line[2:])
            continue
        if in_glossary and line.startswith("#   "):
            lines.append(line[2:].replace("TODO", "a meaning"))
            continue
        in_glossary = False
        lines.append(line)
    pack, problems = load_pack_bytes("\n".join(lines).encode(), "tekst.yaml")
    assert problems == []
    assert pack.glossary


def test_new_refuses_to_overwrite(tmp_path):
    source = tmp_path / "t.txt"
    source.write_text(SAMPLE_TEXT, encoding="utf-8")
    target = tmp_path / "t.yaml"
    target.write_text("keep me")
    result = CliRunner().invoke(new_command, [str(source), "-o", str(target)])
    assert result.exit_code == 1 and target.read_text() == "keep me"
