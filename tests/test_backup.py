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
