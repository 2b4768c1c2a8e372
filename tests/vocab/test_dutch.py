"""Saved words and review in Dutch: messages, grades, intervals, dates and decimals in
the page's language."""

from __future__ import annotations

from babel.dates import format_date

from quizapp.models import utcnow
from tests.vocab.conftest import save
from tests.vocab.test_review import card_of, grade

DUTCH = {"Accept-Language": "nl-NL,nl;q=0.9"}


def test_saving_a_word_says_so_in_dutch(learner, a_word):
    response = save(learner, a_word, **DUTCH)
    assert response.status_code == 303
    page = learner.get("/words", headers=DUTCH).get_data(as_text=True)
    assert f"“{a_word['lemma']}” is bewaard in je woorden." in page
    assert "1 woord</p>" in page and "Volgende keer herhalen: nu" in page
    today = format_date(utcnow().date(), "medium", locale="nl")
    assert f">{today}</time>" in page and "Bewaard op" in page


def test_review_in_dutch_names_grades_and_intervals(learner, seeded_app, a_word):
    save(learner, a_word)
    page = learner.get("/review", headers=DUTCH).get_data(as_text=True)
    assert 'Nu <span class="review-count">2</span> kaarten te herhalen.' in page
    assert "Opnieuw" in page and "Makkelijk" in page
    assert "komt terug over 10 min" in page
    card = card_of(seeded_app, a_word["lemma"], "recognition")
    learner.environ_base["HTTP_ACCEPT_LANGUAGE"] = "nl"
    grade(learner, card, 3)
    after = learner.get("/review").get_data(as_text=True)
    assert f"Goed: “{a_word['lemma']}” komt over 10 minuten terug." in after


def test_retention_bounds_are_written_with_a_decimal_comma_in_dutch(learner):
    dutch = learner.post("/review/settings", data={"desired_retention": "0.5"}, headers=DUTCH)
    assert dutch.status_code == 400
    assert "Kies een waarde tussen 0,7 en 0,97." in dutch.get_data(as_text=True)
    english = learner.post("/review/settings", data={"desired_retention": "0.5"})
    assert "Choose a value between 0.7 and 0.97." in english.get_data(as_text=True)
    learner.post("/review/settings", data={"desired_retention": "0.85"}, headers=DUTCH)
    page = learner.get("/review", headers=DUTCH).get_data(as_text=True)
    assert "Gewenst onthouden is nu 0,85." in page
