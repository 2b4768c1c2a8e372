"""Issue 18's journey in one Chromium run against a real server: a teacher uploads a pack
with a mistake, sees the error at its line, fixes it in the editor, previews, reviews two
generated items (excludes one), publishes and assigns the text to a class with a due date;
a learner of the class sees it first in the library and takes it; the teacher sees the
result and the learner's answers, fixes a wrong key in the editor, regrades, and the
learner's score changes with the old one kept.

The steps are the two halves' own (tests/authoring/test_teacher_journey_browser.py and
tests/classes/steps.py), strung together."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.authoring.conftest import PASSWORD
from tests.authoring.test_teacher_journey_browser import (
    expect_problem_at_line,
    fix_in_editor,
    preview,
    publish,
    review_two_items,
    upload_pack,
)
from tests.browser.fixtures import screenshot
from tests.classes import steps

pytestmark = pytest.mark.browser

PACK_ID = "de-kapotte-fiets"
TITLE = "De kapotte fiets"
# The key is wrong: the text says the bicycle is broken, the key says the car.
WRONG_KEY = """\
format: 1
id: de-kapotte-fiets
title: De kapotte fiets
level: A2
text: |
  Mijn fiets is kapot. De band is lek en de bel doet het niet meer.
  Ik breng de fiets naar de fietsenmaker in de Dorpsstraat. De fietsenmaker heet Karel.
  Hij repareert de band in tien minuten. Ik betaal twaalf euro en fiets weer naar huis.
questions:
  - id: wat-is-kapot
    type: choice
    prompt: Wat is er kapot?
    options:
      - de fiets
      - text: de auto
        correct: true
  - id: hoe-heet
    type: choice
    prompt: Hoe heet de fietsenmaker?
    options:
      - text: Karel
        correct: true
      - Kees
generate:
  cloze: 2
  vocabulary: 2
  exclude: []
"""
BROKEN = WRONG_KEY.replace("    type: choice", "    type: choise", 1)
BROKEN_LINE = 11
FIXED_KEY = WRONG_KEY.replace(
    "      - de fiets\n      - text: de auto\n        correct: true\n",
    "      - text: de fiets\n        correct: true\n      - de auto\n",
)
DUE = "2026-12-24"


@pytest.fixture(scope="module")
def people(live):
    for name, role in (("juf-mira", "teacher"), ("omar", "learner")):
        live.quizapp("create-user", name, "--role", role, "--password-stdin", input=PASSWORD + "\n")
    return {"teacher": "juf-mira", "learner": "omar"}


def fix_key_in_editor(page, pack_id: str, source: str) -> None:
    page.goto(f"/packs/{pack_id}/edit")
    page.locator("#source").fill(source)
    page.get_by_role("button", name="Check and save").click()
    expect(page.get_by_text("Saved.")).to_be_visible()


def test_from_a_broken_pack_to_a_regraded_class(browser, live_server, people):
    teacher = browser.new_context(base_url=live_server)
    learner = browser.new_context(base_url=live_server)
    try:
        t, lp = teacher.new_page(), learner.new_page()
        steps.log_in(t, people["teacher"])
        code = steps.create_class(t, "Klas 3A")
        steps.log_in(lp, people["learner"])
        steps.join_class(lp, code)

        upload_pack(t, BROKEN)
        expect_problem_at_line(t, BROKEN_LINE, "unknown question type `choise`")
        fix_in_editor(t, WRONG_KEY, BROKEN_LINE)
        preview(t, "De fietsenmaker heet Karel.", "Wat is er kapot?")
        t.goto(f"/packs/{PACK_ID}")
        review_two_items(t)
        publish(t, PACK_ID)
        steps.assign_text(t, "Klas 3A", TITLE, DUE)

        steps.take_assigned_text(
            lp, TITLE, DUE, {"Wat is er kapot?": "de fiets", "Hoe heet": "Karel"}
        )
        before = steps.open_learners_answers(t, "Klas 3A", TITLE, people["learner"])
        answers = t.locator("li.result")
        expect(answers.filter(has_text="Wat is er kapot?").locator(".badge").first).to_contain_text(
            "Wrong"
        )
        answers_url = t.url
        fix_key_in_editor(t, PACK_ID, FIXED_KEY)
        t.goto(answers_url)
        steps.regrade(t)
        expect(t.get_by_text(re.compile(f"was {before}, now \\d+%"))).to_be_visible()
        after = steps.open_learners_answers(t, "Klas 3A", TITLE, people["learner"])
        assert int(after.rstrip("%")) > int(before.rstrip("%"))
        expect(t.get_by_text(f"Handed in: {before}")).to_be_visible()
        screenshot(t, "journey-regraded")
        lp.goto("/")
        expect(lp.get_by_text(f"your best score {after}").first).to_be_visible()
    finally:
        teacher.close()
        learner.close()
