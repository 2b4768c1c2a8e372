"""The vocabulary area inside the reading page: saved-count and Save word forms."""

from __future__ import annotations

import re

from tests.vocab.conftest import PACK, save


def test_reading_page_counts_saved_words(learner, a_word):
    page = learner.get(f"/articles/{PACK}").get_data(as_text=True)
    assert "<span data-vocab-saved-count>0</span> words saved" in page
    save(learner, a_word)
    page = learner.get(f"/articles/{PACK}").get_data(as_text=True)
    assert "<span data-vocab-saved-count>1</span> word saved" in page


def save_forms(page: str) -> list[dict[str, str]]:
    """The fields of every "Save word" form on a page, as a browser would post them."""
    forms = re.findall(r'<form method="post" action="/words/save".*?</form>', page, re.S)
    return [dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form)) for form in forms]


def test_reading_page_save_forms_work_without_javascript(learner, seeded_app):
    import html

    from quizapp.vocab.models import VocabItem
    from tests.conftest import rows

    page = learner.get(f"/articles/{PACK}").get_data(as_text=True)
    forms = save_forms(page)
    assert forms, "every glossary entry of the reading page carries a Save word form"
    [ambt] = [f for f in forms if f["lemma"] == "ambtgenoot"]
    assert ambt["pack_id"] == PACK and ambt["sentence"].isdigit()
    data = {k: html.unescape(v) for k, v in ambt.items()}
    response = learner.post("/words/save", data=data)
    assert response.status_code == 303 and response.headers["Location"] == f"/articles/{PACK}"
    [item] = rows(seeded_app, VocabItem)
    assert item.lemma == "ambtgenoot" and item.meaning.startswith("counterpart")
    after = learner.get(f"/articles/{PACK}").get_data(as_text=True)
    assert "Saved “ambtgenoot” to your words." in after
    saved = r'data-saved="1">Saved ✓<span class="visually-hidden" lang="nl"> “ambtgenoot”'
    assert re.search(saved, after)


def test_reading_page_has_no_save_forms_for_visitors(client, seeded_app):
    page = client.get(f"/articles/{PACK}").get_data(as_text=True)
    assert save_forms(page) == []
    assert "Word list for this text" in page
