"""The reading page in a real Chromium: the popover beside the word by mouse, touch and
keyboard, arrow keys between words, word status, Listen, and the page without JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures import screenshot

pytestmark = pytest.mark.browser

SEED = "/articles/biden-poetin-videogesprek"
PASSWORD = "correct horse battery"
# A popover "beside" the word: starts within this many pixels under (or over) its line.
NEAR = 24


def _word(page, text: str):
    return page.locator("a.gloss-word", has_text=re.compile(f"^{text}$")).first


def register(page, username: str) -> None:
    page.goto("/auth/register")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat password").fill(PASSWORD)
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def assert_beside(popup, word) -> None:
    """The popover is right under or over the word, overlapping it nowhere, and within
    the window's width."""
    box, at = popup.bounding_box(), word.bounding_box()
    assert box is not None and at is not None
    below = box["y"] >= at["y"] + at["height"] - 1
    above = box["y"] + box["height"] <= at["y"] + 1
    assert below or above, (box, at)
    gap = box["y"] - (at["y"] + at["height"]) if below else at["y"] - (box["y"] + box["height"])
    assert 0 <= gap <= NEAR, (box, at)
    # Horizontally it starts at the word, unless the window's edge pushes it left.
    assert box["x"] <= at["x"] + at["width"], (box, at)
    width = popup.evaluate("() => document.documentElement.clientWidth")
    assert box["x"] >= 0 and box["x"] + box["width"] <= width


def test_the_popover_opens_beside_the_word_by_mouse(page):
    page.goto(SEED)
    popup = page.locator("#gloss-popup")
    expect(popup).to_be_hidden()
    word = _word(page, "videogesprek")
    word.click()
    expect(popup).to_be_visible()
    expect(popup).to_contain_text("conversation")
    expect(popup).to_contain_text("het")
    expect(popup).to_contain_text("guess")
    expect(popup.get_by_text("vi-deo-ge-sprek")).to_be_visible()
    assert_beside(popup, word)
    # Not a modal: the text around stays readable and clickable, nothing is dimmed.
    assert popup.evaluate("el => !el.matches(':modal')")
    screenshot(page, "reading-gloss-desktop")
    popup.get_by_role("button", name="Close").click()
    expect(popup).to_be_hidden()
    expect(word).to_be_focused()

    # A teacher's gloss with its note, in the same popover; a click elsewhere closes it.
    _word(page, "ambtgenoot").click()
    expect(popup).to_contain_text("counterpart")
    expect(popup).to_contain_text("Poetin is de ambtgenoot van Biden")
    assert_beside(popup, _word(page, "ambtgenoot"))
    page.locator("h1").click()
    expect(popup).to_be_hidden()


def test_the_chosen_meaning_comes_first(page):
    page.goto(SEED)
    # A word whose sentence chose another of its entry's meanings than the first.
    moved = page.locator("a.gloss-word[data-m]").first
    expect(moved).to_be_attached()
    chosen = int(moved.get_attribute("data-m"))
    anchor = moved.get_attribute("href").split("#")[1]
    everything = page.context.new_page()
    everything.goto(SEED + "?all")
    card = everything.locator(f"#{anchor}")
    first = card.locator(".gloss-meaning").text_content()
    others = card.locator(".gloss-senses li").all_text_contents()
    everything.close()
    moved.click()
    popup = page.locator("#gloss-popup")
    expect(popup.locator(".gloss-meaning")).to_have_text(others[chosen - 1])
    expect(popup.locator(".gloss-senses li").nth(chosen - 1)).to_have_text(first)


def test_one_tab_stop_for_the_text_and_arrow_keys_between_words(page):
    page.goto(SEED)
    words = page.locator(".article-text a.gloss-word")
    first = words.first
    # Tab from the element before the text: the text is one stop, at its first word.
    page.locator(".reading-hint a").first.focus()
    page.keyboard.press("Tab")
    expect(first).to_be_focused()
    assert words.evaluate_all("ws => ws.filter(w => w.tabIndex === 0).length") == 1
    page.keyboard.press("ArrowRight")
    expect(words.nth(1)).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(words.nth(2)).to_be_focused()
    page.keyboard.press("ArrowLeft")
    expect(words.nth(1)).to_be_focused()
    page.keyboard.press("End")
    expect(words.last).to_be_focused()
    page.keyboard.press("Home")
    expect(first).to_be_focused()
    # Headings have no words to stop at.
    assert page.locator(".article-text h2 a").count() == 0
    # The next Tab leaves the text for the quiz, however many words it has.
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    assert page.evaluate("() => !document.activeElement.closest('.article-text')")
    # Shift+Tab comes back to the word last visited.
    page.keyboard.press("Shift+Tab")
    expect(words.nth(1)).to_be_focused()


def test_the_popover_opens_by_keyboard_and_escape_gives_focus_back(page):
    page.goto(SEED)
    popup = page.locator("#gloss-popup")
    word = _word(page, "videogesprek")
    word.focus()
    expect(word).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text("conversation")
    expect(word).to_have_attribute("aria-expanded", "true")
    assert_beside(popup, word)
    expect(popup.get_by_role("button", name="Close")).to_be_focused()
    page.keyboard.press("Escape")
    expect(popup).to_be_hidden()
    expect(word).to_be_focused()
    expect(word).to_have_attribute("aria-expanded", "false")
    # Space opens it too; the arrows go on from the word.
    page.keyboard.press(" ")
    expect(popup).to_be_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("ArrowRight")
    expect(word).not_to_be_focused()


