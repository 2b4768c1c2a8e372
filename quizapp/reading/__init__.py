"""The library and the reading page."""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask_login import current_user

from quizapp.db import get_session
from quizapp.reading import articles

bp = Blueprint("reading", __name__)


@bp.get("/")
def library():
    user_id = current_user.id if current_user.is_authenticated else None
    entries = articles.library(get_session(), user_id)
    return render_template("reading/library.html", entries=entries)


@bp.get("/articles/<pack_id>")
def article(pack_id: str):
    found = articles.visible_article(get_session(), pack_id)
    if found is None:
        abort(404)
    return render_template(
        "reading/article.html", article=found, blocks=articles.blocks(found.text)
    )
