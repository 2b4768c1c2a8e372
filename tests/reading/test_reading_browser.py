"""Gloss pop-ups in a real Chromium: by mouse, by keyboard, on a phone, and without JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures import screenshot

pytestmark = pytest.mark.browser

SEED = "/articles/biden-poetin-videogesprek"


def _word(page, text: str):
    return page.locator("a.gloss-word", has_text=re.compile(f"^{text}$")).first


def test_a_gloss_opens_by_mouse_and_closes(page):
    page.goto(SEED)
    popup = page.locator("#gloss-popup")
    expect(popup).to_be_hidden()
    _word(page, "videogesprek").click()
    expect(popup).to_be_visible()
    expect(popup).to_contain_text("conversation")
    expect(popup).to_contain_text("het")
    expect(popup).to_contain_text("guess")
    expect(popup.get_by_text("vi-deo-ge-sprek")).to_be_visible()
    screenshot(page, "reading-gloss-desktop")
    popup.get_by_role("button", name="Close").click()
    expect(popup).to_be_hidden()
    expect(_word(page, "videogesprek")).to_be_focused()

    # A teacher's gloss with its note, in the same pop-up.
    _word(page, "ambtgenoot").click()
    expect(popup).to_contain_text("counterpart")
    expect(popup).to_contain_text("Poetin is de ambtgenoot van Biden")


def test_a_gloss_opens_by_keyboard_and_escape_gives_focus_back(page):
    page.goto(SEED)
    popup = page.locator("#gloss-popup")
    # "In een twee uur durend videogesprek": Tab goes from one glossed word to the next.
    _word(page, "durend").focus()
    page.keyboard.press("Tab")
    word = _word(page, "videogesprek")
    expect(word).to_be_focused()
    expect(word).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text("conversation")
    expect(word).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(popup).to_be_hidden()
    expect(word).to_be_focused()
    expect(word).to_have_attribute("aria-expanded", "false")


def test_phone_layout_with_a_gloss_open(browser, live_server):
    context = browser.new_context(
        base_url=live_server, viewport={"width": 360, "height": 740}, is_mobile=True,
        has_touch=True,
    )  # fmt: skip
    try:
        page = context.new_page()
        page.goto(SEED)
        screenshot(page, "reading-phone")
        _word(page, "videogesprek").tap()
        popup = page.locator("#gloss-popup")
        expect(popup).to_be_visible()
        box = popup.bounding_box()
        assert box is not None and box["width"] <= 360
        page.screenshot(path=str(_artifact("reading-gloss-phone")))
        page.keyboard.press("Escape")
        expect(popup).to_be_hidden()
    finally:
        context.close()


def test_without_javascript_a_word_leads_to_its_glossary_entry(browser, live_server):
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(SEED)
        word = _word(page, "videogesprek")
        anchor = word.get_attribute("href")
        word.click()
        expect(page).to_have_url(re.compile(re.escape(anchor) + "$"))
        entry = page.locator(anchor)
        expect(entry).to_be_in_viewport()
        expect(entry).to_contain_text("conversation")
        expect(entry.get_by_role("button", name="Listen")).to_be_hidden()
        screenshot(page, "reading-glossary-nojs")
    finally:
        context.close()


def _artifact(name: str):
    from tests.browser.fixtures import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"
