"""quizapp backup and restore."""

from __future__ import annotations

import sqlite3

import pytest

from quizapp.models import User
from tests.conftest import rows

sqlite_only = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
PASSWORD = "lang genoeg wachtwoord\n"


def add_user(runner, name: str) -> None:
    result = runner.invoke(args=["create-user", name, "--password-stdin"], input=PASSWORD)
    assert result.exit_code == 0, result.output


@sqlite_only
def test_backup_then_restore_brings_the_data_back(app, runner, tmp_path):
    add_user(runner, "anna")
    copy = tmp_path / "copy.sqlite"
    result = runner.invoke(args=["backup", str(copy)])
    assert result.exit_code == 0, result.output
    assert "integrity check passed" in result.output

    add_user(runner, "bram")
    assert len(rows(app, User)) == 2
    refused = runner.invoke(args=["restore", str(copy)], input="n\n")
    assert refused.exit_code == 1 and len(rows(app, User)) == 2
    result = runner.invoke(args=["restore", str(copy)], input="y\n")
    assert result.exit_code == 0, result.output
    assert [u.username for u in rows(app, User)] == ["anna"]


@sqlite_only
def test_backup_into_a_folder_and_never_over_a_file(app, runner, tmp_path):
    assert runner.invoke(args=["backup", str(tmp_path)]).exit_code == 0
    again = runner.invoke(args=["backup", str(tmp_path)])
    assert again.exit_code == 1 and "exists already" in again.output


@sqlite_only
def test_a_damaged_backup_is_not_restored(app, runner, tmp_path):
    add_user(runner, "anna")
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    result = runner.invoke(args=["restore", "--yes", str(damaged)])
    assert result.exit_code == 1 and "nothing was changed" in result.output
    assert [u.username for u in rows(app, User)] == ["anna"]


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_postgres_users_are_pointed_to_pg_dump(app, runner, tmp_path):
    result = runner.invoke(args=["backup", str(tmp_path / "x")])
    assert result.exit_code == 1 and "pg_dump" in result.output


def test_integrity_check_reads_a_real_file(tmp_path):
    from quizapp.backup import integrity_problems

    path = tmp_path / "fine.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    assert integrity_problems(path) == []


def _sqlite_file(path, *statements):
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()
    return path


def _not_a_quizapp_database(tmp_path, kind):
    path = tmp_path / f"{kind}.sqlite"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("not a database at all\n")
    elif kind == "unrelated":
        _sqlite_file(path, "CREATE TABLE recipes (name TEXT)", "INSERT INTO recipes VALUES ('x')")
    elif kind == "unknown-migration":
        _sqlite_file(
            path,
            "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)",
            "INSERT INTO alembic_version VALUES ('9999_from_the_future')",
            "CREATE TABLE users (id INTEGER PRIMARY KEY)",
        )
    return path


