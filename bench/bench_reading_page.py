"""The reading page's weight and height: the seed text for a visitor and for a learner at
B1 (bytes of HTML, plain and gzipped), with ?all (every word's entry), and in Chromium at
1280 and 360 px how tall the page is beside the article's text.

    python bench/bench_reading_page.py

Issue 19 asks for under 60 KB of HTML for a learner at B1 and a page under 4 times its
text's height at 1280 px (tests/reading/test_reading_browser.py checks both). Prints
figures and never fails on them."""

from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.fixtures import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.server import running_server  # noqa: E402

SEED = "/articles/biden-poetin-videogesprek"
PASSWORD = "correct horse battery"
SINGLE_PACK = ROOT / "questions" / "biden-poetin-videogesprek.yaml"


def log_in(page, username: str) -> None:
    page.goto("/auth/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()


def measure(browser, base_url: str, learner: str | None) -> None:
    who = f"learner at B1 ({learner})" if learner else "visitor (reads at B1)"
    for width in (1280, 360):
        context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900})
        page = context.new_page()
        if learner:
            log_in(page, learner)
        for path in (SEED, SEED + "?all"):
            body = page.goto(path).body()
            height = page.evaluate("() => document.documentElement.scrollHeight")
            text = page.evaluate("() => document.querySelector('.article-text').offsetHeight")
            name = "?all" if path.endswith("?all") else "page"
            if width == 1280:
                print(
                    f"  {who:32} {name:5}  HTML {len(body) / 1000:6.1f} KB"
                    f"  gzipped {len(gzip.compress(body, 6)) / 1000:5.1f} KB"
                )
            print(
                f"  {who:32} {name:5}  at {width:4} px: {height:6} px tall,"
                f" text {text:5} px, {height / text:4.1f}x the text"
            )
        context.close()


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        packs = Path(folder) / "packs"
        packs.mkdir()
        (packs / SINGLE_PACK.name).write_bytes(SINGLE_PACK.read_bytes())
        with running_server(Path(folder), packs) as server:
            server.quizapp("create-user", "bench-reader", "--password-stdin", input=PASSWORD)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                print("The seed's reading page (biden-poetin-videogesprek):")
                measure(browser, server.url, None)
                measure(browser, server.url, "bench-reader")
                browser.close()


if __name__ == "__main__":
    main()
