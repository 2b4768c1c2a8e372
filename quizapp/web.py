"""What every page shares: login, CSRF, security headers, template helpers."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, Response, has_request_context, request
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from quizapp.accounts import SignedInUser, signed_in_user
from quizapp.compression import compress_response
from quizapp.db import get_session
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


@login_manager.user_loader
def _load_user(user_id: str) -> SignedInUser | None:
    if not user_id.isdigit():
        return None
    return signed_in_user(get_session(), int(user_id))


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
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
    app.session_interface = SessionInterface()
    if app.config["TRUSTED_PROXIES"]:
        # Behind nginx or Caddy: believe their X-Forwarded-For/-Proto, so throttling sees
        # the learner's address and the cookie knows the page came over HTTPS.
        n = int(app.config["TRUSTED_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)
    login_manager.init_app(app)
    csrf.init_app(app)
    app.after_request(_security_headers)
    app.after_request(compress_response)
    app.jinja_env.globals["url_for"] = remembered_url_for(app)
