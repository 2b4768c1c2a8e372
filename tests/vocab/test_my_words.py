"""My words: list, search, sort, edit, remove; and nobody else's words, ever."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quizapp.db import write_session
from quizapp.models import VocabCard, VocabItem, VocabReview
from quizapp.vocab.wordlist import key_words
from tests.conftest import rows
from tests.vocab.conftest import PACK, save


@pytest.fixture
def three_words(learner, seed_tokens):
    text, tokens = seed_tokens
    words = [w for w in key_words(text, tokens, "B1") if not w.from_glossary][:3]
    for w in words:
        save(learner, {"pack_id": PACK, "lemma": w.lemma, "sentence": w.sentence_index})
    return words


def item_of(app, lemma):
    with write_session(app) as session:
        return session.scalar(select(VocabItem).where(VocabItem.lemma == lemma))


def test_my_words_lists_saved_words_with_where_they_were_met(learner, three_words):
    page = learner.get("/words").get_data(as_text=True)
    for w in three_words:
        assert w.lemma in page and w.sentence in page
    assert "Biden en Poetin praten over Oekraïne" in page
    assert "3 words" in page


def test_search_finds_by_word_and_by_meaning(learner, three_words):
    first, second = three_words[0], three_words[1]
    page = learner.get("/words", query_string={"q": first.lemma}).get_data(as_text=True)
    assert f"{first.lemma}\n" in page or f"{first.lemma} " in page
    assert "1 word" in page
    meaning_word = first.meaning.split(";")[0].split(",")[0].strip()
    by_meaning = learner.get("/words", query_string={"q": meaning_word}).get_data(as_text=True)
    assert first.sentence in by_meaning
    none = learner.get("/words", query_string={"q": "zzzqqq"}).get_data(as_text=True)
    assert "No saved words match" in none and second.sentence not in none


def test_sorting(learner, seeded_app, three_words):
    by_word = learner.get("/words?sort=word").get_data(as_text=True)
    positions = [by_word.index(f'id="word-{item_of(seeded_app, w.lemma).id}"') for w in three_words]
    lemmas_in_page_order = [w.lemma for _, w in sorted(zip(positions, three_words, strict=True))]
    assert lemmas_in_page_order == sorted(w.lemma for w in three_words)
    for sort in ("date", "level", "due"):
        assert learner.get(f"/words?sort={sort}").status_code == 200
    assert learner.get("/words?sort=nonsense").status_code == 400


def test_edit_own_meaning_and_note(learner, seeded_app, three_words):
    item = item_of(seeded_app, three_words[0].lemma)
    form = learner.get(f"/words/{item.id}/edit").get_data(as_text=True)
    assert item.meaning in form
    response = learner.post(
        f"/words/{item.id}/edit", data={"own_meaning": "my own words", "note": "zie zin 1"}
    )
    assert response.status_code == 303
    edited = item_of(seeded_app, item.lemma)
    assert (edited.own_meaning, edited.note) == ("my own words", "zie zin 1")
    assert edited.meaning == item.meaning  # the text's meaning is kept
    assert "my own words" in learner.get("/words").get_data(as_text=True)
    too_long = learner.post(f"/words/{item.id}/edit", data={"own_meaning": "x" * 501})
    assert too_long.status_code == 400
    assert item_of(seeded_app, item.lemma).own_meaning == "my own words"


def test_remove_asks_first_then_removes_word_and_cards_but_keeps_the_log(
    learner, seeded_app, three_words
):
    item = item_of(seeded_app, three_words[0].lemma)
    [card] = rows(
        seeded_app, VocabCard, VocabCard.item_id == item.id, VocabCard.direction == "recognition"
    )
    learner.post(f"/review/{card.id}", data={"seq": "0", "rating": "3"})
    confirm = learner.get(f"/words/{item.id}/remove")
    assert confirm.status_code == 200 and "Remove" in confirm.get_data(as_text=True)
    assert item_of(seeded_app, item.lemma) is not None  # GET changes nothing
    assert learner.post(f"/words/{item.id}/remove").status_code == 303
    assert item_of(seeded_app, item.lemma) is None
    assert rows(seeded_app, VocabCard, VocabCard.item_id == item.id) == []
    [log] = rows(seeded_app, VocabReview)
    assert log.card_id is None and log.lemma == item.lemma
    assert len(rows(seeded_app, VocabItem)) == 2


def test_another_learner_never_sees_or_changes_my_words(client, auth, seeded_app, three_words):
    item = item_of(seeded_app, three_words[0].lemma)
    card = rows(seeded_app, VocabCard, VocabCard.item_id == item.id)[0]
    client.post(f"/review/{card.id}", data={"seq": "0", "rating": "3"})
    [log] = rows(seeded_app, VocabReview)
    auth.logout()
    auth.register("bram")
    page = client.get("/words").get_data(as_text=True)
    assert "You have not saved any words yet" in page
    assert all(w.lemma not in page for w in three_words)
    assert client.get(f"/words/{item.id}/edit").status_code == 404
    assert client.post(f"/words/{item.id}/edit", data={"own_meaning": "hacked"}).status_code == 404
    assert client.get(f"/words/{item.id}/remove").status_code == 404
    assert client.post(f"/words/{item.id}/remove").status_code == 404
    assert client.get(f"/review?card={card.id}").status_code == 404
    assert client.post(f"/review/{card.id}", data={"seq": "1", "rating": "1"}).status_code == 404
    assert client.get(f"/review/done/{log.id}").status_code == 404
    assert "You have no words to review yet" in client.get("/review").get_data(as_text=True)
    csv_text = client.get("/words.csv").get_data().decode("utf-8-sig")
    assert csv_text.strip().count("\n") == 0  # the header only
    after = item_of(seeded_app, item.lemma)
    assert after.own_meaning is None
    assert rows(seeded_app, VocabCard, VocabCard.id == card.id)[0].seq == 1
    assert len(rows(seeded_app, VocabReview)) == 1
    # Saving the same word is bram's own copy, not a duplicate of anna's.
    w = three_words[0]
    save(client, {"pack_id": PACK, "lemma": w.lemma, "sentence": w.sentence_index})
    assert len(rows(seeded_app, VocabItem, VocabItem.lemma == w.lemma)) == 2


def test_my_pages_need_login(client):
    for url in ("/words", "/review", "/words.csv", "/words.apkg", "/words/1/edit"):
        response = client.get(url)
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
