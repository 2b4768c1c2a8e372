"""`quizapp import`: packs into the database, each whole or not at all."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from quizapp.db import read_session, write_session
from quizapp.language.store import pipeline_for_import
from quizapp.library import importer
from quizapp.packs.loader import load_pack_located


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


@click.command("import")
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
    app = current_app._get_current_object()
    paths = paths or (app.config["PACKS_DIR"],)
    files = _pack_files(paths)
    seen: dict[Path, set[Path]] = {Path(p): set() for p in paths if Path(p).is_dir()}
    owners: dict[str, Path] = {}
    failed = 0
    analyser = pipeline_for_import()

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
            with read_session(app) as session:
                on_the_web = importer.made_in_the_browser(session, pack.id)
            if on_the_web:
                line, column = id_position
                refuse(file, [_made_in_the_browser(file, pack.id, line, column)])
                continue
            try:
                with read_session(app) as session:
                    prepared = importer.prepare_import(session, pack, analyser)
                with write_session(app) as session:
                    report = importer.import_pack(session, pack, analyser, prepared)
            except importer.MadeInTheBrowser:  # made in the browser since the check above
                refuse(file, [_made_in_the_browser(file, pack.id, *id_position)])
                continue
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


def _made_in_the_browser(file: Path, pack_id: str, line: int, column: int) -> str:
    return (
        f"{file}:{line}:{column}: the pack `{pack_id}` is edited in the browser (My packs); "
        "the file is not imported over it. Give the file another id, or edit the pack there"
    )


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
