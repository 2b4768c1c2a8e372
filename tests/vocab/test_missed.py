"""'Add the words I missed' from a quiz result."""

from __future__ import annotations

from sqlalchemy import select

from quizapp.db import write_session
from quizapp.models import Attempt, Question, VocabItem
from quizapp.quiz.service import field_name
from quizapp.vocab.service import missed_words
from quizapp.vocab.wordlist import word_key
from tests.conftest import rows
from tests.vocab.conftest import PACK
from tests.web.quizforms import right_answers


def finish_blank_quiz(client) -> int:
    start = client.post(f"/articles/{PACK}/quiz")
    attempt_id = int(start.headers["Location"].rsplit("/", 1)[1])
    client.post(f"/attempts/{attempt_id}", data={"seq": "0", "action": "finish", "confirm": "1"})
    return attempt_id


def test_missed_words_come_from_the_questions_answered_wrongly(learner, seeded_app, seed_tokens):
    attempt_id = finish_blank_quiz(learner)
    with write_session(seeded_app) as session:
        attempt = session.get(Attempt, attempt_id)
        found = [missed.word for missed in missed_words(session, attempt, "A2")]
        texts = " ".join(str(q.payload).lower() for q in session.scalars(select(Question)))
    assert found, "a blank quiz misses every question, so some key words must be listed"
    _text, tokens = seed_tokens
    for word in found:
        forms = {t["text"].lower() for t in tokens if word_key(t) == word.lemma}
        assert word.lemma.split()[0] in texts or any(form in texts for form in forms)
    page = learner.get(f"/attempts/{attempt_id}/missed-words").get_data(as_text=True)
    assert all(w.lemma in page for w in found)
    chosen = [w.lemma for w in found[:2]]
    response = learner.post(f"/attempts/{attempt_id}/missed-words", data={"lemma": chosen})
    assert response.status_code == 303
    assert sorted(i.lemma for i in rows(seeded_app, VocabItem)) == sorted(chosen)
    again = learner.post(f"/attempts/{attempt_id}/missed-words", data={"lemma": chosen})
    assert again.status_code == 303 and len(rows(seeded_app, VocabItem)) == len(chosen)


def test_missed_words_refuses_forged_lemmas_and_other_learners(client, auth, seeded_app):
    auth.register("anna")
    attempt_id = finish_blank_quiz(client)
    forged = client.post(f"/attempts/{attempt_id}/missed-words", data={"lemma": ["fiets"]})
    assert forged.status_code == 400
    assert client.post(f"/attempts/{attempt_id}/missed-words", data={}).status_code == 400
    assert rows(seeded_app, VocabItem) == []
    auth.logout()
    auth.register("bram")
    assert client.get(f"/attempts/{attempt_id}/missed-words").status_code == 404
    assert (
        client.post(f"/attempts/{attempt_id}/missed-words", data={"lemma": ["x"]}).status_code
        == 404
    )


def test_my_words_links_to_the_quizzes_with_misses(learner, seeded_app):
    assert "Words from your quizzes" not in learner.get("/words").get_data(as_text=True)
    attempt_id = finish_blank_quiz(learner)
    page = learner.get("/words").get_data(as_text=True)
    assert f'href="/attempts/{attempt_id}/missed-words"' in page


def finish_missing(client, app, keys: set[str]) -> int:
    """A quiz handed in with every answer right but those of the questions `keys`."""
    attempt_id = int(client.post(f"/articles/{PACK}/quiz").headers["Location"].rsplit("/", 1)[1])
    attempt = rows(app, Attempt, Attempt.id == attempt_id)[0]
    questions = {q.id: q for q in rows(app, Question)}
    data: dict = {"seq": "0", "action": "finish", "confirm": "1"}
    for n, qid in enumerate(attempt.question_ids):
        if questions[qid].key not in keys:
            data.update(right_answers(questions[qid].payload, field_name(n), attempt.seed))
    client.post(f"/attempts/{attempt_id}", data=data)
    return attempt_id


def test_only_the_missed_answers_and_questions_words_are_ticked_in_dictionary_form(
    learner, seeded_app, seed_tokens
):
    missed = {"afhankelijk", "kremlin", "wie-zegt-wat"}
    attempt_id = finish_missing(learner, seeded_app, missed)
    with write_session(seeded_app) as session:
        found = missed_words(session, session.get(Attempt, attempt_id), "A2")
    by_lemma = {m.word.lemma: m for m in found}
    # "Russisch gas" was a right answer missed: ticked, in the dictionary's case.
    assert by_lemma["russisch"].ticked and by_lemma["russisch"].word.dictionary_form == "Russisch"
    # Verbs that only carry a sentence ("Wat zegt het Kremlin", "zegt: ...") are not offered.
    assert "zeggen" not in by_lemma and "spreken" not in by_lemma
    ticked = [m for m in found if m.ticked]
    assert 0 < len(ticked) <= 3 * len(missed)
    assert [m.ticked for m in found] == sorted((m.ticked for m in found), reverse=True)
    page = learner.get(f"/attempts/{attempt_id}/missed-words").get_data(as_text=True)
    assert 'value="russisch" checked>' in page
    assert ">Russisch</strong>" in page and ">russisch</strong>" not in page
