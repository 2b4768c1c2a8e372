"""Browser-test fixtures, registered for the whole suite by tests/conftest.py: one real
server (gunicorn via `quizapp serve`) and one Debian Chromium driven by Playwright (Playwright
allows one sync driver per thread, so every browser test must share it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server import Server, running_server

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "questions"
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


@pytest.fixture(scope="session")
def live(tmp_path_factory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("live"), QUESTIONS) as server:
        yield server


@pytest.fixture(scope="session")
def live_server(live: Server) -> str:
    return live.url


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
