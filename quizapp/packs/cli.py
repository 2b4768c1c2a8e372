"""Command-line tools for teachers: `check` packs, and `gift` import/export for Moodle.

The lead's `quizapp/cli.py` registers these commands; nothing here needs the app or the DB.
"""

from __future__ import annotations

import sys

import click

from .loader import check_paths_counted


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
def check(paths: tuple[str, ...]) -> None:
    """Check packs (files or folders; default questions/) without touching the database."""
    problems, pack_count = check_paths_counted(list(paths) or ["questions/"])
    for problem in problems:
        click.echo(str(problem))
    if not problems:
        click.echo(f"{_plural(pack_count, 'pack')} checked, all fine")
        return
    files_with_problems = len({problem.path for problem in problems})
    click.echo(
        f"{_plural(len(problems), 'problem')} in {files_with_problems} of "
        f"{_plural(pack_count, 'pack')}"
    )
    sys.exit(1)
