"""Handing in: the "N unanswered" confirm step without JavaScript, the quiz in sections, and
the results page (mistakes only, readable scores, icons, options in the quiz's order)."""

from __future__ import annotations

import re

from markupsafe import escape

from quizapp.models import Answer, Attempt, Question
from quizapp.questions.base import permutation
from quizapp.quiz.service import field_name, sections
from tests.conftest import rows
from tests.quiz.test_journey import full_marks_form, start_quiz


def attempt_row(app, attempt_id: int) -> Attempt:
    return rows(app, Attempt, Attempt.id == attempt_id)[0]


def test_a_hand_in_with_unanswered_questions_asks_first_and_keeps_the_answers(
    client, auth, seeded_app
):
    auth.register()
    attempt_id = start_quiz(client)
    form = full_marks_form(seeded_app, attempt_id)
    del form["confirm"]
    total = len(attempt_row(seeded_app, attempt_id).question_ids)
    for name in ("q1", "q2"):
        form.pop(name)
    response = client.post(f"/attempts/{attempt_id}", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "2 questions unanswered" in page and "You have not answered questions 2, 3." in page
    attempt = attempt_row(seeded_app, attempt_id)
    assert attempt.state == "in_progress" and attempt.seq == 1
    assert len([v for v in attempt.draft.values() if v is not None]) == total - 2
    assert rows(seeded_app, Answer) == []

    # Going back shows the saved answers; handing in anyway grades what was saved.
    assert 'value="1"' in client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    confirm = {"seq": "1", "action": "finish", "confirm": "1", "source": "draft"}
    done = client.post(f"/attempts/{attempt_id}", data=confirm)
    assert done.status_code == 303 and done.headers["Location"].endswith("/results")
    attempt = attempt_row(seeded_app, attempt_id)
    assert attempt.state == "finished" and attempt.score == attempt.max_score - 2
    assert len(rows(seeded_app, Answer)) == total


def test_a_repeated_or_stale_post_changes_nothing(client, auth, seeded_app):
    auth.register()
    attempt_id = start_quiz(client)
    unconfirmed = {"seq": "0", "action": "finish", "q0": "1"}
    assert client.post(f"/attempts/{attempt_id}", data=unconfirmed).status_code == 200
    # The same hand-in again (a double click, the back button) is stale now.
    assert client.post(f"/attempts/{attempt_id}", data=unconfirmed).status_code == 409
    assert attempt_row(seeded_app, attempt_id).seq == 1
    confirm = {"seq": "1", "action": "finish", "confirm": "1", "source": "draft"}
    assert client.post(f"/attempts/{attempt_id}", data=confirm).status_code == 303
    score = attempt_row(seeded_app, attempt_id).score
    assert client.post(f"/attempts/{attempt_id}", data=confirm).status_code == 409
    assert attempt_row(seeded_app, attempt_id).score == score
    assert len({a.question_id for a in rows(seeded_app, Answer)}) == len(rows(seeded_app, Answer))


def test_a_complete_hand_in_needs_no_confirmation(client, auth, seeded_app):
    auth.register()
    attempt_id = start_quiz(client)
    form = full_marks_form(seeded_app, attempt_id)
    del form["confirm"]
    assert client.post(f"/attempts/{attempt_id}", data=form).status_code == 303
    attempt = attempt_row(seeded_app, attempt_id)
    assert attempt.state == "finished" and attempt.score == attempt.max_score


def test_the_quiz_shows_the_teachers_questions_first_then_the_practice(client, auth, seeded_app):
    auth.register()
    attempt_id = start_quiz(client)
    attempt = attempt_row(seeded_app, attempt_id)
    by_id = {q.id: q for q in rows(seeded_app, Question)}
    questions = [by_id[qid] for qid in attempt.question_ids]
    parts = sections(questions)
    assert [kind for kind, _ in parts] == ["written", "practice"]
    assert all(questions[n].origin != "generated" for n in parts[0][1])
    assert all(questions[n].origin == "generated" for n in parts[1][1])
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    written = page.index("Questions about the text")
    practice = page.index("Practice with words from the text")
    assert written < page.index(f'id="q{parts[0][1][0]}"') < practice
    assert practice < page.index(f'id="q{parts[1][1][0]}"')


def finished_blank(client, seeded_app) -> int:
    attempt_id = start_quiz(client)
    form = full_marks_form(seeded_app, attempt_id)
    # Right but for the first two questions.
    form.pop("q0")
    form.pop("q1")
    client.post(f"/attempts/{attempt_id}", data=form)
    return attempt_id


def test_results_show_only_the_mistakes_when_asked(client, auth, seeded_app):
    auth.register()
    attempt_id = finished_blank(client, seeded_app)
    everything = client.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    mistakes = client.get(f"/attempts/{attempt_id}/results?show=mistakes").get_data(as_text=True)
    total = len(attempt_row(seeded_app, attempt_id).question_ids)
    assert everything.count('<li class="result ') == total
    assert mistakes.count('<li class="result ') == 2
    assert "result-right" not in mistakes
    assert 'value="1"' in mistakes and 'value="2"' in mistakes  # numbered as in the quiz
    assert "Show only my mistakes (2)" in everything and "Show all" in mistakes
    assert client.get(f"/attempts/{attempt_id}/results?show=x").status_code == 400


def test_results_put_add_the_words_first_and_mark_with_icons(client, auth, seeded_app):
    auth.register()
    attempt_id = finished_blank(client, seeded_app)
    page = client.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert page.index("Add the words I missed") < page.index('<li class="result ')
    assert re.search(r'aria-hidden="true">✗</span> Wrong', page)
    assert re.search(r'aria-hidden="true">✓</span> Right', page)
    # Scores whole or to one decimal place: never 0.78 or 37.31.
    for number in re.findall(r"(\d+(?:\.\d+)?) of \d", page):
        assert re.fullmatch(r"\d+(\.\d)?", number), number


def test_results_list_options_in_the_order_the_quiz_showed_them(client, auth, seeded_app):
    auth.register()
    attempt_id = finished_blank(client, seeded_app)
    attempt = attempt_row(seeded_app, attempt_id)
    by_id = {q.id: q for q in rows(seeded_app, Question)}
    page = client.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    checked = 0
    for n, qid in enumerate(attempt.question_ids):
        payload = by_id[qid].payload
        if payload["type"] != "choice" or len(payload["options"]) < 3:
            continue
        perm = permutation(attempt.seed, field_name(n), len(payload["options"]))
        shown = [payload["options"][i]["text"] for i in perm]
        if shown == [o["text"] for o in payload["options"]]:
            continue  # this shuffle happens to keep the pack's order: proves nothing
        positions = [page.index(f'<span lang="nl">{escape(text)}</span>') for text in shown]
        assert positions == sorted(positions), shown
        checked += 1
    assert checked, "some choice question should be shuffled"
