"""What every page shares: login, CSRF, security headers, template helpers."""

from __future__ import annotations

from flask import Flask, Response
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from quizapp.db import get_session
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


@login_manager.user_loader
def _load_user(user_id: str) -> User | None:
    return get_session().get(User, int(user_id)) if user_id.isdigit() else None


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response


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
