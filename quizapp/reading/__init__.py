"""The library, the reading page and the about page."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    get_template_attribute,
    render_template,
)
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from quizapp.db import get_session
from quizapp.models import LEVELS
from quizapp.reading import articles
from quizapp.reading.render import (
    DEFAULT_LEVEL,
    PageBody,
    RenderCache,
    render_article,
    saved_slot,
)
from quizapp.vocab.views import saved_words

bp = Blueprint("reading", __name__)

# Each entry is one article at one level for visitors or for learners (~200 KB for a long
# text): a few dozen texts in six levels fit, whatever the number of learners.
page_bodies: RenderCache[PageBody] = RenderCache(size=128)
# Where the cached body goes in the page rendered for each request: our own constant.
_BODY = Markup("<!--article body-->")  # nosec B704


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


def _render_body(db: Session, article: Row, level: str) -> PageBody:
    """The text and "Words in this text" for one level and kind of reader. A learner's
    page has a Save button per word, whose state is left open for each reader."""
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
    words: list[str] = []

    def slot(word: str) -> Markup:
        words.append(word.lower())
        return saved_slot(len(words) - 1)

    html = render_template(
        "reading/_article_body.html",
        article=article,
        stats=_shown_stats(article, up_to_date),
        level=level,
        rendered=rendered,
        saved_slot=slot if current_user.is_authenticated else None,
    )
    save_state = get_template_attribute("vocab/_save_button.html", "save_state")
    return PageBody.cut(
        html,
        words,
        states=(str(save_state(False)), str(save_state(True))),
        glossed=bool(rendered.entries),
        up_to_date=up_to_date,
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
    body = page_bodies.get_or_render(key, lambda: _render_body(db, article, level))
    saved = saved_words()
    page = render_template(
        "reading/article.html",
        article=article,
        glossed=body.glossed,
        stats=_shown_stats(article, body.up_to_date),
        saved_here=sum(1 for article_id in saved.values() if article_id == article.id),
        body=_BODY,
    )
    # The page around the body is rendered for this reader; the body is joined in as bytes
    # with their saved words filled in, so a long text costs no more than a short one.
    head, tail = page.split(_BODY)
    return Response(b"".join([head.encode(), *body.filled(saved), tail.encode()]))


@bp.get("/about")
def about():
    return render_template("reading/about.html")
