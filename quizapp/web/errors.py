"""Error pages that speak to learners, in their language, and a rollback when something
broke."""

from __future__ import annotations

from flask import Flask, g, render_template
from flask_babel import gettext
from werkzeug.exceptions import HTTPException, InternalServerError

from quizapp.translatable import N_

# werkzeug names each error in English ("Not Found"): the page shows its own msgid for the
# code instead, and, where the view gave no description of its own, its own explanation.
TITLES = {
    400: N_("Bad Request"),
    401: N_("Unauthorized"),
    403: N_("Forbidden"),
    404: N_("Not Found"),
    405: N_("Method Not Allowed"),
    408: N_("Request Timeout"),
    409: N_("Conflict"),
    413: N_("Request Entity Too Large"),
    414: N_("Request URI Too Large"),
    415: N_("Unsupported Media Type"),
    429: N_("Too Many Requests"),
    431: N_("Request Header Fields Too Large"),
    500: N_("Internal Server Error"),
    503: N_("Service Unavailable"),
}
EXPLANATIONS = {
    400: N_("The page could not use what the browser sent. Go back and try again."),
    401: N_("Log in to see this page."),
    405: N_("This address cannot be used that way."),
    408: N_("The request took too long to arrive. Try again."),
    409: N_("This could not be done now. Reload the page and try again."),
    413: N_("What you sent is too large."),
    414: N_("This address is too long."),
    415: N_("The browser sent something this page cannot read."),
    429: N_("Too many requests. Wait a moment and try again."),
    431: N_("The browser sent too much with this request."),
    503: N_("The app cannot answer now. Try again in a few minutes."),
}
OTHER = N_("Something went wrong.")
# flask-wtf's reasons for refusing a form, in its own English: translated as they come.
CSRF_REASONS = frozenset(
    {
        N_("The CSRF token is missing."),
        N_("The CSRF session token is missing."),
        N_("The CSRF token has expired."),
        N_("The CSRF token is invalid."),
        N_("The CSRF tokens do not match."),
        N_("The referrer header is missing."),
        N_("The referrer does not match the host."),
    }
)


def error_page(error: HTTPException) -> tuple[str, str]:
    """The title and the explanation an error page shows, in this page's language."""
    code = error.code or 500
    title = gettext(TITLES[code]) if code in TITLES else gettext("Error %(code)s", code=code)
    description = error.description
    if not description or description == type(error).description:
        # werkzeug's English default: ours instead
        description = gettext(EXPLANATIONS.get(code, OTHER))
    elif description in CSRF_REASONS:
        description = gettext(description)
    return title, str(description)


def _render(error: HTTPException, code: int):
    title, description = error_page(error)
    return render_template(
        "errors/error.html", code=code, title=title, description=description
    ), code


def _render_http_error(error: HTTPException):
    return _render(error, error.code or 500)


def _render_server_error(error: InternalServerError):
    session = g.get("db_session")
    if session is not None:
        session.rollback()
    return _render(error, 500)


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _render_http_error)
    app.register_error_handler(InternalServerError, _render_server_error)
