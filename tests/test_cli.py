"""The command line, through Flask's test runner on a temporary database."""

from __future__ import annotations

import shutil

from sqlalchemy import func, select

from quizapp.db import write_session
from quizapp.models import Answer, Article, ArticleAnalysis, Attempt, Question, User
from tests.conftest import QUESTIONS, SEED_PACK, rows

TABLES = (Article, ArticleAnalysis, Question, Attempt, Answer, User)


def row_counts(app) -> dict[str, int]:
    with write_session(app) as session:
        return {
            m.__tablename__: session.scalar(select(func.count()).select_from(m)) for m in TABLES
        }


def test_init_is_safe_to_run_again(runner):
    assert runner.invoke(args=["init"]).exit_code == 0
    result = runner.invoke(args=["init"])
    assert result.exit_code == 0 and "up to date" in result.output


def test_import_the_sample_library_twice_changes_nothing(app, runner):
    first = runner.invoke(args=["import", str(QUESTIONS)])
    assert first.exit_code == 0, first.output
    counts = row_counts(app)
    assert counts["articles"] == len(list(QUESTIONS.glob("*.yaml")))
    hashes = {a.pack_id: a.content_hash for a in rows(app, Article)}
    second = runner.invoke(args=["import", str(QUESTIONS)])
    assert second.exit_code == 0
    assert row_counts(app) == counts
    assert {a.pack_id: a.content_hash for a in rows(app, Article)} == hashes


def test_broken_pack_imports_nothing_and_says_where(app, runner, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "format: 1\nid: broken\ntitle: Kapot\ntext: Een tekst.\nquestions:\n"
        "  - id: q\n    type: choice\n    optoins: [a, b]\n"
    )
    result = runner.invoke(args=["import", str(broken)])
    assert result.exit_code == 1
    assert f"{broken}:8:5:" in result.output
    assert row_counts(app)["articles"] == 0


def test_editing_and_removing_questions_keeps_every_answer(app, runner, tmp_path, client, auth):
    folder = tmp_path / "packs"
    folder.mkdir()
    pack = folder / SEED_PACK.name
    shutil.copy(SEED_PACK, pack)
    assert runner.invoke(args=["import", str(folder)]).exit_code == 0

    # A learner answers the quiz.
    auth.register()
    attempt_url = client.post("/articles/biden-poetin-videogesprek/quiz").headers["Location"]
    client.post(attempt_url, data={"seq": "0", "action": "finish", "confirm": "1", "q0": "1"})
    answered = {a.question_id for a in rows(app, Answer)}
    assert answered

    # The teacher edits the first question's prompt and removes the last question.
    text = pack.read_text()
    text = text.replace("Hoe lang duurde het videogesprek", "Hoe lang duurde het gesprek")
    last = text.rindex("\n  - id:")
    pack.write_text(text[:last] + "\n")
    result = runner.invoke(args=["import", str(folder)])
    assert result.exit_code == 0, result.output
    assert "1 question changed" in result.output and "1 question retired" in result.output

    assert {a.question_id for a in rows(app, Answer)} == answered
    duur = rows(app, Question, Question.key == "duur")
    assert sorted((q.version, q.retired) for q in duur) == [(1, True), (2, False)]
    # The finished attempt still shows the version that was answered.
    old_results = client.get(attempt_url + "/results").get_data(as_text=True)
    assert "Hoe lang duurde het videogesprek" in old_results
    assert duur[0].id in rows(app, Attempt)[0].question_ids

    # The whole pack removed: the article is hidden, not deleted, and answers stay.
    pack.unlink()
    assert runner.invoke(args=["import", str(folder)]).exit_code == 0
    article = rows(app, Article)[0]
    assert article.hidden
    assert client.get("/articles/biden-poetin-videogesprek").status_code == 404
    assert {a.question_id for a in rows(app, Answer)} == answered

    # Put back: visible again, same article row.
    shutil.copy(SEED_PACK, pack)
    assert runner.invoke(args=["import", str(folder)]).exit_code == 0
    assert [a.id for a in rows(app, Article) if not a.hidden] == [article.id]


def test_create_user_with_password_on_stdin(app, runner):
    result = runner.invoke(
        args=["create-user", "juf", "--role", "teacher", "--password-stdin"],
        input="lang genoeg wachtwoord\n",
    )
    assert result.exit_code == 0, result.output
    user = rows(app, User)[0]
    assert (user.username, user.role) == ("juf", "teacher")


def test_create_user_refuses_a_short_password(app, runner):
    result = runner.invoke(args=["create-user", "juf", "--password-stdin"], input="kort\n")
    assert result.exit_code == 1
    assert "at least 8" in result.output or "between 8" in result.output
    assert rows(app, User) == []


