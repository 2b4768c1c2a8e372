"""Which sentence a question is about, so a learner who missed it can reread that sentence."""

from __future__ import annotations

import pytest

from quizapp.library.placing import best_sentence, sentence_words
from quizapp.models import Question
from tests.conftest import rows


def tokens(*sentences: str) -> list[dict]:
    found, offset = [], 0
    for number, sentence in enumerate(sentences):
        for word in sentence.split():
            found.append({"text": word, "is_word": True, "sentence": number, "start": offset})
            offset += len(word) + 1
    return found


SENTENCES = sentence_words(
    tokens(
        "In een twee uur durend videogesprek heeft Biden zijn zorg uitgesproken.",
        "Washington vreest dat Moskou een invasie plant.",
        "Het Kremlin spreekt dat tegen.",
    )
)


def test_the_sentence_a_question_quotes_is_found():
    duur = {
        "prompt": "Hoe lang duurde het videogesprek?",
        "explanation": 'In de eerste zin staat "een twee uur durend videogesprek".',
        "options": [{"text": "twee uur", "correct": True}, {"text": "drie uur", "correct": False}],
    }
    assert best_sentence(duur, SENTENCES) == 1
    cloze = {"text": "Washington {=vreest ~hoopt} dat Moskou een {invasie} plant."}
    assert best_sentence(cloze, SENTENCES) == 2


def test_a_question_about_nothing_in_particular_points_nowhere():
    assert best_sentence({"prompt": "Wat vind je van deze tekst?"}, SENTENCES) is None


def test_imported_questions_know_their_sentence_and_the_page_has_anchors(client, seeded_app):
    duur = rows(seeded_app, Question, Question.key == "duur")[0]
    assert duur.payload["sentence"] == 1
    generated = [q for q in rows(seeded_app, Question) if q.origin == "generated"]
    assert generated and all(q.payload["sentence"] for q in generated)
    page = client.get("/articles/biden-poetin-videogesprek").get_data(as_text=True)
    assert 'id="s-1"' in page and 'id="s-29"' in page


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_progress_links_a_missed_question_to_its_sentence(client, auth, seeded_app):
    auth.register()
    attempt = client.post("/articles/biden-poetin-videogesprek/quiz").headers["Location"]
    client.post(attempt, data={"seq": "0", "action": "finish", "confirm": "1"})
    page = client.get("/progress").get_data(as_text=True)
    assert "/articles/biden-poetin-videogesprek#s-1" in page
    assert "Reread sentence 1 of" in page
