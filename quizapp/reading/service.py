"""Reading the library: which articles there are, how a learner did on them, and the reading
page's row."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, bindparam, func, null, select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from quizapp.models import (
    Article,
    ArticleAnalysis,
    Assignment,
    Attempt,
    ClassMembership,
    SchoolClass,
    VocabItem,
)


@dataclass(frozen=True)
class LibraryEntry:
    article: Row  # the columns of _LIBRARY: what a card shows and links to
    best_score: float | None  # 0..1, None when never finished
    attempts: int
    estimated_level: str | None = None  # the pipeline's estimate, for packs without a level

    @property
    def level(self) -> str | None:
        return self.article.level or self.estimated_level


# What the library's cards and the reading page's header show of an article (not its text).
_SHOWN = (
    Article.id,
    Article.pack_id,
    Article.title,
    Article.source,
    Article.published,
    Article.level,
)
# The library is the first page everyone sees. Its statements are built once (building one
# costs more than running it) and read only the columns a card shows, not each text; of
# the analysis's stats only the estimated level, taken out by the database: decoding every
# article's stats was a fifth of the page at a school's 500 texts (bench_scale).
_LIBRARY = (
    select(*_SHOWN, ArticleAnalysis.stats["level"].as_string().label("estimated_level"))
    .outerjoin(ArticleAnalysis, ArticleAnalysis.article_id == Article.id)
    .where(Article.hidden.is_(False))
    .order_by(Article.title)
)
_BEST_SCORES = (
    select(
        Attempt.article_id,
        func.max(Attempt.score / Attempt.max_score),
        func.count(Attempt.id),
    )
    .where(
        Attempt.user_id == bindparam("user_id"),
        Attempt.state == "finished",
        Attempt.max_score > 0,
    )
    .group_by(Attempt.article_id)
)


# "For your class": texts assigned to a class the learner is in (not archived), soonest
# due first, those without a due date last.
_ASSIGNED = (
    select(Assignment.article_id, Assignment.due, SchoolClass.name.label("class_name"))
    .join(SchoolClass, SchoolClass.id == Assignment.class_id)
    .join(ClassMembership, ClassMembership.class_id == SchoolClass.id)
    .join(Article, Article.id == Assignment.article_id)
    .where(
        ClassMembership.user_id == bindparam("user_id"),
        ClassMembership.role == "learner",
        SchoolClass.archived_at.is_(None),
        Article.hidden.is_(False),
    )
    .order_by(Assignment.due.is_(None), Assignment.due, SchoolClass.name)
)


@dataclass(frozen=True)
class AssignedEntry:
    entry: LibraryEntry
    due: object  # a date, or None
    class_name: str


def assigned(session: Session, user_id: int, entries: list[LibraryEntry]) -> list[AssignedEntry]:
    """The library entries set for this learner's classes, in the order they are due."""
    by_id = {entry.article.id: entry for entry in entries}
    rows = session.connection().execute(_ASSIGNED, {"user_id": user_id})
    return [
        AssignedEntry(by_id[row.article_id], row.due, row.class_name)
        for row in rows
        if row.article_id in by_id
    ]


def library(session: Session, user_id: int | None) -> list[LibraryEntry]:
    connection = session.connection()
    found = connection.execute(_LIBRARY).all()
    scores: dict[int, tuple[float | None, int]] = {}
    if user_id is not None:
        rows = connection.execute(_BEST_SCORES, {"user_id": user_id})
        scores = {article_id: (best, count) for article_id, best, count in rows}
    return [LibraryEntry(row, *scores.get(row.id, (None, 0)), row.estimated_level) for row in found]


# What the reading page needs on every request, as one plain row: the article's metadata,
# its analysis's version and stats, and the words this reader saved (to list those in this
# text; a visitor's row does not ask). Built once: constructing a statement costs more
# than running it, and one round trip instead of two is a tenth of the page's time.
# aggregate_strings is group_concat on SQLite and string_agg on PostgreSQL; the separator
# is the ASCII unit separator, which no word contains.
_SAVED_SEPARATOR = "\x1f"


def _reading_row(saved_words: ColumnElement, visible_only: bool = True) -> Select:
    row = (
        select(
            *_SHOWN,
            Article.content_hash,
            ArticleAnalysis.text_hash,
            ArticleAnalysis.lexicon_version,
            ArticleAnalysis.stats,
            saved_words.label("saved_words"),
        )
        .outerjoin(ArticleAnalysis, ArticleAnalysis.article_id == Article.id)
        .where(Article.pack_id == bindparam("pack_id"))
    )
    return row.where(~Article.hidden) if visible_only else row


_VISITORS_ROW = _reading_row(null())
# The same row for an article learners cannot open (a pack not yet published), for its
# author's preview: what a visitor's page shows of it.
_PREVIEW_ROW = _reading_row(null(), visible_only=False)
_READERS_ROW = _reading_row(
    select(func.aggregate_strings(VocabItem.lemma, _SAVED_SEPARATOR))
    .where(VocabItem.user_id == bindparam("user_id"))
    .scalar_subquery()
)


def article_for_reading(session: Session, pack_id: str, user_id: int | None) -> Row | None:
    """The reading page's row for a visible article, with `user_id`'s saved words (see
    saved_lemmas_of). Text and tokens are read only to render the page anew (text_and_tokens).
    Plain columns need no ORM: the row comes straight from the session's connection."""
    connection = session.connection()
    if user_id is None:
        return connection.execute(_VISITORS_ROW, {"pack_id": pack_id}).first()
    return connection.execute(_READERS_ROW, {"pack_id": pack_id, "user_id": user_id}).first()


def article_for_preview(session: Session, pack_id: str) -> Row | None:
    """article_for_reading's row whether or not learners may see the article; only for
    the pages that check who is asking (quizapp.authoring)."""
    return session.connection().execute(_PREVIEW_ROW, {"pack_id": pack_id}).first()


def saved_lemmas_of(reading_row: Row) -> set[str]:
    """The reader's saved lemmas, from article_for_reading's row."""
    joined = reading_row.saved_words
    return set(joined.split(_SAVED_SEPARATOR)) if joined else set()


def text_and_tokens(session: Session, article_id: int) -> tuple[str, list]:
    row = session.execute(
        select(Article.text, ArticleAnalysis.tokens)
        .outerjoin(ArticleAnalysis, ArticleAnalysis.article_id == Article.id)
        .where(Article.id == article_id)
    ).one()
    return row.text, row.tokens or []
