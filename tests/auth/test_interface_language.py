"""The interface's language: a visitor's from the browser or the footer, a user's from
Account; the page says which (html lang) and speaks it."""

from __future__ import annotations

from quizapp.models import User
from tests.conftest import rows


def test_a_visitor_gets_the_browsers_language(client):
    dutch = client.get("/auth/login", headers={"Accept-Language": "nl-BE,nl;q=0.9,en;q=0.5"})
    assert '<html lang="nl">' in dutch.get_data(as_text=True)
    other = client.get("/auth/login", headers={"Accept-Language": "tr, de;q=0.5"})
    assert '<html lang="en">' in other.get_data(as_text=True)
    assert "Accept-Language" in dutch.headers["Vary"]


def test_a_visitors_footer_choice_beats_the_browser(client):
    response = client.post("/auth/language?next=/about", data={"language": "nl"})
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/about")
    page = client.get("/about", headers={"Accept-Language": "en"})
    assert '<html lang="nl">' in page.get_data(as_text=True)


def test_a_crafted_choice_is_refused_and_changes_nothing(client):
    assert client.post("/auth/language", data={"language": "xx"}).status_code == 400
    away = client.post("/auth/language?next=https://evil.example/", data={"language": "nl"})
    assert "evil" not in away.headers["Location"]
    page = client.get("/auth/login", headers={"Accept-Language": "en"})
    assert '<html lang="nl">' in page.get_data(as_text=True)  # the valid post did count


def test_a_users_choice_is_kept_in_their_account(client, auth, app):
    auth.register()
    client.post(
        "/auth/account",
        data={"level": "B1", "gloss_language": "en", "interface_language": "nl"},
    )
    [user] = rows(app, User, User.username == "anna")
    assert user.interface_language == "nl"
    page = client.get("/", headers={"Accept-Language": "en"})
    assert '<html lang="nl">' in page.get_data(as_text=True)
    # "The language of my browser" again.
    client.post(
        "/auth/account", data={"level": "B1", "gloss_language": "en", "interface_language": ""}
    )
    [user] = rows(app, User, User.username == "anna")
    assert user.interface_language is None
    page = client.get("/", headers={"Accept-Language": "en"})
    assert '<html lang="en">' in page.get_data(as_text=True)


def test_the_footer_choice_of_a_user_is_their_accounts(client, auth, app):
    auth.register()
    client.post("/auth/language", data={"language": "nl"})
    [user] = rows(app, User, User.username == "anna")
    assert user.interface_language == "nl"
