"""Every question type played in the browser, by a learner who knows the answers, and
graded right; a learner who gets one wrong sees the option's feedback and the explanation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from quizapp.packs import load_pack
from quizapp.questions.cloze_syntax import cloze_gaps
from tests.conftest import SEED_PACK
from tests.load.harness import sixteen_question_pack
from tests.quiz.test_journey_browser import register
from tests.server import running_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hand_written(tmp_path_factory):
    """A server with the seed's hand-written questions only, and those questions."""
    folder = tmp_path_factory.mktemp("types")
    path = sixteen_question_pack(SEED_PACK, folder / "packs")
    pack, problems = load_pack(path)
    assert pack is not None, problems
    with running_server(folder, folder / "packs") as server:
        yield server.url, pack.questions


def answer_rightly(item, question: dict) -> None:
    kind = question["type"]
    if kind in ("choice", "multi"):
        for option in question["options"]:
            if option["correct"]:
                item.get_by_text(option["text"], exact=True).click()
    elif kind == "truefalse":
        item.get_by_text("waar" if question["answer"] else "niet waar", exact=True).click()
    elif kind == "short":
        item.get_by_label("Your answer").fill(question["answers"][0])
    elif kind == "cloze":
        fields = item.locator("input[type=text], select")
        for n, gap in enumerate(cloze_gaps(question["text"])):
            field = fields.nth(n)
            if gap.options:
                field.select_option(label=gap.answers[0])
            else:
                field.fill(gap.answers[0])
    elif kind == "match":
        for left, right in question["pairs"]:
            item.get_by_label(left, exact=True).select_option(label=right)
    elif kind == "order":
        # Tiles: tapped into the sentence in order.
        for text in question["items"]:
            item.locator(".order-bank").get_by_role("button", name=text, exact=True).click()
    else:
        raise AssertionError(kind)


def test_every_type_is_playable_and_graded_right(browser, hand_written):
    url, questions = hand_written
    assert {q["type"] for q in questions} == {
        "choice",
        "multi",
        "truefalse",
        "short",
        "cloze",
        "match",
        "order",
    }
    context = browser.new_context(base_url=url)
    page = context.new_page()
    register(page, "all-types")
    page.goto("/articles/biden-poetin-videogesprek")
    page.get_by_role("button", name="Take the quiz").click()
    items = page.locator("li.question")
    expect(items).to_have_count(len(questions))
    progress = page.locator("[data-quiz-progress]")
    expect(progress).to_have_text(f"0 of {len(questions)} answered")
    for n, question in enumerate(questions):
        answer_rightly(items.nth(n), question)
        expect(progress).to_have_text(f"{n + 1} of {len(questions)} answered")
    page.get_by_role("button", name="Hand in").click()  # all answered: no question asked
    expect(page).to_have_url(re.compile(r"/results$"))
    expect(page.get_by_role("status")).to_contain_text("(100%)")
    expect(page.locator("li.result .badge-right")).to_have_count(len(questions))
    counts = page.locator(".score-counts")
    expect(counts).to_contain_text(f"{len(questions)} right")
    expect(counts).to_contain_text("0 wrong")
    context.close()


def test_a_wrong_choice_shows_its_feedback_and_the_explanation(browser, hand_written):
    url, questions = hand_written
    first = questions[0]
    wrong = next(o for o in first["options"] if not o["correct"])
    context = browser.new_context(base_url=url)
    page = context.new_page()
    register(page, "one-wrong")
    page.goto("/articles/biden-poetin-videogesprek")
    page.get_by_role("button", name="Take the quiz").click()
    page.locator("li.question").first.get_by_text(wrong["text"], exact=True).click()
    page.get_by_role("button", name="Hand in").click()
    page.get_by_role("dialog").get_by_role("button", name="Hand in anyway").click()
    result = page.locator("li.result").first
    expect(result.locator(".badge")).to_contain_text("Wrong")
    expect(result.locator(".feedback")).to_have_text(wrong["feedback"])
    expect(result.locator(".explanation")).to_contain_text(first["explanation"])
    context.close()
