"""The quiz in Dutch: its sentences, plurals, the grader's part labels and the decimal
comma, and the same pages still in English for an English browser."""

from __future__ import annotations

from flask import render_template_string
from flask_babel import force_locale

from tests.quiz.test_journey import full_marks_form, start_quiz

DUTCH = {"Accept-Language": "nl-NL,nl;q=0.9"}


def test_the_confirm_step_counts_unanswered_questions_in_dutch(client, auth, seeded_app):
    auth.register()
    attempt_id = start_quiz(client)
    form = full_marks_form(seeded_app, attempt_id)
    del form["confirm"]
    one = client.post(f"/attempts/{attempt_id}", data=form | {"q1": ""}, headers=DUTCH)
    page = one.get_data(as_text=True)
    assert "1 vraag niet beantwoord" in page and "Je hebt vraag 2 niet beantwoord." in page
    form.pop("q1")
    form.pop("q2")
    form["seq"] = "1"
    two = client.post(f"/attempts/{attempt_id}", data=form, headers=DUTCH)
    page = two.get_data(as_text=True)
    assert "2 vragen niet beantwoord" in page and "Je hebt de vragen 2, 3 niet beantwoord." in page
    assert "Toch inleveren" in page and "questions" not in page


def test_the_quiz_page_gives_its_script_dutch_sentences_with_both_plural_forms(client, auth):
    auth.register()
    page = client.get(f"/attempts/{start_quiz(client)}", headers=DUTCH).get_data(as_text=True)
    assert 'data-one="1 vraag niet beantwoord"' in page
    assert 'data-many="{count} vragen niet beantwoord"' in page
    assert 'data-template="{answered} van {total} beantwoord"' in page
    assert 'data-saved="Antwoorden opgeslagen om {time}."' in page
    assert "Inleveren</button>" in page and "Opslaan en later afmaken" in page


def test_results_in_dutch_name_gaps_and_positions_in_dutch(client, auth, seeded_app):
    auth.register()
    attempt_id = start_quiz(client)
    client.post(f"/attempts/{attempt_id}", data={"seq": "0", "action": "finish", "confirm": "1"})
    dutch = client.get(f"/attempts/{attempt_id}/results", headers=DUTCH).get_data(as_text=True)
    assert "Resultaten: " in dutch and " punten (0%)" in dutch
    assert '<th scope="col">Open plek</th>' in dutch and ">open plek 1</th>" in dutch
    assert '<th scope="col">Jouw antwoord</th>' in dutch
    assert "Je hebt deze vraag niet beantwoord." in dutch and "goed antwoord" in dutch
    english = client.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert '<th scope="col">Gap</th>' in english and ">gap 1</th>" in english
    assert "You did not answer this question." in english


def test_points_use_the_pages_decimal_separator(app):
    source = '{% from "quiz/_score.html" import points %}{{ points(37.31) }} {{ points(2.0) }}'
    with app.test_request_context():
        with force_locale("nl"):
            assert render_template_string(source) == "37,3 2"
        with force_locale("en"):
            assert render_template_string(source) == "37.3 2"
