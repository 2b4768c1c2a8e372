"""What every page shares: login, CSRF, reading the body, security headers, error pages,
assets and compression. Below every feature: it imports none of them."""

from __future__ import annotations

import io

from flask import Flask, abort, current_app, request
from flask_babel import gettext, ngettext
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter, ValidationError

from quizapp import charts
from quizapp.inputs import parse_int
from quizapp.translatable import N_
from quizapp.web import assets, errors, i18n, security
from quizapp.web.compression import compress_response
from quizapp.web.sessions import SessionInterface

login_manager = LoginManager()
login_manager.login_view = "auth.login"
# Flashed in the reader's language: the message is a msgid, translated when flashed.
login_manager.login_message = N_("Please log in to continue.")
login_manager.localize_callback = gettext
csrf = CSRFProtect()

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
        abort(408, description=gettext("The request took too long to arrive. Try again."))
    except Exception:  # the server's own complaint: a malformed chunk, a client gone
        abort(400, description=gettext("The request arrived incomplete. Try again."))
    finally:
        if sock is not None:
            sock.settimeout(previous)
    if limit is not None and received > limit:
        abort(413)
    if length is not None and received < length:
        abort(400, description=gettext("The request arrived incomplete. Try again."))
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


def init_app(app: Flask) -> None:
    assets.init_app(app)
    i18n.init_app(app)
    charts.use_translations(gettext, ngettext)
    errors.init_app(app)
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
    app.before_request(security.refuse_nul)
    csrf.init_app(app)
    app.after_request(security.security_headers)
    app.after_request(security.private_pages)
    app.after_request(compress_response)
