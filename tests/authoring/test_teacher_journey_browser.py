"""Done-when point 1, the packs half, in a real Chromium against a real server: a teacher
uploads a pack with a mistake, sees the problem at its line, fixes it in the editor,
previews the reading page and the quiz, reviews two generated questions (excludes one) and
publishes; a learner then finds the text in the library. Each step is a function of its own,
so the journey can go on (assigning, taking, regrading) from where it ends."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.authoring.conftest import BROKEN, BROKEN_LINE, PACK, PACK_ID, PASSWORD
from tests.browser.fixtures import screenshot
from tests.browser.test_accessibility import serious_violations

pytestmark = pytest.mark.browser

TITLE = "De fietsenmaker"


@pytest.fixture(scope="module")
def people(live):
    for name, role in (("pack-teacher", "teacher"), ("pack-learner", "learner")):
        live.quizapp("create-user", name, "--role", role, "--password-stdin", input=PASSWORD + "\n")
    return {"teacher": "pack-teacher", "learner": "pack-learner"}


def log_in(page: Page, username: str) -> None:
    page.goto("/auth/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()


def upload_pack(page: Page, source: str, filename: str = "pack.yaml") -> None:
    page.get_by_role("link", name="My packs").click()
    page.get_by_label("A pack file (.yaml)").set_input_files(
        {"name": filename, "mimeType": "application/yaml", "buffer": source.encode()}
    )
    page.get_by_role("button", name="Upload and check").click()


def expect_problem_at_line(page: Page, line: int, message: str) -> None:
    at_line = page.locator(f'li.checked-line.has-problem[value="{line}"]')
    expect(at_line).to_contain_text(message)
    expect(page.get_by_role("heading", name=re.compile("nothing was saved"))).to_be_visible()


def fix_in_editor(page: Page, source: str, line: int) -> None:
    """Jump to the problem's line from its link, then save the corrected pack."""
    page.locator(f'li.checked-line[value="{line}"] a[data-goto-line]').click()
    expect(page.locator("[data-editor-position]")).to_have_text(re.compile(rf"^Line {line},"))
    page.locator("#source").fill(source)
    page.get_by_role("button", name="Check and save").click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    expect(page.locator("[data-pack-state]")).to_contain_text("Not published")


def preview(page: Page, text: str, question: str) -> None:
    page.get_by_role("link", name="Preview reading").click()
    expect(page.get_by_role("complementary", name="Preview")).to_contain_text("Not published")
    expect(page.locator("article.reading")).to_contain_text(text)
    page.get_by_role("button", name="Take the quiz").click()  # as a learner would
    expect(page).to_have_url(re.compile(r"/preview/quiz\??$"))
    expect(page.locator("li.question").first).to_contain_text(question)
    page.get_by_role("link", name="Back to the pack").click()


def review_two_items(page: Page) -> tuple[str, str]:
    """Exclude the first generated question, keep the second; their ids."""
    page.get_by_role("link", name="Review generated questions").click()
    items = page.locator("li.review-item")
    first, second = (items.nth(n).get_attribute("data-item") for n in (0, 1))
    expect(items.nth(0)).to_contain_text("Proof")
    items.nth(0).get_by_role("checkbox").check()
    expect(items.nth(1).get_by_role("checkbox")).not_to_be_checked()
    page.get_by_role("button", name="Save the review").click()
    excluded = page.locator(f'li.review-item[data-item="{first}"]')
    expect(excluded).to_contain_text("excluded")
    expect(page.locator(f'li.review-item[data-item="{second}"]')).not_to_contain_text("excluded")
    return first, second


def publish(page: Page, pack_id: str) -> None:
    page.goto(f"/packs/{pack_id}")
    page.get_by_role("button", name="Publish").click()
    expect(page.locator("[data-pack-state]")).to_contain_text("Published")


def expect_in_library(page: Page, title: str) -> None:
    page.goto("/")
    page.get_by_role("link", name=title).click()
    expect(page).to_have_url(re.compile(r"/articles/"))


def test_a_teacher_makes_a_pack_in_the_browser_and_a_learner_finds_it(browser, live_server, people):
    context = browser.new_context(base_url=live_server)
    page = context.new_page()
    log_in(page, people["learner"])
    page.goto("/")
    expect(page.get_by_role("link", name=TITLE)).to_have_count(0)
    log_out(page)

    log_in(page, people["teacher"])
    upload_pack(page, BROKEN)
    expect_problem_at_line(page, BROKEN_LINE, "unknown question type `choise`")
    screenshot(page, "pack-editor-problem")
    fix_in_editor(page, PACK, BROKEN_LINE)
    preview(page, "De fietsenmaker heet Karel.", "Wat is er kapot?")
    log_out(page)
    log_in(page, people["learner"])  # previewed, not published: still nobody sees it
    page.goto(f"/articles/{PACK_ID}")
    expect(page.get_by_role("heading", name="Not Found")).to_be_visible()
    log_out(page)

    log_in(page, people["teacher"])
    page.goto(f"/packs/{PACK_ID}")
    excluded, kept = review_two_items(page)
    screenshot(page, "pack-review")
    page.get_by_role("link", name="Preview quiz").click()
    expect(page.locator(".generated-mark", has_text=kept)).to_have_count(1)
    expect(page.locator(".generated-mark", has_text=excluded)).to_have_count(0)
    publish(page, PACK_ID)
    log_out(page)

    log_in(page, people["learner"])
    expect_in_library(page, TITLE)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_pack_pages_have_no_serious_accessibility_problems(
    browser, live_server, people, scheme
):
    context = browser.new_context(base_url=live_server, bypass_csp=True, color_scheme=scheme)
    page = context.new_page()
    pack_id = f"toegankelijk-{scheme}"
    problems: dict[str, list[str]] = {}

    def check(name: str) -> None:
        found = serious_violations(page)
        if found:
            problems[name] = found

    log_in(page, people["teacher"])
    page.goto("/packs")
    check("index")
    page.goto("/packs/from-text")
    check("from-text")
    page.goto("/packs/new")
    page.locator("#source").fill(BROKEN.replace(PACK_ID, pack_id))
    page.get_by_role("button", name="Check and save").click()
    expect(page.locator("li.checked-line.has-problem")).to_have_count(1)
    check("editor-with-problems")
    page.locator("#source").fill(PACK.replace(PACK_ID, pack_id))
    page.get_by_role("button", name="Check and save").click()
    expect(page.locator("[data-pack-state]")).to_be_visible()
    check("pack")
    page.goto(f"/packs/{pack_id}/edit")
    page.locator("#source").fill(PACK.replace(PACK_ID, pack_id).replace("twaalf", "tien"))
    page.get_by_role("button", name="Check and save").click()
    for name, path in (
        ("edit", "/edit"),
        ("preview", "/preview"),
        ("preview-quiz", "/preview/quiz"),
        ("review", "/review"),
        ("versions", "/versions"),
        ("version", "/versions/2"),
    ):
        page.goto(f"/packs/{pack_id}{path}")
        check(name)
        if scheme == "dark":
            screenshot(page, f"pack-{name}-dark")
    context.close()
    assert problems == {}
