"""Fixtures in the Flask tutorial's shape: app on a temporary database, client, runner, auth."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from quizapp import create_app
from quizapp.db import write_session
from quizapp.language.store import pipeline_for_import
from quizapp.library.importer import import_pack
from quizapp.migrate import upgrade_database
from quizapp.packs import load_pack

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "questions"
SEED_PACK = QUESTIONS / "biden-poetin-videogesprek.yaml"


@pytest.fixture(scope="session")
def postgres():
    from tests.postgres import PostgresServer

    server = PostgresServer()
    # One migrated database to copy: CREATE DATABASE ... TEMPLATE is much faster than
    # running every migration for every test.
    template = server.create_database()
    engine = create_engine(server.url(template))
    upgrade_database(engine)
    engine.dispose()
    server.template = template
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path: Path) -> str:
    """Every test that uses the database runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite'}"
    server = request.getfixturevalue("postgres")
    return server.url(server.create_database(template=server.template))


@pytest.fixture
def make_app(database_url: str, tmp_path: Path):
    made = []

    def factory(**overrides):
        config = {
            "TESTING": True,
            "SECRET_KEY": "test only",
            "DATABASE_URL": database_url,
            "WTF_CSRF_ENABLED": False,
            "PACKS_DIR": str(QUESTIONS),
        }
        config.update(overrides)
        app = create_app(config)
        # Never let a test touch a real instance database.
        assert not app.config["DATABASE_URL"].endswith(
            os.path.join(app.instance_path, "quizapp.sqlite")
        )
        upgrade_database(app.extensions["quizapp.engine"])
        made.append(app)
        return app

    yield factory
    for app in made:
        app.extensions["quizapp.engine"].dispose()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def seeded_app(app):
    import_seed(app)
    return app


def import_seed(app, path: Path = SEED_PACK):
    pack, problems = load_pack(path)
    assert pack is not None, problems
    with write_session(app) as session:
        import_pack(session, pack, pipeline_for_import())
    return pack


@pytest.fixture
def client(seeded_app):
    return seeded_app.test_client()


class Runner:
    """Runs `quizapp ...` commands against the test app."""

    def __init__(self, app):
        self._runner = app.test_cli_runner()

    def invoke(self, args, **kwargs):
        from quizapp.cli import main

        return self._runner.invoke(main, args=args, **kwargs)


@pytest.fixture
def runner(app):
    return Runner(app)


class AuthActions:
    def __init__(self, client):
        self._client = client

    def register(self, username="anna", password="correct horse battery"):
        return self._client.post(
            "/auth/register",
            data={"username": username, "password": password, "confirm": password},
        )

    def login(self, username="anna", password="correct horse battery"):
        return self._client.post("/auth/login", data={"username": username, "password": password})

    def logout(self):
        return self._client.post("/auth/logout")


@pytest.fixture
def auth(client):
    return AuthActions(client)


def rows(app, model, *where):
    with write_session(app) as session:
        return list(session.scalars(select(model).where(*where)))


# The browser fixtures serve every area's browser tests, so they are registered here, once.
from tests.browser.fixtures import browser, live, live_server, page  # noqa: E402,F401
