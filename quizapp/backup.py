"""Online backups of the SQLite database, through SQLite's own backup API.

The backup API copies a consistent snapshot page by page while other connections go on
reading and writing, so a class can keep working during a backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine


class BackupError(Exception):
    pass


def sqlite_path(engine: Engine) -> Path:
    if engine.url.get_backend_name() != "sqlite" or not engine.url.database:
        raise BackupError(
            "quizapp backup copies SQLite databases. For PostgreSQL use pg_dump and pg_restore."
        )
    return Path(engine.url.database)


def integrity_problems(path: Path) -> list[str]:
    """What `PRAGMA integrity_check` finds wrong; an empty list means the file is sound."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        connection.close()
    problems = [row[0] for row in rows]
    return [] if problems == ["ok"] else problems


def _copy(source: Path, target: Path) -> None:
    source_db = sqlite3.connect(source)
    target_db = sqlite3.connect(target)
    try:
        # 1024 pages a step: writers get the lock between steps instead of waiting it out.
        source_db.backup(target_db, pages=1024)
    finally:
        target_db.close()
        source_db.close()


def backup(engine: Engine, destination: Path) -> Path:
    source = sqlite_path(engine)
    if destination.is_dir():
        destination = destination / f"{source.stem}-backup.sqlite"
    if destination.exists():
        raise BackupError(f"{destination} exists already; choose a new name.")
    _copy(source, destination)
    problems = integrity_problems(destination)
    if problems:
        destination.unlink()
        raise BackupError("The copy failed its integrity check: " + "; ".join(problems[:5]))
    return destination


def restore(engine: Engine, source: Path) -> None:
    target = sqlite_path(engine)
    if not source.is_file():
        raise BackupError(f"{source} is not a file.")
    problems = integrity_problems(source)
    if problems:
        raise BackupError(
            f"{source} is damaged, so nothing was changed: " + "; ".join(problems[:5])
        )
    engine.dispose()
    _copy(source, target)
