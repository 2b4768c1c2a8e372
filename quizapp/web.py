"""What every page shares: login, CSRF, security headers, template helpers."""

from __future__ import annotations

import io
from collections.abc import Callable

from flask import Flask, Response, abort, current_app, has_request_context, request, session
from flask_login import LoginManager, current_user, login_user
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter, ValidationError

from quizapp.accounts import SignedInUser, signed_in_user
from quizapp.compression import compress_response
from quizapp.db import get_session
from quizapp.inputs import parse_int
from quizapp.models import User
from quizapp.sessions import SessionInterface

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to continue."
csrf = CSRFProtect()

# No inline scripts or styles anywhere, so the policy needs no 'unsafe-inline'.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


# Where the session cookie keeps the user's session version (quizapp.accounts): a cookie
# is good while its version is the user's, so raising the user's version (logout,
# password change) ends every session issued before, in every browser, at once.
SESSION_VERSION_KEY = "session_version"


def log_in(user: User | SignedInUser) -> None:
    session.clear()  # a fresh session at login: no fixation
    login_user(user)
    session[SESSION_VERSION_KEY] = user.session_version


@login_manager.user_loader
def _load_user(user_id: str) -> SignedInUser | None:
    user_key = parse_int(user_id)
    version = session.get(SESSION_VERSION_KEY)
    user = None
    if user_key is not None and type(version) is int:
        user = signed_in_user(get_session(), user_key, version)
    if user is None:
        # An ended session, a deleted user or a cookie from before session versions: a
        # visitor from now on, with a fresh cookie instead of the replayed one.
        session.clear()
    return user


# How long a client may go quiet while sending a request's body. A hand-in is a few KB and
# arrives in one go; a client that stops halfway holds one of its worker's threads
# (quizapp.server) until then, and is answered 408.
BODY_TIMEOUT = 10.0
_READ_SIZE = 64 * 1024


def read_body() -> None:
    """Read the request's body before any form does, where reading it as it comes would go
    wrong: a chunked body (no Content-Length) longer than MAX_CONTENT_LENGTH, which
    werkzeug would cut at the limit without a word and hand on (a form missing its end,
    answered 400), gets 413; and under gunicorn a body that stops arriving gets 408 after
    BODY_TIMEOUT instead of holding a thread for as long as the client keeps the socket."""
    environ = request.environ
    length = request.content_length
    # A server that decodes chunked bodies itself says so with wsgi.input_terminated.
    chunked = (
        length is None
        and environ.get("wsgi.input_terminated")
        and "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
    )
    sock = environ.get("gunicorn.socket")
    if not chunked and (sock is None or not length):
        return
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if length is not None and limit is not None and length > limit:
        abort(413)  # werkzeug would too; said here so no byte of it is read
    wanted = length if length is not None else (limit + 1 if limit is not None else None)
    previous = sock.gettimeout() if sock is not None else None
    if sock is not None:
        sock.settimeout(BODY_TIMEOUT)
    chunks: list[bytes] = []
    received = 0
    try:
        while wanted is None or received < wanted:
            size = _READ_SIZE if wanted is None else min(_READ_SIZE, wanted - received)
            chunk = environ["wsgi.input"].read(size)
            if not chunk:
                break
            chunks.append(chunk)
            received += len(chunk)
    except TimeoutError:
        abort(408, description="The request took too long to arrive. Try again.")
    except Exception:  # the server's own complaint: a malformed chunk, a client gone
        abort(400, description="The request arrived incomplete. Try again.")
    finally:
        if sock is not None:
            sock.settimeout(previous)
    if limit is not None and received > limit:
        abort(413)
    if length is not None and received < length:
        abort(400, description="The request arrived incomplete. Try again.")
    environ["wsgi.input"] = io.BytesIO(b"".join(chunks))
    environ["CONTENT_LENGTH"] = str(received)


class BoundedIntegerConverter(IntegerConverter):
    """`<int:...>` in every route: ASCII digits within the database's range, so an id too
    large for the database (or a full-width digit) is "not found" (404), never a driver
    error."""

    regex = r"[0-9]+"

    def to_python(self, value: str) -> int:
        number = parse_int(value)
        if number is None:
            raise ValidationError()
        return number


def _refuse_nul() -> None:
    """A NUL anywhere in the path, the query or a form field is refused here, once, for
    every route: PostgreSQL cannot store one in a text column (the driver refuses the whole
    statement, a 500), and no browser sends one for a learner."""
    values = request.values  # the query and the form together
    fields = (text for key in values for text in (key, *values.getlist(key)))
    if "\x00" in request.path or any("\x00" in text for text in fields):
        abort(400, description="The request contained a character that is not allowed.")


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def _private_pages(response: Response) -> Response:
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


def remembered_url_for(app: Flask, limit: int = 4096) -> Callable[..., str]:
    """url_for for templates, remembering what it built. Every page links a dozen places
    (the menu, the style sheet, scripts) and building a URL costs more than the rest of the
    menu; a path depends only on the endpoint, its values and where the app is mounted.
    Relative endpoints and options (_external, _anchor, ...) are built every time."""
    build = app.url_for
    built: dict[tuple, str] = {}

    def url_for(endpoint: str, **values) -> str:
        if not has_request_context():  # a template rendered from the command line
            return build(endpoint, **values)
        key = (request.script_root, endpoint, *values.items())
        try:
            return built[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable value (a list of query arguments)
            return build(endpoint, **values)
        url = build(endpoint, **values)
        if endpoint.startswith(".") or any(name.startswith("_") for name in values):
            return url
        if len(built) >= limit:  # links with ids (attempts, words) must not grow it forever
            built.clear()
        built[key] = url
        return url

    return url_for


def init_app(app: Flask) -> None:
    # Before any blueprint adds its routes: rules take their converters when added.
    app.url_map.converters["int"] = BoundedIntegerConverter
    app.session_interface = SessionInterface()
    if app.config["TRUSTED_PROXIES"]:
        # Behind nginx or Caddy: believe their X-Forwarded-For/-Proto, so throttling sees
        # the learner's address and the cookie knows the page came over HTTPS.
        n = int(app.config["TRUSTED_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)
    login_manager.init_app(app)
    # Before CSRFProtect's hook, the first to read a form.
    app.before_request(read_body)
    app.before_request(_refuse_nul)
    csrf.init_app(app)
    app.after_request(_security_headers)
    app.after_request(_private_pages)
    app.after_request(compress_response)
    app.jinja_env.globals["url_for"] = remembered_url_for(app)
