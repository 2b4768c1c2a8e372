"""Online backups of the SQLite database, through SQLite's own backup API.

The backup API copies a consistent snapshot page by page while other connections go on
reading and writing, so a class can keep working during a backup. A restore never
destroys history: it refuses anything that is not a sound quizapp database, and keeps the
database it replaces beside it."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from quizapp.migrate import known_revisions

# The tables of the first migration: every quizapp database has them.
_CORE_TABLES = {"alembic_version", "users", "articles", "questions", "attempts", "answers"}
_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table'"
_REVISIONS = "SELECT version_num FROM alembic_version"


class BackupError(Exception):
    pass


def sqlite_path(engine: Engine) -> Path:
    if engine.url.get_backend_name() != "sqlite" or not engine.url.database:
        raise BackupError(
            "quizapp backup copies SQLite databases. For PostgreSQL use pg_dump and pg_restore."
        )
    return Path(engine.url.database)


def _open_read_only(path: Path) -> sqlite3.Connection:
    # A file: URI is the only way to ask for read-only, and a name is not a URI: `#`, `?`
    # and `%` in it must be percent-encoded, which as_uri does.
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def integrity_problems(path: Path) -> list[str]:
    """What `PRAGMA integrity_check` finds wrong; an empty list means the file is sound."""
    try:
        connection = _open_read_only(path)
    except sqlite3.Error as error:
        return [str(error)]
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        connection.close()
    problems = [row[0] for row in rows]
    return [] if problems == ["ok"] else problems


def quizapp_problems(path: Path) -> list[str]:
    """Why the sound SQLite file at `path` is not a quizapp database this version can use."""
    try:
        connection = _open_read_only(path)
    except sqlite3.Error as error:
        return [str(error)]
    try:
        tables = {row[0] for row in connection.execute(_TABLES)}
        missing = _CORE_TABLES - tables
        if missing:
            return [
                "it is not a quizapp database (no "
                + ", ".join(f"`{name}`" for name in sorted(missing))
                + (" table)" if len(missing) == 1 else " tables)")
            ]
        revisions = {row[0] for row in connection.execute(_REVISIONS)}
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        connection.close()
    unknown = revisions - known_revisions()
    if not revisions or unknown:
        return [
            "its migration ("
            + (", ".join(sorted(unknown)) or "none")
            + ") is not one this version of quizapp knows; was it made by a newer version?"
        ]
    return []


def _copy_file(source: Path, target: Path, read_only: bool, one_file: bool = False) -> None:
    source_db = _open_read_only(source) if read_only else sqlite3.connect(source)
    try:
        target_db = sqlite3.connect(target)
        try:
            # 1024 pages a step: writers get the lock between steps instead of waiting.
            source_db.backup(target_db, pages=1024)
            if one_file:
                # The copy inherits WAL mode, which leaves -wal and -shm files beside it
                # whenever it is opened; a backup is easier to handle as one file.
                target_db.execute("PRAGMA journal_mode=DELETE")
        finally:
            target_db.close()
    finally:
        source_db.close()


def backup(engine: Engine, destination: Path) -> Path:
    source = sqlite_path(engine)
    if destination.is_dir():
        destination = destination / f"{source.stem}-backup.sqlite"
    if destination.exists():
        raise BackupError(f"{destination} exists already; choose a new name.")
    if not destination.parent.is_dir():
        raise BackupError(f"There is no folder {destination.parent}; make it first.")
    try:
        _copy_file(source, destination, read_only=False, one_file=True)
    except (sqlite3.Error, OSError) as error:
        destination.unlink(missing_ok=True)
        raise BackupError(f"Could not write {destination}: {error}") from error
    problems = integrity_problems(destination)
    if problems:
        destination.unlink()
        raise BackupError("The copy failed its integrity check: " + "; ".join(problems[:5]))
    return destination


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _keep_aside(target: Path) -> Path | None:
    """A copy of the database about to be replaced, beside it; None if there is none."""
    if not target.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    aside = target.with_name(f"{target.stem}.before-restore-{stamp}.sqlite")
    try:
        _copy_file(target, aside, read_only=False, one_file=True)
    except sqlite3.DatabaseError:
        # A restore is what fixes a damaged database, and SQLite cannot copy a damaged one:
        # keep its files as they are instead.
        aside.unlink(missing_ok=True)
        shutil.copyfile(target, aside)
        wal = target.with_name(target.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, aside.with_name(aside.name + "-wal"))
    return aside


def _swap_in(new: Path, target: Path) -> None:
    """Put the checked one-file database `new` in the place of `target`."""
    if target.exists() and not integrity_problems(target):
        # Written through SQLite, a server that was not stopped after all sees the restored
        # data instead of writing on into a file that is no longer there.
        try:
            _copy_file(new, target, read_only=True)
        except sqlite3.Error:
            pass
        else:
            new.unlink()
            return
    # SQLite cannot write into a damaged file: replace it in one rename. Its -wal and -shm
    # go first, or SQLite would replay the old log onto the new file.
    for companion in _companions(target):
        companion.unlink(missing_ok=True)
    new.replace(target)


def _put_back(aside: Path, target: Path) -> None:
    staged = target.with_name(target.name + ".restoring")
    shutil.copyfile(aside, staged)
    _swap_in(staged, target)
    wal = aside.with_name(aside.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))


def restore(engine: Engine, source: Path) -> Path | None:
    """Replace the database with `source`; the path of the replaced one, kept aside.

    The copy is made and checked beside the database before the database is touched, so a
    copy that fails changes nothing; a damaged database is replaced all the same."""
    target = sqlite_path(engine)
    if not source.is_file():
        raise BackupError(f"{source} is not a file.")
    if _same_file(source, target):
        raise BackupError(f"{source} is the database itself, so nothing was changed.")
    problems = integrity_problems(source) or quizapp_problems(source)
    if problems:
        raise BackupError(
            f"{source} cannot be restored, so nothing was changed: " + "; ".join(problems[:5])
        )
    engine.dispose()
    try:
        aside = _keep_aside(target)
    except (sqlite3.Error, OSError) as error:
        raise BackupError(
            f"Could not keep a copy of {target} before replacing it, so nothing was changed: "
            f"{error}"
        ) from error
    kept = f"; the database is also kept at {aside}" if aside else ""
    staged = target.with_name(target.name + ".restoring")
    try:
        staged.unlink(missing_ok=True)
        _copy_file(source, staged, read_only=True, one_file=True)
        problems = integrity_problems(staged) or quizapp_problems(staged)
    except (sqlite3.Error, OSError) as error:
        problems = [str(error)]
    if problems:
        staged.unlink(missing_ok=True)
        raise BackupError(
            f"The copy of {source} failed its check ({'; '.join(problems[:5])}), so nothing "
            f"was changed{kept}."
        )
    try:
        _swap_in(staged, target)
        problems = integrity_problems(target) or quizapp_problems(target)
    except (sqlite3.Error, OSError) as error:
        problems = [str(error)]
    if problems:
        said = "; ".join(problems[:5])
        if aside is None:
            raise BackupError(f"The restored database failed its check: {said}")
        try:
            _put_back(aside, target)
        except (sqlite3.Error, OSError) as error:
            raise BackupError(
                f"The restored database failed its check ({said}) and the one it replaced "
                f"could not be put back ({error}); that one is kept at {aside}."
            ) from error
        raise BackupError(
            f"The restored database failed its check ({said}), so the database it replaced "
            f"was put back{kept}."
        )
    return aside
