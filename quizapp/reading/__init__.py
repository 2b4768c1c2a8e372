"""The library, the reading page and the about page."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, g, render_template, request
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup
from sqlalchemy.engine import Row

from quizapp.db import get_session
from quizapp.models import LEVELS
from quizapp.reading import articles
from quizapp.reading.render import (
    DEFAULT_LEVEL,
    RenderCache,
    RenderedArticle,
    render_article,
    rendered_articles,
)
from quizapp.vocab.words import saved_lemmas

bp = Blueprint("reading", __name__)

_CSRF_MARK = "\x00csrf-token\x00"
rendered_bodies = RenderCache(size=256)


def reader_level() -> str:
    """The learner's level from their account; anonymous readers read at B1."""
    level = getattr(current_user, "level", None) if current_user.is_authenticated else None
    return level if level in LEVELS else DEFAULT_LEVEL


@bp.get("/")
def library():
    user_id = current_user.id if current_user.is_authenticated else None
    entries = articles.library(get_session(), user_id)
    return render_template("reading/library.html", entries=entries)


def _saved_here(rendered: RenderedArticle) -> frozenset[str]:
    """The reader's saved words among this text's: the only per-reader part of the body."""
    if not current_user.is_authenticated:
        return frozenset()
    if "vocab_all_saved" not in g:  # shared with the vocabulary area's template helper
        g.vocab_all_saved = saved_lemmas(get_session(), current_user.id)
    saved = g.vocab_all_saved
    return frozenset(
        lemma
        for lemma in ((e.lemma or e.headword).lower() for e in rendered.entries)
        if lemma in saved
    )


def _body(article: Row, rendered: RenderedArticle, key: tuple) -> Markup:
    """The text and its glossary, rendered once per article version, level, reader kind
    and saved words. The save forms' CSRF token belongs to one session, so the cached HTML
    holds a mark that each request replaces with its own token."""
    reader = (current_user.is_authenticated, _saved_here(rendered), request.query_string)
    html = rendered_bodies.get_or_render(
        (*key, reader),
        lambda: render_template(
            "reading/_article_body.html",
            article=article,
            rendered=rendered,
            csrf_token=lambda: _CSRF_MARK,
        ),
    )
    if current_user.is_authenticated:
        html = html.replace(_CSRF_MARK, generate_csrf())
    # Rendered by the autoescaping environment; only our own token went in afterwards.
    return Markup(html)  # nosec B704


@bp.get("/articles/<pack_id>")
def article(pack_id: str):
    db = get_session()
    article = articles.article_for_reading(db, pack_id)
    if article is None:
        abort(404)
    level = reader_level()
    stats = article.stats or {}
    version = f"{article.text_hash}:{article.lexicon_version}"
    key = (article.id, article.content_hash, version, level)
    try:
        # Text and tokens are read (a second query) only when the page is not cached yet.
        rendered = rendered_articles.get_or_render(
            key, lambda: render_article(*articles.text_and_tokens(db, article.id), level)
        )
    except ValueError:
        # The text changed after its analysis (imported without the pipeline): show it
        # plain rather than glossed in the wrong places.
        current_app.logger.warning("analysis of %s is out of date; run quizapp import", pack_id)
        key = (*key, "plain")
        rendered = rendered_articles.get_or_render(
            key, lambda: render_article(articles.text_and_tokens(db, article.id)[0], [], level)
        )
        stats = {}
    return render_template(
        "reading/article.html",
        article=article,
        rendered=rendered,
        body=_body(article, rendered, key),
        stats=stats,
        level=level,
    )


@bp.get("/about")
def about():
    return render_template("reading/about.html")
