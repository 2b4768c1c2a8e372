"""A class of learners taking a quiz at the same moment, against a real gunicorn server.

Each learner is a thread with its own connection and session cookie. All log in, start the
quiz and open it; then a barrier lets every submission go at once. Afterwards the
database is counted against what the server acknowledged."""

from __future__ import annotations

import contextlib
import http.client
import re
import sqlite3
import statistics
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

from werkzeug.security import generate_password_hash

PASSWORD = "a class of learners"
QUESTIONS_PER_QUIZ = 16


class FormFields(HTMLParser):
    """The quiz form's fields: a plausible answer for each, as a learner would give."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("radio", "checkbox"):
                self.values.setdefault(name, attrs["value"])
            elif kind == "text":
                self.values[name] = "antwoord"
            elif kind == "hidden":
                self.values[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and attrs.get("value"):
            self.values.setdefault(self._select, attrs["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


class Learner:
    def __init__(self, port: int, username: str) -> None:
        self.port = port
        self.username = username
        self.cookie = ""
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def request(self, method: str, path: str, form: dict | None = None):
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return response.status, response.getheader("Location") or "", text

    def token(self, path: str) -> str:
        status, _, page = self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status}")
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)

    def close(self) -> None:
        self.connection.close()


@dataclass
class LoadReport:
    learners: int
    acknowledged: int = 0
    server_errors: int = 0
    locked: int = 0
    failed_other: list[str] = field(default_factory=list)
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    submit_seconds: float = 0.0
    stored_attempts: int = 0
    stored_answers: int = 0
    integrity: str = ""

    def figures(self) -> str:
        lines = [
            f"learners {self.learners}: acknowledged {self.acknowledged}, "
            f"stored attempts {self.stored_attempts}, stored answers {self.stored_answers} "
            f"(expected {self.acknowledged * QUESTIONS_PER_QUIZ}), "
            f"lost {self.acknowledged - self.stored_attempts}, 5xx {self.server_errors}, "
            f"locked {self.locked}, other failures {len(self.failed_other)}, "
            f"integrity {self.integrity}",
        ]
        if self.submit_seconds:
            lines.append(
                f"submissions: {self.acknowledged / self.submit_seconds:.1f} per second "
                f"({self.acknowledged} in {self.submit_seconds:.2f} s)"
            )
        for step, values in sorted(self.latencies.items()):
            ordered = sorted(values)
            p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
            lines.append(
                f"{step:>8}: p50 {statistics.median(ordered) * 1000:7.1f} ms, "
                f"p99 {p99 * 1000:7.1f} ms ({len(ordered)} requests)"
            )
        return "\n".join(lines)


def create_learners(database: Path, count: int, prefix: str = "learner") -> list[str]:
    """Accounts straight into the database: one slow hash shared by all, not 200."""
    password_hash = generate_password_hash(PASSWORD)
    names = [f"{prefix}{n:03d}" for n in range(count)]
    connection = sqlite3.connect(database)
    with connection:
        connection.executemany(
            "INSERT INTO users (username, password_hash, role, level, created_at) "
            "VALUES (?, ?, 'learner', 'B1', CURRENT_TIMESTAMP)",
            [(name, password_hash) for name in names],
        )
    connection.close()
    return names


def run_class(
    port: int,
    database: Path,
    pack_id: str,
    learners: int,
    on_acknowledged=None,
    prefix: str = "learner",
) -> LoadReport:
    """Every learner logs in, opens the quiz, waits for the others, and submits."""
    report = LoadReport(learners)
    lock = threading.Lock()
    ready = threading.Barrier(learners + 1)
    go = threading.Event()

    def timed(step: str, learner: Learner, method: str, path: str, form=None):
        start = time.perf_counter()
        status, location, page = learner.request(method, path, form)
        with lock:
            report.latencies[step].append(time.perf_counter() - start)
            if status >= 500:
                report.server_errors += 1
            if "database is locked" in page:
                report.locked += 1
        return status, location, page

    def learner_thread(username: str) -> None:
        learner = Learner(port, username)
        try:
            token = learner.token("/auth/login")
            form = {"username": username, "password": PASSWORD, "csrf_token": token}
            status, _, _ = timed("login", learner, "POST", "/auth/login", form)
            assert status == 302, f"login {status}"
            token = learner.token(f"/articles/{pack_id}")
            status, location, _ = timed(
                "start", learner, "POST", f"/articles/{pack_id}/quiz", {"csrf_token": token}
            )
            assert status == 303, f"start {status}"
            attempt_path = location.replace(f"http://127.0.0.1:{port}", "")
            status, _, page = timed("quiz", learner, "GET", attempt_path)
            parser = FormFields()
            parser.feed(page)
            answers = parser.values | {"action": "finish", "confirm": "1"}
        except (AssertionError, OSError, http.client.HTTPException) as error:
            with lock:
                report.failed_other.append(f"{username} before submitting: {error!r}")
            ready.abort()
            learner.close()
            return
        try:
            ready.wait()
            go.wait()
            status, location, _ = timed("submit", learner, "POST", attempt_path, answers)
            if status == 303 and location.endswith("/results"):
                with lock:
                    report.acknowledged += 1
                    count = report.acknowledged
                if on_acknowledged:
                    on_acknowledged(count)
            else:
                with lock:
                    report.failed_other.append(f"{username} submit: {status}")
        except (OSError, http.client.HTTPException, threading.BrokenBarrierError) as error:
            with lock:
                report.failed_other.append(f"{username} submit: {error!r}")
        finally:
            learner.close()

    threads = [
        threading.Thread(target=learner_thread, args=(name,))
        for name in create_learners(database, learners)
    ]
    for thread in threads:
        thread.start()
    # Everyone has the quiz open; if someone could not get that far, it is in the report.
    with contextlib.suppress(threading.BrokenBarrierError):
        ready.wait()
    start = time.perf_counter()
    go.set()
    for thread in threads:
        thread.join()
    report.submit_seconds = time.perf_counter() - start
    count_stored(database, report)
    return report


def count_stored(database: Path, report: LoadReport) -> None:
    connection = sqlite3.connect(database)
    try:
        report.stored_attempts = connection.execute(
            "SELECT count(*) FROM attempts WHERE state = 'finished'"
        ).fetchone()[0]
        report.stored_answers = connection.execute("SELECT count(*) FROM answers").fetchone()[0]
        report.integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def sixteen_question_pack(seed_pack: Path, folder: Path) -> Path:
    """The seed pack without its generated questions: exactly its 16 hand-written ones."""
    text = seed_pack.read_text(encoding="utf-8")
    text = re.sub(r"\ngenerate:\n(  .*\n|\n)*", "\n", text)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / seed_pack.name
    path.write_text(text, encoding="utf-8")
    return path
