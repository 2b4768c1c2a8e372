"""Configuration from QUIZAPP_* variables: typed, validated, refused at start when wrong."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from quizapp import create_app
from quizapp.config import ConfigError, defaults, from_environment

PASSWORD = "correct horse battery"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"QUIZAPP_SQLITE_BUSY_TIMEOUT_MS": "5000"}, {"SQLITE_BUSY_TIMEOUT_MS": 5000}),
        ({"QUIZAPP_TRUSTED_PROXIES": " 2 "}, {"TRUSTED_PROXIES": 2}),
        ({"QUIZAPP_MAX_CONTENT_LENGTH": "1048576"}, {"MAX_CONTENT_LENGTH": 1048576}),
        ({"QUIZAPP_WTF_CSRF_TIME_LIMIT": "3600"}, {"WTF_CSRF_TIME_LIMIT": 3600}),
        ({"QUIZAPP_WTF_CSRF_TIME_LIMIT": "none"}, {"WTF_CSRF_TIME_LIMIT": None}),
        ({"QUIZAPP_SESSION_COOKIE_SAMESITE": "strict"}, {"SESSION_COOKIE_SAMESITE": "Strict"}),
        ({"QUIZAPP_PACKS_DIR": "/srv/packs"}, {"PACKS_DIR": "/srv/packs"}),
        ({"QUIZAPP_SECRET_KEY": "s3cret"}, {"SECRET_KEY": "s3cret"}),
        ({"HOME": "/root", "QUIZAPPX": "not ours"}, {}),
    ]
    + [
        ({"QUIZAPP_SESSION_COOKIE_SECURE": word}, {"SESSION_COOKIE_SECURE": value})
        for words, value in (
            (("1", "true", "Yes", "ON"), True),
            (("0", "false", "No", "off"), False),
        )
        for word in words
    ],
)
def test_settings_are_parsed_by_type(environ, expected):
    assert from_environment(environ) == expected


@pytest.mark.parametrize(
    ("variable", "value", "said"),
    [
        ("QUIZAPP_SQLITE_BUSY_TIMEOUT_MS", "5s", "a whole number"),
        ("QUIZAPP_SQLITE_BUSY_TIMEOUT_MS", "-1", "0 or more"),
        ("QUIZAPP_TRUSTED_PROXIES", "²", "a whole number"),
        ("QUIZAPP_MAX_CONTENT_LENGTH", "0", "1 or more"),
        ("QUIZAPP_SESSION_COOKIE_SECURE", "maybe", "1/0, true/false, yes/no"),
        ("QUIZAPP_SESSION_COOKIE_HTTPONLY", "", "1/0, true/false, yes/no"),
        ("QUIZAPP_SESSION_COOKIE_SAMESITE", "Loose", "Lax, Strict or None"),
        ("QUIZAPP_DATABASE_URL", "quizapp.sqlite", "a database URL"),
        ("QUIZAPP_DEFAULT_LEVEL", "A2", "not a setting"),
        ("QUIZAPP_SECRET_KY", "x", "did you mean QUIZAPP_SECRET_KEY"),
    ],
)
def test_a_wrong_setting_stops_the_start_and_names_the_variable(monkeypatch, variable, value, said):
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError) as refused:
        create_app({"TESTING": True, "SECRET_KEY": "t"})
    assert str(refused.value).startswith(f"{variable}=")
    assert said in str(refused.value)


def test_the_command_line_says_what_is_wrong_without_a_traceback(monkeypatch):
    from quizapp.cli import main

    monkeypatch.setenv("QUIZAPP_SQLITE_BUSY_TIMEOUT_MS", "15 seconds")
    for command in (["init"], ["serve"]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 1, result.output
        assert isinstance(result.exception, SystemExit), result.exception
        assert "QUIZAPP_SQLITE_BUSY_TIMEOUT_MS" in result.output


def test_instance_config_values_are_checked_too(tmp_path):
    from quizapp.config import check_types

    with pytest.raises(ConfigError, match=r"^TRUSTED_PROXIES in .*config.py must be"):
        check_types({"TRUSTED_PROXIES": "1"}, str(tmp_path / "config.py"))
    check_types({"TRUSTED_PROXIES": 1, "SESSION_COOKIE_SECURE": False}, "config.py")


def test_default_level_is_gone_because_learners_set_their_own():
    assert "DEFAULT_LEVEL" not in defaults("/instance")


@pytest.mark.parametrize(("secure", "flagged"), [("0", False), ("1", True)])
def test_session_cookie_secure_follows_the_variable(monkeypatch, make_app, secure, flagged):
    monkeypatch.setenv("QUIZAPP_SESSION_COOKIE_SECURE", secure)
    client = make_app().test_client()
    data = {"username": "anna", "password": PASSWORD, "confirm": PASSWORD}
    cookie = client.post("/auth/register", data=data).headers["Set-Cookie"]
    assert ("Secure" in cookie) is flagged


def test_busy_timeout_from_the_environment_reaches_sqlite(monkeypatch, tmp_path):
    from sqlalchemy import text

    monkeypatch.setenv("QUIZAPP_SQLITE_BUSY_TIMEOUT_MS", "4321")
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "t", "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite'}"}
    )
    engine = app.extensions["quizapp.engine"]
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 4321
    engine.dispose()
