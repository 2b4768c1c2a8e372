"""A learner's whole way: register, read, take the quiz, see the score, stored per user."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from quizapp.models import Answer, Attempt, Question
from quizapp.quiz.service import field_name
from tests.conftest import rows
from tests.web.quizforms import right_answers

SEED = "biden-poetin-videogesprek"


def start_quiz(client) -> int:
    response = client.post(f"/articles/{SEED}/quiz")
    assert response.status_code == 303
    return int(re.search(r"/attempts/(\d+)", response.headers["Location"]).group(1))


def full_marks_form(app, attempt_id: int) -> dict:
    attempt = rows(app, Attempt, Attempt.id == attempt_id)[0]
    questions = {q.id: q for q in rows(app, Question, Question.id.in_(attempt.question_ids))}
    data: dict = {"seq": str(attempt.seq), "action": "finish", "confirm": "1"}
    for n, qid in enumerate(attempt.question_ids):
        data.update(right_answers(questions[qid].payload, field_name(n), attempt.seed))
    return data


def test_library_lists_the_seed_article(client):
    page = client.get("/").get_data(as_text=True)
    assert "Biden en Poetin praten over Oekraïne" in page
    assert "NOS" in page and "B1" in page


def test_reading_page_has_paragraphs_and_subheadings(client):
    page = client.get(f"/articles/{SEED}").get_data(as_text=True)
    # Glossed words in a heading are links and a sentence anchor opens it, so match the
    # heading's text around them.
    assert re.search(
        r"<h2>(<span[^>]+></span>)?&#39;Gaskraan (<[^>]+>)?dicht(</a>)?&#39;</h2>", page
    )
    assert page.count("<p>") >= 4
    assert 'lang="nl"' in page


def test_unknown_article_is_404(client):
    assert client.get("/articles/no-such-article").status_code == 404
    assert client.post("/articles/no-such-article/quiz").status_code in (302, 404)


def test_quiz_needs_login(client):
    response = client.post(f"/articles/{SEED}/quiz")
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


def test_whole_journey_scores_are_stored_per_user(client, auth, seeded_app):
    assert auth.register().status_code == 302
    attempt_id = start_quiz(client)
    quiz_page = client.get(f"/attempts/{attempt_id}")
    assert quiz_page.status_code == 200

    response = client.post(f"/attempts/{attempt_id}", data=full_marks_form(seeded_app, attempt_id))
    assert response.status_code == 303
    results = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "(100%)" in results

    attempt = rows(seeded_app, Attempt, Attempt.id == attempt_id)[0]
    assert attempt.state == "finished" and attempt.score == attempt.max_score > 0
    answers = rows(seeded_app, Answer, Answer.attempt_id == attempt_id)
    assert len(answers) == len(attempt.question_ids) >= 10
    assert all(a.correct for a in answers)

    library = client.get("/").get_data(as_text=True)
    assert "Your best score: <strong>100%</strong>" in library

    # A second learner sees neither the score nor the attempt.
    auth.logout()
    auth.register("bram")
    assert "Your best score" not in client.get("/").get_data(as_text=True)
    assert client.get(f"/attempts/{attempt_id}/results").status_code == 404
    assert client.get(f"/attempts/{attempt_id}").status_code == 404


def test_blank_quiz_scores_zero_and_says_so(client, auth, seeded_app):
    auth.register()
    attempt_id = start_quiz(client)
    data = {"seq": "0", "action": "finish", "confirm": "1"}
    response = client.post(f"/attempts/{attempt_id}", data=data)
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "(0%)" in page and "You did not answer this question." in page


def test_replayed_submission_adds_no_row(client, auth, seeded_app):
    auth.register()
    attempt_id = start_quiz(client)
    form = full_marks_form(seeded_app, attempt_id)
    assert client.post(f"/attempts/{attempt_id}", data=form).status_code == 303
    answers_before = len(rows(seeded_app, Answer))
    replay = client.post(f"/attempts/{attempt_id}", data=form)
    assert replay.status_code == 409
    assert "already handed in" in replay.get_data(as_text=True)
    assert len(rows(seeded_app, Answer)) == answers_before
    assert len(rows(seeded_app, Attempt)) == 1


def test_stale_save_is_refused_and_changes_nothing(client, auth, seeded_app):
    auth.register()
    attempt_id = start_quiz(client)
    first = {"seq": "0", "action": "save", "q4": "true"}
    assert client.post(f"/attempts/{attempt_id}", data=first).status_code == 303
    stale = {"seq": "0", "action": "save", "q4": "false"}
    assert client.post(f"/attempts/{attempt_id}", data=stale).status_code == 409
    attempt = rows(seeded_app, Attempt, Attempt.id == attempt_id)[0]
    assert attempt.seq == 1 and attempt.draft[str(attempt.question_ids[4])] is True


class _FilledIn(HTMLParser):
    """The answers a browser would send from a quiz page as it stands: checked boxes and
    buttons, selected options, typed text (hidden fields and buttons left out), in the quiz's
    own form (not the footer's language form)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.answers: dict[str, list[str]] = {}
        self._select: str | None = None
        self._in_quiz = False
        self.feed(html)

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_quiz = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_quiz = attrs.get("id") == "quiz-form"
        if not self._in_quiz:
            return
        kind = attrs.get("type", "text")
        chosen = kind in ("radio", "checkbox") and "checked" in attrs
        typed = kind == "text" and attrs.get("value")
        if tag == "input" and (chosen or typed):
            self.answers.setdefault(attrs["name"], []).append(attrs["value"])
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and "selected" in attrs:
            self.answers.setdefault(self._select, []).append(attrs["value"])


def test_saved_answers_come_back_on_the_quiz_page(client, auth, seeded_app):
    auth.register()
    attempt_id = start_quiz(client)
    form = full_marks_form(seeded_app, attempt_id) | {"action": "save"}
    client.post(f"/attempts/{attempt_id}", data=form)
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert 'name="seq" value="1"' in page
    # Every answer as it was sent, and nothing else chosen.
    sent = {
        name: value if isinstance(value, list) else [value]
        for name, value in form.items()
        if name not in ("seq", "action", "confirm")
    }
    assert _FilledIn(page).answers == sent


def test_starting_twice_resumes_the_same_attempt(client, auth, seeded_app):
    auth.register()
    assert start_quiz(client) == start_quiz(client)
    assert len(rows(seeded_app, Attempt)) == 1


def test_quiz_page_contains_no_correct_answer(client, auth, seeded_app):
    auth.register()
    attempt_id = start_quiz(client)
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert "correct" not in page.lower()
    assert "feedback" not in page.lower() and "explanation" not in page.lower()
    attempt = rows(seeded_app, Attempt, Attempt.id == attempt_id)[0]
    for question in rows(seeded_app, Question, Question.id.in_(attempt.question_ids)):
        payload = question.payload
        for answer in payload.get("answers", []):
            assert f'value="{answer}"' not in page
        # Whole explanations: generated questions quote the text's sentences, and so do
        # the first words of some hand-written explanations.
        if payload.get("explanation"):
            assert payload["explanation"] not in page


def test_forged_fields_are_graded_not_crashed_on(client, auth, seeded_app):
    auth.register()
    attempt_id = start_quiz(client)
    forged = {
        "seq": "0",
        "action": "finish",
        "confirm": "1",
        "q0": "999",
        "q1": "-1",
        "q3": ["x", "7"],
        "q4": "maybe",
        "q99": "1",
        "q13-g0": "x" * 5000,
    }
    response = client.post(f"/attempts/{attempt_id}", data=forged)
    assert response.status_code == 303
    assert rows(seeded_app, Attempt, Attempt.id == attempt_id)[0].score == 0


def test_form_without_seq_is_a_clear_400(client, auth):
    auth.register()
    attempt_id = start_quiz(client)
    response = client.post(f"/attempts/{attempt_id}", data={"action": "finish"})
    assert response.status_code == 400
    assert "Reload the quiz page" in response.get_data(as_text=True)


def test_autosave_answers_with_the_next_seq_as_json(client, auth, seeded_app):
    auth.register()
    attempt_id = start_quiz(client)
    headers = {"Accept": "application/json"}
    form = {"seq": "0", "action": "save", "q4": "true"}
    response = client.post(f"/attempts/{attempt_id}", data=form, headers=headers)
    assert response.status_code == 200 and response.get_json() == {"seq": 1}
    stale = client.post(f"/attempts/{attempt_id}", data=form, headers=headers)
    assert stale.status_code == 409 and stale.get_json()["error"] == "stale"
    assert rows(seeded_app, Attempt, Attempt.id == attempt_id)[0].seq == 1
