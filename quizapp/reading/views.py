"""The library, the reading page and the about page."""

from __future__ import annotations

from datetime import date

from babel.dates import format_skeleton
from flask import Blueprint, abort, render_template, request
from flask_babel import format_date, get_locale
from flask_login import current_user

from quizapp.db import get_session
from quizapp.levels import DEFAULT_LEVEL, LEVELS, is_level
from quizapp.reading import page, service
from quizapp.web.compression import joined_response

bp = Blueprint("reading", __name__)
bp.record_once(lambda state: page.init_app(state.app))


@bp.app_template_filter("published")
def published(value: str | None) -> str:
    """A text's publication date as the page's language writes it: a pack gives a day
    (2021-12-07: "7 Dec 2021"), a month (2021-12: "Dec 2021") or a year."""
    if not value:
        return ""
    parts = value.split("-")
    try:
        day = date(*(int(part) for part in parts), *([1] * (3 - len(parts))))
    except (TypeError, ValueError):
        return value  # not a date the pack check lets through: shown as it was written
    if len(parts) == 3:
        return format_date(day, "medium")
    if len(parts) == 2:
        return format_skeleton("yMMM", day, locale=get_locale())
    return value


def reader_level() -> str:
    """The learner's level from their account; anonymous readers read at DEFAULT_LEVEL."""
    level = getattr(current_user, "level", None) if current_user.is_authenticated else None
    return level if is_level(level) else DEFAULT_LEVEL


@bp.get("/")
def library():
    user_id = current_user.id if current_user.is_authenticated else None
    # Filters from the query string: anything that is not a level or a sort is ignored.
    level = request.args.get("level", "")
    level = level if is_level(level) else ""
    sort = request.args.get("sort", "")
    sort = sort if sort in service.SORTS else service.DEFAULT_SORT
    db = get_session()
    entries = service.library(db, user_id, level or None, sort)
    assigned = []
    if user_id is not None:  # what the class gives them, whatever level they filter on
        everything = service.library(db, user_id, None, sort) if level else entries
        assigned = service.assigned(db, user_id, everything)
    return render_template(
        "reading/library.html",
        entries=entries,
        assigned=assigned,
        levels=LEVELS,
        level=level,
        sort=sort,
    )


@bp.get("/articles/<pack_id>")
def article(pack_id: str):
    db = get_session()
    user_id = current_user.id if current_user.is_authenticated else None
    found = service.article_for_reading(db, pack_id, user_id)
    if found is None:
        abort(404)
    statuses = service.word_statuses_of(found)
    # ?all: "Words in this text" with every word and all it knows of each.
    everything = "all" in request.args
    language = current_user.gloss_language if current_user.is_authenticated else "en"
    parts = page.reading_page(
        db, found, reader_level(), current_user.is_authenticated, statuses, everything, language
    )
    return joined_response(parts)


@bp.get("/about")
def about():
    return render_template("reading/about.html")
