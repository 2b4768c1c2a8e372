"""Keyboard only, in real Chromium: a learner registers, saves a word from a gloss and takes
a quiz without the mouse; a form's errors are announced and tied to their field."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"
TEXT = "/articles/een-dag-bij-de-bakker"


def tab_to(page, target, limit: int = 400) -> None:
    """Press Tab until `target` has the focus, as a keyboard user would; fail if it never
    comes (it would be unreachable)."""
    handle = target.element_handle()
    for _ in range(limit):
        if handle.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}")


def test_form_errors_are_announced_and_tied_to_their_field(page):
    page.goto("/auth/register")
    page.get_by_label("Username").fill("keys-anna")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat password").fill("something else entirely")
    page.keyboard.press("Enter")
    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    invalid = page.locator("[aria-invalid=true]")
    expect(invalid).to_have_count(1)
    message = alert.inner_text().strip()
    expect(invalid).to_have_accessible_description(message)


def test_register_save_a_word_and_take_a_quiz_without_a_mouse(page):
    page.goto("/auth/register")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    tab_to(page, page.get_by_label("Username"))
    page.keyboard.type("keys-bram")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    tab_to(page, page.get_by_label("Repeat password"))
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    # The text is one Tab stop; the arrow keys go from word to word. A glossed word opens
    # with Enter; its Save button is reached with Tab inside the popover.
    page.goto(TEXT)
    word = page.locator("a.gloss-word", has_text=re.compile("^wekker$")).first
    tab_to(page, page.locator(".article-text a.gloss-word").first)
    handle = word.element_handle()
    for _ in range(50):
        if handle.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("ArrowRight")
    expect(word).to_be_focused()
    page.keyboard.press("Enter")
    popup = page.locator("#gloss-popup")
    expect(popup).to_be_visible()
    save = popup.locator(".vocab-save-button")
    tab_to(page, save, limit=10)
    page.keyboard.press("Enter")
    expect(save).to_contain_text("Saved ✓")
    expect(page.locator("[data-vocab-saved-count]")).to_have_text("1")
    page.keyboard.press("Escape")
    expect(word).to_be_focused()

    # The quiz: Tab to the button, answer the first question with Space, hand in with Enter.
    tab_to(page, page.get_by_role("button", name="Take the quiz"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/attempts/\d+$"))
    first = page.locator("li.question").first.locator("input").first
    tab_to(page, first)
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    expect(page.locator("[data-quiz-progress]")).to_contain_text("1 of")
    tab_to(page, page.get_by_role("button", name="Hand in"))
    page.keyboard.press("Enter")
    # Most questions are unanswered: the dialog asks, its first button focused.
    expect(page.get_by_role("button", name="Back to the quiz")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Hand in anyway")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/results$"))
    expect(page.locator("li.result").first).not_to_contain_text("You did not answer")
