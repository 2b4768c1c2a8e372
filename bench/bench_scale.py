"""School scale, measured: p50/p99 at 8 connections of the pages a school uses and of a
hand-in, under gunicorn (2 workers) on 127.0.0.1, on a PostgreSQL and on a SQLite database
holding 10,000 learners, 500 texts and 1,000,000 answers (with attempts, classes and their
teachers, saved words and reviews in proportion).

    python bench/bench_scale.py [--quick] [--only sqlite|postgresql] [--seconds N]

The texts are the real packs in questions/, imported through the app's importer, then
copied in SQL under new ids; everything else is bulk-inserted (executemany in large
batches on SQLite, COPY on PostgreSQL). PostgreSQL is a throw-away server on a Unix socket
(tests/postgres.py). `--quick` seeds a tenth, for development. Prints figures and never
fails on time."""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_http import (  # noqa: E402
    CONNECTIONS,
    Page,
    format_figures,
    measure_in_turn,
    python_client,
    wrk,
)
from sqlalchemy import Engine, select, text  # noqa: E402
from werkzeug.security import generate_password_hash  # noqa: E402

from quizapp import create_app  # noqa: E402
from quizapp.classes.service import JOIN_ALPHABET  # noqa: E402
from quizapp.db import write_session  # noqa: E402
from quizapp.grading import grade  # noqa: E402
from quizapp.language.store import pipeline_for_import  # noqa: E402
from quizapp.library.importer import import_pack  # noqa: E402
from quizapp.migrate import upgrade_database  # noqa: E402
from quizapp.models import Article, ArticleAnalysis, Question  # noqa: E402
from quizapp.packs import load_pack  # noqa: E402
from quizapp.quiz.service import current_questions  # noqa: E402
from quizapp.vocab.scheduling import new_card  # noqa: E402
from tests.load.harness import FormFields, Learner  # noqa: E402
from tests.server import serving  # noqa: E402

PASSWORD = "a school of learners"
CLASS_SIZE = 25
CLASSES_PER_TEACHER = 4
SYLLABUS = 15  # the texts a class works on; a learner now and then picks another
WORDS_PER_LEARNER = 6  # saved words, on average; each has two cards
IN_PROGRESS = 0.05  # learners with a quiz open
HAND_IN_PACK = "biden-poetin-videogesprek"  # the longest quiz: 40 questions
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
BATCH = 50_000


@dataclass(frozen=True)
class Scale:
    learners: int
    texts: int
    answers: int
    seconds: int  # per page and round
    rounds: int
    hand_ins: int  # per connection


FULL = Scale(10_000, 500, 1_000_000, seconds=4, rounds=3, hand_ins=25)
QUICK = Scale(1_000, 60, 100_000, seconds=2, rounds=2, hand_ins=8)


# Bulk writing: straight to the driver, in the form SQLAlchemy itself stores.


