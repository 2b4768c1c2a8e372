"""Error pages and the messages every page shares speak the reader's language: werkzeug
names an error in English ("Not Found"), the page in its own words."""

from __future__ import annotations

import pytest

from tests.web.test_security import csrf_app  # noqa: F401  (a fixture)

DUTCH = {"Accept-Language": "nl"}


def test_a_missing_page_is_named_in_the_readers_language(client):
    dutch = client.get("/no-such-page", headers=DUTCH)
    assert dutch.status_code == 404
    page = dutch.get_data(as_text=True)
    assert "<title>404 Niet gevonden · quizapp</title>" in page
    assert "<h1>Niet gevonden</h1>" in page and "Hier staat niets." in page
    assert "Not Found" not in page
    english = client.get("/no-such-page").get_data(as_text=True)
    assert "<h1>Not Found</h1>" in english and "There is nothing here." in english


def test_werkzeugs_english_explanation_gives_way_to_ours(client):
    # Logging out is a POST: a GET is 405, which werkzeug explains in its own English.
    response = client.get("/auth/logout", headers=DUTCH)
    assert response.status_code == 405
    page = response.get_data(as_text=True)
    assert "<h1>Methode niet toegestaan</h1>" in page
    assert "Dit adres kan niet zo gebruikt worden." in page
    assert "not allowed for the requested URL" not in page


def test_a_views_own_explanation_is_translated_where_it_is_raised(client):
    response = client.get("/about?q=%00", headers=DUTCH)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "<h1>Fout verzoek</h1>" in page
    assert "In het verzoek stond een teken dat niet mag." in page
    english = client.get("/about?q=%00").get_data(as_text=True)
    assert "The request contained a character that is not allowed." in english


def test_a_refused_form_says_why_in_dutch(csrf_app):  # noqa: F811
    client = csrf_app.test_client()
    response = client.post("/auth/login", data={"username": "anna"}, headers=DUTCH)
    assert response.status_code == 400
    assert "Het CSRF-token ontbreekt" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "language, said", [("nl", "Log in om verder te gaan."), ("en", "Please log in to continue.")]
)
def test_the_login_message_is_flashed_in_the_readers_language(client, language, said):
    response = client.get("/progress", headers={"Accept-Language": language})
    assert response.status_code == 302
    page = client.get(response.headers["Location"], headers={"Accept-Language": language})
    assert f'<p class="flash">{said}</p>' in page.get_data(as_text=True)
