"""Every page at 360 px in Chromium, as a learner, a teacher and an admin, with data in
them (a results page with a match table, a class matrix, charts): none scrolls sideways,
chart labels stay readable, no page asks for a file that is not there (the favicon), and
axe finds no serious or critical problem on any, light or dark.

The pages are the app's own GET routes (its url_map), so a new route is visited as soon as
it exists; its arguments come from FILL, by name. A route with an argument FILL does not
know fails here until it is given one."""

from __future__ import annotations

import os
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures import screenshot
from tests.browser.test_accessibility import AXE
from tests.every_page import PASSWORD, ROLES, every_page, seed_every_page

pytestmark = pytest.mark.browser

WIDTH = 360
# The smallest chart label, in CSS pixels as shown: 7 px was unreadable on a phone.
SMALLEST_LABEL = 10


@contextmanager
def app_on(live):
    """The app in this process, on the live server's database."""
    saved = dict(os.environ)
    os.environ.update(live.env)
    try:
        from quizapp import create_app

        app = create_app()
        yield app
    finally:
        os.environ.clear()
        os.environ.update(saved)
    app.extensions["quizapp.engine"].dispose()


@pytest.fixture(scope="module")
def narrow_site(live):
    """The seeded data and, per role, the URL of every GET page."""
    with app_on(live) as app:
        data = seed_every_page(app)
        pages = {role: list(every_page(app, data, role)) for role in ROLES}
    return data, pages


def log_in(page, username: str) -> None:
    page.goto("/auth/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


WIDEST = """() => {
  const root = document.documentElement;
  // What sticks out, for the message: the widest element whose right edge passes the window.
  let widest = "";
  let right = innerWidth;
  for (const el of document.body.querySelectorAll("*")) {
    // Inside a box that scrolls on its own, an element makes no page wider.
    if (el.parentElement && el.parentElement.closest(".table-scroll, .chart-figure")) continue;
    const box = el.getBoundingClientRect();
    if (box.right > right + 0.5) {
      right = box.right;
      const name = el.className ? "." + String(el.className).split(" ")[0] : "";
      widest = el.tagName.toLowerCase() + name;
    }
  }
  return [root.scrollWidth, widest + " at " + Math.round(right) + " px, page " + root.scrollWidth];
}"""

SERIOUS = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map(n => n.target[0]).join("; ")})`);
}"""

AXE_CHECKED: set[str] = set()

LABELS = """() => Array.from(document.querySelectorAll("svg.chart")).flatMap(svg => {
  const box = svg.viewBox.baseVal;
  const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
  return Array.from(svg.querySelectorAll("text")).map(t =>
    parseFloat(getComputedStyle(t).fontSize) * scale);
})"""


@pytest.mark.parametrize("role", ROLES)
def test_no_page_scrolls_sideways_at_360_px(browser, live_server, narrow_site, role):
    data, pages = narrow_site
    # The axe script is injected inline, which the app's CSP rightly forbids: bypass it for
    # the checker only.
    context = browser.new_context(
        base_url=live_server, viewport={"width": WIDTH, "height": 740}, bypass_csp=True
    )
    page = context.new_page()
    missing: list[str] = []
    axe_problems: dict[str, list[str]] = {}
    page.on(
        "response",
        lambda r: (
            missing.append(r.url)
            if r.status == 404 and r.request.resource_type != "document"
            else None
        ),
    )
    log_in(page, f"narrow-{role}")
    too_wide: dict[str, str] = {}
    small_labels: dict[str, float] = {}
    visited = 0
    for endpoint, url in pages[role]:
        # Downloads (CSV, Anki) are not pages.
        head = context.request.get(url)
        assert head.status < 500, (url, head.status)
        if not head.headers.get("content-type", "").startswith("text/html"):
            continue
        if endpoint == "auth.logout":
            continue
        response = page.goto(url)
        visited += 1
        width, widest = page.evaluate(WIDEST)
        if width > WIDTH:
            too_wide[url] = f"{width} px ({widest})"
            screenshot(page, f"narrow-{role}-{endpoint}")
        labels = page.evaluate(LABELS)
        if labels and min(labels) < SMALLEST_LABEL:
            small_labels[url] = round(min(labels), 1)
        # axe once per page, by the first role that may see it: it is the slow part.
        key = url if endpoint == "extra" else endpoint
        if response is None or response.status != 200 or key in AXE_CHECKED:
            continue
        AXE_CHECKED.add(key)
        page.add_script_tag(path=str(AXE))
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            found = page.evaluate(SERIOUS)
            if found:
                axe_problems[f"{url} ({scheme})"] = found
    context.close()
    assert visited >= 15
    assert too_wide == {}
    assert small_labels == {}
    assert missing == []
    assert axe_problems == {}


def test_the_seeded_pages_have_what_made_them_wide(browser, live_server, narrow_site):
    """The data is there: the learner's results have a match table, the teacher's class
    page a learner × text matrix, the progress page charts."""
    data, _ = narrow_site
    context = browser.new_context(base_url=live_server, viewport={"width": WIDTH, "height": 740})
    page = context.new_page()
    log_in(page, "narrow-learner")
    page.goto(f"/attempts/{data.finished['learner']}/results")
    expect(page.locator("table").first).to_be_attached()
    page.goto("/progress")
    expect(page.locator("svg.chart").first).to_be_attached()
    page.get_by_role("button", name="Log out").click()
    log_in(page, "narrow-teacher")
    page.goto("/teacher")
    expect(page.locator("table").first).to_be_attached()
    screenshot(page, "narrow-teacher-dashboard")
    # The matrix is wider than the phone and scrolls inside its own box.
    widest = page.evaluate(
        "() => Math.max(...Array.from(document.querySelectorAll('table'), t => t.scrollWidth))"
    )
    assert widest > WIDTH
    context.close()
