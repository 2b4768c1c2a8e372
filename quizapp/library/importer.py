"""Bringing packs into the database without ever losing what learners did.

A question is identified by (pack id, question id). An edited question gets a new version
and the old one is retired, so old answers stay on what was answered; a question gone
from its pack is retired; an article whose pack is gone is hidden. Nothing is deleted."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quizapp.generate import (
    GENERATOR_VERSION,
    KINDS,
    GenerateOptions,
    generate_questions,
    pack_payload,
)
from quizapp.language.store import pipeline_for_import
from quizapp.library.placing import best_sentence, sentence_words
from quizapp.models import WEB_PATH_PREFIX, Article, ArticleAnalysis, Question, WebPack
from quizapp.packs.model import Pack

# Marks a stored generated question with the generator that made it; a newer generator
# regenerates on the next import even when the text is unchanged.
GENERATED_BY = "generated_by"

# Where a question sits in its file, or which sentence of the text it points to, is not
# part of what a learner answered: neither makes a new version.
_NOT_CONTENT = ("line", "sentence")


@dataclass
class ImportReport:
    pack_id: str
    article_created: bool = False
    article_updated: bool = False
    questions_added: int = 0
    questions_changed: int = 0
    questions_retired: int = 0
    analysed: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(
            (
                self.article_created,
                self.article_updated,
                self.questions_added,
                self.questions_changed,
                self.questions_retired,
                self.analysed,
            )
        )


class MadeInTheBrowser(Exception):
    """A pack file whose id is a pack made in the browser: the web's edits are the truth
    for that pack, so the file is not imported over them."""


def made_in_the_browser(session: Session, pack_id: str) -> bool:
    return session.scalar(select(WebPack.id).where(WebPack.pack_id == pack_id)) is not None


def question_hash(payload: dict[str, Any]) -> str:
    content = {k: v for k, v in payload.items() if k not in _NOT_CONTENT}
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class Analyser(Protocol):
    """The Dutch pipeline as the importer sees it (quizapp.language)."""

    lexicon_version: str

    def __call__(self, text: str, glossary: dict[str, Any]) -> tuple[dict[str, Any], list[Any]]: ...


@dataclass
class Prepared:
    """The slow part of an import, done before the write transaction so that learners'
    hand-ins never queue behind seconds of analysis: a fresh analysis (stats, tokens) where
    the stored one is out of date, and the generated questions where they must be remade."""

    analysis: tuple[dict[str, Any], list[Any]] | None = None
    generated: list[dict[str, Any]] | None = None


def prepare_import(session: Session, pack: Pack, analyser: Analyser | None) -> Prepared:
    """Reads only; `session` can be a plain read transaction."""
    prepared = Prepared()
    article = session.scalar(select(Article).where(Article.pack_id == pack.id))
    stored = session.get(ArticleAnalysis, article.id) if article is not None else None
    stale = not (stored and stored.text_hash == _analysis_digest(pack))
    if analyser is not None and (stale or stored.lexicon_version != analyser.lexicon_version):
        prepared.analysis = analyser(pack.text, pack.glossary)
    if not any(pack.generate.get(kind) for kind in KINDS):
        return prepared
    markers = (
        list(
            session.scalars(
                select(Question.payload).where(
                    Question.article_id == article.id,
                    Question.origin == "generated",
                    Question.retired.is_(False),
                )
            )
        )
        if article is not None
        else []
    )
    unchanged = (
        article is not None
        and article.content_hash == pack.content_hash
        and prepared.analysis is None
        and markers
        and all(m.get(GENERATED_BY) == GENERATOR_VERSION for m in markers)
    )
    if not unchanged:
        stats, tokens = prepared.analysis or (
            (stored.stats, stored.tokens) if not stale else _fresh_analysis(pack, analyser)
        )
        prepared.generated = _payloads(pack, stats, tokens)
    return prepared


def import_pack(
    session: Session,
    pack: Pack,
    analyser: Analyser | None = None,
    prepared: Prepared | None = None,
) -> ImportReport:
    """Store a pack. Give it what `prepare_import` computed beforehand to keep this write
    transaction short; whatever that missed (a race with another import) is computed here."""
    if pack.path != WEB_PATH_PREFIX + pack.id and made_in_the_browser(session, pack.id):
        raise MadeInTheBrowser(pack.id)
    prepared = prepared or Prepared()
    report = ImportReport(pack.id)
    article = session.scalar(select(Article).where(Article.pack_id == pack.id))
    if article is None:
        article = Article(pack_id=pack.id, content_hash="", hidden=False)
        session.add(article)
        report.article_created = True
    if (
        article.content_hash != pack.content_hash
        or article.hidden
        or article.pack_path != pack.path
    ):
        if not report.article_created:
            report.article_updated = True
        _copy_metadata(article, pack)
        session.flush()
        _sync_questions(session, article, pack.questions, "authored", report)
    if analyser is not None:
        _refresh_analysis(session, article, pack, analyser, report, prepared.analysis)
    _refresh_generated(session, article, pack, report, prepared.generated, analyser)
    if report.changed:
        _place_questions(session, article)
    return report


def _place_questions(session: Session, article: Article) -> None:
    """Note in each current question which sentence of the text it is about, so a learner
    who missed it can be sent back to that sentence. Not part of the question's content."""
    stored = session.get(ArticleAnalysis, article.id)
    if stored is None:
        return
    sentences = sentence_words(stored.tokens)
    for question in session.scalars(
        select(Question).where(Question.article_id == article.id, Question.retired.is_(False))
    ):
        known = question.payload.get("sentence") if question.origin == "generated" else None
        sentence = known or best_sentence(question.payload, sentences)
        if question.payload.get("sentence") != sentence:
            question.payload = {**question.payload, "sentence": sentence}


