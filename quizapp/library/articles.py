"""The articles learners may open, as every feature finds them, and whether an article's
stored analysis still fits its text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.models import Article


def visible_article(session: Session, pack_id: str) -> Article | None:
    return session.scalar(select(Article).where(Article.pack_id == pack_id, ~Article.hidden))


def analysis_fits(text: str, tokens: Sequence[dict[str, Any]]) -> bool:
    """Whether the tokens are of this text. An analysis older than the text (the text was
    imported without the pipeline) is never used: every page shows the text without its
    words explained or listed until `quizapp import` analyses it again, rather than words
    put in the wrong places."""
    return all(text[token["start"] : token["end"]] == token["text"] for token in tokens)
