"""Changing a password, a teacher's or admin's reset, and what each does to sessions."""

from __future__ import annotations

from quizapp.accounts import reset_password
from quizapp.db import write_session
from quizapp.models import User
from tests.conftest import rows

PASSWORD = "correct horse battery"
NEW = "a brand new passphrase"


def _replaying(app, cookie: str):
    other = app.test_client()
    other.set_cookie("session", cookie)
    return other


def _change(client, current=PASSWORD, new=NEW, confirm=None):
    return client.post(
        "/auth/password",
        data={"current_password": current, "password": new, "confirm": confirm or new},
    )


def test_a_learner_changes_their_password(client, auth, seeded_app):
    auth.register()
    assert client.get("/auth/account").status_code == 200
    assert 'href="/auth/password"' in client.get("/auth/account").get_data(as_text=True)
    response = _change(client)
    assert response.status_code == 303
    # This browser goes on; the old password no longer opens the account, the new one does.
    assert client.get("/auth/account").status_code == 200
    auth.logout()
    assert auth.login("anna", PASSWORD).status_code == 400  # wrong password: the form again
    assert auth.login("anna", NEW).status_code == 302


def test_a_password_change_ends_every_other_session(client, auth, seeded_app):
    auth.register()
    copied = client.get_cookie("session").value
    assert _replaying(seeded_app, copied).get("/words").status_code == 200
    _change(client)
    replayed = _replaying(seeded_app, copied).get("/words")
    assert replayed.status_code == 302 and "/auth/login" in replayed.headers["Location"]
    assert client.get("/words").status_code == 200  # the browser that changed it goes on


def test_a_replayed_cookie_after_logout_gets_the_login_page(client, auth, seeded_app):
    auth.register()
    copied = client.get_cookie("session").value
    auth.logout()
    replayed = _replaying(seeded_app, copied).get("/auth/account", follow_redirects=True)
    assert replayed.request.path == "/auth/login"
    assert 'name="password"' in replayed.get_data(as_text=True)


def test_a_wrong_current_password_or_a_weak_new_one_changes_nothing(client, auth, seeded_app):
    auth.register()
    before = rows(seeded_app, User)[0].password_hash
    wrong = _change(client, current="not my password")
    assert wrong.status_code == 400
    assert "not your current password" in wrong.get_data(as_text=True)
    assert _change(client, new="password").status_code == 400  # a common one
    assert _change(client, new=PASSWORD).status_code == 400  # the same one
    assert _change(client, confirm="something else").status_code == 400
    assert rows(seeded_app, User)[0].password_hash == before


def test_a_reset_password_only_opens_the_page_to_choose_a_new_one(client, auth, seeded_app):
    auth.register()
    copied = client.get_cookie("session").value
    with write_session(seeded_app) as session:
        temporary = reset_password(session, session.get_one(User, 1))
    # The reset logged the learner out everywhere.
    assert _replaying(seeded_app, copied).get("/words").status_code == 302
    assert auth.login("anna", PASSWORD).status_code == 400  # wrong password: the form again
    response = auth.login("anna", temporary)
    assert response.headers["Location"].endswith("/auth/password")
    # Until they choose one, every page sends them back there.
    for url in ("/", "/words", "/progress", "/auth/account"):
        page = client.get(url)
        assert page.status_code == 302 and page.headers["Location"].endswith("/auth/password")
    assert "Your password was reset" in client.get("/auth/password").get_data(as_text=True)
    assert _change(client, current=temporary).status_code == 303
    assert client.get("/words").status_code == 200
    assert rows(seeded_app, User)[0].must_change_password is False
