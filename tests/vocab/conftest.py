"""Fixtures for the vocabulary area: a logged-in learner and the seed article's words."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quizapp.db import write_session
from quizapp.models import Article, ArticleAnalysis
from quizapp.vocab import wordlist

PACK = "biden-poetin-videogesprek"


@pytest.fixture
def learner(client, auth):
    auth.register("anna")
    return client


@pytest.fixture
def seed_tokens(seeded_app):
    """The seed article's analysed tokens, stored as import stores them. If import does not
    store an analysis (yet), this stores one, so the tests see what production sees."""
    from quizapp.language import analyse_text

    with write_session(seeded_app) as session:
        article = session.scalar(select(Article).where(Article.pack_id == PACK))
        analysis = session.get(ArticleAnalysis, article.id)
        if analysis is None or not analysis.tokens:
            data = analyse_text(article.text, article.glossary).to_json()
            session.merge(
                ArticleAnalysis(
                    article_id=article.id,
                    text_hash="test",
                    lexicon_version=data["lexicon_version"],
                    stats=data["stats"],
                    tokens=data["tokens"],
                )
            )
            return article.text, data["tokens"]
        return article.text, analysis.tokens


@pytest.fixture
def a_word(seed_tokens):
    """A glossed word of the seed article, as the reading page's save form posts it."""
    text, tokens = seed_tokens
    word = next(w for w in wordlist.key_words(text, tokens, "B1") if not w.from_glossary)
    return {
        "pack_id": PACK,
        "lemma": word.lemma,
        "form": word.form,
        "sentence": word.sentence_index,
    }


def save(client, word, **headers):
    return client.post("/words/save", data=word, headers=headers)
