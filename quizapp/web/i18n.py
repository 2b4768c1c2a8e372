"""The interface's language: English or Dutch (ready for more), chosen per request.

Every string a page shows goes through gettext (Flask-Babel): `_()` in templates, `gettext`
and `lazy_gettext` in views and forms, and `quizapp.translatable.N_` in the pure layers,
which return English and leave translating to the page. The catalogues are in
quizapp/translations (`make translations` extracts, updates and compiles them).

Who decides: a signed-in user's choice under Account; else a visitor's choice from the
footer (kept in the session); else the browser's Accept-Language; else English. Dates and
numbers follow the same language (the `day`, `moment` and `number` filters)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from babel.dates import get_datetime_format
from flask import Flask, Response, request, session
from flask_babel import Babel, format_date, format_decimal, format_time, get_locale, gettext
from flask_login import current_user

from quizapp.translatable import Message

# Each by its own name: a learner looks for the language they can read.
INTERFACE_LANGUAGES = {"en": "English", "nl": "Nederlands"}
SESSION_KEY = "interface_language"

CATALOGUES = Path(__file__).resolve().parent.parent / "translations"

babel = Babel()


def chosen_language() -> str | None:
    """The reader's own choice (Account, or the footer for a visitor), or None to follow
    the browser."""
    if current_user.is_authenticated:
        choice = current_user.interface_language
    else:
        choice = session.get(SESSION_KEY)
    return choice if choice in INTERFACE_LANGUAGES else None


def interface_language() -> str:
    return chosen_language() or request.accept_languages.best_match(
        INTERFACE_LANGUAGES, default="en"
    )


def current_language() -> str:
    """The language of this page ("en" outside a request)."""
    locale = get_locale()
    return locale.language if locale is not None else "en"


def day(value: date | datetime | None) -> str:
    """A date as this page's language writes it: "1 Dec 2026", "1 dec 2026"."""
    if value is None:
        return ""
    return format_date(value.date() if isinstance(value, datetime) else value, "medium")


def moment(value: datetime | None) -> str:
    """A date and time to the minute (UTC, as stored) as this page's language writes them:
    "Dec 1, 2026, 6:44 PM", "1 dec 2026, 18:44". Babel's own medium date-time has seconds,
    which no one reading a list of hand-ins needs."""
    if value is None:
        return ""
    joined = get_datetime_format("medium", locale=get_locale() or "en")
    return joined.format(format_time(value, "short"), format_date(value, "medium"))


def number(value: float | int | None, digits: int = 1) -> str:
    """A number with at most `digits` decimals and this language's separator: 2.5, 2,5."""
    if value is None:
        return ""
    return format_decimal(value, format="#,##0." + "#" * digits if digits else "#,##0")


def translated(message: Message | str | None) -> str:
    """A message from a pure layer (quizapp.translatable), in this page's language, and
    the Messages among its values too (a pack problem's "the glossary", "a list")."""
    if message is None:
        return ""
    if isinstance(message, Message):
        values = {
            key: translated(value) if isinstance(value, Message) else value
            for key, value in message.values.items()
        }
        return gettext(message.text, **values)
    return gettext(message)


def _vary(response: Response) -> Response:
    # The same address gives an English or a Dutch page: a shared cache must not mix them.
    if response.mimetype == "text/html":
        response.vary.update(("Accept-Language", "Cookie"))
    return response


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(CATALOGUES))
    babel.init_app(app, locale_selector=interface_language, default_timezone="UTC")
    # {% trans %} blocks are extracted and looked up with their whitespace collapsed, so a
    # template can wrap a long sentence over lines (babel.cfg says the same).
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.jinja_env.filters.update(day=day, moment=moment, number=number, translated=translated)
    app.jinja_env.globals.update(
        interface_language=current_language, INTERFACE_LANGUAGES=INTERFACE_LANGUAGES
    )
    app.after_request(_vary)