def _copy_metadata(article: Article, pack: Pack) -> None:
    article.title = pack.title
    article.source = pack.source
    article.published = pack.published
    article.level = pack.level
    article.tags = list(pack.tags)
    article.text = pack.text
    article.glossary = dict(pack.glossary)
    article.generate = dict(pack.generate)
    article.translations = dict(pack.translations)
    article.pack_path = pack.path
    article.content_hash = pack.content_hash
    article.hidden = False


def _sync_questions(
    session: Session,
    article: Article,
    payloads: list[dict[str, Any]],
    origin: str,
    report: ImportReport,
) -> None:
    current = {
        q.key: q
        for q in session.scalars(
            select(Question).where(
                Question.article_id == article.id,
                Question.origin == origin,
                Question.retired.is_(False),
            )
        )
    }
    latest_version = dict(
        session.execute(
            select(Question.key, func.max(Question.version))
            .where(Question.article_id == article.id)
            .group_by(Question.key)
        ).all()
    )
    for position, payload in enumerate(payloads):
        key = payload["id"]
        digest = question_hash(payload)
        existing = current.pop(key, None)
        if existing is not None and existing.content_hash == digest:
            existing.position = position
            existing.payload = payload  # only the line number can differ
            continue
        if existing is not None:
            existing.retired = True
            report.questions_changed += 1
        else:
            report.questions_added += 1
        session.add(
            Question(
                article_id=article.id,
                key=key,
                version=latest_version.get(key, 0) + 1,
                type=payload["type"],
                payload=payload,
                content_hash=digest,
                origin=origin,
                position=position,
            )
        )
    for gone in current.values():
        gone.retired = True
        report.questions_retired += 1
    session.flush()


def _refresh_analysis(
    session: Session,
    article: Article,
    pack: Pack,
    analyser: Analyser,
    report: ImportReport,
    ready: tuple[dict[str, Any], list[Any]] | None,
) -> None:
    stored = session.get(ArticleAnalysis, article.id)
    digest = _analysis_digest(pack)
    if stored and stored.text_hash == digest and stored.lexicon_version == analyser.lexicon_version:
        return
    stats, tokens = ready or analyser(pack.text, pack.glossary)
    if stored is None:
        stored = ArticleAnalysis(article_id=article.id)
        session.add(stored)
    stored.text_hash, stored.lexicon_version = digest, analyser.lexicon_version
    stored.stats, stored.tokens = stats, tokens
    report.analysed = True


