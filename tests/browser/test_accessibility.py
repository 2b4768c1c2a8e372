"""Every main page in the real browser: axe-core finds no serious or critical violation,
and a screenshot at phone and at desktop width is kept in test-artifacts/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures import screenshot
from tests.classes import steps
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
PASSWORD = "correct horse battery"
SEED = "biden-poetin-videogesprek"
SEED_TITLE = "Biden en Poetin praten over Oekraïne"


def serious_violations(page) -> list[str]:
    assert AXE.exists(), "run `make test` (it installs axe-core with npm)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def log_in(page, username: str) -> None:
    page.goto("/auth/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


@pytest.fixture(scope="module")
def accounts(live):
    live.quizapp("create-user", "a11y-learner", "--password-stdin", input=PASSWORD + "\n")
    live.quizapp(
        "create-user",
        "a11y-teacher",
        "--role",
        "teacher",
        "--password-stdin",
        input=PASSWORD + "\n",
    )
    live.quizapp(
        "create-user", "a11y-admin", "--role", "admin", "--password-stdin", input=PASSWORD + "\n"
    )
    return {"learner": "a11y-learner", "teacher": "a11y-teacher", "admin": "a11y-admin"}


def check(page, name: str, problems: dict[str, list[str]], scheme: str) -> None:
    found = serious_violations(page)
    if found:
        problems[name] = found
    suffix = "" if scheme == "light" else f"-{scheme}"
    for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(size)
        screenshot(page, f"{name}-{label}{suffix}")


# Dark mode follows the system: its colours must pass the same contrast checks.
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_main_pages_have_no_serious_accessibility_problems(
    browser, live, live_server, accounts, scheme
):
    # The axe script is injected inline, which the app's CSP rightly forbids: bypass it for
    # the checker only.
    context = browser.new_context(base_url=live_server, bypass_csp=True, color_scheme=scheme)
    page = context.new_page()
    problems: dict[str, list[str]] = {}

    for name, url in (("login", "/auth/login"), ("register", "/auth/register")):
        page.goto(url)
        check(page, name, problems, scheme)

    log_in(page, accounts["learner"])
    page.goto("/")
    check(page, "library", problems, scheme)

    page.goto("/?level=B1&sort=newest")
    check(page, "library-filtered", problems, scheme)

    page.goto(f"/articles/{SEED}")
    page.locator("a.gloss-word").first.click()
    expect(page.locator("#gloss-popup")).to_be_visible()
    check(page, "reading", problems, scheme)
    page.keyboard.press("Escape")
    page.goto(f"/articles/{SEED}?all")
    check(page, "reading-all-words", problems, scheme)
    page.goto(f"/articles/{SEED}")

    page.get_by_role("button", name="Take the quiz").click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+$"))
    check(page, "quiz", problems, scheme)
    page.get_by_role("button", name="Hand in").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    check(page, "quiz-unanswered", problems, scheme)
    page.get_by_role("button", name="Hand in anyway").click()
    expect(page).to_have_url(re.compile(r"/results$"))
    check(page, "results", problems, scheme)
    results = page.url
    page.goto(results + "?show=mistakes")
    check(page, "results-mistakes", problems, scheme)
    page.goto(results.replace("/results", "/missed-words"))
    check(page, "missed-words", problems, scheme)

    for name, url in (
        ("article-words", f"/articles/{SEED}/words"),
        ("my-words", "/words"),
        ("review", "/review"),
        ("progress", "/progress"),
    ):
        page.goto(url)
        check(page, name, problems, scheme)

    page.get_by_role("button", name="Log out").click()
    log_in(page, accounts["teacher"])
    page.goto("/teacher")
    check(page, "dashboard", problems, scheme)

    # A class with an assignment, the learner in it: every page of a class.
    class_name = f"A11y {scheme}"
    code = steps.create_class(page, class_name)
    check(page, "join-code", problems, scheme)
    steps.assign_text(page, class_name, SEED_TITLE, "2026-12-24")
    page.get_by_role("link", name="Assignments").click()
    check(page, "assignments", problems, scheme)
    page.get_by_role("button", name="Log out").click()
    log_in(page, accounts["learner"])
    steps.join_class(page, code)
    page.goto("/")
    check(page, "library-for-your-class", problems, scheme)
    for name, url in (
        ("account", "/auth/account"),
        ("password", "/auth/password"),
        ("delete-account", "/auth/account/delete"),
    ):
        page.goto(url)
        check(page, name, problems, scheme)
    page.get_by_role("button", name="Log out").click()
    log_in(page, accounts["teacher"])
    steps.open_class(page, class_name)
    page.get_by_role("link", name="Assignments").click()
    page.get_by_role("link", name=SEED_TITLE).click()
    check(page, "assignment", problems, scheme)
    page.get_by_role("link", name=re.compile(f"by {accounts['learner']}")).first.click()
    check(page, "learner-attempt", problems, scheme)
    page.get_by_role("link", name="Learners and settings").click()
    check(page, "manage-class", problems, scheme)
    page.get_by_role("link", name="Results").click()
    page.get_by_role("link", name=SEED_TITLE).first.click()
    check(page, "item-statistics", problems, scheme)

    # An admin's pages, on an account made for it: a reset changes its password.
    page.get_by_role("button", name="Log out").click()
    someone = f"a11y-reset-{scheme}"
    live.quizapp("create-user", someone, "--password-stdin", input=PASSWORD + "\n")
    log_in(page, accounts["admin"])
    page.goto("/admin/users")
    check(page, "users", problems, scheme)
    page.get_by_role("button", name=f"Reset password of {someone}").click()
    check(page, "password-reset", problems, scheme)
    page.goto("/admin/users")
    page.get_by_role("link", name=f"Delete {someone}").click()
    check(page, "delete-user", problems, scheme)

    context.close()
    assert problems == {}
