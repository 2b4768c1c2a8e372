"""`make run`, the README's first command: it ends by saying where to open the app and how
to make a teacher account, below gunicorn's own lines, and Ctrl+C stops it all."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import urllib.request

import pytest

from tests.conftest import ROOT
from tests.server import free_port


# On the live server's database (tests.browser.fixtures), whose packs are imported already:
# make run's own import then finds nothing new.
def test_make_run_ends_with_the_address_and_the_create_user_command(live):
    port = free_port()
    process = subprocess.Popen(
        ["make", "--no-print-directory", "run", f"PORT={port}"],
        cwd=ROOT,
        env=live.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's Ctrl+C reaches
    )
    # A make that never gets there must not hang the suite.
    watchdog = threading.Timer(180, lambda: os.killpg(process.pid, signal.SIGKILL))
    watchdog.start()
    lines: list[str] = []
    try:
        for line in process.stdout:
            lines.append(line.rstrip())
            if "Stop the server with Ctrl+C." in line:
                break
        output = "\n".join(lines)
        assert f"open http://127.0.0.1:{port} in your browser" in output, output
        assert ".venv/bin/quizapp create-user NAME --role teacher" in output
        # Below gunicorn's start-up lines, and the server answers at that address.
        assert output.rindex("Listening at") < output.rindex("quizapp is running")
        assert output.rindex("Booting worker") < output.rindex("quizapp is running")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
            assert response.status == 200
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.communicate(timeout=60)
        watchdog.cancel()
    # Ctrl+C stopped gunicorn with make: nothing answers there any more.
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
