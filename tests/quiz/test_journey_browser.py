"""The learner's journey in a real Chromium against a real server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures import screenshot

pytestmark = pytest.mark.browser


def register(page, username: str) -> None:
    page.goto("/auth/register")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill("correct horse battery")
    page.get_by_label("Repeat password").fill("correct horse battery")
    page.get_by_role("button", name="Register").click()
    # Logged in as them (on a phone the menu hides the name: it is on the Account page).
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    expect(page.locator(".whoami")).to_have_text(username)


def test_register_read_quiz_and_see_the_score(page):
    register(page, "browser-anna")
    screenshot(page, "library-desktop")
    page.get_by_role("link", name="Biden en Poetin praten over Oekraïne").click()
    expect(page.get_by_role("heading", name="'Gaskraan dicht'")).to_be_visible()
    screenshot(page, "reading-desktop")

    page.get_by_role("button", name="Take the quiz").click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+$"))
    first = page.locator("li.question").first
    first.get_by_text("twee uur", exact=True).click()
    screenshot(page, "quiz-desktop")
    page.get_by_role("button", name="Hand in").click()
    page.get_by_role("dialog").get_by_role("button", name="Hand in anyway").click()

    expect(page).to_have_url(re.compile(r"/attempts/\d+/results$"))
    expect(page.get_by_role("status")).to_contain_text("points")
    expect(page.locator("li.result").first.locator(".badge")).to_contain_text("Right")
    expect(page.locator("li.result").first).to_contain_text("Klopt")
    screenshot(page, "results-desktop")

    page.get_by_role("link", name="Library").first.click()
    expect(page.get_by_text(re.compile(r"Your best score: \d+%"))).to_be_visible()


def test_a_second_learner_sees_no_one_elses_score(page):
    register(page, "browser-bram")
    expect(page.get_by_text("Your best score")).to_have_count(0)
