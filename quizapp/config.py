"""Configuration: defaults, then the instance folder and environment, then test overrides."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

ENV_PREFIX = "QUIZAPP_"


def defaults(instance_path: str) -> dict[str, Any]:
    return {
        "DATABASE_URL": "sqlite:///" + str(Path(instance_path) / "quizapp.sqlite"),
        "SQLITE_BUSY_TIMEOUT_MS": 15_000,
        "PACKS_DIR": "questions",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "WTF_CSRF_TIME_LIMIT": None,  # a quiz can take longer than an hour
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "DEFAULT_LEVEL": "B1",
        "TRUSTED_PROXIES": 0,  # how many reverse proxies in front set X-Forwarded-*
    }


def from_environment(environ: os._Environ[str] | dict[str, str]) -> dict[str, Any]:
    """QUIZAPP_DATABASE_URL -> DATABASE_URL, and so on for every QUIZAPP_ variable."""
    return {
        key[len(ENV_PREFIX) :]: value
        for key, value in environ.items()
        if key.startswith(ENV_PREFIX)
    }


def instance_secret_key(instance_path: str) -> str:
    """A random key made on first run and kept in the instance folder, never in the repo."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()
