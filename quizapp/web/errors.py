"""Error pages that speak to learners, and a rollback when something broke."""

from __future__ import annotations

from flask import Flask, g, render_template
from werkzeug.exceptions import HTTPException, InternalServerError


def _render_http_error(error: HTTPException):
    return render_template("errors/error.html", error=error), error.code


def _render_server_error(error: InternalServerError):
    session = g.get("db_session")
    if session is not None:
        session.rollback()
    return render_template("errors/error.html", error=error), 500


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _render_http_error)
    app.register_error_handler(InternalServerError, _render_server_error)
