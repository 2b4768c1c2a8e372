"""200 learners hand in a 16-question quiz at the same moment: nothing is lost.

Runs gunicorn with 2 workers on SQLite, the default deployment, where concurrent writers
are the risk. The figures are printed; nothing here asserts on time."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from tests.conftest import SEED_PACK
from tests.load.harness import QUESTIONS_PER_QUIZ, run_class, sixteen_question_pack
from tests.server import quizapp_command, running_server

PACK_ID = "biden-poetin-videogesprek"


@pytest.fixture
def packs(tmp_path):
    sixteen_question_pack(SEED_PACK, tmp_path / "packs")
    return tmp_path / "packs"


def show(capsys, title: str, figures: str) -> None:
    with capsys.disabled():
        print(f"\n--- {title}\n{figures}")


def test_a_class_submitting_at_once_loses_nothing(tmp_path, packs, capsys):
    backup = tmp_path / "during-load.sqlite"
    halfway = threading.Event()
    with running_server(tmp_path, packs) as server:
        backup_done: list[str] = []

        def take_backup() -> None:
            halfway.wait(timeout=300)
            backup_done.append(server.quizapp("backup", str(backup)).stdout)

        backup_thread = threading.Thread(target=take_backup)
        backup_thread.start()
        report = run_class(
            server.port,
            server.database,
            PACK_ID,
            learners=200,
            on_acknowledged=lambda count: count == 100 and halfway.set(),
        )
        halfway.set()
        backup_thread.join()
        server_log = "".join(server.log)
    show(capsys, "200 learners, one moment", report.figures())

    assert report.failed_other == []
    assert report.server_errors == 0 and report.locked == 0
    assert "database is locked" not in server_log
    assert report.acknowledged == 200
    assert report.stored_attempts == report.acknowledged
    assert report.stored_answers == report.acknowledged * QUESTIONS_PER_QUIZ
    assert report.integrity == "ok"

    # The backup taken mid-load restores into a fresh database and is sound.
    assert "integrity check passed" in backup_done[0]
    restored = tmp_path / "restored.sqlite"
    env = os.environ | {"QUIZAPP_DATABASE_URL": f"sqlite:///{restored}"}
    quizapp_command(env, "init")
    quizapp_command(env, "restore", "--yes", str(backup))
    from tests.load.harness import LoadReport, count_stored

    copy = LoadReport(learners=0)
    count_stored(restored, copy)
    assert copy.integrity == "ok"
    assert 0 < copy.stored_attempts <= 200
    assert copy.stored_answers == copy.stored_attempts * QUESTIONS_PER_QUIZ


def test_killing_a_worker_mid_load_loses_only_requests_in_flight(tmp_path, packs, capsys):
    learners = 100
    with running_server(tmp_path, packs) as server:
        victim = server.worker_pids()[0]

        def kill_once(count: int) -> None:
            if count == 30:
                os.kill(victim, signal.SIGKILL)

        report = run_class(
            server.port, server.database, PACK_ID, learners=learners, on_acknowledged=kill_once
        )
        # The master replaced the worker: the site still answers.
        assert victim not in server.worker_pids()
        status = server.quizapp("check", str(packs)).returncode
    show(capsys, f"{learners} learners, a worker killed after 30 hand-ins", report.figures())

    in_flight = [f for f in report.failed_other if "submit" in f]
    assert len(in_flight) == len(report.failed_other)  # nothing failed before submitting
    assert report.acknowledged + len(in_flight) == learners
    # Every acknowledged hand-in is stored; an unacknowledged one may or may not be.
    assert report.acknowledged <= report.stored_attempts <= learners
    assert report.stored_answers == report.stored_attempts * QUESTIONS_PER_QUIZ
    assert report.server_errors == 0 and report.locked == 0
    assert report.integrity == "ok"
    assert status == 0
