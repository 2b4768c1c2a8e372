"""The library, the reading page and the about page."""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask_login import current_user

from quizapp.compression import joined_response
from quizapp.db import get_session
from quizapp.models import LEVELS
from quizapp.reading import articles
from quizapp.reading.page import reading_page
from quizapp.reading.render import DEFAULT_LEVEL

bp = Blueprint("reading", __name__)


def reader_level() -> str:
    """The learner's level from their account; anonymous readers read at B1."""
    level = getattr(current_user, "level", None) if current_user.is_authenticated else None
    return level if level in LEVELS else DEFAULT_LEVEL


@bp.get("/")
def library():
    user_id = current_user.id if current_user.is_authenticated else None
    entries = articles.library(get_session(), user_id)
    return render_template("reading/library.html", entries=entries)


@bp.get("/articles/<pack_id>")
def article(pack_id: str):
    db = get_session()
    user_id = current_user.id if current_user.is_authenticated else None
    article = articles.article_for_reading(db, pack_id, user_id)
    if article is None:
        abort(404)
    saved = articles.saved_words(article)
    # The page is put together from parts rendered once (quizapp.reading.page), so a long
    # text costs no more than a short one.
    return joined_response(reading_page(db, article, reader_level(), saved))


@bp.get("/about")
def about():
    return render_template("reading/about.html")
