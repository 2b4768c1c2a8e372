"""The dashboard's figures, filters, CSV and query counts."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from quizapp.db import write_session
from quizapp.models import ClassMembership
from tests.classes.conftest import (
    PASSWORD,
    SEED,
    START,
    add_attempt,
    add_class,
    seed_article,
)


def _csv(response) -> list[list[str]]:
    assert response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def test_results_table_and_csv(client, auth, school, seeded_app):
    with write_session(seeded_app) as session:
        article = seed_article(session)
        # lena's second go: better; best becomes 100%, attempts 2.
        add_attempt(
            session,
            school.users["lena"],
            article,
            {"duur": 1, "ambtgenoot": 1},
            finished_at=START + timedelta(days=3),
        )
    auth.login("tina", PASSWORD)
    page = client.get("/teacher").get_data(as_text=True)
    assert '<strong>100%</strong> <span class="muted">2×</span>' in page
    assert "2026-03-05" in page
    assert '<svg class="chart"' in page and 'role="img"' in page
    rows = _csv(client.get(f"/teacher/classes/{school.classes['3A']}/results.csv"))
    assert rows[0] == ["learner", "article", "best_score_percent", "attempts", "last_activity_utc"]
    assert rows[1:] == [["lena", SEED, "100", "2", "2026-03-05 09:00"]]


def test_date_filter_narrows_the_attempts(client, auth, school, seeded_app):
    with write_session(seeded_app) as session:
        add_attempt(
            session,
            school.users["lars"],
            seed_article(session),
            {"duur": 1},
            finished_at=START + timedelta(days=10),
        )
    auth.login("tina", PASSWORD)
    url = f"/teacher/classes/{school.classes['3A']}/results.csv"
    assert [r[0] for r in _csv(client.get(url))[1:]] == ["lars", "lena"]
    assert [r[0] for r in _csv(client.get(url + "?start=2026-03-05"))[1:]] == ["lars"]
    assert [r[0] for r in _csv(client.get(url + "?end=2026-03-02"))[1:]] == ["lena"]
    # lars finished on 2026-03-12 at 09:00: a range ending that day includes it.
    assert _csv(client.get(url + "?start=2026-03-03&end=2026-03-11"))[1:] == []
    assert [r[0] for r in _csv(client.get(url + "?start=2026-03-12&end=2026-03-12"))[1:]] == [
        "lars"
    ]


def test_bad_dates_get_a_clear_message(client, auth, school):
    auth.login("tina", PASSWORD)
    for query, message in [
        ("start=yesterday", "“From” must be a date written as YYYY-MM-DD"),
        ("end=2026-02-30", "“To” must be a date written as YYYY-MM-DD"),
        ("start=2026-03-05&end=2026-03-01", "The “From” date is after the “To” date."),
    ]:
        response = client.get(f"/teacher?{query}")
        assert response.status_code == 400
        assert message in response.get_data(as_text=True)
        article = client.get(f"/teacher/classes/{school.classes['3A']}/articles/{SEED}?{query}")
        assert article.status_code == 400 and message in article.get_data(as_text=True)
    csv_response = client.get(f"/teacher/classes/{school.classes['3A']}/results.csv?start=x")
    assert csv_response.status_code == 400
    assert client.get("/teacher?class=abc").status_code == 400


def test_article_page_shows_statistics_and_pack_line(client, auth, school):
    auth.login("tina", PASSWORD)
    page = client.get(f"/teacher/classes/{school.classes['3A']}/articles/{SEED}").get_data(
        as_text=True
    )
    assert "questions/biden-poetin-videogesprek.yaml:58" in page  # 'duur' is on line 58
    assert "per question <em>version</em>" in page
    assert '<svg class="chart"' in page
    # lena picked option 2 ("twee uur", right) for duur and option 1 for ambtgenoot.
    assert 'twee uur</span> <span class="tag ok">right</span>: 1' in page


def test_flags_on_the_items_set_up_to_be_broken(client, auth, school, seeded_app):
    """Twelve learners of rising ability k: 'duur' everyone gets (too easy), 'kremlin'
    nobody (too hard), 'rode-lijnen' only the weaker ones (misleading); the rest follow
    ability, as a normal question does."""
    with write_session(seeded_app) as session:
        article = seed_article(session)
        learners = []
        from quizapp.auth import service as accounts

        for k in range(12):
            learners.append(accounts.create_user(session, f"learner{k}", PASSWORD).id)
        add_class(session, "Klas 6D", school.users["tina"], "KLAS6DDD", learners)
        for k, user_id in enumerate(learners):
            add_attempt(
                session,
                user_id,
                article,
                {
                    "ambtgenoot": int(k >= 3),
                    "waarschuwing": int(k >= 4),
                    "sancties": int(k >= 5),
                    "duur": 1,
                    "kremlin": 0,
                    "rode-lijnen": int(k <= 4),
                },
            )
        class_id = session.scalar(
            ClassMembership.__table__.select()
            .with_only_columns(ClassMembership.class_id)
            .where(ClassMembership.user_id == learners[0])
        )
    auth.login("tina", PASSWORD)
    rows = _csv(client.get(f"/teacher/classes/{class_id}/articles/{SEED}/items.csv"))
    flags = {row[0]: row[8] for row in rows[1:]}
    assert flags == {
        "duur": "too easy",
        "kremlin": "too hard",
        "rode-lijnen": "negative discrimination",
        "ambtgenoot": "",
        "waarschuwing": "",
        "sancties": "",
    }
    page = client.get(f"/teacher/classes/{class_id}/articles/{SEED}").get_data(as_text=True)
    assert page.count('class="flagged"') == 3
    assert "too few answers</span>" not in page


def test_below_ten_answers_nothing_is_flagged_and_the_page_says_so(client, auth, school):
    # Klas 3A: lena's one attempt; 'duur' right by all (1 of 1) would be "too easy".
    auth.login("tina", PASSWORD)
    rows = _csv(client.get(f"/teacher/classes/{school.classes['3A']}/articles/{SEED}/items.csv"))
    assert {row[8] for row in rows[1:]} == {"too few answers"}
    page = client.get(f"/teacher/classes/{school.classes['3A']}/articles/{SEED}").get_data(
        as_text=True
    )
    assert 'class="flagged"' not in page
    assert page.count('<span class="too-few">too few answers</span>') == len(rows) - 1


def _grow_class(app, school, learners: int, articles_used: int) -> None:
    """Add learners to tina's class, each with an attempt per article (the seed article
    stands for every article: the queries group by article id the same way)."""
    from quizapp.auth import service as accounts

    with write_session(app) as session:
        article = seed_article(session)
        for n in range(learners):
            uid = accounts.create_user(session, f"extra{n}", PASSWORD).id
            session.add(ClassMembership(class_id=school.classes["3A"], user_id=uid))
            for _ in range(articles_used):
                add_attempt(session, uid, article, {"duur": n % 2, "ambtgenoot": 1})


def test_query_count_does_not_grow_with_the_class(client, auth, school, seeded_app, count_queries):
    auth.login("tina", PASSWORD)
    urls = [
        "/teacher",
        f"/teacher/classes/{school.classes['3A']}/articles/{SEED}",
        f"/teacher/classes/{school.classes['3A']}/results.csv",
        "/progress",
    ]

    def counts():
        found = []
        for url in urls:
            with count_queries:
                assert client.get(url).status_code == 200
            found.append(count_queries.count)
        return found

    small = counts()
    _grow_class(seeded_app, school, learners=12, articles_used=3)
    assert counts() == small
