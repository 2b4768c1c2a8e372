"""A teacher's meanings in Arabic and Ukrainian, in a real Chromium: each learner sees the
meaning in the language they chose, the Arabic one right to left, inside Dutch text that
stays left to right."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures import screenshot

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"
PACK = """\
format: 1
id: rtl-het-gas
title: Het gas wordt duurder
level: A2
text: |
  Het gas wordt deze winter duurder. Wij betalen meer voor de verwarming.
glossary:
  het gas: {en: gas, ar: غاز, uk: газ}
"""


@pytest.fixture(scope="module")
def gas_pack(live, tmp_path_factory):
    path = tmp_path_factory.mktemp("rtl") / "rtl-het-gas.yaml"
    path.write_text(PACK, encoding="utf-8")
    live.quizapp("import", str(path))
    return "/articles/rtl-het-gas"


def register(page, username: str, language: str) -> None:
    page.goto("/auth/register")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat password").fill(PASSWORD)
    page.get_by_label("Meanings in").select_option(language)
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def _direction(locator) -> str:
    return locator.evaluate("el => getComputedStyle(el).direction")


def _open_gas(page, article: str):
    page.goto(article)
    page.locator("a.gloss-word", has_text="gas").first.click()
    popup = page.locator("#gloss-popup")
    expect(popup).to_be_visible()
    return popup


def test_an_arabic_meaning_is_right_to_left_in_dutch_text(page, gas_pack):
    register(page, "rtl-arabic", "ar")
    popup = _open_gas(page, gas_pack)
    own = popup.locator(".gloss-own")
    expect(own).to_have_attribute("lang", "ar")
    expect(own).to_have_attribute("dir", "rtl")
    expect(own).to_have_text("غاز")
    assert _direction(own) == "rtl"
    # The card, the text and the paragraph around stay left to right.
    assert _direction(popup) == "ltr"
    assert _direction(page.locator(".article-text p").first) == "ltr"
    screenshot(page, "reading-gloss-arabic")
    popup.get_by_role("button", name="Close").click()

    # In "Words in this text" the Dutch word comes first in its line, left of the Arabic,
    # and the English beside it is marked English.
    line = page.locator("li.gloss-line", has=page.locator(".gloss-own-line"))
    expect(line).to_have_count(1)
    word, arabic = line.locator("b[lang=nl]"), line.locator(".gloss-own-line")
    expect(arabic).to_have_text("غاز")
    expect(arabic).to_have_attribute("dir", "rtl")
    assert _direction(arabic) == "rtl" and _direction(line) == "ltr"
    word_box, arabic_box = word.bounding_box(), arabic.bounding_box()
    assert word_box and arabic_box
    assert word_box["x"] + word_box["width"] <= arabic_box["x"], (word_box, arabic_box)
    assert abs(word_box["y"] - arabic_box["y"]) < word_box["height"]  # on one line
    expect(line.locator("[lang=en]")).to_have_text("(gas)")
    screenshot(page, "reading-words-arabic")

    # The same page with the interface in Dutch: the Arabic unchanged, the English marked.
    page.get_by_label("Language").select_option("nl")
    page.get_by_role("button", name="Change").click()
    expect(page.get_by_role("heading", name="Woorden in deze tekst", exact=True)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(line.locator(".gloss-own-line")).to_have_attribute("dir", "rtl")
    expect(line.locator("[lang=en]")).to_have_text("(gas)")
    screenshot(page, "reading-words-arabic-dutch")


def test_a_ukrainian_meaning_for_a_learner_who_chose_ukrainian(page, gas_pack):
    register(page, "rtl-ukrainian", "uk")
    popup = _open_gas(page, gas_pack)
    own = popup.locator(".gloss-own")
    expect(own).to_have_attribute("lang", "uk")
    expect(own).to_have_text("газ")
    assert _direction(own) == "ltr"
    expect(popup).not_to_contain_text("غاز")
    screenshot(page, "reading-gloss-ukrainian")