class BulkWriter:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sqlite = engine.dialect.name == "sqlite"

    def time(self, moment: datetime | None) -> Any:
        # SQLAlchemy keeps SQLite datetimes as naive UTC text in this format.
        if moment is None or not self.sqlite:
            return moment
        return moment.strftime("%Y-%m-%d %H:%M:%S.%f")

    def rows(self, table: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> int:
        raw = self.engine.raw_connection()
        count = 0
        try:
            cursor = raw.cursor()
            if self.sqlite:
                statement = (
                    f"INSERT INTO {table} ({', '.join(columns)}) "  # nosec B608 - our names
                    f"VALUES ({', '.join('?' * len(columns))})"
                )
                # The engine runs SQLite's driver in autocommit mode and emits BEGIN itself
                # (db.py): without one here, every row would be a transaction of its own.
                cursor.execute("BEGIN")
                batch: list[tuple] = []
                for row in rows:
                    batch.append(row)
                    if len(batch) == BATCH:
                        cursor.executemany(statement, batch)
                        count += len(batch)
                        batch.clear()
                cursor.executemany(statement, batch)
                count += len(batch)
                cursor.execute("COMMIT")
            else:
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                        count += 1
                raw.commit()
            cursor.close()
        finally:
            raw.close()
        return count


# The school.


@dataclass
class SourceQuestion:
    id: int
    right: tuple[str, float, float, bool]  # response JSON, score, max score, correct
    wrong: tuple[str, float, float, bool]


@dataclass
class Text:
    id: int
    pack_id: str
    questions: list[int]  # in the order a new attempt asks them
    source: int  # index into the imported packs


@dataclass
class Fixture:
    class_id: int
    teacher: str
    learner: str
    quiz_attempt: int
    results_attempt: int
    reading_pack: str
    stats_pack: str
    hand_in_learners: list[str]
    counts: dict[str, int]


def _responses(payload: dict[str, Any]) -> tuple[Any, Any]:
    """A right answer where the type makes one easy to write, and a wrong or blank one."""
    kind = payload["type"]
    options = payload.get("options") or []
    if kind == "choice":
        right = next(i for i, o in enumerate(options) if o.get("correct"))
        return right, (right + 1) % len(options)
    if kind == "multi":
        return [i for i, o in enumerate(options) if o.get("correct")], []
    if kind == "truefalse":
        return bool(payload["answer"]), not payload["answer"]
    return None, None  # typed, cloze, match, order: left blank, graded wrong


def _graded(payload: dict[str, Any], response: Any) -> tuple[str, float, float, bool]:
    result = grade(payload, response)
    return json.dumps({"value": response}), result.score, result.max_score, result.correct


def import_packs(app) -> list[Text]:
    analyser = pipeline_for_import()
    for path in sorted((ROOT / "questions").glob("*.yaml")):
        pack, _ = load_pack(path)
        with write_session(app) as session:
            import_pack(session, pack, analyser)
    with write_session(app) as session:
        articles = session.scalars(select(Article).order_by(Article.id)).all()
        return [
            Text(a.id, a.pack_id, [q.id for q in current_questions(session, a)], n)
            for n, a in enumerate(articles)
        ]


def copy_texts(engine: Engine, sources: list[Text], count: int) -> list[Text]:
    """`count` texts: the imported ones, then copies of them under new ids and pack ids.
    Copy n of a row gets id + n * (largest id), so ids never clash and a copy's question
    ids follow from the source's."""
    articles = [c.name for c in Article.__table__.columns]
    analyses = [c.name for c in ArticleAnalysis.__table__.columns]
    questions = [c.name for c in Question.__table__.columns]
    changed = {
        "id": "id + :article_step",
        "pack_id": "pack_id || :pack_suffix",
        "title": "title || :title_suffix",
        "article_id": "article_id + :article_step",
    }

    def select_list(columns: list[str], question_table: bool = False) -> str:
        made = dict(changed, id="id + :question_step") if question_table else changed
        return ", ".join(made.get(c, c) for c in columns)

    statements = [
        f"INSERT INTO articles ({', '.join(articles)}) "  # nosec B608 - our own column names
        f"SELECT {select_list(articles)} FROM articles WHERE id = :source",
        f"INSERT INTO article_analyses ({', '.join(analyses)}) "  # nosec B608
        f"SELECT {select_list(analyses)} FROM article_analyses WHERE article_id = :source",
        f"INSERT INTO questions ({', '.join(questions)}) "  # nosec B608
        f"SELECT {select_list(questions, True)} FROM questions WHERE article_id = :source",
    ]
    with engine.begin() as connection:
        article_step = connection.execute(text("SELECT max(id) FROM articles")).scalar()
        question_step = connection.execute(text("SELECT max(id) FROM questions")).scalar()
        texts = list(sources)
        for t in range(len(sources), count):
            source = sources[t % len(sources)]
            n = t // len(sources)
            values = {
                "source": source.id,
                "article_step": n * article_step,
                "question_step": n * question_step,
                "pack_suffix": f"-{n}",
                "title_suffix": f" ({n})",
            }
            for statement in statements:
                connection.execute(text(statement), values)
            texts.append(
                Text(
                    source.id + n * article_step,
                    f"{source.pack_id}-{n}",
                    [q + n * question_step for q in source.questions],
                    source.source,
                )
            )
    return texts


def _join_code(n: int) -> str:
    digits = []
    for _ in range(8):
        n, digit = divmod(n, len(JOIN_ALPHABET))
        digits.append(JOIN_ALPHABET[digit])
    return "".join(digits)


def _lemmas(engine: Engine, sources: list[Text]) -> list[tuple[str, str, str | None]]:
    """(lemma, form, de/het) of the content words of the imported texts."""
    found: dict[str, tuple[str, str, str | None]] = {}
    with engine.connect() as connection:
        for source in sources:
            tokens = connection.execute(
                select(ArticleAnalysis.tokens).where(ArticleAnalysis.article_id == source.id)
            ).scalar()
            for token in tokens or []:
                lemma = token.get("lemma") if isinstance(token, dict) else None
                if lemma and lemma.isalpha() and len(lemma) > 3:
                    found.setdefault(
                        lemma.lower(),
                        (lemma.lower(), token.get("text", lemma), token.get("gender")),
                    )
    return list(found.values())


def seed(app, scale: Scale) -> tuple[Fixture, dict[str, float]]:
    engine = app.extensions["quizapp.engine"]
    writer = BulkWriter(engine)
    rng = random.Random(15)
    took: dict[str, float] = {}
    began = time.perf_counter()
    upgrade_database(engine)
    sources = import_packs(app)
    took["import packs"] = time.perf_counter() - began

    began = time.perf_counter()
    texts = copy_texts(engine, sources, scale.texts)
    took["copy texts"] = time.perf_counter() - began

    began = time.perf_counter()
    with engine.connect() as connection:
        payloads = dict(
            connection.execute(
                select(Question.id, Question.payload).where(
                    Question.article_id.in_([s.id for s in sources])
                )
            ).all()
        )
    graded = {}
    for qid, payload in payloads.items():
        right, wrong = _responses(payload)
        graded[qid] = SourceQuestion(qid, _graded(payload, right), _graded(payload, wrong))
    source_of = {}
    for t in texts:
        for own, source_qid in zip(t.questions, sources[t.source].questions, strict=True):
            source_of[own] = graded[source_qid]

    classes = max(1, scale.learners // CLASS_SIZE)
    teachers = max(1, classes // CLASSES_PER_TEACHER)
    password_hash = generate_password_hash(PASSWORD)
    created = writer.time(NOW - timedelta(days=200))
    user_rows = [
        (n + 1, f"teacher{n:03d}", password_hash, "teacher", "B2", created) for n in range(teachers)
    ]
    learner_ids = list(range(teachers + 1, teachers + 1 + scale.learners))
    user_rows += [
        (uid, f"learner{n:05d}", password_hash, "learner", rng.choice(("A2", "B1", "B2")), created)
        for n, uid in enumerate(learner_ids)
    ]
    counts = {}
    columns = ("id", "username", "password_hash", "role", "level", "created_at")
    counts["users"] = writer.rows("users", columns, user_rows)
    counts["classes"] = writer.rows(
        "school_classes",
        ("id", "name", "join_code", "owner_id", "created_at"),
        (
            (c + 1, f"Klas {c + 1}", _join_code(c + 1), c % teachers + 1, created)
            for c in range(classes)
        ),
    )
    class_of = {uid: n // CLASS_SIZE % classes + 1 for n, uid in enumerate(learner_ids)}
    counts["memberships"] = writer.rows(
        "class_memberships",
        ("class_id", "user_id", "role", "joined_at"),
        ((class_of[uid], uid, "learner", created) for uid in learner_ids),
    )

    # Each class works through its own texts; now and then a learner picks another.
    syllabus = {c + 1: rng.sample(texts, min(SYLLABUS, len(texts))) for c in range(classes)}
    ability = {uid: rng.uniform(0.3, 0.95) for uid in learner_ids}
    attempts: list[tuple] = []
    answers: list[tuple] = []

    def attempt(uid: int, chosen: Text, finished: datetime | None) -> int:
        attempt_id = len(attempts) + 1
        at = writer.time(finished)
        score = possible = 0.0
        for qid in chosen.questions if finished else ():
            outcome = source_of[qid].right if rng.random() < ability[uid] else source_of[qid].wrong
            response, points, max_points, correct = outcome
            score += points
            possible += max_points
            answers.append((attempt_id, qid, response, points, max_points, correct, at))
        started = (finished or NOW) - timedelta(minutes=rng.uniform(3, 20))
        attempts.append(
            (
                attempt_id,
                uid,
                chosen.id,
                "finished" if finished else "in_progress",
                1 if finished else 0,
                f"{attempt_id:016x}",
                json.dumps(chosen.questions),
                "{}",
                writer.time(started),
                at,
                score if finished else None,
                possible if finished else None,
            )
        )
        return attempt_id

    def some_day() -> datetime:
        return NOW - timedelta(days=rng.uniform(0, 120))

    # The learner whose pages are measured is a busy one: a dozen quizzes done, one open.
    bench_learner, class_id = learner_ids[0], class_of[learner_ids[0]]
    hand_in_text = next(t for t in texts if t.pack_id == HAND_IN_PACK)
    for chosen in rng.sample(syllabus[class_id], min(12, SYLLABUS)):
        results_attempt = attempt(bench_learner, chosen, some_day())
    quiz_attempt = attempt(bench_learner, hand_in_text, None)
    while len(answers) < scale.answers:
        uid = rng.choice(learner_ids)
        chosen = rng.choice(syllabus[class_of[uid]]) if rng.random() < 0.85 else rng.choice(texts)
        attempt(uid, chosen, some_day())
    for uid in learner_ids[1:]:
        if rng.random() < IN_PROGRESS:
            attempt(uid, rng.choice(syllabus[class_of[uid]]), None)
    columns = (
        "id",
        "user_id",
        "article_id",
        "state",
        "seq",
        "seed",
        "question_ids",
        "draft",
        "started_at",
        "finished_at",
        "score",
        "max_score",
    )
    counts["attempts"] = writer.rows("attempts", columns, attempts)
    columns = (
        "attempt_id",
        "question_id",
        "response",
        "score",
        "max_score",
        "correct",
        "created_at",
    )
    counts["answers"] = writer.rows("answers", columns, answers)

    lemmas = _lemmas(engine, sources)
    items, cards, reviews = [], [], []
    card_template = new_card(0, NOW)
    card_id = 0
    for item_id, (uid, lemma) in enumerate(
        (
            (uid, entry)
            for uid in learner_ids
            for entry in rng.sample(lemmas, min(len(lemmas), rng.randint(0, 2 * WORDS_PER_LEARNER)))
        ),
        start=1,
    ):
        saved = NOW - timedelta(days=rng.uniform(0, 60))
        word, form, gender = lemma
        text_id = rng.choice(syllabus[class_of[uid]]).id
        items.append((item_id, uid, word, form, "", gender, "", text_id, writer.time(saved)))
        for direction in ("recognition", "recall"):
            card_id += 1
            due = saved
            reviewed = None
            for _ in range(rng.choice((0, 0, 1, 2, 3))):
                reviewed = due + timedelta(hours=rng.uniform(1, 72))
                due_after = reviewed + timedelta(days=rng.uniform(1, 10))
                reviews.append(
                    (
                        uid,
                        card_id,
                        word,
                        direction,
                        rng.choice((1, 3, 3, 4)),
                        writer.time(reviewed),
                        writer.time(due),
                        writer.time(due_after),
                    )
                )
                due = due_after
            state = card_template | {"card_id": card_id, "due": due.isoformat()}
            if reviewed:
                state["last_review"] = reviewed.isoformat()
            cards.append(
                (
                    card_id,
                    item_id,
                    direction,
                    json.dumps(state),
                    writer.time(due),
                    writer.time(reviewed),
                    len(reviews),
                )
            )
    columns = (
        "id",
        "user_id",
        "lemma",
        "form",
        "meaning",
        "gender",
        "sentence",
        "article_id",
        "created_at",
    )
    counts["saved words"] = writer.rows("vocab_items", columns, items)
    columns = ("id", "item_id", "direction", "state", "due", "last_review", "seq")
    counts["cards"] = writer.rows("vocab_cards", columns, cards)
    columns = (
        "user_id",
        "card_id",
        "lemma",
        "direction",
        "rating",
        "reviewed_at",
        "due_before",
        "due_after",
    )
    counts["reviews"] = writer.rows("vocab_reviews", columns, reviews)
    took["bulk rows"] = time.perf_counter() - began

    began = time.perf_counter()
    with engine.connect() as connection:
        if not writer.sqlite:
            # Rows came with their ids: move each sequence past them, as a server would be.
            for table in (
                "users",
                "articles",
                "questions",
                "attempts",
                "answers",
                "school_classes",
                "class_memberships",
                "vocab_items",
                "vocab_cards",
                "vocab_reviews",
            ):
                connection.execute(
                    text(  # nosec B608 - our table names
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
                )
            connection.commit()
    if not writer.sqlite:
        # A live server's autovacuum has statistics on its tables; a fresh bulk load does not.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    took["sequences, statistics"] = time.perf_counter() - began

    by_text: dict[int, int] = {}
    for row in attempts:
        if class_of[row[1]] == class_id and row[3] == "finished":
            by_text[row[2]] = by_text.get(row[2], 0) + 1
    pack_of = {t.id: t.pack_id for t in texts}
    username = {row[0]: row[1] for row in user_rows}
    fixture = Fixture(
        class_id=class_id,
        teacher=username[(class_id - 1) % teachers + 1],
        learner=username[bench_learner],
        quiz_attempt=quiz_attempt,
        results_attempt=results_attempt,
        reading_pack=HAND_IN_PACK,
        stats_pack=pack_of[max(by_text, key=by_text.get)],
        # Learners of another class hand in while the pages above are not being measured.
        hand_in_learners=[username[uid] for uid in learner_ids if class_of[uid] == classes][
            :CONNECTIONS
        ],
        counts=counts,
    )
    return fixture, took


# Serving and measuring.


def logged_in(port: int, username: str) -> Learner:
    learner = Learner(port, username)
    token = learner.token("/auth/login")
    form = {"username": username, "password": PASSWORD, "csrf_token": token}
    status, _, _ = learner.request("POST", "/auth/login", form)
    if status != 302:
        raise RuntimeError(f"{username} could not log in: {status}")
    return learner


def fetch(port: int, page: Page) -> tuple[int, int]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", page.path, headers=page.headers)
    response = connection.getresponse()
    size = len(response.read())
    connection.close()
    return response.status, size


def hand_ins(port: int, usernames: list[str], count: int) -> list[float]:
    """Seconds per hand-in of the 40-question quiz, `len(usernames)` learners at once, each
    starting, opening and handing in `count` quizzes one after another (only the hand-in,
    the POST that grades and stores the answers, is timed)."""
    latencies: list[float] = []
    lock = threading.Lock()
    errors: list[str] = []

    def learner_thread(username: str) -> None:
        learner = logged_in(port, username)
        try:
            for _ in range(count):
                token = learner.token(f"/articles/{HAND_IN_PACK}")
                status, location, _ = learner.request(
                    "POST", f"/articles/{HAND_IN_PACK}/quiz", {"csrf_token": token}
                )
                path = location.replace(f"http://127.0.0.1:{port}", "")
                _, _, page = learner.request("GET", path)
                fields = FormFields()
                fields.feed(page)
                began = time.perf_counter()
                status, location, _ = learner.request(
                    "POST", path, fields.values | {"action": "finish", "confirm": "1"}
                )
                took = time.perf_counter() - began
                with lock:
                    if status == 303 and location.endswith("/results"):
                        latencies.append(took)
                    else:
                        errors.append(f"{username}: {status}")
        finally:
            learner.close()

    threads = [threading.Thread(target=learner_thread, args=(name,)) for name in usernames]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        print(f"    {len(errors)} hand-ins refused, first: {errors[0]}")
    return latencies


def measure_school(name: str, url: str, scale: Scale, seconds: int | None) -> None:
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench only"})
    engine = app.extensions["quizapp.engine"]
    began = time.perf_counter()
    fixture, took = seed(app, scale)
    engine.dispose()
    seeding = time.perf_counter() - began
    print(
        f"{name}: seeded in {seeding:.0f} s ("
        + ", ".join(f"{k} {v:.1f} s" for k, v in took.items())
        + ")"
    )
    print("  " + ", ".join(f"{count:,} {what}" for what, count in fixture.counts.items()))

    env = {"QUIZAPP_DATABASE_URL": url, "QUIZAPP_SECRET_KEY": "bench only"}
    with serving(os.environ | env) as server:
        learner = logged_in(server.port, fixture.learner)
        teacher = logged_in(server.port, fixture.teacher)
        as_learner = {"Cookie": learner.cookie}
        as_teacher = {"Cookie": teacher.cookie}
        attempt = f"/attempts/{fixture.quiz_attempt}"
        class_id = fixture.class_id
        pages = [
            Page("library", "/", as_learner),
            Page("reading page", f"/articles/{fixture.reading_pack}", as_learner),
            Page("quiz page", attempt, as_learner),
            Page("results page", f"/attempts/{fixture.results_attempt}/results", as_learner),
            Page("progress", "/progress", as_learner),
            Page("teacher dashboard", f"/teacher?class={class_id}", as_teacher),
            Page(
                "item statistics",
                f"/teacher/classes/{class_id}/articles/{fixture.stats_pack}",
                as_teacher,
            ),
        ]
        for page in pages:
            # Each page once before timing: it must answer 200, and its templates (and the
            # reading page's rendered text) are then in the workers' memory as in a school.
            status, size = fetch(server.port, page)
            print(f"    {page.name}: {page.path} answers {status}, {size / 1000:.0f} KB")
        measure = wrk if shutil.which("wrk") else python_client
        results = measure_in_turn(
            server.url, pages, seconds or scale.seconds, measure, rounds=scale.rounds
        )
        learner.close()
        teacher.close()
        for page in pages:
            print(f"  {page.name:20} {format_figures(results[page.name].page)}")
        took = sorted(hand_ins(server.port, fixture.hand_in_learners, scale.hand_ins))
        if took:
            p99 = took[min(len(took) - 1, int(len(took) * 0.99))]
            print(
                f"  {'hand-in':20} {len(took)} of 40 questions, {len(fixture.hand_in_learners)}"
                f" at once: p50 {statistics.median(took) * 1000:6.2f} ms"
                f"   p99 {p99 * 1000:6.2f} ms"
            )


@contextmanager
def postgres_url() -> Iterator[str | None]:
    try:
        from tests.postgres import PostgresServer

        server = PostgresServer()
    except (RuntimeError, OSError) as error:
        print(f"PostgreSQL: not measured ({error})")
        yield None
        return
    try:
        yield server.url(server.create_database())
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the school")
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--seconds", type=int, help="per page and round")
    args = parser.parse_args()
    scale = QUICK if args.quick else FULL
    measure = "wrk" if shutil.which("wrk") else "a Python client"
    print(
        f"School scale: {scale.learners:,} learners, {scale.texts} texts,"
        f" {scale.answers:,} answers; gunicorn, 2 workers, {CONNECTIONS} connections,"
        f" {args.seconds or scale.seconds} s a page x {scale.rounds} rounds (medians), {measure}"
    )
    began = time.perf_counter()
    if args.only in (None, "postgresql"):
        with postgres_url() as url:
            if url:
                measure_school("PostgreSQL", url, scale, args.seconds)
    if args.only in (None, "sqlite"):
        with tempfile.TemporaryDirectory() as folder:
            measure_school("SQLite", f"sqlite:///{folder}/school.sqlite", scale, args.seconds)
    print(f"School scale took {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
