"""The `quizapp` command line. It reads the same configuration as the web app."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import ScriptInfo, with_appcontext

from quizapp import create_app
from quizapp.config import ConfigError
from quizapp.db import read_session, write_session
from quizapp.generate.cli import check_command, generate_command, new_command
from quizapp.language.cli import analyze
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


@main.command("init")
@with_appcontext
def init_command() -> None:
    """Create the database, or migrate it to this version. Safe to run again."""
    upgrade_database(current_app.extensions["quizapp.engine"])
    click.echo("The database is up to date.")


def _pack_files(paths: tuple[str, ...]) -> list[tuple[Path | None, Path]]:
    """(folder it came from, file) for every pack named or inside a named folder."""
    found: list[tuple[Path | None, Path]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml"))
            found.extend((path, f) for f in files)
        else:
            found.append((None, path))
    return found


@main.command("import")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "--allow-problems",
    is_flag=True,
    help="Exit with 0 even when some packs could not be imported (they are still reported).",
)
@with_appcontext
def import_command(paths: tuple[str, ...], allow_problems: bool) -> None:
    """Import packs (files or folders; default: the questions/ folder).

    Each file is imported whole or not at all; a broken one is reported as FILE:LINE:COLUMN
    and the others are imported all the same. The exit status is 1 when any pack was not
    imported, unless --allow-problems (which `make run` uses, so the server starts). A
    folder's articles whose packs are gone are hidden, never deleted."""
    from quizapp.packs import importer
    from quizapp.packs.loader import load_pack_located

    app = current_app._get_current_object()
    paths = paths or (app.config["PACKS_DIR"],)
    files = _pack_files(paths)
    seen: dict[Path, set[Path]] = {Path(p): set() for p in paths if Path(p).is_dir()}
    owners: dict[str, Path] = {}
    failed = 0
    analyser = _analyser()

    def refuse(file: Path, problems: list[str]) -> None:
        nonlocal failed
        failed += 1
        click.echo("", err=True)
        for problem in problems:
            click.echo(problem, err=True)
        click.echo(f"{file}: not imported, fix the problems above.", err=True)

    with click.progressbar(files, label="Importing packs", file=sys.stderr) as bar:
        for folder, file in bar:
            if folder is not None:
                # A broken pack is not a removed pack: its article stays visible.
                seen[folder].add(file.resolve())
            pack, problems, id_position = load_pack_located(file)
            if pack is None:
                refuse(file, [str(problem) for problem in problems])
                continue
            if pack.id in owners:
                line, column = id_position
                refuse(
                    file,
                    [
                        f"{file}:{line}:{column}: the pack id `{pack.id}` is already used by "
                        f"{owners[pack.id]}; every pack needs its own id"
                    ],
                )
                continue
            owners[pack.id] = file
            try:
                with read_session(app) as session:
                    prepared = importer.prepare_import(session, pack, analyser)
                with write_session(app) as session:
                    report = importer.import_pack(session, pack, analyser, prepared)
            except Exception as error:
                # Whatever no check foresaw (a database error, a bug) costs this pack, whose
                # transaction was rolled back, not the packs after it.
                refuse(file, [f"{file}:1:1: could not be stored: {type(error).__name__}: {error}"])
                continue
            if report.changed:
                click.echo(f"\n{file}: {_describe(report)}", err=True)
    for folder, pack_files in seen.items():
        with write_session(app) as session:
            for pack_id in importer.hide_missing(session, folder, pack_files):
                click.echo(f"{pack_id}: its pack is gone; the article is hidden.", err=True)
    click.echo(f"{len(files) - failed} of {len(files)} packs imported.")
    if failed and not allow_problems:
        sys.exit(1)


def _analyser():
    # Imported here: loading the lexicon is only worth it for commands that import packs.
    from quizapp.language.store import pipeline_for_import

    return pipeline_for_import()


def _describe(report) -> str:
    parts = []
    if report.article_created:
        parts.append("new article")
    elif report.article_updated:
        parts.append("article updated")
    for count, what in (
        (report.questions_added, "added"),
        (report.questions_changed, "changed (new version)"),
        (report.questions_retired, "retired"),
    ):
        if count:
            parts.append(f"{count} question{'s' if count != 1 else ''} {what}")
    if report.analysed:
        parts.append("text analysed")
    return ", ".join(parts)


@main.command("create-user")
@click.argument("username")
@click.option("--role", type=click.Choice(["learner", "teacher", "admin"]), default="learner")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@with_appcontext
def create_user_command(username: str, role: str, password_stdin: bool) -> None:
    """Create an account, e.g. a teacher: quizapp create-user anna --role teacher"""
    from quizapp.accounts import AccountError, create_user

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
