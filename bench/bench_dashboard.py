"""Render time of the teacher dashboard for a class of 40 over 50 articles with 10,000
finished attempts (80,000 answers), in a temporary SQLite database.

    python bench/bench_dashboard.py [rounds]

Prints figures and never fails on time. The fixture is written with bulk inserts; the
pages are rendered through the test client, logged in as the class's teacher.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import event, insert, select

from quizapp import create_app
from quizapp.auth import service as accounts
from quizapp.db import write_session
from quizapp.migrate import upgrade_database
from quizapp.models import Answer, Article, Attempt, ClassMembership, Question, SchoolClass, User

LEARNERS = 40
ARTICLES = 50
ATTEMPTS = 10_000
QUESTIONS_PER_ARTICLE = 8
PASSWORD = "bench password 1"


def _choice(key: str, line: int) -> dict:
    return {
        "line": line,
        "id": key,
        "type": "choice",
        "prompt": f"Vraag {key}?",
        "points": 1.0,
        "shuffle": True,
        "options": [
            {"text": "goed", "correct": True},
            {"text": "fout een", "correct": False},
            {"text": "fout twee", "correct": False},
        ],
    }


def build_fixture(app) -> tuple[int, str]:
    """(class id, pack id of one article); learners of random ability answer at random."""
    rng = random.Random(7)
    start = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    with write_session(app) as session:
        teacher = accounts.create_user(session, "teacher", PASSWORD, role="teacher")
        school_class = SchoolClass(name="Bench class", join_code="BENCH234", owner_id=teacher.id)
        session.add(school_class)
        session.flush()
        learner_ids = []
        for n in range(LEARNERS):
            # Learners never log in here: skip forty slow password hashes.
            learner = User(username=f"learner{n:02d}", password_hash="!", role="learner")
            session.add(learner)
            session.flush()
            learner_ids.append(learner.id)
        session.execute(
            insert(ClassMembership),
            [
                {"class_id": school_class.id, "user_id": uid, "role": "learner"}
                for uid in learner_ids
            ],
        )
        session.execute(
            insert(Article),
            [
                {
                    "pack_id": f"artikel-{a:02d}",
                    "title": f"Artikel {a:02d}",
                    "text": "Een korte tekst.",
                    "pack_path": f"/srv/questions/artikel-{a:02d}.yaml",
                    "content_hash": f"{a:064d}",
                    "tags": [],
                    "glossary": {},
                    "generate": {},
                }
                for a in range(ARTICLES)
            ],
        )
        article_ids = list(session.scalars(select(Article.id).order_by(Article.id)))
        session.execute(
            insert(Question),
            [
                {
                    "article_id": aid,
                    "key": f"q{q}",
                    "version": 1,
                    "type": "choice",
                    "payload": _choice(f"q{q}", 10 + 12 * q),
                    "content_hash": f"{aid}-{q}",
                    "position": q,
                }
                for aid in article_ids
                for q in range(QUESTIONS_PER_ARTICLE)
            ],
        )
        questions: dict[int, list[int]] = {}
        for qid, aid in session.execute(select(Question.id, Question.article_id)):
            questions.setdefault(aid, []).append(qid)

        ability = {uid: rng.random() for uid in learner_ids}
        attempts, answers = [], []
        per_pair = ATTEMPTS // (LEARNERS * ARTICLES)
        attempt_id = 0
        for uid in learner_ids:
            for aid in article_ids:
                for k in range(per_pair):
                    attempt_id += 1
                    finished = start + timedelta(days=rng.randrange(60), minutes=k)
                    marks = [
                        1.0 if rng.random() < 0.25 + 0.7 * ability[uid] else 0.0
                        for _ in questions[aid]
                    ]
                    attempts.append(
                        {
                            "id": attempt_id,
                            "user_id": uid,
                            "article_id": aid,
                            "state": "finished",
                            "seq": 1,
                            "seed": "bench",
                            "question_ids": questions[aid],
                            "draft": {},
                            "started_at": finished - timedelta(minutes=6),
                            "finished_at": finished,
                            "score": sum(marks),
                            "max_score": float(len(marks)),
                        }
                    )
                    for qid, mark in zip(questions[aid], marks, strict=True):
                        answers.append(
                            {
                                "attempt_id": attempt_id,
                                "question_id": qid,
                                "response": {"value": 0 if mark else rng.choice([1, 2])},
                                "score": mark,
                                "max_score": 1.0,
                                "correct": bool(mark),
                                "created_at": finished,
                            }
                        )
        session.execute(insert(Attempt), attempts)
        session.execute(insert(Answer), answers)
        return school_class.id, "artikel-00"


def timed(client, url: str, rounds: int, counter: list[int]) -> tuple[list[float], int]:
    timings, queries = [], 0
    for _ in range(rounds):
        counter[0] = 0
        began = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - began)
        assert response.status_code == 200, (url, response.status_code)
        queries = counter[0]
    return timings, queries


def main(rounds: int = 5) -> None:
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "bench only",
                "WTF_CSRF_ENABLED": False,
                "DATABASE_URL": f"sqlite:///{Path(folder) / 'bench.sqlite'}",
            }
        )
        engine = app.extensions["quizapp.engine"]
        upgrade_database(engine)
        began = time.perf_counter()
        class_id, pack_id = build_fixture(app)
        print(
            f"fixture: {LEARNERS} learners, {ARTICLES} articles, {ATTEMPTS} attempts, "
            f"{ATTEMPTS * QUESTIONS_PER_ARTICLE} answers, built in "
            f"{time.perf_counter() - began:.1f} s"
        )
        counter = [0]

        @event.listens_for(engine, "before_cursor_execute")
        def _count(*_args):
            counter[0] += 1

        client = app.test_client()
        client.post("/auth/login", data={"username": "teacher", "password": PASSWORD})
        pages = [
            ("dashboard", f"/teacher?class={class_id}"),
            ("dashboard, one month", f"/teacher?class={class_id}&start=2026-02-01&end=2026-02-28"),
            ("article statistics", f"/teacher/classes/{class_id}/articles/{pack_id}"),
            ("results CSV", f"/teacher/classes/{class_id}/results.csv"),
        ]
        print(f"{'page':<24} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'queries':>8}")
        for name, url in pages:
            client.get(url)  # warm the template cache
            timings, queries = timed(client, url, rounds, counter)
            ms = [t * 1000 for t in timings]
            print(
                f"{name:<24} {statistics.median(ms):>10.1f} {min(ms):>8.1f} "
                f"{max(ms):>8.1f} {queries:>8}"
            )
        engine.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
