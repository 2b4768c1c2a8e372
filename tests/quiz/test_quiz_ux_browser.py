"""The quiz, results and review as a learner uses them in Chromium: the "N unanswered"
question, word-order tiles by mouse and keyboard, the mistakes-only filter, near-miss
feedback, the review count going down; axe on every one of these pages, light and dark;
and no sideways scroll at 360 px."""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.fixtures import ARTIFACTS, screenshot
from tests.browser.test_accessibility import serious_violations
from tests.conftest import SEED_PACK
from tests.quiz.test_journey_browser import register

pytestmark = pytest.mark.browser

SEED = "/articles/biden-poetin-videogesprek"
QUESTIONS = {q["id"]: q for q in yaml.safe_load(SEED_PACK.read_text(encoding="utf-8"))["questions"]}
ORDER = QUESTIONS["volgorde"]["items"]


def start_quiz(page) -> None:
    page.goto(SEED)
    page.get_by_role("button", name="Take the quiz").click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+$"))


def question(page, prompt: str):
    return page.locator("li.question", has_text=prompt)


def no_sideways_scroll(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_handing_in_with_unanswered_questions_asks_first(page):
    register(page, "ux-unanswered")
    start_quiz(page)
    total = page.locator("li.question").count()
    page.locator("li.question").first.get_by_text("twee uur", exact=True).click()
    page.get_by_role("button", name="Hand in").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("heading")).to_have_text(f"{total - 1} questions unanswered")
    expect(dialog).to_contain_text("You have not answered: 2, 3,")
    screenshot(page, "quiz-unanswered-dialog")

    # Back to the quiz: nothing handed in, the first unanswered question in focus.
    dialog.get_by_role("button", name="Back to the quiz").click()
    expect(dialog).to_be_hidden()
    expect(page).to_have_url(re.compile(r"/attempts/\d+$"))
    expect(page.locator("li.question").nth(1).locator("input").first).to_be_focused()

    page.get_by_role("button", name="Hand in").click()
    dialog.get_by_role("button", name="Hand in anyway").click()
    expect(page).to_have_url(re.compile(r"/results$"))
    expect(page.locator(".score-counts")).to_contain_text("1 right")


def test_without_javascript_the_server_asks_and_keeps_the_answers(browser, live_server):
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    try:
        page = context.new_page()
        register(page, "ux-unanswered-nojs")
        start_quiz(page)
        # Without JavaScript the order question keeps its drop-downs.
        order = question(page, QUESTIONS["volgorde"]["prompt"])
        expect(order.get_by_label("Position 1", exact=True)).to_be_visible()
        page.locator("li.question").first.get_by_text("twee uur", exact=True).click()
        page.get_by_role("button", name="Hand in").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("questions unanswered")
        page.get_by_role("link", name="Back to the quiz").click()
        expect(page.locator("li.question").first.get_by_label("twee uur")).to_be_checked()
        page.get_by_role("button", name="Hand in").click()
        page.get_by_role("button", name="Hand in anyway").click()
        expect(page).to_have_url(re.compile(r"/results$"))
        expect(page.locator(".score-counts")).to_contain_text("1 right")
    finally:
        context.close()


def test_word_order_tiles_by_mouse_and_keyboard(page):
    register(page, "ux-tiles")
    start_quiz(page)
    item = question(page, QUESTIONS["volgorde"]["prompt"])
    bank = item.locator(".order-bank")
    answer = item.locator(".order-answer")
    expect(item.locator("select")).to_have_count(len(ORDER))
    expect(item.locator("select").first).to_be_hidden()
    expect(bank.locator(".tile")).to_have_count(len(ORDER))

    # Mouse: tap the second event, then drag the first in front of it.
    bank.get_by_role("button", name=ORDER[1], exact=True).click()
    expect(answer.locator(".tile")).to_have_text([ORDER[1]])
    # A placed word leaves the bank: it cannot be picked twice.
    expect(bank.get_by_role("button", name=ORDER[1], exact=True)).to_have_count(0)
    bank.get_by_role("button", name=ORDER[0], exact=True).drag_to(
        answer.get_by_role("button", name=ORDER[1], exact=True),
        target_position={"x": 2, "y": 5},
    )
    expect(answer.locator(".tile")).to_have_text(ORDER[:2])

    # Keyboard: Enter places the focused word; arrows move a placed one; Enter takes it back.
    for text in reversed(ORDER[2:]):
        bank.get_by_role("button", name=text, exact=True).focus()
        page.keyboard.press("Enter")
    expect(bank.locator(".tile")).to_have_count(0)
    expect(answer.locator(".tile")).to_have_text(ORDER[:2] + list(reversed(ORDER[2:])))
    last = answer.get_by_role("button", name=ORDER[2], exact=True)
    last.focus()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(answer.get_by_role("button", name=ORDER[2], exact=True)).to_be_focused()
    expect(answer.locator(".tile")).to_have_text(ORDER[:3] + list(reversed(ORDER[3:])))
    answer.get_by_role("button", name=ORDER[4], exact=True).focus()
    page.keyboard.press("Enter")
    expect(bank.locator(".tile")).to_have_text([ORDER[4]])
    bank.locator(".tile").click()
    expect(answer.locator(".tile")).to_have_text(ORDER[:3] + [ORDER[3], ORDER[4]])
    ARTIFACTS.mkdir(exist_ok=True)
    item.screenshot(path=str(ARTIFACTS / "quiz-order-tiles.png"))

    # The hidden drop-downs say the same, so the hand-in grades the tiles.
    chosen = item.locator("select").evaluate_all(
        "selects => selects.map(s => s.options[s.selectedIndex].text)"
    )
    assert chosen == ORDER
    page.get_by_role("button", name="Hand in").click()
    page.get_by_role("dialog").get_by_role("button", name="Hand in anyway").click()
    result = page.locator("li.result", has_text=QUESTIONS["volgorde"]["prompt"])
    expect(result.locator(".result-head .badge")).to_contain_text("Right")