def test_the_popover_on_a_phone_by_touch(browser, live_server):
    context = browser.new_context(
        base_url=live_server, viewport={"width": 360, "height": 740}, is_mobile=True,
        has_touch=True,
    )  # fmt: skip
    try:
        page = context.new_page()
        page.goto(SEED)
        screenshot(page, "reading-phone")
        word = _word(page, "videogesprek")
        word.tap()
        popup = page.locator("#gloss-popup")
        expect(popup).to_be_visible()
        expect(popup).to_contain_text("conversation")
        assert_beside(popup, word)
        page.screenshot(path=str(_artifact("reading-gloss-phone")))
        page.locator("h1").tap()
        expect(popup).to_be_hidden()
        # A word low on the screen: the popover goes over its line instead of off-screen.
        low = _word(page, "ambtgenoot")
        low.scroll_into_view_if_needed()
        page.evaluate(
            "el => window.scrollBy(0, el.getBoundingClientRect().bottom - innerHeight + 30)",
            low.element_handle(),
        )
        low.tap()
        expect(popup).to_contain_text("counterpart")
        assert_beside(popup, low)
        # A tap elsewhere closes it.
        page.locator(".quiz-start h2").tap()
        expect(popup).to_be_hidden()
    finally:
        context.close()


def test_listen_says_when_there_is_no_dutch_voice(page):
    page.goto(SEED)
    has_dutch = page.evaluate(
        "() => 'speechSynthesis' in window && speechSynthesis.getVoices()"
        ".some(v => /^nl/i.test(v.lang))"
    )
    # Chromium here has no voices at all: the message must be visible, not a silent button.
    assert not has_dutch
    _word(page, "videogesprek").click()
    popup = page.locator("#gloss-popup")
    listen = popup.get_by_role("button", name="Listen")
    expect(listen).to_be_visible()
    listen.click()
    expect(popup.get_by_text("This browser has no Dutch voice")).to_be_visible()


def test_word_status_shows_after_saving_and_after_reviewing(page):
    register(page, "status-learner")
    page.goto(SEED)
    word = _word(page, "ambtgenoot")
    expect(word).not_to_have_attribute("data-status", re.compile("."))
    word.click()
    popup = page.locator("#gloss-popup")
    popup.get_by_role("button", name=re.compile("Save")).click()
    expect(popup.locator(".vocab-save-button")).to_have_text("Saved ✓ “ambtgenoot”")
    # Every occurrence in the text is marked at once, by a sign as well as a line.
    expect(word).to_have_attribute("data-status", "saved")
    assert word.evaluate("w => getComputedStyle(w, '::after').content") == '"+"'
    expect(word).to_have_attribute("aria-describedby", "word-status-saved")
    page.keyboard.press("Escape")
    page.reload()
    expect(_word(page, "ambtgenoot")).to_have_attribute("data-status", "saved")

    # Review one of its cards: now it is being learnt.
    page.goto("/review")
    typed = page.get_by_label("The word in Dutch")
    if typed.count():
        typed.fill("ambtgenoot")
        typed.press("Enter")
    else:
        page.keyboard.press(" ")
        page.keyboard.press("3")
    expect(page.locator(".flash")).to_be_visible()
    page.goto(SEED)
    word = _word(page, "ambtgenoot")
    expect(word).to_have_attribute("data-status", "learning")
    assert word.evaluate("w => getComputedStyle(w, '::after').content") == '"~"'
    screenshot(page, "reading-word-status")


def test_the_s_key_saves_a_word_the_short_list_leaves_out(page):
    register(page, "s-key-learner")
    page.goto(SEED)
    word = _word(page, "uur")
    assert word.get_attribute("href").startswith("?all#")
    word.focus()
    page.keyboard.press("s")
    expect(page.locator("[data-vocab-saved-count]")).to_have_text("1")
    expect(page.locator("[data-vocab-saved] li")).to_have_text(["uur"])
    expect(word).to_have_attribute("data-status", "saved")
    assert page.url.endswith(SEED)


def test_the_page_is_small_and_as_tall_as_its_text(browser, live_server):
    """A learner at B1 (the default level): under 60 KB of HTML, and at 1280 px the page
    is under 4 times as tall as the article's text."""
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        register(page, "size-learner")
        response = page.goto(SEED)
        size = len(response.body())
        height = page.evaluate("() => document.documentElement.scrollHeight")
        text = page.evaluate("() => document.querySelector('.article-text').offsetHeight")
        print(f"reading page: {size} bytes of HTML, {height} px tall, text {text} px")
        assert size < 60_000
        assert height < 4 * text
    finally:
        context.close()


def test_without_javascript_a_word_leads_to_its_glossary_entry(browser, live_server):
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(SEED)
        # A word of the short list: its line on this page.
        word = _word(page, "videogesprek")
        anchor = word.get_attribute("href")
        assert anchor.startswith("#")
        word.click()
        expect(page).to_have_url(re.compile(re.escape(anchor) + "$"))
        entry = page.locator(anchor)
        expect(entry).to_be_in_viewport()
        expect(entry).to_contain_text("conversation")
        screenshot(page, "reading-glossary-nojs")
        # An easy word: its full entry on the page with every word.
        page.goto(SEED)
        easy = _word(page, "uur")
        href = easy.get_attribute("href")
        assert href.startswith("?all#")
        easy.click()
        expect(page).to_have_url(re.compile(re.escape(href) + "$"))
        entry = page.locator("#" + href.split("#")[1])
        expect(entry).to_be_in_viewport()
        expect(entry).to_contain_text("hour")
        expect(entry.get_by_role("button", name="Listen")).to_be_hidden()
    finally:
        context.close()


def _artifact(name: str):
    from tests.browser.fixtures import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"
