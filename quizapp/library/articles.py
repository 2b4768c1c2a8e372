"""The articles learners may open, as every feature finds them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.models import Article


def visible_article(session: Session, pack_id: str) -> Article | None:
    return session.scalar(select(Article).where(Article.pack_id == pack_id, ~Article.hidden))
