"""Every page at 360 px in Chromium, as a learner, a teacher and an admin, with data in
them (a results page with a match table, a class matrix, charts): none scrolls sideways,
chart labels stay readable, no page asks for a file that is not there (the favicon), and
axe finds no serious or critical problem on any, light or dark.

The pages are the app's own GET routes (its url_map), so a new route is visited as soon as
it exists; its arguments come from FILL, by name. A route with an argument FILL does not
know fails here until it is given one."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from tests.browser.fixtures import screenshot
from tests.browser.test_accessibility import AXE

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"
SEED = "biden-poetin-videogesprek"
WIDTH = 360
# The smallest chart label, in CSS pixels as shown: 7 px was unreadable on a phone.
SMALLEST_LABEL = 10
ROLES = ("learner", "teacher", "admin")
# Pages a route serves differently by its query string.
EXTRA = (f"/articles/{SEED}?all", "/?level=B1&sort=newest")


@dataclass
class Seeded:
    users: dict[str, int] = field(default_factory=dict)
    finished: dict[str, int] = field(default_factory=dict)  # attempt ids by role
    unfinished: dict[str, int] = field(default_factory=dict)
    classes: dict[str, int] = field(default_factory=dict)
    items: dict[str, int] = field(default_factory=dict)
    reviews: dict[str, int] = field(default_factory=dict)
    assignments: dict[str, int] = field(default_factory=dict)  # by the class's role


# Route arguments by name: (endpoint, role, seeded data) -> value.
# A pack made in the browser by the teacher, in two versions (the pack pages and a diff);
# an id of its own, as the live server is shared with the pack tests' de-fietsenmaker.
WEB_PACK = "smalle-fietsenmaker"

FILL: dict[str, Callable[[str, str, Seeded], object]] = {
    "pack_id": lambda endpoint, role, data: WEB_PACK if endpoint.startswith("authoring.") else SEED,
    "attempt_id": lambda endpoint, role, data: (
        data.unfinished if endpoint == "quiz.attempt" else data.finished
    )[role],
    "class_id": lambda endpoint, role, data: data.classes[role],
    "item_id": lambda endpoint, role, data: data.items[role],
    "review_id": lambda endpoint, role, data: data.reviews[role],
    "assignment_id": lambda endpoint, role, data: data.assignments[role],
    "user_id": lambda endpoint, role, data: data.users["learner"],
    "number": lambda endpoint, role, data: 1,
}


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


def _seed(app) -> Seeded:
    from quizapp.auth.service import create_user
    from quizapp.authoring import service as authoring
    from quizapp.db import write_session
    from quizapp.models import (
        Answer,
        Article,
        Assignment,
        Attempt,
        ClassMembership,
        SchoolClass,
        User,
        VocabReview,
    )
    from quizapp.models.base import utcnow
    from quizapp.quiz import service as quiz
    from quizapp.vocab import service as vocab
    from tests.authoring.conftest import PACK

    data = Seeded()
    now = utcnow()
    with write_session(app) as session:
        articles = list(session.scalars(select(Article).order_by(Article.id)))
        seed = next(a for a in articles if a.pack_id == SEED)
        for role in ROLES:
            user = create_user(session, f"narrow-{role}", PASSWORD, role)
            data.users[role] = user.id
            # A quiz handed in (its results page has every kind of question, the match
            # table too) and one under way.
            attempt = quiz.start_or_resume(session, user.id, seed)
            quiz.finish(session, attempt, attempt.seq, MultiDict())
            data.finished[role] = attempt.id
            data.unfinished[role] = quiz.start_or_resume(session, user.id, seed).id
            # Saved words, one reviewed: lists, review, the reviewed page, charts.
            for lemma in ("ambtgenoot", "videogesprek", "woordvoerder"):
                item = vocab.save_from_article(session, user.id, seed, lemma, now=now).item
            data.items[role] = item.id
            card = item.cards[0]
            vocab.review_card(session, user.id, card, card.seq, 3, now)
            data.reviews[role] = session.scalar(
                select(VocabReview.id).where(VocabReview.user_id == user.id)
            )
        # Learners with long names and a score on every text: a wide class matrix.
        learners = [data.users["learner"]] + [
            create_user(session, f"leerling-met-een-lange-naam-{n}", PASSWORD).id for n in range(4)
        ]
        for n, learner in enumerate(learners):
            for days, article in enumerate(articles):
                finished = now - timedelta(days=days + n)
                attempt = Attempt(
                    user_id=learner,
                    article_id=article.id,
                    state="finished",
                    seed="narrow",
                    question_ids=[q.id for q in article.questions],
                    started_at=finished - timedelta(minutes=9),
                    finished_at=finished,
                    score=(n + days) % 5,
                    max_score=5,
                )
                session.add(attempt)
                session.flush()
                session.add_all(
                    Answer(
                        attempt_id=attempt.id,
                        question_id=q.id,
                        response={"value": None},
                        score=float((i + n) % 2),
                        max_score=1.0,
                        correct=bool((i + n) % 2),
                    )
                    for i, q in enumerate(article.questions)
                )
        for role in ("teacher", "admin", "learner"):
            owner = data.users["teacher" if role == "learner" else role]
            school_class = SchoolClass(
                name=f"Klas van {role}", join_code=f"NARROW{len(data.classes)}", owner_id=owner
            )
            session.add(school_class)
            session.flush()
            session.add_all(
                ClassMembership(class_id=school_class.id, user_id=uid) for uid in learners
            )
            data.classes[role] = school_class.id
            assignment = Assignment(
                class_id=school_class.id,
                article_id=seed.id,
                due=(now + timedelta(days=7)).date(),
                assigned_by=owner,
            )
            session.add(assignment)
            session.flush()
            data.assignments[role] = assignment.id
        teacher = session.get_one(User, data.users["teacher"])
        web_pack = None
        first = PACK.replace("id: de-fietsenmaker", f"id: {WEB_PACK}")
        for source in (first, first.replace("Wat is er kapot?", "Wat is er stuk?")):
            pack, problems = authoring.check_source(session, source, web_pack)
            assert pack is not None, problems
            web_pack, _ = authoring.save(session, teacher, pack, source, "", web_pack)
    return data


@pytest.fixture(scope="module")
def narrow_site(live):
    """The seeded data and, per role, the URL of every GET page."""
    with app_on(live) as app:
        data = _seed(app)
        pages: dict[str, list[tuple[str, str]]] = {}
        for role in ROLES:
            found = []
            for rule in app.url_map.iter_rules():
                if "GET" not in rule.methods or rule.endpoint == "static":
                    continue
                unknown = set(rule.arguments) - FILL.keys()
                assert not unknown, f"{rule.rule}: add a fill-in for {sorted(unknown)} to FILL"
                values = {name: FILL[name](rule.endpoint, role, data) for name in rule.arguments}
                found.append((rule.endpoint, rule.build(values, append_unknown=False)[1]))
            pages[role] = found + [("extra", url) for url in EXTRA]
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
