"""The `check` command as a teacher runs it."""

from __future__ import annotations

from click.testing import CliRunner

from quizapp.packs.cli import check

GOOD = "format: 1\nid: {id}\ntitle: t\ntext: t\n"


def test_check_all_fine(write_pack, tmp_path):
    write_pack(GOOD.format(id="een"), "een.yaml")
    write_pack(GOOD.format(id="twee"), "twee.yml")
    write_pack(GOOD.format(id="drie"), "sub/drie.yaml")
    result = CliRunner().invoke(check, [str(tmp_path)])
    assert result.exit_code == 0
    assert result.output == "3 packs checked, all fine\n"


def test_check_reports_problems_and_fails(write_pack, tmp_path):
    write_pack(GOOD.format(id="een"), "een.yaml")
    write_pack(GOOD.format(id="twee"), "twee.yaml")
    bad = write_pack("format: 1\nid: Drie\ntitle: t\ntext: t\nlevle: B1\n", "drie.yaml")
    result = CliRunner().invoke(check, [str(tmp_path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{bad}:2:5: the pack id `Drie`")
    assert lines[1] == f"{bad}:5:1: unknown key `levle` in the pack; did you mean `level`?"
    assert lines[2] == "2 problems in 1 of 3 packs"


def test_check_one_file_singular_summary(write_pack):
    path = write_pack(GOOD.format(id="een"))
    result = CliRunner().invoke(check, [path])
    assert (result.exit_code, result.output) == (0, "1 pack checked, all fine\n")


def test_check_defaults_to_questions_folder(write_pack, tmp_path, monkeypatch):
    write_pack(GOOD.format(id="een"), "questions/een.yaml")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(check, [])
    assert (result.exit_code, result.output) == (0, "1 pack checked, all fine\n")


def test_check_missing_path_fails(tmp_path):
    result = CliRunner().invoke(check, [str(tmp_path / "nergens")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def test_check_refuses_a_lone_surrogate_with_its_position(write_pack):
    path = write_pack(
        "format: 1\nid: x\ntitle: t\ntext: t\nquestions:\n"
        '  - id: q\n    type: short\n    prompt: "p\\ud800"\n    answers: [a]\n'
    )
    result = CliRunner().invoke(check, [path])
    assert result.exit_code == 1
    assert result.output.startswith(f"{path}:8:15: ")
    assert "surrogate" in result.output
