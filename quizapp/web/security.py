"""Security headers, private pages and the NUL check, for every response and request."""

from __future__ import annotations

from flask import Response, abort, request
from flask_babel import gettext
from flask_login import current_user

# No inline scripts or styles anywhere, so the policy needs no 'unsafe-inline'.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def refuse_nul() -> None:
    """A NUL anywhere in the path, the query or a form field is refused here, once, for
    every route: PostgreSQL cannot store one in a text column (the driver refuses the whole
    statement, a 500), and no browser sends one for a learner."""
    values = request.values  # the query and the form together
    fields = (text for key in values for text in (key, *values.getlist(key)))
    if "\x00" in request.path or any("\x00" in text for text in fields):
        abort(400, description=gettext("The request contained a character that is not allowed."))


def security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def private_pages(response: Response) -> Response:
    """`private, no-store` on every page a logged-in user gets and on every download: they
    show someone's words, answers or class, and neither a shared proxy nor the next person
    at a classroom computer (Back, the disk cache) should find them there. Visitors' pages
    show nobody's data; static files say how long to keep them themselves."""
    if "Cache-Control" in response.headers:
        return response
    download = response.headers.get("Content-Disposition", "").startswith("attachment")
    if download or current_user.is_authenticated:
        response.headers["Cache-Control"] = "private, no-store"
    return response
