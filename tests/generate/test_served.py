"""Generated questions in the quiz: stored at import, after the hand-written ones, graded and
kept per user, marked for teachers only, and switched off by `generate: exclude:`."""

from __future__ import annotations

import re

from quizapp.auth.service import create_user
from quizapp.db import write_session
from quizapp.library.importer import import_pack
from quizapp.models import Answer, Article, Attempt, Question
from quizapp.packs import load_pack
from quizapp.quiz.service import current_questions, field_name
from tests.conftest import SEED_PACK, rows
from tests.web.quizforms import right_answers

SEED = "biden-poetin-videogesprek"
# The seed's `generate:` asks for 8 cloze, 8 vocabulary, 5 gender and 3 order; none of its
# sentences has a single right word order (each has an adverb or two prepositional phrases).
SEED_GENERATED = 21


def _import(app, path):
    pack, problems = load_pack(path)
    assert pack is not None, problems
    with write_session(app) as session:
        return import_pack(session, pack)


def test_import_stores_generated_questions_after_the_hand_written(seeded_app):
    pack, _ = load_pack(SEED_PACK)
    generated = rows(seeded_app, Question, Question.origin == "generated")
    kinds = [q.key.split("-")[1] for q in generated]
    assert kinds.count("cloze") == 8 and kinds.count("vocab") == 8
    assert kinds.count("gender") == 5 and kinds.count("order") == 0
    with write_session(seeded_app) as session:
        article = session.query(Article).filter_by(pack_id=SEED).one()
        ordered = current_questions(session, article)
        origins = [q.origin for q in ordered]
        assert origins == ["authored"] * len(pack.questions) + ["generated"] * len(generated)
        assert [q.key for q in ordered[: len(pack.questions)]] == [q["id"] for q in pack.questions]
        assert all("explain" not in q.payload and "kind" not in q.payload for q in ordered)


def test_importing_again_changes_nothing(seeded_app):
    before = {(q.key, q.version) for q in rows(seeded_app, Question)}
    report = _import(seeded_app, SEED_PACK)
    assert not report.changed
    assert {(q.key, q.version) for q in rows(seeded_app, Question)} == before


def _edited_seed(tmp_path, replace: str, by: str):
    text = SEED_PACK.read_text(encoding="utf-8")
    assert replace in text
    path = tmp_path / SEED_PACK.name
    path.write_text(text.replace(replace, by, 1), encoding="utf-8")
    return path


def test_excluded_ids_are_not_served(seeded_app, tmp_path):
    first = sorted(q.key for q in rows(seeded_app, Question, Question.origin == "generated"))
    dropped = next(key for key in first if key.startswith("gen-gender-"))
    path = _edited_seed(tmp_path, "  order: 3\n", f"  order: 3\n  exclude: [{dropped}]\n")
    _import(seeded_app, path)
    active = rows(seeded_app, Question, Question.origin == "generated", Question.retired.is_(False))
    assert dropped not in {q.key for q in active}
    assert sum(q.key.startswith("gen-gender-") for q in active) == 5  # another took its place
    assert rows(seeded_app, Question, Question.key == dropped)[0].retired


def test_removing_the_generate_block_retires_generated_questions(seeded_app, tmp_path):
    path = _edited_seed(
        tmp_path, "generate:\n  cloze: 8\n  vocabulary: 8\n  gender: 5\n  order: 3\n", ""
    )
    report = _import(seeded_app, path)
    assert report.questions_retired == SEED_GENERATED
    assert not rows(
        seeded_app, Question, Question.origin == "generated", Question.retired.is_(False)
    )


def _finish_quiz(client, app):
    page = client.post(f"/articles/{SEED}/quiz")
    attempt_id = int(page.headers["Location"].rsplit("/", 1)[1])
    attempt = rows(app, Attempt, Attempt.id == attempt_id)[0]
    questions = {q.id: q for q in rows(app, Question, Question.id.in_(attempt.question_ids))}
    data = {"seq": str(attempt.seq), "action": "finish", "confirm": "1"}
    for n, qid in enumerate(attempt.question_ids):
        data.update(right_answers(questions[qid].payload, field_name(n), attempt.seed))
    client.post(f"/attempts/{attempt_id}", data=data)
    return attempt_id, questions


def test_learners_answer_generated_questions_graded_and_stored_without_a_badge(
    client, auth, seeded_app
):
    auth.register()
    attempt_id, questions = _finish_quiz(client, seeded_app)
    answers = rows(seeded_app, Answer, Answer.attempt_id == attempt_id)
    generated = [a for a in answers if questions[a.question_id].origin == "generated"]
    assert len(generated) == SEED_GENERATED and all(a.correct for a in generated)
    attempt = rows(seeded_app, Attempt, Attempt.id == attempt_id)[0]
    assert attempt.score == attempt.max_score
    results = client.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert "badge-generated" not in results and "gen-cloze-" not in results


def test_teachers_see_which_questions_are_generated(client, auth, seeded_app):
    with write_session(seeded_app) as session:
        create_user(session, "juf", "a long teacher password", "teacher")
    auth.login("juf", "a long teacher password")
    page = client.post(f"/articles/{SEED}/quiz")
    attempt_id = int(page.headers["Location"].rsplit("/", 1)[1])
    quiz = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert quiz.count('class="badge badge-generated"') == SEED_GENERATED
    marked = re.findall(r"badge-generated\">generated</span> <code>([^<]+)</code>", quiz)
    generated = {q.key for q in rows(seeded_app, Question, Question.origin == "generated")}
    assert set(marked) == generated


def test_learners_never_see_the_badge_on_the_quiz(client, auth, seeded_app):
    auth.register()
    page = client.post(f"/articles/{SEED}/quiz")
    attempt_id = int(page.headers["Location"].rsplit("/", 1)[1])
    quiz = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert "badge-generated" not in quiz and "gen-gender-" not in quiz
