"""Configuration: defaults, then the instance folder and environment, then test overrides.

Every setting has a type. An environment variable is text, so each QUIZAPP_* variable is
parsed by its setting's type, and a wrong or unknown one stops the app at start with a
message naming it: a typo must not quietly leave a default in place."""

from __future__ import annotations

import difflib
import os
import re
import secrets
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

ENV_PREFIX = "QUIZAPP_"


class ConfigError(Exception):
    """A setting that cannot be used; the message names it and says what it must be."""


def defaults(instance_path: str) -> dict[str, Any]:
    # No DEFAULT_LEVEL: a learner's level is theirs to set (Account), and a new learner
    # starts at B1, the users table's default; a second, deployment-wide default would be
    # one more place for the same fact, and nothing ever read it.
    return {
        "DATABASE_URL": "sqlite:///" + str(Path(instance_path) / "quizapp.sqlite"),
        "SQLITE_BUSY_TIMEOUT_MS": 15_000,
        "PACKS_DIR": "questions",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "WTF_CSRF_TIME_LIMIT": None,  # a quiz can take longer than an hour
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "TRUSTED_PROXIES": 0,  # how many reverse proxies in front set X-Forwarded-*
    }


# ----------------------------------------------------------------------------- types
# Each takes the text of a variable and gives the value, or raises ValueError with what
# the value must be.


def _whole_number(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        # ASCII digits only: int() would also take "1_000" and Arabic-Indic digits.
        if not re.fullmatch(r"-?[0-9]+", text.strip()):
            raise ValueError("must be a whole number")
        value = int(text)
        if value < minimum:
            raise ValueError(f"must be {minimum} or more")
        return value

    return parse


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


def _boolean(text: str) -> bool:
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError("must be 1/0, true/false, yes/no or on/off")


def _text(text: str) -> str:
    return text


def _database_url(text: str) -> str:
    try:
        make_url(text)
    except ArgumentError:
        raise ValueError(
            "must be a database URL, like sqlite:////srv/quizapp/quizapp.sqlite or "
            "postgresql+psycopg://user:password@host/quizapp"
        ) from None
    return text


def _samesite(text: str) -> str:
    for choice in ("Lax", "Strict", "None"):
        if text.strip().lower() == choice.lower():
            return choice
    raise ValueError("must be Lax, Strict or None")


def _seconds_or_none(text: str) -> int | None:
    if text.strip().lower() in ("", "none"):
        return None
    try:
        return _whole_number(1)(text)
    except ValueError:
        raise ValueError("must be a number of seconds (1 or more) or none") from None


# What each setting is, for the environment (text) and for config.py (Python values).
SETTINGS: dict[str, tuple[Callable[[str], Any], tuple[type, ...]]] = {
    "DATABASE_URL": (_database_url, (str,)),
    "SECRET_KEY": (_text, (str, bytes, type(None))),  # None: made in the instance folder
    "SQLITE_BUSY_TIMEOUT_MS": (_whole_number(0), (int,)),
    "PACKS_DIR": (_text, (str, os.PathLike)),
    "SESSION_COOKIE_HTTPONLY": (_boolean, (bool,)),
    "SESSION_COOKIE_SECURE": (_boolean, (bool,)),
    "SESSION_COOKIE_SAMESITE": (_samesite, (str, type(None))),
    "WTF_CSRF_TIME_LIMIT": (_seconds_or_none, (int, type(None))),
    "MAX_CONTENT_LENGTH": (_whole_number(1), (int, type(None))),
    "TRUSTED_PROXIES": (_whole_number(0), (int,)),
}


def from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """QUIZAPP_DATABASE_URL -> DATABASE_URL, and so on, each parsed by its type."""
    parsed: dict[str, Any] = {}
    for variable, text in environ.items():
        if not variable.startswith(ENV_PREFIX):
            continue
        name = variable[len(ENV_PREFIX) :]
        if name not in SETTINGS:
            close = difflib.get_close_matches(name, SETTINGS, n=1)
            hint = (
                f"did you mean {ENV_PREFIX}{close[0]}?"
                if close
                else "the settings are " + ", ".join(ENV_PREFIX + known for known in SETTINGS)
            )
            raise ConfigError(f"{variable}={text!r}: {variable} is not a setting; {hint}")
        parse, _types = SETTINGS[name]
        try:
            parsed[name] = parse(text)
        except ValueError as error:
            raise ConfigError(f"{variable}={text!r}: {variable} {error}") from None
    return parsed


def check_types(config: Mapping[str, Any], source: str) -> None:
    """The settings written in Python (the instance config.py) have the right types."""
    for name, (_parse, types) in SETTINGS.items():
        if name not in config:
            continue
        value = config[name]
        # bool is an int to Python, never to a setting that counts something.
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            wanted = " or ".join("None" if t is type(None) else t.__name__ for t in types)
            raise ConfigError(f"{name} in {source} must be {wanted}, not {value!r}")


def instance_secret_key(instance_path: str) -> str:
    """A random key made on first run and kept in the instance folder, never in the repo."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()