def test_results_mistakes_only_and_near_miss_feedback(page):
    register(page, "ux-results")
    start_quiz(page)
    page.locator("li.question").first.get_by_text("twee uur", exact=True).click()
    question(page, QUESTIONS["afhankelijk"]["prompt"]).get_by_label("Your answer").fill(
        "Russich gas"
    )
    page.get_by_role("button", name="Hand in").click()
    page.get_by_role("dialog").get_by_role("button", name="Hand in anyway").click()
    expect(page).to_have_url(re.compile(r"/results$"))

    # A misspelling the teacher allows is counted, and named.
    near = page.locator("li.result", has_text=QUESTIONS["afhankelijk"]["prompt"])
    expect(near.locator(".result-head .badge")).to_contain_text("Right")
    expect(near.locator(".almost")).to_contain_text("almost: Russisch gas")
    # "Add the words I missed" comes before the answers.
    link = page.get_by_role("link", name="Add the words I missed")
    box = link.bounding_box()
    assert box and box["y"] < page.locator("li.result").first.bounding_box()["y"]

    results = page.locator("li.result")
    total = results.count()
    page.get_by_role("link", name=re.compile("Show only my mistakes")).click()
    expect(page).to_have_url(re.compile(r"show=mistakes$"))
    expect(page.locator("li.result")).to_have_count(total - 2)
    expect(page.locator("li.result-right")).to_have_count(0)
    expect(page.locator("li.result").first.locator(".badge").first).to_contain_text("✗ Wrong")
    page.get_by_role("link", name=re.compile("Show all")).click()
    expect(page.locator("li.result")).to_have_count(total)


def test_the_review_count_goes_down_and_typed_cards_keep_their_frame(page):
    register(page, "ux-review")
    page.goto(f"{SEED}/words?level=B2")
    page.get_by_role("button", name=re.compile("Save word “inzake”")).click()
    expect(page.get_by_role("button", name=re.compile("Saved ✓ “inzake”"))).to_be_visible()
    page.goto("/review")
    remaining = page.locator("[data-vocab-remaining]")
    expect(remaining).to_contain_text("2 cards due now")
    page.keyboard.press(" ")
    good = page.get_by_role("button", name=re.compile("Good"))
    expect(good).to_contain_text("10 min")
    page.keyboard.press("3")
    expect(remaining).to_contain_text("1 card due now")
    page.get_by_label("The word in Dutch").fill("inzak")
    page.keyboard.press("Enter")
    card = page.locator("[data-vocab-card]")
    expect(card).to_contain_text("Almost.")
    expect(card.get_by_role("button", name=re.compile("Hard"))).to_be_focused()
    page.keyboard.press("3")  # the learner overrides Hard with Good
    expect(page.locator(".flash")).to_contain_text("Good: “inzake”")
    # Both cards wait their learning step now: none due, both later today.
    expect(remaining).to_contain_text("No cards due right now, 2 more later today")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_quiz_results_and_review_pass_axe_and_fit_a_phone(browser, live_server, scheme):
    context = browser.new_context(
        base_url=live_server,
        bypass_csp=True,
        color_scheme=scheme,
        viewport={"width": 360, "height": 740},
    )
    problems: dict[str, list[str]] = {}
    wide: dict[str, int] = {}

    def check(name: str) -> None:
        found = serious_violations(page)
        if found:
            problems[name] = found
        width = no_sideways_scroll(page)
        if width > 360:
            wide[name] = width
        screenshot(page, f"ux-{name}-phone-{scheme}")

    try:
        page = context.new_page()
        register(page, f"ux-axe-{scheme}")
        page.goto(f"{SEED}/words?level=B2")
        page.get_by_role("button", name=re.compile("Save word “inzake”")).click()
        expect(page.get_by_role("button", name=re.compile("Saved ✓ “inzake”"))).to_be_visible()
        start_quiz(page)
        item = question(page, QUESTIONS["volgorde"]["prompt"])
        item.locator(".order-bank .tile").first.click()
        # Typed gaps keep to the line of text instead of scattering it.
        gap = page.locator(".cloze input[type=text]").first.bounding_box()
        assert gap and gap["height"] < 40, gap
        check("quiz")
        page.get_by_role("button", name="Hand in").click()
        expect(page.get_by_role("dialog")).to_be_visible()
        check("quiz-dialog")
        page.get_by_role("button", name="Back to the quiz").click()
        # The confirm page a browser without JavaScript gets: the form posted as it is.
        page.evaluate("document.getElementById('quiz-form').submit()")
        expect(page.get_by_role("heading", level=1)).to_contain_text("unanswered")
        check("quiz-confirm")
        page.get_by_role("button", name="Hand in anyway").click()
        expect(page).to_have_url(re.compile(r"/results$"))
        check("results")
        results = page.url
        page.goto(results + "?show=mistakes")
        check("results-mistakes")
        page.goto(results.replace("/results", "/missed-words"))
        check("missed-words")
        page.goto("/review")
        page.keyboard.press(" ")
        expect(page.locator("[data-vocab-back]")).to_be_visible()
        check("review")
        page.keyboard.press("3")
        page.get_by_label("The word in Dutch").fill("inzake")
        page.keyboard.press("Enter")
        expect(page.locator("[data-vocab-card]")).to_contain_text("Right.")
        check("review-checked")
    finally:
        context.close()
    assert problems == {}
    assert wide == {}
