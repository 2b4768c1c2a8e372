"""Every GET page of the app with data in it, for the tests that visit them all (360 px in
Chromium, the interface in Dutch): the seeded accounts and their data, and each route's
arguments by name (FILL). A route with an argument FILL does not know fails in those
tests until it is given one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select
from werkzeug.datastructures import MultiDict

PASSWORD = "correct horse battery"
SEED = "biden-poetin-videogesprek"
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


def seed_every_page(app, prefix: str = "narrow") -> Seeded:
    """Accounts per role named PREFIX-ROLE, each with a quiz handed in and one under way,
    saved and reviewed words, a class with an assignment and a web pack in two versions."""
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
            user = create_user(session, f"{prefix}-{role}", PASSWORD, role)
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
            create_user(session, f"{prefix}-leerling-met-een-lange-naam-{n}", PASSWORD).id
            for n in range(4)
        ]
        for n, learner in enumerate(learners):
            for days, article in enumerate(articles):
                finished = now - timedelta(days=days + n)
                attempt = Attempt(
                    user_id=learner,
                    article_id=article.id,
                    state="finished",
                    seed=prefix,
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
                name=f"Klas {len(data.classes) + 1}",
                join_code=f"{prefix.upper()}{len(data.classes)}",
                owner_id=owner,
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


def every_page(app, data: Seeded, role: str) -> Iterator[tuple[str, str]]:
    """(endpoint, URL) of every GET route for ROLE, then the EXTRA query strings."""
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        unknown = set(rule.arguments) - FILL.keys()
        assert not unknown, f"{rule.rule}: add a fill-in for {sorted(unknown)} to FILL"
        values = {name: FILL[name](rule.endpoint, role, data) for name in rule.arguments}
        yield rule.endpoint, rule.build(values, append_unknown=False)[1]
    for url in EXTRA:
        yield "extra", url