def test_check_finds_the_sample_library_valid(runner):
    result = runner.invoke(args=["check", str(QUESTIONS)])
    assert result.exit_code == 0, result.output


def test_the_slow_work_of_an_import_happens_before_the_write_transaction(app, monkeypatch):
    """Learners' hand-ins must not queue behind seconds of analysis and generation: both run
    in prepare_import, outside the write lock, and import_pack only stores the results."""
    from quizapp.db import read_session
    from quizapp.language.store import pipeline_for_import
    from quizapp.library import importer
    from quizapp.packs import load_pack

    calls = []
    analyser = pipeline_for_import()
    real_payloads = importer._payloads

    def counting_analyser(text, glossary):
        calls.append("analyse")
        return type(analyser).__call__(analyser, text, glossary)

    counting_analyser.lexicon_version = analyser.lexicon_version
    monkeypatch.setattr(
        importer, "_payloads", lambda *a: calls.append("generate") or real_payloads(*a)
    )
    pack, _ = load_pack(SEED_PACK)
    with read_session(app) as session:
        prepared = importer.prepare_import(session, pack, counting_analyser)
    assert calls == ["analyse", "generate"]
    with write_session(app) as session:
        report = importer.import_pack(session, pack, counting_analyser, prepared)
    assert calls == ["analyse", "generate"]  # nothing more inside the transaction
    assert report.analysed and report.questions_added > 16
    # Unchanged pack: nothing to prepare at all.
    with read_session(app) as session:
        again = importer.prepare_import(session, pack, counting_analyser)
    assert again.analysis is None and again.generated is None


def _library_with_broken_packs(tmp_path):
    folder = tmp_path / "questions"
    folder.mkdir()
    shutil.copy(SEED_PACK, folder / SEED_PACK.name)
    (folder / "a-syntax.yaml").write_text("format: 1\nid: kapot\ntitle: [Kapot\ntext: t\n")
    (folder / "b-surrogate.yaml").write_text('format: 1\nid: titel\ntitle: "t\\ud800"\ntext: t\n')
    # The same id as the seed pack: importing it would take the seed's article over.
    seed_id = SEED_PACK.stem
    (folder / "c-twin.yaml").write_text(f"format: 1\nid: {seed_id}\ntitle: Tweeling\ntext: t\n")
    return folder


def test_broken_packs_are_reported_and_the_others_imported(app, runner, tmp_path):
    folder = _library_with_broken_packs(tmp_path)
    result = runner.invoke(args=["import", str(folder)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert f"{folder / 'a-syntax.yaml'}:4:5: YAML syntax error" in result.output
    assert f"{folder / 'b-surrogate.yaml'}:3:10: " in result.output
    assert f"{folder / 'c-twin.yaml'}:2:5: the pack id" in result.output
    assert "1 of 4 packs imported" in result.output
    [article] = rows(app, Article)
    assert (article.pack_id, article.title) == (
        SEED_PACK.stem,
        "Biden en Poetin praten over Oekraïne",
    )


def test_import_allow_problems_reports_them_and_succeeds(app, runner, tmp_path):
    folder = _library_with_broken_packs(tmp_path)
    result = runner.invoke(args=["import", "--allow-problems", str(folder)])
    assert result.exit_code == 0, result.output
    assert f"{folder / 'b-surrogate.yaml'}:3:10: " in result.output
    assert "1 of 4 packs imported" in result.output
    assert len(rows(app, Article)) == 1


def test_a_pack_that_fails_while_stored_does_not_stop_the_others(
    app, runner, tmp_path, monkeypatch
):
    from quizapp.library import importer

    folder = tmp_path / "questions"
    folder.mkdir()
    for name in ("biden-poetin-videogesprek.yaml", "een-dag-bij-de-bakker.yaml"):
        shutil.copy(QUESTIONS / name, folder / name)
    real_import = importer.import_pack

    def failing_for_one(session, pack, *args):
        if pack.id == "biden-poetin-videogesprek":
            raise ValueError("something no check foresaw")
        return real_import(session, pack, *args)

    monkeypatch.setattr(importer, "import_pack", failing_for_one)
    result = runner.invoke(args=["import", str(folder)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), result.exception
    assert "something no check foresaw" in result.output
    assert [a.pack_id for a in rows(app, Article)] == ["een-dag-bij-de-bakker"]


def test_make_run_serves_even_when_a_pack_is_broken():
    import subprocess

    dry_run = subprocess.run(
        ["make", "-n", "-C", str(QUESTIONS.parent), "run"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    imports = [line for line in dry_run if "quizapp import" in line]
    assert imports and all("--allow-problems" in line for line in imports)
    assert any("quizapp serve" in line for line in dry_run)
