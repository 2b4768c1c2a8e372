"""Create or migrate the database with Alembic; safe to run again."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", "quizapp:migrations")
    # configparser treats % as interpolation; URLs escape socket paths with it.
    url = engine.url.render_as_string(hide_password=False).replace("%", "%%")
    config.set_main_option("sqlalchemy.url", url)
    return config


def upgrade_database(engine: Engine) -> None:
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def new_revision(engine: Engine, message: str) -> None:
    """For developers: write a migration for the difference between models and database."""
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.revision(config, message=message, autogenerate=True)


def known_revisions() -> set[str]:
    """Every migration this version of the app knows, whether or not it is the newest."""
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", "quizapp:migrations")
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
