"""The session cookie: Secure whenever the request came over HTTPS."""

from __future__ import annotations

from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface


class SessionInterface(SecureCookieSessionInterface):
    def get_cookie_secure(self, app: Flask) -> bool:
        # A classroom machine serves plain HTTP on 127.0.0.1; a school deployment behind
        # TLS gets the Secure flag without anyone having to remember a setting.
        return bool(app.config["SESSION_COOKIE_SECURE"] or request.is_secure)
