"""The vocabulary area inside the reading page: the learner's saved words, Save buttons."""

from __future__ import annotations

import html
import re

from tests.vocab.conftest import PACK, save


def test_reading_page_lists_the_learners_saved_words_in_the_text(learner, a_word):
    page = learner.get(f"/articles/{PACK}").get_data(as_text=True)
    assert "Saved: <span data-vocab-saved-count>0</span>" in page
    save(learner, a_word)
    page = learner.get(f"/articles/{PACK}").get_data(as_text=True)
    assert "Saved: <span data-vocab-saved-count>1</span>" in page
    assert f"data-vocab-saved><li>{a_word['lemma']}</li></ul>" in page


def save_posts(page: str) -> list[tuple[str, dict[str, str]]]:
    """What a browser posts for each Save button of a page: the button's formaction, the
    page's one save form's fields and the button's own name and value."""
    forms = re.findall(
        r'<form method="post" action="/words/save" id="save-word".*?</form>', page, re.S
    )
    if not forms:
        return []
    [form] = forms
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form))
    buttons = re.findall(
        r'<button type="submit" form="save-word" formaction="([^"]+)" name="lemma" value="([^"]*)"',
        page,
    )
    return [
        (
            html.unescape(action),
            {k: html.unescape(v) for k, v in fields.items()} | {"lemma": html.unescape(lemma)},
        )
        for action, lemma in buttons
    ]


def test_reading_page_save_buttons_work_without_javascript(learner, seeded_app):
    from quizapp.models import VocabItem
    from tests.conftest import rows

    # Every word's entry, with its Save button: the reading page with ?all.
    page = learner.get(f"/articles/{PACK}?all").get_data(as_text=True)
    posts = save_posts(page)
    assert len(posts) == page.count('class="gloss-entry"') > 100, "a Save button per entry"
    # One save form for the page, not one per word (the footer's language form has its own).
    assert page.count('id="save-word"') == 1 and page.count('name="csrf_token"') <= 4
    [(action, data)] = [(a, d) for a, d in posts if d["lemma"] == "ambtgenoot"]
    assert data["pack_id"] == PACK and re.search(r"[?&]sentence=\d+", action)
    response = learner.post(action, data=data)
    assert response.status_code == 303 and response.headers["Location"] == f"/articles/{PACK}?all"
    [item] = rows(seeded_app, VocabItem)
    assert item.lemma == "ambtgenoot" and item.meaning.startswith("counterpart")
    assert item.form == "ambtgenoot" and "ambtgenoot" in item.sentence
    after = learner.get(f"/articles/{PACK}").get_data(as_text=True)
    assert "Saved “ambtgenoot” to your words." in after
    assert "data-vocab-saved><li>ambtgenoot</li></ul>" in after


def test_reading_page_has_no_save_forms_for_visitors(client, seeded_app):
    page = client.get(f"/articles/{PACK}").get_data(as_text=True)
    assert save_posts(page) == [] and "vocab-save-button" not in page
    assert "Word list for this text" in page
