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
    client.post(attempt_url, data={"seq": "0", "action": "finish", "q0": "1"})
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
    from quizapp.packs import importer, load_pack

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
