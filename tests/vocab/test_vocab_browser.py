"""Saving a word from a gloss pop-up and reviewing it from the keyboard, in real Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures import screenshot

pytestmark = pytest.mark.browser


SEED = "/articles/biden-poetin-videogesprek"
PASSWORD = "correct horse battery"


def register(page, username: str) -> None:
    page.goto("/auth/register")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat password").fill(PASSWORD)
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def _word(page, text: str):
    return page.locator("a.gloss-word", has_text=re.compile(f"^{text}$")).first


def test_save_from_a_gloss_popup_then_review_by_keyboard(page):
    register(page, "vocab-anna")
    page.goto(SEED)
    expect(page.locator("[data-vocab-saved-count]")).to_have_text("0")

    # Click Save in the pop-up: fetch saves it, the page stays, the button and count change.
    _word(page, "ambtgenoot").click()
    popup = page.locator("#gloss-popup")
    expect(popup).to_be_visible()
    popup.get_by_role("button", name=re.compile("Save")).click()
    expect(popup.locator(".vocab-save-button")).to_have_text("Saved ✓ “ambtgenoot”")
    expect(page.locator("[data-vocab-saved-count]")).to_have_text("1")
    assert page.url.endswith(SEED)
    screenshot(page, "vocab-saved-in-popup")
    page.keyboard.press("Escape")

    # A key press saves the focused word in the text.
    _word(page, "videogesprek").focus()
    page.keyboard.press("s")
    expect(page.locator("[data-vocab-saved-count]")).to_have_text("2")

    # Come back later: the page lists both words, and the script marks their buttons.
    page.reload()
    expect(page.locator("[data-vocab-saved] li")).to_have_text(["ambtgenoot", "videogesprek"])
    entry_button = page.locator('.gloss-line .vocab-save-button[value="ambtgenoot"]')
    expect(entry_button).to_have_text("Saved ✓ “ambtgenoot”")

    page.goto("/words")
    expect(page.get_by_role("heading", name=re.compile("ambtgenoot"))).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("videogesprek"))).to_be_visible()

    # Review: space shows the answer, 4 grades Easy; the next card comes up.
    page.goto("/review")
    remaining = page.locator("[data-vocab-remaining]")
    expect(remaining).to_contain_text("4 cards due now")
    back = page.locator("[data-vocab-back]")
    expect(back).to_be_hidden()
    page.keyboard.press(" ")
    expect(back).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Show answer"))).to_be_hidden()
    screenshot(page, "vocab-review-revealed")
    page.keyboard.press("4")
    expect(page.locator(".flash")).to_contain_text("Easy")
    # The count goes down as cards are graded (Easy: the card is days away).
    expect(remaining).to_contain_text("3 cards due now")


def test_review_on_a_phone_without_javascript(browser, live_server):
    context = browser.new_context(
        base_url=live_server, viewport={"width": 360, "height": 740}, java_script_enabled=False
    )
    try:
        page = context.new_page()
        register(page, "vocab-nojs")
        page.goto(f"{SEED}/words?level=B2")
        page.get_by_role("button", name=re.compile("Save word “inzake”")).click()
        expect(page.locator(".flash")).to_contain_text("Saved “inzake” to your words.")
        page.goto("/review")
        page.get_by_role("link", name=re.compile("Show answer")).click()
        expect(page.get_by_text("concerning, regarding")).to_be_visible()
        screenshot(page, "vocab-review-phone-nojs")
        page.get_by_role("button", name=re.compile("Good")).click()
        expect(page.locator(".flash")).to_contain_text("Good")
        # The recall card next: type the word.
        page.get_by_label("The word in Dutch").fill("inzake")
        page.get_by_role("button", name="Check").click()
        # The card's frame stays, with the typed answer checked and the grade suggested.
        card = page.locator("[data-vocab-card]")
        expect(card).to_contain_text("Right.")
        expect(card).to_contain_text("Type the Dutch word")
        expect(card.get_by_role("button", name=re.compile("Good"))).to_be_focused()
        screenshot(page, "vocab-review-checked-phone-nojs")
        # A learner who knows better overrides the grade.
        card.get_by_role("button", name=re.compile("Easy")).click()
        expect(page.locator(".flash")).to_contain_text("Easy: “inzake”")
    finally:
        context.close()


def test_vocabulary_pages_pass_axe(browser, live_server):
    from tests.browser.test_accessibility import serious_violations

    # axe is injected as a script: the CSP would (rightly) block it.
    context = browser.new_context(base_url=live_server, bypass_csp=True)
    try:
        page = context.new_page()
        register(page, "vocab-axe")
        page.goto(f"{SEED}/words")
        page.get_by_role("button", name=re.compile("Save word “ambtgenoot”")).click()
        expect(page.get_by_role("button", name=re.compile("Saved ✓ “ambtgenoot”"))).to_be_visible()
        page.goto("/words")
        edit = page.get_by_role("link", name=re.compile("Edit")).first.get_attribute("href")
        remove = page.get_by_role("link", name=re.compile("Remove")).first.get_attribute("href")
        problems = {}
        for url in (f"{SEED}/words", "/words", "/review", edit, remove, "/review#shown"):
            page.goto(url)
            if url.endswith("#shown"):
                page.keyboard.press(" ")
                expect(page.locator("[data-vocab-back]")).to_be_visible()
            found = serious_violations(page)
            if found:
                problems[url] = found
        assert problems == {}
    finally:
        context.close()