def _analysis_digest(pack: Pack) -> str:
    return text_hash(pack.text + json.dumps(pack.glossary, sort_keys=True))


def _refresh_generated(
    session: Session,
    article: Article,
    pack: Pack,
    report: ImportReport,
    ready: list[dict[str, Any]] | None,
    analyser: Analyser | None,
) -> None:
    """Questions made from the text when the pack asks for them (`generate:`), stored after
    the hand-written ones with origin "generated". They are made again only when the text,
    the glossary, the `generate:` block, the analysis or the generator changed, and then
    versioned like hand-written ones: an unchanged question keeps its answers."""
    active = list(
        session.scalars(
            select(Question).where(
                Question.article_id == article.id,
                Question.origin == "generated",
                Question.retired.is_(False),
            )
        )
    )
    if not any(pack.generate.get(kind) for kind in KINDS):
        if active:
            _sync_questions(session, article, [], "generated", report)
        return
    current = bool(active) and all(q.payload.get(GENERATED_BY) == GENERATOR_VERSION for q in active)
    if current and not (report.article_created or report.article_updated or report.analysed):
        return
    payloads = ready if ready is not None else generated_payloads(session, article, pack, analyser)
    _sync_questions(session, article, payloads, "generated", report)


def generated_payloads(
    session: Session, article: Article, pack: Pack, analyser: Analyser | None = None
) -> list[dict[str, Any]]:
    """The generated questions of a pack as stored: from the stored analysis when it is of
    this text, else from a fresh one; without the ids excluded or taken over by hand."""
    stored = session.get(ArticleAnalysis, article.id) if article.id is not None else None
    if stored is not None and stored.text_hash == _analysis_digest(pack):
        return _payloads(pack, stored.stats, stored.tokens)
    return _payloads(pack, *_fresh_analysis(pack, analyser))


def _fresh_analysis(pack: Pack, analyser: Analyser | None) -> tuple[dict[str, Any], list[Any]]:
    # The injected pipeline when there is one; an import without one (it keeps the stored
    # analysis) still needs tokens for the questions it generates.
    return (analyser or pipeline_for_import())(pack.text, pack.glossary)


def _payloads(pack: Pack, stats: dict[str, Any], tokens: list[Any]) -> list[dict[str, Any]]:
    questions = generate_questions(pack.text, tokens, generate_options(pack, stats))
    # A generated question a teacher pasted into `questions:` is theirs now.
    authored = {str(q["id"]) for q in pack.questions}
    return [
        {
            **pack_payload(q),
            GENERATED_BY: GENERATOR_VERSION,
            "sentence": q.get("explain", {}).get("sentence"),
        }
        for q in questions
        if q["id"] not in authored
    ]


def generate_options(pack: Pack, stats: dict[str, Any] | None = None):
    """What the pack's `generate:` block asks for; the pack id seeds the choices, so the
    command line's preview and the served quiz are the same questions."""
    return GenerateOptions.from_pack(
        pack.generate, pack.level, (stats or {}).get("level"), seed=pack.id
    )


def hide_missing(session: Session, folder: Path, pack_files: set[Path]) -> list[str]:
    """Hide the articles whose pack files used to be in `folder` and are gone now."""
    folder = folder.resolve()
    hidden = []
    # A pack made in the browser has no file to be gone.
    on_the_web = select(WebPack.pack_id)
    for article in session.scalars(
        select(Article).where(Article.hidden.is_(False), Article.pack_id.not_in(on_the_web))
    ):
        path = Path(article.pack_path).resolve()
        if path.is_relative_to(folder) and path not in pack_files:
            article.hidden = True
            hidden.append(article.pack_id)
    return hidden
