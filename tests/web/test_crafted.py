"""The crafted requests of issue 15, finding 5, each answered 4xx (they were 500s), and
the well-formed requests beside them still answered as before."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quizapp.auth.service import create_user
from quizapp.db import write_session
from quizapp.models import Article
from quizapp.vocab import service as words
from tests.web.test_security import PASSWORD

PACK = "biden-poetin-videogesprek"
HUGE = "9999999999999999999999999"


@pytest.fixture
def learner(client, auth):
    auth.register()
    client.post(f"/articles/{PACK}/quiz")  # attempt 1
    return client


@pytest.fixture
def teacher(seeded_app):
    with write_session(seeded_app) as session:
        create_user(session, "tess", PASSWORD, "teacher")
    client = seeded_app.test_client()
    client.post("/auth/login", data={"username": "tess", "password": PASSWORD})
    client.post("/teacher/classes", data={"name": "3B"})  # class 1
    return client


def test_ids_no_database_can_hold_are_not_found(learner):
    for url in (
        f"/attempts/{HUGE}",
        f"/attempts/{HUGE}/results",
        f"/attempts/{HUGE}/missed-words",
        f"/words/{HUGE}/edit",
        f"/words/{HUGE}/remove",
        f"/review/done/{HUGE}",
        f"/review?card={HUGE}",
        "/review?card=%C2%B2",
        "/attempts/%EF%BC%91",  # a full-width 1
    ):
        assert learner.get(url).status_code == 404, url
    assert learner.get("/attempts/1").status_code == 200


def test_a_hand_in_with_a_crafted_seq_is_refused(learner):
    for seq in ("9" * 30, "²", "9" * 5000):
        response = learner.post("/attempts/1", data={"seq": seq, "action": "save"})
        assert response.status_code == 400, seq


def test_crafted_answers_are_no_answer_not_a_crash(learner):
    answers = {f"q{n}": value for n, value in enumerate(["²", "9" * 5000, "9" * 30] * 7)}
    answers |= {f"q{n}-0": "9" * 5000 for n in range(20)}
    response = learner.post(
        "/attempts/1", data={"seq": "0", "action": "finish", "confirm": "1", **answers}
    )
    assert response.status_code == 303
    assert learner.get("/attempts/1/results").status_code == 200


def test_saving_a_word_with_a_crafted_sentence_is_refused(learner):
    data = {"pack_id": PACK, "lemma": "gesprek"}
    assert learner.post("/words/save?sentence=%C2%B2", data=data).status_code == 400


def test_a_crafted_class_filter_is_refused(teacher):
    for value in (HUGE, "%C2%B2", "%EF%BC%91"):
        assert teacher.get(f"/teacher?class={value}").status_code in (400, 404), value
    assert teacher.get(f"/teacher/classes/{HUGE}/results.csv").status_code == 404
    assert teacher.get("/teacher?class=1").status_code == 200


def test_the_last_day_there_is_works_as_an_end_date(teacher):
    for url in (
        "/teacher?class=1&end=9999-12-31",
        "/teacher?class=1&start=0001-01-01&end=9999-12-31",
        "/teacher/classes/1/results.csv?end=9999-12-31",
        f"/teacher/classes/1/articles/{PACK}?end=9999-12-31",
        f"/teacher/classes/1/articles/{PACK}/items.csv?end=9999-12-31",
    ):
        assert teacher.get(url).status_code == 200, url


def test_login_with_a_crafted_next_goes_to_the_library(client, auth):
    auth.register()
    for next_url in ("/%0d%0aX-Injected:1", "/%0aX:1", "/%5Cevil.example"):
        auth.logout()
        data = {"username": "anna", "password": PASSWORD}
        response = client.post(f"/auth/login?next={next_url}", data=data)
        assert response.status_code == 302, next_url
        assert response.headers["Location"] == "/"
        assert "X-Injected" not in response.headers


def test_saving_a_word_with_a_crafted_next_goes_back_to_the_article(learner, seeded_app):
    with write_session(seeded_app) as session:
        article = session.scalar(select(Article).where(Article.pack_id == PACK))
        lemma = words.article_key_words(session, article, "A1")[0].lemma
    for target, expected in (
        ("/\r\nX-Injected: 1", f"/articles/{PACK}"),
        ("/\\evil.example", f"/articles/{PACK}"),
        ("/words", "/words"),
    ):
        data = {"pack_id": PACK, "lemma": lemma, "next": target}
        response = learner.post("/words/save", data=data)
        assert response.status_code == 303
        assert response.headers["Location"] == expected
        assert "X-Injected" not in response.headers


def test_a_nul_byte_in_a_form_or_a_search_is_refused(teacher):
    for url, data in (
        ("/auth/login", {"username": "an\x00na", "password": PASSWORD}),
        ("/auth/register", {"username": "an\x00na", "password": PASSWORD, "confirm": PASSWORD}),
        ("/classes/join", {"code": "ABCD\x002345"}),
        ("/teacher/classes", {"name": "3\x00B"}),
    ):
        assert teacher.post(url, data=data).status_code == 400, url
    assert teacher.get("/words?q=%00").status_code == 400
    assert teacher.get("/words?q=huis").status_code == 200
