"""The library, the reading page and the about page."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, current_app, render_template
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from quizapp.compression import ONCE_LEVEL, Deflated, joined_response
from quizapp.db import get_session
from quizapp.models import LEVELS
from quizapp.reading import articles
from quizapp.reading.render import DEFAULT_LEVEL, RenderCache, render_article
from quizapp.vocab.views import saved_words

bp = Blueprint("reading", __name__)


@dataclass(frozen=True, slots=True)
class CachedArticle:
    """An article at one level, the same for every reader of a kind, as UTF-8 and gzipped
    once: its header, text and quiz button, then "Words in this text"."""

    text: Deflated
    glossary: Deflated
    words: frozenset[str]  # the words with a Save button (lemmas, lower case)
    up_to_date: bool  # the analysis matched the text (otherwise it is shown plain)

    @property
    def glossed(self) -> bool:
        return bool(self.words)


# Each entry is one article at one level for visitors or for learners (~230 KB for a long
# text): a few dozen texts in six levels fit, whatever the number of learners.
cached_articles: RenderCache[CachedArticle] = RenderCache(size=128)
# Where the cached parts go in the page rendered for each request: our own constants.
_TEXT = Markup("<!--article text-->")  # nosec B704
_GLOSSARY = Markup("<!--article glossary-->")  # nosec B704


def reader_level() -> str:
    """The learner's level from their account; anonymous readers read at B1."""
    level = getattr(current_user, "level", None) if current_user.is_authenticated else None
    return level if level in LEVELS else DEFAULT_LEVEL


@bp.get("/")
def library():
    user_id = current_user.id if current_user.is_authenticated else None
    entries = articles.library(get_session(), user_id)
    return render_template("reading/library.html", entries=entries)


def _shown_stats(article: Row, up_to_date: bool) -> dict:
    # The figures of an analysis older than the text would mislead: none then.
    return (article.stats or {}) if up_to_date else {}


def _render_article(db: Session, article: Row, level: str) -> CachedArticle:
    text, tokens = articles.text_and_tokens(db, article.id)
    try:
        rendered, up_to_date = render_article(text, tokens, level), True
    except ValueError:
        # The text changed after its analysis (imported without the pipeline): show it
        # plain rather than glossed in the wrong places.
        current_app.logger.warning(
            "analysis of %s is out of date; run quizapp import", article.pack_id
        )
        rendered, up_to_date = render_article(text, [], level), False
    stats = _shown_stats(article, up_to_date)
    parts = [
        render_template(name, article=article, stats=stats, level=level, rendered=rendered)
        for name in ("reading/_article_text.html", "reading/_glossary.html")
    ]
    text_html, glossary_html = (Deflated.of(part.encode(), ONCE_LEVEL) for part in parts)
    return CachedArticle(
        text_html,
        glossary_html,
        frozenset((entry.lemma or entry.headword).lower() for entry in rendered.entries),
        up_to_date,
    )


@bp.get("/articles/<pack_id>")
def article(pack_id: str):
    db = get_session()
    article = articles.article_for_reading(db, pack_id)
    if article is None:
        abort(404)
    level = reader_level()
    key = (
        article.id,
        article.content_hash,
        article.text_hash,
        article.lexicon_version,
        level,
        current_user.is_authenticated,
    )
    cached = cached_articles.get_or_render(key, lambda: _render_article(db, article, level))
    page = render_template(
        "reading/article.html",
        article=article,
        glossed=cached.glossed,
        stats=_shown_stats(article, cached.up_to_date),
        saved_here=sorted(cached.words.intersection(saved_words())),
        text=_TEXT,
        glossary=_GLOSSARY,
    )
    # Only the page around the article is rendered (and compressed) for this reader; the
    # article goes in as it was cached, so a long text costs no more than a short one.
    head, rest = page.split(_TEXT)
    middle, tail = rest.split(_GLOSSARY)
    return joined_response([head, cached.text, middle, cached.glossary, tail])


@bp.get("/about")
def about():
    return render_template("reading/about.html")
