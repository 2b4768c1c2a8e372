"""The library, the reading page and the about page."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template
from flask_login import current_user
from markupsafe import Markup

from quizapp.db import get_session
from quizapp.models import LEVELS, Article
from quizapp.reading import articles
from quizapp.reading.render import (
    DEFAULT_LEVEL,
    GlossEntry,
    RenderedArticle,
    render_article,
    rendered_articles,
)

bp = Blueprint("reading", __name__)

# Where a cached glossary entry gets the per-request "Save word" hook: the hook may hold
# a CSRF token, which belongs to one session and must never be cached.
_ACTIONS_MARK = "\x00gloss-actions\x00"


def reader_level() -> str:
    """The learner's level from their account; anonymous readers read at B1."""
    level = getattr(current_user, "level", None) if current_user.is_authenticated else None
    return level if level in LEVELS else DEFAULT_LEVEL


@bp.get("/")
def library():
    user_id = current_user.id if current_user.is_authenticated else None
    entries = articles.library(get_session(), user_id)
    return render_template("reading/library.html", entries=entries)


def _render(
    article: Article, tokens: list, level: str
) -> tuple[RenderedArticle, tuple[tuple[GlossEntry, Markup, Markup], ...]]:
    rendered = render_article(article.text, tokens, level)
    glossary = []
    for entry in rendered.entries:
        html = render_template(
            "reading/_gloss_entry.html", entry=entry, gloss_actions=_ACTIONS_MARK
        )
        before, _, after = html.partition(_ACTIONS_MARK)
        # Halves of a template the autoescaping Jinja environment has rendered.
        glossary.append((entry, Markup(before), Markup(after)))  # nosec B704
    return rendered, tuple(glossary)


@bp.get("/articles/<pack_id>")
def article(pack_id: str):
    found = articles.article_with_analysis(get_session(), pack_id)
    if found is None:
        abort(404)
    article, analysis = found
    level = reader_level()
    stats, version = {}, "none"
    if analysis is not None:
        stats, version = analysis.stats, f"{analysis.text_hash}:{analysis.lexicon_version}"
    key = (article.id, article.content_hash, version, level)
    try:
        # The tokens are loaded (a second query) only when the page is not cached yet.
        rendered, glossary = rendered_articles.get_or_render(
            key, lambda: _render(article, analysis.tokens if analysis else [], level)
        )
    except ValueError:
        # The text changed after its analysis (imported without the pipeline): show it
        # plain rather than glossed in the wrong places.
        current_app.logger.warning("analysis of %s is out of date; run quizapp import", pack_id)
        rendered, glossary = rendered_articles.get_or_render(
            (*key, "plain"), lambda: _render(article, [], level)
        )
        stats = {}
    return render_template(
        "reading/article.html",
        article=article,
        rendered=rendered,
        glossary=glossary,
        stats=stats,
        level=level,
    )


@bp.get("/about")
def about():
    return render_template("reading/about.html")
