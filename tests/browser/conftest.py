"""A real server (gunicorn, via `quizapp serve`) and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import QUESTIONS, ROOT

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
# Chromium otherwise tries to reach Google's services, which a classroom may not have.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _quizapp(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "quizapp", *args], env=env, check=True, capture_output=True
    )


@contextmanager
def running_server(folder: Path, packs: Path) -> Iterator[str]:
    """`quizapp init`, `import` and `serve` (gunicorn, 2 workers) on a database in `folder`."""
    env = os.environ | {
        "QUIZAPP_DATABASE_URL": f"sqlite:///{folder / 'live.sqlite'}",
        "QUIZAPP_SECRET_KEY": "browser tests only",
    }
    _quizapp(env, "init")
    _quizapp(env, "import", str(packs))
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "quizapp", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    # gunicorn says "Listening at" once its socket accepts connections; requests made
    # after that wait in the socket's queue until a worker takes them.
    seen = []
    for line in server.stderr:
        seen.append(line)
        if "Listening at" in line:
            break
    # Keep reading, so a chatty server never blocks on a full pipe.
    drain = threading.Thread(target=seen.extend, args=(server.stderr,), daemon=True)
    drain.start()
    try:
        if server.poll() is not None:
            raise RuntimeError("the server did not start:\n" + "".join(seen))
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)
        drain.join(timeout=30)
        server.stderr.close()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[str]:
    with running_server(tmp_path_factory.mktemp("live"), QUESTIONS) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server)
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
