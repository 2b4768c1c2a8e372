"""Steps of a teacher's and a learner's work in the browser, as functions a browser test
strings together (tests/classes/test_assignment_browser.py; the accessibility check; a
longer journey that first uploads a pack in the browser)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.fixtures import screenshot
from tests.classes.conftest import PASSWORD


def log_in(page, username: str) -> None:
    page.goto("/auth/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def log_out(page) -> None:
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()


def create_class(page, name: str) -> str:
    """As a teacher: a new class; its join code, as shown on the wall page."""
    page.goto("/teacher")
    page.get_by_label("Class name").fill(name)
    page.get_by_role("button", name="Create class").click()
    expect(page.get_by_role("heading", name=name)).to_be_visible()
    page.get_by_role("link", name="Show the join code").click()
    return page.locator(".wall-code").inner_text().strip()


def join_class(page, code: str) -> None:
    page.goto("/classes/join")
    page.get_by_label("Class code").fill(code)
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_text("You joined")).to_be_visible()


def open_class(page, class_name: str) -> None:
    """As its teacher: the class's results page (the only class is shown at once)."""
    page.goto("/teacher")
    link = page.get_by_role("link", name=class_name, exact=True)
    if link.count():
        link.first.click()
    expect(page.get_by_role("heading", name=class_name)).to_be_visible()


def assign_text(page, class_name: str, title: str, due: str) -> None:
    """As its teacher: assign `title` to the class, due on `due` (YYYY-MM-DD)."""
    open_class(page, class_name)
    page.get_by_role("link", name="Assignments").click()
    page.get_by_label("Text", exact=True).select_option(label=title)
    page.get_by_label("Due date (optional)").fill(due)
    page.get_by_role("button", name="Assign").click()
    expect(page.get_by_text(f"“{title}” assigned, due {due}.")).to_be_visible()


def take_assigned_text(page, title: str, due: str, answers: dict[str, str]) -> None:
    """As a learner: find the text first in the library, under For your class with its due
    date, and hand in its quiz with `answers` (a prompt's words -> the option to pick)."""
    page.goto("/")
    for_class = page.get_by_role("region", name="For your class").or_(
        page.locator("section.for-class")
    )
    expect(for_class.get_by_role("link", name=title)).to_be_visible()
    expect(for_class.locator(f'time[datetime="{due}"]')).to_be_visible()
    first_link = page.locator("main a[href^='/articles/']").first
    expect(first_link).to_have_text(title)
    screenshot(page, "library-for-your-class")
    first_link.click()
    page.get_by_role("button", name="Take the quiz").click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+$"))
    for prompt, option in answers.items():
        question = page.locator("li.question").filter(has_text=prompt)
        question.get_by_text(option, exact=True).click()
    page.get_by_role("button", name="Hand in", exact=True).click()
    # The quiz asks first about the questions left unanswered (only some are answered here).
    expect(page.locator("#unanswered-dialog")).to_be_visible()
    page.get_by_role("button", name="Hand in anyway").click()
    expect(page).to_have_url(re.compile(r"/results$"))


def open_learners_answers(page, class_name: str, title: str, learner: str) -> str:
    """As the teacher: the assignment shows the learner finished; open their answers.
    The score shown there."""
    open_class(page, class_name)
    page.get_by_role("link", name="Assignments").click()
    page.get_by_role("link", name=title).click()
    row = page.get_by_role("row", name=re.compile(learner))
    expect(row.get_by_role("cell", name="finished", exact=True)).to_be_visible()
    screenshot(page, "assignment-desktop")
    row.get_by_role("link", name=re.compile(f"by {learner}")).click()
    expect(page.get_by_role("heading", name=re.compile(learner))).to_be_visible()
    return page.locator(".current-score").inner_text()


def fix_key(server, pack_path) -> None:
    """A teacher fixes a wrong key in a file pack: the changed file imported (for a pack
    made in the browser, tests/authoring/test_whole_journey_browser.py edits it there)."""
    server.quizapp("import", str(pack_path))


def regrade(page) -> None:
    page.get_by_role("link", name="Back to the assignment").click()
    page.get_by_role("button", name="Regrade against the current key").click()
    expect(page.get_by_text("1 changed score")).to_be_visible()
