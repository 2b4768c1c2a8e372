"""Reading the library: which articles there are, how a learner did on them, and the reading
page's row."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, Select, bindparam, case, func, null, select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from quizapp.levels import is_level, level_rank
from quizapp.models import (
    Article,
    ArticleAnalysis,
    Assignment,
    Attempt,
    ClassMembership,
    SchoolClass,
    VocabCard,
    VocabItem,
)

# Words a minute a learner reads a text in a language they are learning (a native reader
# does some 250): the library's reading time is an estimate to choose by, not a promise.
LEARNER_WORDS_PER_MINUTE = 100
SORTS = ("level", "newest")
DEFAULT_SORT = "level"  # easiest first: what a learner can read is what they look for
_SUMMARY_CHARS = 160
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s)")


@dataclass(frozen=True)
class LibraryEntry:
    article: Row  # the columns of _LIBRARY: what a card shows and links to
    best_score: float | None  # 0..1, None when never finished
    attempts: int
    estimated_level: str | None = None  # the pipeline's estimate, for packs without a level

    @property
    def level(self) -> str | None:
        return self.article.level or self.estimated_level

    @property
    def minutes(self) -> int | None:
        words = getattr(self.article, "words", None)
        return max(1, round(words / LEARNER_WORDS_PER_MINUTE)) if words else None

    @property
    def summary(self) -> str:
        return first_sentence(getattr(self.article, "opening", None) or "")


def first_sentence(text: str) -> str:
    """The text's first sentence (headings skipped), cut at a word when it is long."""
    body = " ".join(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
    match = _SENTENCE_END.search(body)
    sentence = body[: match.end()] if match else body
    if len(sentence) <= _SUMMARY_CHARS:
        return sentence
    return sentence[:_SUMMARY_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"


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
# costs more than running it) and read only the columns a card shows, not each text: its
# opening for the summary, and of the analysis's stats only the estimated level and the
# number of words, taken out by the database: decoding every article's stats was a fifth
# of the page at a school's 500 texts (bench_scale).
_LIBRARY = (
    select(
        *_SHOWN,
        Article.imported_at,
        func.substr(Article.text, 1, 600).label("opening"),
        ArticleAnalysis.stats["level"].as_string().label("estimated_level"),
        ArticleAnalysis.stats["words"].as_integer().label("words"),
    )
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


def as_utc(moment: datetime) -> datetime:
    # SQLite gives naive datetimes back; they were stored as UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def library(
    session: Session, user_id: int | None, level: str | None = None, sort: str = DEFAULT_SORT
) -> list[LibraryEntry]:
    """The visible articles, at `level` only when it is one, by level (easiest first, then
    title) or newest first (published, else imported)."""
    connection = session.connection()
    found = connection.execute(_LIBRARY).all()
    scores: dict[int, tuple[float | None, int]] = {}
    if user_id is not None:
        rows = connection.execute(_BEST_SCORES, {"user_id": user_id})
        scores = {article_id: (best, count) for article_id, best, count in rows}
    entries = [
        LibraryEntry(row, *scores.get(row.id, (None, 0)), row.estimated_level) for row in found
    ]
    if is_level(level):
        entries = [entry for entry in entries if entry.level == level]
    if sort == "newest":
        # Stable sorts: newest import first, then those with a date by date, newest first.
        entries.sort(key=lambda e: as_utc(e.article.imported_at), reverse=True)
        entries.sort(key=lambda e: e.article.published or "", reverse=True)
    else:
        entries.sort(key=lambda e: level_rank(e.level))
    return entries


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
            Article.translations,
            ArticleAnalysis.text_hash,
            ArticleAnalysis.lexicon_version,
            ArticleAnalysis.stats,
            saved_words.label("saved_words"),
        )
        .outerjoin(ArticleAnalysis, ArticleAnalysis.article_id == Article.id)
        .where(Article.pack_id == bindparam("pack_id"))
    )
    return row.where(~Article.hidden) if visible_only else row


# A saved word's status from its review cards: "saved" until its first review, "known" once
# FSRS expects every card of it to be remembered for three weeks (its stability, in days;
# Anki calls such cards mature), "learning" in between.
KNOWN_STABILITY_DAYS = 21
STATUSES = ("saved", "learning", "known")
_STATUS_SEPARATOR = "\x1e"
_stability = VocabCard.state["stability"].as_float()
_status = case(
    (func.count(VocabCard.last_review) == 0, "saved"),
    (
        (func.count(VocabCard.last_review) == func.count(VocabCard.id))
        & (func.min(_stability) >= KNOWN_STABILITY_DAYS),
        "known",
    ),
    else_="learning",
)
_saved_with_status = (
    select((VocabItem.lemma + _STATUS_SEPARATOR + _status).label("entry"))
    .outerjoin(VocabCard, VocabCard.item_id == VocabItem.id)
    .where(VocabItem.user_id == bindparam("user_id"))
    .group_by(VocabItem.id, VocabItem.lemma)
    .subquery()
)
_VISITORS_ROW = _reading_row(null())
# The same row for an article learners cannot open (a pack not yet published), for its
# author's preview: what a visitor's page shows of it.
_PREVIEW_ROW = _reading_row(null(), visible_only=False)
_READERS_ROW = _reading_row(
    select(func.aggregate_strings(_saved_with_status.c.entry, _SAVED_SEPARATOR)).scalar_subquery()
)


def article_for_reading(session: Session, pack_id: str, user_id: int | None) -> Row | None:
    """The reading page's row for a visible article, with `user_id`'s saved words and
    their status (see word_statuses_of). Text and tokens are read only to render the page
    anew (text_and_tokens). Plain columns need no ORM: the row comes straight from the
    session's connection."""
    connection = session.connection()
    if user_id is None:
        return connection.execute(_VISITORS_ROW, {"pack_id": pack_id}).first()
    return connection.execute(_READERS_ROW, {"pack_id": pack_id, "user_id": user_id}).first()


def article_for_preview(session: Session, pack_id: str) -> Row | None:
    """article_for_reading's row whether or not learners may see the article; only for
    the pages that check who is asking (quizapp.authoring)."""
    return session.connection().execute(_PREVIEW_ROW, {"pack_id": pack_id}).first()


def word_statuses_of(reading_row: Row) -> dict[str, str]:
    """The reader's saved lemmas, each with its status (one of STATUSES), from
    article_for_reading's row."""
    joined = reading_row.saved_words
    if not joined:
        return {}
    pairs = (entry.rpartition(_STATUS_SEPARATOR) for entry in joined.split(_SAVED_SEPARATOR))
    # Lower case, as the page's words are: a lemma may be saved as 'Russisch'.
    return {lemma.lower(): status for lemma, _, status in pairs}


def text_and_tokens(session: Session, article_id: int) -> tuple[str, list]:
    row = session.execute(
        select(Article.text, ArticleAnalysis.tokens)
        .outerjoin(ArticleAnalysis, ArticleAnalysis.article_id == Article.id)
        .where(Article.id == article_id)
    ).one()
    return row.text, row.tokens or []
