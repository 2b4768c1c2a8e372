"""The `quizapp` command line. It reads the same configuration as the web app."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import ScriptInfo, with_appcontext

from quizapp import create_app
from quizapp.config import ConfigError
from quizapp.db import write_session
from quizapp.generate.cli import check_command, generate_command, new_command
from quizapp.language.cli import analyze
from quizapp.library.cli import import_command
from quizapp.migrate import upgrade_database
from quizapp.packs.cli import gift


@click.group()
@click.version_option(package_name="quizapp")
@click.pass_context
def main(ctx: click.Context) -> None:
    """quizapp: Dutch reading and quizzes. Configure with QUIZAPP_DATABASE_URL and
    QUIZAPP_SECRET_KEY, or a config.py in the instance folder."""
    # Commands that need the app load it through Flask's ScriptInfo; tests pass their own.
    if ctx.obj is None:
        ctx.obj = ScriptInfo(create_app=_create_app)


def _create_app():
    try:
        return create_app()
    except ConfigError as error:
        # A setting is the operator's to fix; a traceback would only hide the message.
        raise click.ClickException(str(error)) from error


main.add_command(check_command)  # packs check plus the `exclude:` warnings
main.add_command(analyze)
main.add_command(gift)
main.add_command(generate_command)
main.add_command(new_command)
main.add_command(import_command)


@main.command("init")
@with_appcontext
def init_command() -> None:
    """Create the database, or migrate it to this version. Safe to run again."""
    upgrade_database(current_app.extensions["quizapp.engine"])
    click.echo("The database is up to date.")


@main.command("create-user")
@click.argument("username")
@click.option("--role", type=click.Choice(["learner", "teacher", "admin"]), default="learner")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@with_appcontext
def create_user_command(username: str, role: str, password_stdin: bool) -> None:
    """Create an account, e.g. a teacher: quizapp create-user anna --role teacher"""
    from quizapp.auth.service import AccountError, create_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        with write_session() as session:
            create_user(session, username, password, role)
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Created {role} {username}.")


@main.command("backup")
@click.argument("destination", type=click.Path(path_type=Path))
@with_appcontext
def backup_command(destination: Path) -> None:
    """Copy the database to DESTINATION (a new file or a folder) while the app runs."""
    from quizapp.backup import BackupError, backup

    try:
        written = backup(current_app.extensions["quizapp.engine"], destination)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backed up to {written}; its integrity check passed.")


@main.command("restore")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def restore_command(source: Path, yes: bool) -> None:
    """Replace the database with the backup SOURCE."""
    from quizapp.backup import BackupError, restore, sqlite_path

    engine = current_app.extensions["quizapp.engine"]
    try:
        target = sqlite_path(engine)
        if not yes:
            click.confirm(
                f"This replaces everything in {target} with {source}. Continue?", abort=True
            )
        aside = restore(engine, source)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Restored {target} from {source}.")
    if aside is not None:
        click.echo(f"The database it replaced is kept at {aside}; delete it when you are sure.")


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, envvar="PORT", default=5000, show_default=True)
@click.option("--workers", type=int, default=2, show_default=True)
def serve_command(host: str, port: int, workers: int) -> None:
    """Serve the app with gunicorn (a production server)."""
    from quizapp.server import serve

    # Each worker builds its own app; a wrong setting must stop the start here, once,
    # instead of making every worker fail to boot. (The engine has not connected yet.)
    _create_app().extensions["quizapp.engine"].dispose()
    serve(host, port, workers)
