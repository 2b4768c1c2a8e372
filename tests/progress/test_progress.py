"""The learner's progress page: per-article scores, the charts, the questions they miss."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from quizapp.db import write_session
from quizapp.models import VocabReview
from quizapp.progress import service
from tests.classes.conftest import PASSWORD, SEED, START, add_attempt, seed_article


def test_progress_needs_login(client):
    response = client.get("/progress")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_progress_shows_best_latest_chart_and_missed(client, auth, school, seeded_app):
    with write_session(seeded_app) as session:
        article = seed_article(session)
        # lena: 50% on 2 March (fixture), then 100%, then 0% (latest).
        add_attempt(
            session,
            school.users["lena"],
            article,
            {"duur": 1, "ambtgenoot": 1},
            START + timedelta(days=1),
        )
        add_attempt(
            session,
            school.users["lena"],
            article,
            {"duur": 0, "ambtgenoot": 0},
            START + timedelta(days=2),
        )
    auth.login("lena", PASSWORD)
    page = client.get("/progress").get_data(as_text=True)
    row = re.search(
        r"<tr>\s*<th scope=\"row\"><a href=\"/articles/" + SEED + r".*?</tr>", page, re.S
    )
    cells = re.findall(r"<td>(.*?)</td>", row.group(0), re.S)
    assert cells[:3] == ["100%", "0%", "3"]  # best, latest, attempts
    assert (
        '<svg class="chart"' in page
        and 'aria-labelledby="score-chart-title score-chart-desc"' in page
    )
    assert "3 scores from 2026-03-02 to 2026-03-04; the latest is 0%, the best 100%." in page
    # ambtgenoot was wrong twice of three, duur once of three: ambtgenoot comes first.
    missed = page[page.index("Questions you often miss") :]
    assert missed.index("ambtgenoot") < missed.index("Hoe lang duurde")
    assert "wrong 2 of 3 times" in missed and "wrong 1 of 3 times" in missed
    assert f'href="/articles/{SEED}#s-' in missed  # back to the sentence it tests
    # otto's attempt is not lena's.
    per_article = page[page.index('id="articles-heading"') : page.index('id="reviews-heading"')]
    assert per_article.count('<th scope="row">') == 1


def test_words_reviewed_per_day_counts_distinct_words(seeded_app, school):
    today = datetime(2026, 3, 10, tzinfo=UTC).date()
    with write_session(seeded_app) as session:
        for lemma, direction, when in [
            ("gesprek", "recognition", datetime(2026, 3, 9, 8, tzinfo=UTC)),
            ("gesprek", "recall", datetime(2026, 3, 9, 9, tzinfo=UTC)),  # same word, same day
            ("ambt", "recognition", datetime(2026, 3, 9, 23, 59, tzinfo=UTC)),
            ("ambt", "recognition", datetime(2026, 3, 10, 0, 1, tzinfo=UTC)),
            ("oud", "recognition", datetime(2026, 2, 1, tzinfo=UTC)),  # out of the window
        ]:
            session.add(
                VocabReview(
                    user_id=school.users["lena"],
                    lemma=lemma,
                    direction=direction,
                    rating=3,
                    reviewed_at=when,
                    due_before=when,
                    due_after=when + timedelta(days=2),
                )
            )
        session.add(
            VocabReview(
                user_id=school.users["otto"],
                lemma="ander",
                direction="recall",
                rating=3,
                reviewed_at=datetime(2026, 3, 9, tzinfo=UTC),
                due_before=datetime(2026, 3, 9, tzinfo=UTC),
                due_after=datetime(2026, 3, 9, tzinfo=UTC),
            )
        )
    with write_session(seeded_app) as session:
        days = service.words_reviewed_per_day(session, school.users["lena"], today, days=3)
    assert [(d.isoformat(), n) for d, n in days] == [
        ("2026-03-08", 0),
        ("2026-03-09", 2),
        ("2026-03-10", 1),
    ]


def test_progress_without_anything_says_so(client, auth, school):
    auth.login("lars", PASSWORD)
    page = client.get("/progress").get_data(as_text=True)
    assert "No finished quizzes yet." in page
    assert "No words reviewed in the last two weeks." in page
    assert "Klas 3A" in page  # the class lars is in