@sqlite_only
@pytest.mark.parametrize("kind", ["empty", "text", "unrelated", "unknown-migration"])
def test_restore_refuses_anything_but_a_quizapp_database(app, runner, tmp_path, kind):
    add_user(runner, "anna")
    source = _not_a_quizapp_database(tmp_path, kind)
    result = runner.invoke(args=["restore", "--yes", str(source)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "nothing was changed" in result.output
    assert [u.username for u in rows(app, User)] == ["anna"]


@sqlite_only
def test_restore_refuses_the_live_database_onto_itself(app, runner):
    from quizapp.backup import sqlite_path

    add_user(runner, "anna")
    live = sqlite_path(app.extensions["quizapp.engine"])
    result = runner.invoke(args=["restore", "--yes", str(live)])
    assert result.exit_code == 1 and "is the database itself" in result.output
    assert [u.username for u in rows(app, User)] == ["anna"]


@sqlite_only
def test_restore_keeps_the_database_it_replaced(app, runner, tmp_path):
    from quizapp.backup import sqlite_path

    add_user(runner, "anna")
    copy = tmp_path / "copy.sqlite"
    assert runner.invoke(args=["backup", str(copy)]).exit_code == 0
    add_user(runner, "bram")
    result = runner.invoke(args=["restore", "--yes", str(copy)])
    assert result.exit_code == 0, result.output
    assert [u.username for u in rows(app, User)] == ["anna"]

    live = sqlite_path(app.extensions["quizapp.engine"])
    kept = [p for p in live.parent.glob(f"{live.stem}.before-restore-*.sqlite")]
    assert len(kept) == 1 and str(kept[0]) in result.output
    with sqlite3.connect(kept[0]) as connection:
        names = [row[0] for row in connection.execute("SELECT username FROM users ORDER BY id")]
    connection.close()
    assert names == ["anna", "bram"]


@sqlite_only
def test_a_restore_that_fails_its_check_puts_the_database_back(app, runner, tmp_path, monkeypatch):
    from quizapp import backup as backup_module

    add_user(runner, "anna")
    copy = tmp_path / "copy.sqlite"
    assert runner.invoke(args=["backup", str(copy)]).exit_code == 0
    add_user(runner, "bram")
    live = backup_module.sqlite_path(app.extensions["quizapp.engine"])
    real_check = backup_module.integrity_problems

    def live_database_fails(path):
        # The copy onto the live file is what goes wrong here (a full disk, say).
        return ["row 3 missing from index"] if path == live else real_check(path)

    monkeypatch.setattr(backup_module, "integrity_problems", live_database_fails)
    result = runner.invoke(args=["restore", "--yes", str(copy)])
    assert result.exit_code == 1, result.output
    assert "put back" in result.output
    monkeypatch.undo()
    assert [u.username for u in rows(app, User)] == ["anna", "bram"]


@sqlite_only
def test_a_damaged_backup_with_a_uri_character_in_its_name_is_refused(app, runner, tmp_path):
    add_user(runner, "anna")
    damaged = tmp_path / "corrupt#1.sqlite"
    good = tmp_path / "good.sqlite"
    assert runner.invoke(args=["backup", str(good)]).exit_code == 0
    # A real database with its pages scrambled past the header: only opening the right
    # file can tell.
    data = bytearray(good.read_bytes())
    data[4096:] = b"\x07" * (len(data) - 4096)
    damaged.write_bytes(bytes(data))
    result = runner.invoke(args=["restore", "--yes", str(damaged)])
    assert result.exit_code == 1 and "nothing was changed" in result.output
    assert [u.username for u in rows(app, User)] == ["anna"]
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("test.")) == [
        "corrupt#1.sqlite",
        "good.sqlite",
    ]


@sqlite_only
@pytest.mark.parametrize("name", ["with#hash.sqlite", "50%41off.sqlite", "what?.sqlite"])
def test_backup_and_restore_names_with_uri_characters(app, runner, tmp_path, name):
    folder = tmp_path / "backups"
    folder.mkdir()
    add_user(runner, "anna")
    target = folder / name
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == [name]
    add_user(runner, "bram")
    result = runner.invoke(args=["restore", "--yes", str(target)])
    assert result.exit_code == 0, result.output
    assert [u.username for u in rows(app, User)] == ["anna"]


@sqlite_only
def test_backup_into_a_missing_folder_says_so(app, runner, tmp_path):
    result = runner.invoke(args=["backup", str(tmp_path / "missing" / "dir" / "x.sqlite")])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), result.exception
    assert "no folder" in result.output
    assert not (tmp_path / "missing").exists()


@sqlite_only
@pytest.mark.parametrize("damage", ["pages", "header"])
def test_restore_repairs_a_damaged_database_and_keeps_the_damaged_one(
    app, runner, tmp_path, damage
):
    from quizapp.backup import sqlite_path

    add_user(runner, "anna")
    copy = tmp_path / "copy.sqlite"
    assert runner.invoke(args=["backup", str(copy)]).exit_code == 0
    engine = app.extensions["quizapp.engine"]
    live = sqlite_path(engine)
    engine.dispose()
    with sqlite3.connect(live) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(live.read_bytes())
    if damage == "pages":
        data[4096:] = b"\x07" * (len(data) - 4096)
    else:
        data[:100] = b"\x07" * 100
    live.write_bytes(bytes(data))
    damaged = bytes(data)

    result = runner.invoke(args=["restore", "--yes", str(copy)])
    assert result.exit_code == 0, result.output
    assert [u.username for u in rows(app, User)] == ["anna"]
    [kept] = live.parent.glob(f"{live.stem}.before-restore-*.sqlite")
    assert kept.read_bytes() == damaged
