"""OWASP ASVS basics: CSRF everywhere, no writes on GET, headers, cookies, throttling."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select, text

from quizapp.auth.service import create_user
from quizapp.db import write_session
from quizapp.models import Base, LoginFailure, User
from tests.conftest import import_seed, rows

PASSWORD = "correct horse battery"


def csrf_token(client, url="/auth/login") -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def table_counts(app) -> dict[str, int]:
    with write_session(app) as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        }


def fill(rule) -> str:
    """A concrete URL for a rule: ids of rows that exist, so the view really runs."""
    values = {}
    for name, converter in rule._converters.items():
        values[name] = 1 if "Integer" in type(converter).__name__ else "biden-poetin-videogesprek"
    return rule.build(values, append_unknown=False)[1]


@pytest.fixture
def csrf_app(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    import_seed(app)
    return app


@pytest.fixture
def logged_in(csrf_app):
    """A learner logged in through the real forms, tokens and all."""
    client = csrf_app.test_client()
    token = csrf_token(client, "/auth/register")
    response = client.post(
        "/auth/register",
        data={"username": "anna", "password": PASSWORD, "confirm": PASSWORD, "csrf_token": token},
    )
    assert response.status_code == 302
    # An attempt of their own, so /attempts/1 routes reach their view.
    token = csrf_token(client, "/articles/biden-poetin-videogesprek")
    client.post("/articles/biden-poetin-videogesprek/quiz", data={"csrf_token": token})
    return client


def test_every_state_changing_route_refuses_a_post_without_csrf_token(csrf_app, logged_in):
    posted = []
    before = table_counts(csrf_app)
    for rule in csrf_app.url_map.iter_rules():
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            if method not in rule.methods:
                continue
            response = logged_in.open(fill(rule), method=method, data={"seq": "0"})
            assert response.status_code == 400, (rule.rule, response.status_code)
            assert "CSRF" in response.get_data(as_text=True), rule.rule
            posted.append(rule.rule)
    assert "/auth/logout" in posted and "/attempts/<int:attempt_id>" in posted
    assert table_counts(csrf_app) == before


def test_no_get_changes_anything(csrf_app, logged_in):
    before = table_counts(csrf_app)
    visited = 0
    for rule in csrf_app.url_map.iter_rules():
        if "GET" in rule.methods and rule.endpoint != "static":
            logged_in.get(fill(rule))
            visited += 1
    assert visited >= 5
    assert table_counts(csrf_app) == before


@pytest.mark.parametrize("url", ["/", "/auth/login", "/articles/nope", "/static/css/app.css"])
def test_security_headers_on_every_response(client, url):
    response = client.get(url)
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]


def test_pages_have_no_inline_script_or_style(client, auth):
    auth.register()
    for url in ("/", "/auth/login", "/articles/biden-poetin-videogesprek"):
        page = client.get(url).get_data(as_text=True)
        assert "<style" not in page and " style=" not in page
        assert not re.search(r"<script(?![^>]*\bsrc=)", page)
        assert not re.search(r"\son[a-z]+=", page)


def test_session_cookie_flags(client, auth):
    cookie = auth.register().headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    https = client.application.test_client()
    data = {"username": "bram", "password": PASSWORD, "confirm": PASSWORD}
    cookie = https.post("/auth/register", data=data, base_url="https://localhost").headers[
        "Set-Cookie"
    ]
    assert "Secure" in cookie


def test_login_starts_a_fresh_session(client, auth):
    auth.register()
    auth.logout()
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    auth.login()
    with client.session_transaction() as session:
        assert "planted" not in session


def test_common_and_same_as_username_passwords_are_refused(client, seeded_app):
    for username, password in (
        ("anna", "password1"),
        ("anna", "welkom01"),
        ("annabel12", "annabel12"),
    ):
        response = client.post(
            "/auth/register", data={"username": username, "password": password, "confirm": password}
        )
        assert response.status_code == 400
        assert "most common" in response.get_data(as_text=True)
    assert rows(seeded_app, User) == []


def test_long_passwords_are_welcome(auth):
    assert auth.register(password="a sentence of words " * 6).status_code == 302


def test_five_failures_from_one_address_lock_that_address_out(client, auth, seeded_app):
    auth.register()
    auth.logout()
    for _ in range(5):
        assert auth.login(password="wrong password!").status_code == 400
    locked = auth.login()  # even the right password
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) > 800
    assert "Log out" not in client.get("/").get_data(as_text=True)
    # Another address can still log in.
    other = seeded_app.test_client()
    response = other.post(
        "/auth/login",
        data={"username": "anna", "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "10.0.0.2"},
    )
    assert response.status_code == 302


def _login_from(app, address: str, password: str = PASSWORD):
    return app.test_client().post(
        "/auth/login",
        data={"username": "anna", "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_guessing_from_everywhere_cannot_lock_the_owner_out(auth, seeded_app):
    auth.register()
    auth.logout()
    with write_session(seeded_app) as session:
        session.add_all(
            LoginFailure(username="anna", address=f"10.1.{n // 250}.{n % 250}") for n in range(100)
        )
    # Anna, from her own address, which has not failed, gets in.
    assert _login_from(seeded_app, "192.168.5.5").status_code == 302
    # Past 100 failures an hour, an address that has failed is refused even the right
    # password, and a new one gets one guess.
    assert _login_from(seeded_app, "10.1.0.7").status_code == 429
    assert _login_from(seeded_app, "10.9.9.9", "wrong password!").status_code == 400
    assert _login_from(seeded_app, "10.9.9.9").status_code == 429
    assert len(rows(seeded_app, LoginFailure)) == 101


def test_five_failures_at_one_address_leave_the_owner_free_elsewhere(auth, seeded_app):
    auth.register()
    auth.logout()
    for _ in range(5):
        assert _login_from(seeded_app, "10.0.0.66", "wrong password!").status_code == 400
    assert _login_from(seeded_app, "10.0.0.66").status_code == 429
    assert _login_from(seeded_app, "10.0.0.2").status_code == 302


def test_successful_login_forgets_that_addresses_failures(client, auth, seeded_app):
    auth.register()
    auth.logout()
    for _ in range(3):
        auth.login(password="wrong password!")
    assert auth.login().status_code == 302
    assert rows(seeded_app, LoginFailure) == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_sqlite_connections_are_set_up(app):
    with app.extensions["quizapp.engine"].connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 15000


def test_pages_with_a_users_data_and_every_download_are_not_stored(client, auth, seeded_app):
    article = "/articles/biden-poetin-videogesprek"
    assert "Cache-Control" not in client.get(article).headers  # nobody's data
    assert client.get(f"{article}/words.csv").headers["Cache-Control"] == "private, no-store"
    auth.register()
    client.post(f"{article}/quiz")
    private = [
        "/",
        article,
        "/words",
        "/words.csv",
        "/words.apkg",
        "/progress",
        "/review",
        "/attempts/1",
        "/auth/account",
        f"{article}/words.apkg",
    ]
    for url in private:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == "private, no-store", url
    static = client.get("/static/css/app.css").headers["Cache-Control"]
    assert "no-store" not in static


def test_a_teachers_exports_are_not_stored(client, seeded_app):
    with write_session(seeded_app) as session:
        create_user(session, "tess", PASSWORD, "teacher")
    client.post("/auth/login", data={"username": "tess", "password": PASSWORD})
    client.post("/teacher/classes", data={"name": "3B"})
    for url in (
        "/teacher?class=1",
        "/teacher/classes/1/results.csv",
        "/teacher/classes/1/articles/biden-poetin-videogesprek/items.csv",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == "private, no-store", url
