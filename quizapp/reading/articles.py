"""Reading the library: which articles there are and how a learner did on them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quizapp.models import Article, Attempt


@dataclass(frozen=True)
class LibraryEntry:
    article: Article
    best_score: float | None  # 0..1, None when never finished
    attempts: int


@dataclass(frozen=True)
class Block:
    kind: str  # "heading" or "paragraph"
    text: str
    start: int  # offset of the block's text in the article text


def library(session: Session, user_id: int | None) -> list[LibraryEntry]:
    articles = session.scalars(
        select(Article).where(Article.hidden.is_(False)).order_by(Article.title)
    ).all()
    scores: dict[int, tuple[float | None, int]] = {}
    if user_id is not None:
        rows = session.execute(
            select(
                Attempt.article_id,
                func.max(Attempt.score / Attempt.max_score),
                func.count(Attempt.id),
            )
            .where(
                Attempt.user_id == user_id,
                Attempt.state == "finished",
                Attempt.max_score > 0,
            )
            .group_by(Attempt.article_id)
        )
        scores = {article_id: (best, count) for article_id, best, count in rows}
    return [LibraryEntry(a, *scores.get(a.id, (None, 0))) for a in articles]


def visible_article(session: Session, pack_id: str) -> Article | None:
    return session.scalar(select(Article).where(Article.pack_id == pack_id, ~Article.hidden))


def blocks(text: str) -> list[Block]:
    """Paragraphs are separated by blank lines; a paragraph starting with '## ' is a heading."""
    result: list[Block] = []
    offset = 0
    for chunk in text.split("\n\n"):
        stripped = chunk.strip()
        start = offset + chunk.find(stripped) if stripped else offset
        offset += len(chunk) + 2
        if not stripped:
            continue
        if stripped.startswith("## "):
            result.append(Block("heading", stripped[3:].strip(), start + 3))
        else:
            result.append(Block("paragraph", stripped, start))
    return result
