"""The migrations build exactly the tables the models describe, in one line of history,
and upgrading keeps the data that is there."""

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from quizapp.migrate import alembic_config, upgrade_database
from quizapp.models import Base


def test_migrations_match_the_models(app):
    with app.extensions["quizapp.engine"].connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_history_has_one_head(app):
    script = ScriptDirectory.from_config(alembic_config(app.extensions["quizapp.engine"]))
    assert len(script.get_heads()) == 1


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_upgrading_an_old_database_keeps_its_data(database_url):
    engine = create_engine(database_url)
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO users (username, password_hash, role, level, created_at) "
                "VALUES ('anna', 'x', 'learner', 'B1', CURRENT_TIMESTAMP)"
            )
        )
    upgrade_database(engine)
    upgrade_database(engine)  # and again: nothing to do
    with engine.connect() as connection:
        assert connection.execute(text("SELECT username FROM users")).scalars().all() == ["anna"]
        # Users from before session versions start at 0, as new ones do.
        assert connection.execute(text("SELECT session_version FROM users")).scalar() == 0
        assert connection.execute(text("SELECT count(*) FROM login_failures")).scalar() == 0
    engine.dispose()
