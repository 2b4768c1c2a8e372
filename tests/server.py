"""The app served for real: `quizapp init`, `import` and `serve` (gunicorn) in a subprocess."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Server:
    url: str
    port: int
    process: subprocess.Popen
    env: dict[str, str]
    database: Path | None  # the SQLite file; None for PostgreSQL
    log: list[str]

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def quizapp(self, *args: str, **kwargs) -> subprocess.CompletedProcess:
        return quizapp_command(self.env, *args, **kwargs)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def quizapp_command(env: dict[str, str], *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quizapp", *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        **kwargs,
    )


@contextmanager
def running_server(folder: Path, packs: Path, workers: int = 2) -> Iterator[Server]:
    """A fresh SQLite database in `folder`, the packs imported, gunicorn serving it."""
    database = folder / "live.sqlite"
    env = os.environ | {
        "QUIZAPP_DATABASE_URL": f"sqlite:///{database}",
        "QUIZAPP_SECRET_KEY": "tests only",
    }
    quizapp_command(env, "init")
    quizapp_command(env, "import", str(packs))
    with serving(env, workers, database) as server:
        yield server


@contextmanager
def serving(
    env: dict[str, str], workers: int = 2, database: Path | None = None
) -> Iterator[Server]:
    """gunicorn serving the database `env` names (QUIZAPP_DATABASE_URL) as it stands;
    `database` is its file when it is SQLite."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "quizapp", "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    # gunicorn says "Listening at" once its socket accepts connections (requests made after
    # that wait in the socket's queue) and "Booting worker" as it forks each worker.
    log: list[str] = []
    booted = 0
    for line in process.stderr:
        log.append(line)
        booted += "Booting worker" in line
        if booted == workers:
            break
    # Keep reading, so a chatty server never blocks on a full pipe.
    drain = threading.Thread(target=log.extend, args=(process.stderr,), daemon=True)
    drain.start()
    try:
        if process.poll() is not None:
            raise RuntimeError("the server did not start:\n" + "".join(log))
        yield Server(f"http://127.0.0.1:{port}", port, process, env, database, log)
    finally:
        process.terminate()
        process.wait(timeout=30)
        drain.join(timeout=30)
        process.stderr.close()
