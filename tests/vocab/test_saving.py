"""Saving words from an article: without JavaScript (form post) and with it (JSON)."""

from __future__ import annotations

from sqlalchemy import select

from quizapp.db import write_session
from quizapp.models import Article, User, VocabCard, VocabItem, utcnow
from quizapp.vocab import service as words
from quizapp.vocab.wordlist import KeyWord
from tests.conftest import rows
from tests.vocab.conftest import PACK, save


def test_article_word_list_is_public_and_printable(client, seed_tokens):
    page = client.get(f"/articles/{PACK}/words").get_data(as_text=True)
    # The teacher's glossary, with its meaning and the sentence it stands in.
    assert "ambtgenoot" in page
    assert "counterpart (someone in the same office" in page
    assert "In een twee uur durend videogesprek" in page
    # de/het and the level of a word above B1 (the default for anonymous readers).
    assert '<span class="gender">het</span> videogesprek' in page
    assert "Log in to save words" in page and "vocab-save" not in page
    assert 'class="no-print' in page  # the print style sheet hides the controls


def test_word_list_level_changes_which_words_show(client, seed_tokens):
    b1 = client.get(f"/articles/{PACK}/words?level=B1").get_data(as_text=True)
    c1 = client.get(f"/articles/{PACK}/words?level=C1").get_data(as_text=True)
    # "invasie" is B2: above B1, not above C1. Glossary words stay whatever the level.
    assert "invasie</strong>" in b1 and "invasie</strong>" not in c1
    assert "ambtgenoot" in c1 and "inzake" in c1


def test_word_list_bad_level_and_unknown_article(client):
    assert client.get(f"/articles/{PACK}/words?level=Z9").status_code == 400
    assert client.get("/articles/no-such-pack/words").status_code == 404


def test_save_without_javascript_stores_the_word_where_it_was_met(learner, seeded_app, a_word):
    response = save(learner, a_word | {"next": f"/articles/{PACK}"})
    assert response.status_code == 303
    assert response.headers["Location"] == f"/articles/{PACK}"
    [item] = rows(seeded_app, VocabItem)
    [article] = rows(seeded_app, Article, Article.pack_id == PACK)
    assert item.lemma == a_word["lemma"]
    assert item.form == a_word["form"]
    assert item.article_id == article.id
    assert item.sentence_index == a_word["sentence"]
    assert a_word["form"] in item.sentence
    assert item.meaning  # from the stored analysis, not from the post
    cards = rows(seeded_app, VocabCard, VocabCard.item_id == item.id)
    assert sorted(c.direction for c in cards) == ["recall", "recognition"]
    assert all(c.state["card_id"] == c.id for c in cards)
    page = learner.get(f"/articles/{PACK}").get_data(as_text=True)
    assert f"Saved “{item.lemma}” to your words." in page


def test_saving_twice_does_not_duplicate(learner, seeded_app, a_word):
    save(learner, a_word)
    again = save(learner, a_word)
    assert again.status_code == 303
    assert len(rows(seeded_app, VocabItem)) == 1
    assert len(rows(seeded_app, VocabCard)) == 2
    page = learner.get(again.headers["Location"]).get_data(as_text=True)
    assert "is already in your words" in page


def test_save_with_javascript_answers_json(learner, seeded_app, a_word):
    response = save(learner, a_word, Accept="application/json")
    assert response.status_code == 200
    data = response.get_json()
    assert data["saved"] is True and data["created"] is True
    assert data["lemma"] == a_word["lemma"] and "message" in data
    second = save(learner, a_word, Accept="application/json").get_json()
    assert second["created"] is False and second["lemma"] == a_word["lemma"]
    assert len(rows(seeded_app, VocabItem)) == 1


def test_word_list_save_buttons_show_what_is_saved(learner, a_word):
    save(learner, a_word)
    page = learner.get(f"/articles/{PACK}/words?level=B1").get_data(as_text=True)
    assert page.count('data-saved="1">Saved ✓') == 1
    assert "Save word" in page


def test_a_word_not_in_the_article_is_refused(learner, seeded_app, seed_tokens):
    response = save(learner, {"pack_id": PACK, "lemma": "fiets", "form": "fiets"})
    assert response.status_code == 400
    assert "does not occur in this article" in response.get_data(as_text=True)
    assert rows(seeded_app, VocabItem) == []


def test_bad_save_posts_are_4xx_and_write_nothing(learner, seeded_app, a_word):
    assert save(learner, a_word | {"lemma": ""}).status_code == 400
    assert save(learner, a_word | {"sentence": "two"}).status_code == 400
    assert save(learner, a_word | {"lemma": "x" * 101}).status_code == 400
    assert save(learner, a_word | {"pack_id": "no-such-pack"}).status_code == 404
    assert learner.get("/words/save").status_code == 405  # no state change on GET
    assert rows(seeded_app, VocabItem) == []


def test_saving_needs_login(client, seeded_app, a_word):
    response = save(client, a_word)
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    assert rows(seeded_app, VocabItem) == []


def test_save_without_csrf_token_is_refused(learner, seeded_app, a_word):
    seeded_app.config["WTF_CSRF_ENABLED"] = True
    assert save(learner, a_word).status_code == 400
    assert rows(seeded_app, VocabItem) == []


def test_save_never_redirects_off_site(learner, a_word):
    for target in ("//evil.example/x", "https://evil.example/", "javascript:alert(1)"):
        response = save(learner, a_word | {"next": target})
        assert response.headers["Location"] == f"/articles/{PACK}"


def test_a_word_is_saved_with_its_meaning_in_the_learners_language(learner, seeded_app):
    learner.post("/auth/account", data={"level": "B1", "gloss_language": "es"})
    response = save(
        learner, {"pack_id": PACK, "lemma": "videogesprek", "form": "videogesprek", "sentence": 0}
    )
    assert response.status_code == 303
    [item] = rows(seeded_app, VocabItem)
    assert item.meaning.startswith("conversación") and "(conversation)" in item.meaning
    # The export and review read the same meaning, and the article's word list has it too.
    assert "conversación" in learner.get("/words.csv").get_data(as_text=True)
    assert "conversación" in learner.get(f"/articles/{PACK}/words").get_data(as_text=True)


def test_a_word_of_both_genders_is_saved_on_every_database(seeded_app, auth):
    # de/het pakket: the analysis says both, and PostgreSQL checks the column's length
    auth.register()
    word = KeyWord("pakket", "pakket", "parcel", None, "de/het", "A2", "Het pakket komt.", 0, False)
    with write_session(seeded_app) as session:
        user_id = session.scalar(select(User.id).where(User.username == "anna"))
        words.save_key_word(session, user_id, None, word, utcnow())
    [item] = rows(seeded_app, VocabItem)
    assert item.gender == "de/het"
