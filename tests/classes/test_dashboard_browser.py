"""The teacher dashboard in a real Chromium against a real server: the results table and
the SVG histogram render, at phone and desktop width."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from quizapp import create_app
from quizapp.auth import service as accounts
from quizapp.db import write_session

# The shared Chromium, brought in beside tests/browser where it is defined.
from tests.browser.fixtures import screenshot
from tests.classes.conftest import PASSWORD, SEED, START, add_attempt, add_class, seed_article
from tests.conftest import QUESTIONS
from tests.server import running_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def school_server(tmp_path_factory):
    """A server of its own (the shared one's database is not ours to fill), with a class of
    five learners who each finished the seed quiz twice."""
    with running_server(tmp_path_factory.mktemp("teacher-live"), QUESTIONS) as server:
        app = create_app({"DATABASE_URL": server.env["QUIZAPP_DATABASE_URL"], "SECRET_KEY": "x"})
        with write_session(app) as session:
            tina = accounts.create_user(session, "tina", PASSWORD, role="teacher")
            learners = [accounts.create_user(session, f"leerling{k}", PASSWORD) for k in range(5)]
            add_class(session, "Klas 3A", tina.id, "ABCD2345", [u.id for u in learners])
            article = seed_article(session)
            for k, learner in enumerate(learners):
                for n in range(2):
                    marks = {"duur": 1, "ambtgenoot": int(k >= 2), "kremlin": int(k + n >= 4)}
                    add_attempt(
                        session, learner.id, article, marks, START + timedelta(days=k, hours=n)
                    )
        app.extensions["quizapp.engine"].dispose()
        yield server


@pytest.mark.parametrize(("width", "height", "name"), [(390, 844, "phone"), (1280, 900, "desktop")])
def test_teacher_dashboard_renders_with_the_chart(browser, school_server, width, height, name):
    context = browser.new_context(
        base_url=school_server.url, viewport={"width": width, "height": height}
    )
    page = context.new_page()
    try:
        page.goto("/auth/login")
        page.get_by_label("Username").fill("tina")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.get_by_role("link", name="Teacher").click()

        expect(page.get_by_role("heading", name="Klas 3A")).to_be_visible()
        expect(page.get_by_role("row", name="leerling0")).to_be_visible()
        chart = page.get_by_role("img", name="Scores of every finished attempt in Klas 3A")
        expect(chart).to_be_visible()
        assert chart.locator("rect.chart-bar").count() == 10
        screenshot(page, f"teacher-dashboard-{name}")

        page.get_by_role("link", name="Biden en Poetin praten over Oekraïne").first.click()
        expect(page.get_by_role("heading", name="Questions")).to_be_visible()
        expect(page.locator("tr.flagged")).to_have_count(1)  # 'duur': everyone right
        expect(page.get_by_text(f"{SEED}.yaml:58")).to_be_visible()
        screenshot(page, f"teacher-article-{name}")
    finally:
        context.close()
