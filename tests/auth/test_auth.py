"""Accounts: register, log in, log out, and every bad input answered clearly."""

from __future__ import annotations

import re

import pytest

from quizapp.auth.service import USERNAME_PATTERN, AccountError, create_user
from quizapp.db import write_session
from quizapp.models import User
from tests.conftest import AuthActions, rows
from tests.web.test_security import PASSWORD, csrf_token


def test_register_logs_in_and_hashes_the_password(client, auth, seeded_app):
    response = auth.register()
    assert response.status_code == 302
    assert "anna" in client.get("/").get_data(as_text=True)
    user = rows(seeded_app, User)[0]
    assert user.role == "learner"
    assert "correct horse" not in user.password_hash
    assert user.password_hash.startswith(("scrypt:", "pbkdf2:"))


def test_login_and_logout(client, auth):
    auth.register()
    auth.logout()
    assert "Log in" in client.get("/").get_data(as_text=True)
    assert auth.login().status_code == 302
    assert "Log out" in client.get("/").get_data(as_text=True)


def test_login_accepts_any_case_of_the_username(auth):
    auth.register("Anna")
    auth.logout()
    assert auth.login("anna").status_code == 302


@pytest.mark.parametrize(
    ("username", "password"),
    [("anna", "wrong password"), ("nobody", "correct horse battery"), ("", ""), ("a" * 300, "x")],
)
def test_bad_logins_get_a_message_not_a_session(client, auth, username, password):
    auth.register()
    auth.logout()
    response = auth.login(username, password)
    assert response.status_code == 400
    assert "Log out" not in client.get("/").get_data(as_text=True)


def test_wrong_password_message(auth):
    auth.register()
    auth.logout()
    assert "Wrong username or password." in auth.login("anna", "nope nope nope").get_data(
        as_text=True
    )


@pytest.mark.parametrize(
    ("username", "password", "confirm", "message"),
    [
        ("", "correct horse battery", "correct horse battery", "This field is required."),
        ("ab", "correct horse battery", "correct horse battery", "between 3 and 40"),
        ("x" * 41, "correct horse battery", "correct horse battery", "between 3 and 40"),
        ("anna smith", "correct horse battery", "correct horse battery", "Use letters"),
        ("bram", "short", "short", "at least 8"),
        ("bram", "p" * 129, "p" * 129, "at most 128"),
        ("bram", "correct horse battery", "other horse battery", "The passwords differ."),
    ],
)
def test_bad_registrations_explain_and_store_nothing(
    client, seeded_app, username, password, confirm, message
):
    response = client.post(
        "/auth/register", data={"username": username, "password": password, "confirm": confirm}
    )
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert rows(seeded_app, User) == []


def test_duplicate_username_is_refused(client, auth, seeded_app):
    auth.register("anna")
    auth.logout()
    response = auth.register("ANNA")
    assert response.status_code == 400
    assert "That username is taken." in response.get_data(as_text=True)
    assert len(rows(seeded_app, User)) == 1


def test_login_redirects_only_within_the_site(client, auth):
    auth.register()
    auth.logout()
    data = {"username": "anna", "password": "correct horse battery"}
    response = client.post("/auth/login?next=//evil.example/", data=data)
    assert response.headers["Location"] == "/"
    client.post("/auth/logout")
    response = client.post("/auth/login?next=/articles/biden-poetin-videogesprek", data=data)
    assert response.headers["Location"] == "/articles/biden-poetin-videogesprek"


def test_post_without_csrf_token_is_refused(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    data = {
        "username": "anna",
        "password": "correct horse battery",
        "confirm": "correct horse battery",
    }
    response = client.post("/auth/register", data=data)
    assert response.status_code == 400
    assert "CSRF" in response.get_data(as_text=True)
    assert rows(app, User) == []
    # With the token from the form, the same post goes through.
    page = client.get("/auth/register").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    assert client.post("/auth/register", data=data | {"csrf_token": token}).status_code == 302


def _session_cookie(client) -> str:
    return client.get_cookie("session").value


def _replaying(app, cookie: str):
    """Another browser, holding a copy of someone's session cookie."""
    other = app.test_client()
    other.set_cookie("session", cookie)
    return other


def test_a_session_cookie_copied_before_logout_opens_nothing_after(client, auth, seeded_app):
    auth.register()
    assert client.get("/words.csv").status_code == 200
    copied = _session_cookie(client)
    assert _replaying(seeded_app, copied).get("/words.csv").status_code == 200
    auth.logout()
    replayed = _replaying(seeded_app, copied)
    response = replayed.get("/words.csv")
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]
    assert "Log in" in replayed.get("/").get_data(as_text=True)
    # Logging in again gives a cookie that works; the old copy stays dead.
    assert auth.login().status_code == 302
    assert client.get("/words.csv").status_code == 200
    assert _replaying(seeded_app, copied).get("/words.csv").status_code == 302


def test_logging_out_ends_the_users_sessions_in_every_browser(client, auth, seeded_app):
    auth.register()
    auth.logout()
    laptop = seeded_app.test_client()
    AuthActions(laptop).login()
    auth.login()
    assert laptop.get("/progress").status_code == 200
    auth.logout()
    assert laptop.get("/progress").status_code == 302


def test_a_replayed_cookie_cannot_post_even_with_its_csrf_token(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    token = csrf_token(client, "/auth/register")
    data = {"username": "anna", "password": PASSWORD, "confirm": PASSWORD, "csrf_token": token}
    assert client.post("/auth/register", data=data).status_code == 302
    token = csrf_token(client, "/auth/account")
    copied = _session_cookie(client)
    client.post("/auth/logout", data={"csrf_token": token})
    replayed = _replaying(app, copied)
    response = replayed.post("/auth/account", data={"level": "C2", "csrf_token": token})
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]
    assert [user.level for user in rows(app, User)] == ["B1"]


def test_the_username_rule_holds_to_the_very_end():
    assert re.match(USERNAME_PATTERN, "alice")
    assert not re.match(USERNAME_PATTERN, "alice\n")  # "$" let this one through


@pytest.mark.parametrize("username", ["ali\nce", "ali\r\nce", "ali\u200bce", "alïce", "ali ce"])
def test_usernames_with_more_than_the_allowed_characters_are_refused(client, seeded_app, username):
    data = {"username": username, "password": PASSWORD, "confirm": PASSWORD}
    response = client.post("/auth/register", data=data)
    assert response.status_code == 400
    assert "Use letters" in response.get_data(as_text=True)
    assert rows(seeded_app, User) == []


@pytest.mark.parametrize(
    "look_alike", ["ANNA", "ａｎｎａ", "Ａｎｎａ", " anna ", "anna\n", "anna\r\n", "\tanna"]
)
def test_a_username_that_looks_like_a_taken_one_is_taken(client, auth, seeded_app, look_alike):
    auth.register("anna")
    auth.logout()
    response = auth.register(look_alike)
    assert response.status_code == 400
    assert "That username is taken." in response.get_data(as_text=True)
    assert [user.username for user in rows(seeded_app, User)] == ["anna"]
    # Typed the look-alike way at login, it is still anna's account.
    assert auth.login(look_alike).status_code == 302


def test_accounts_made_on_the_command_line_follow_the_same_rule(seeded_app):
    with write_session(seeded_app) as session:
        with pytest.raises(AccountError, match="will not do as a username"):
            create_user(session, "ali\nce", PASSWORD)
        create_user(session, "ｂｒａｍ", PASSWORD)
        with pytest.raises(AccountError, match="taken"):
            create_user(session, "BRAM", PASSWORD)
    assert [user.username for user in rows(seeded_app, User)] == ["bram"]
