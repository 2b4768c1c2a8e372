"""An assignment from start to regrade in a real Chromium against a real server: the
teacher assigns an imported text to a class with a due date, a learner of the class finds
it first in the library and takes it, the teacher reads the result and the answers, fixes
the key (a changed pack imported), regrades, and the learner's score changes with the
old one kept.

Each step is a function of its own in tests/classes/steps.py, so a longer journey (a pack
uploaded in the browser first) can be put together from them."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures import screenshot
from tests.classes.conftest import PASSWORD
from tests.classes.steps import (
    assign_text,
    create_class,
    fix_key,
    join_class,
    log_in,
    open_learners_answers,
    regrade,
    take_assigned_text,
)
from tests.classes.test_assignments import fixed_key_pack
from tests.conftest import SEED_PACK
from tests.server import running_server

pytestmark = pytest.mark.browser

TITLE = "Biden en Poetin praten over Oekraïne"


@pytest.fixture(scope="module")
def assignment_server(tmp_path_factory):
    """A server of its own with only the seed pack, in a packs folder the test may edit."""
    folder = tmp_path_factory.mktemp("assignment-live")
    packs = folder / "questions"
    packs.mkdir()
    shutil.copy(SEED_PACK, packs / SEED_PACK.name)
    with running_server(folder, packs) as server:
        server.packs = packs
        server.quizapp(
            "create-user",
            "juf-anna",
            "--role",
            "teacher",
            "--password-stdin",
            input=PASSWORD + "\n",
        )
        server.quizapp("create-user", "sam", "--password-stdin", input=PASSWORD + "\n")
        yield server


def test_assign_take_see_answers_fix_the_key_and_regrade(browser, assignment_server):
    server = assignment_server
    teacher = browser.new_context(base_url=server.url)
    learner = browser.new_context(base_url=server.url)
    try:
        t, lp = teacher.new_page(), learner.new_page()
        log_in(t, "juf-anna")
        code = create_class(t, "Klas 2B")
        log_in(lp, "sam")
        join_class(lp, code)
        assign_text(t, "Klas 2B", TITLE, "2026-12-24")
        # 'duur' right; 'ambtgenoot' wrong under the key as imported.
        take_assigned_text(
            lp,
            TITLE,
            "2026-12-24",
            {"Hoe lang duurde": "twee uur", "ambtgenoot": "een goede vriend"},
        )
        before = open_learners_answers(t, "Klas 2B", TITLE, "sam")
        answers = t.locator("li.result")
        expect(answers.filter(has_text="ambtgenoot").locator(".badge").first).to_contain_text(
            "Wrong"
        )
        expect(answers.filter(has_text="Hoe lang duurde").locator(".badge").first).to_contain_text(
            "Right"
        )
        fix_key(server, fixed_key_pack(server.packs))
        regrade(t)
        expect(t.get_by_text(re.compile(f"was {before}, now \\d+%"))).to_be_visible()
        after = open_learners_answers(t, "Klas 2B", TITLE, "sam")
        assert int(after.rstrip("%")) > int(before.rstrip("%"))
        expect(t.get_by_text(f"Handed in: {before}")).to_be_visible()
        screenshot(t, "learner-attempt-regraded")
        # The learner sees the new score and the earlier one.
        lp.goto("/progress")
        lp.goto("/")
        lp.get_by_role("link", name=TITLE).first.click()
        lp.go_back()
        expect(lp.get_by_text(f"your best score {after}")).to_be_visible()
    finally:
        teacher.close()
        learner.close()
