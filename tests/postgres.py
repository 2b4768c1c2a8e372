"""A throw-away PostgreSQL server for the tests: Debian's binaries, a Unix socket, no TCP.

Every database-facing test runs against SQLite and against this server, so the
scale-out path is tested as often as the default one."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text

INSTALL_HINT = "PostgreSQL is needed for the tests: apt-get install postgresql"


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError(INSTALL_HINT)
    return Path(found[-1]).parent


def _as_server_user(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; CI runs as root.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class PostgresServer:
    def __init__(self) -> None:
        self.bindir = _bindir()
        self.dir = Path(tempfile.mkdtemp(prefix="quizapp-pg-"))
        self.data = self.dir / "data"
        if os.geteuid() == 0:
            server_user = pwd.getpwnam("postgres")
            os.chown(self.dir, server_user.pw_uid, server_user.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            "quizapp",
            "-E",
            "UTF8",
            "--no-sync",
            "--locale=C",
        )
        options = (
            f"-c listen_addresses='' -k {self.dir} -c fsync=off -c full_page_writes=off "
            "-c synchronous_commit=off -c max_connections=300"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.dir / "log"),
            "-w",
            "start",
        )
        self._admin = create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")
        self._count = 0

    def _run(self, program: str, *args: str) -> None:
        subprocess.run(
            _as_server_user([str(self.bindir / program), *args]),
            check=True,
            capture_output=True,
        )

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://quizapp@/{database}?host={self.dir}"

    def create_database(self, template: str | None = None) -> str:
        self._count += 1
        name = f"test_{self._count}"
        clause = f" TEMPLATE {template}" if template else ""
        with self._admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name}{clause}"))
        return name

    def stop(self) -> None:
        self._admin.dispose()
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)
