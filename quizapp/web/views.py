"""What several features' views do alike: safe redirects, JSON or HTML, downloads,
"not found" for what is not the user's, and pages for teachers only."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from flask import Response, abort, request
from flask_login import current_user, login_required

from quizapp.inputs import safe_next

Found = TypeVar("Found")

__all__ = [
    "csv_download",
    "download",
    "found_or_404",
    "safe_next",
    "teacher_required",
    "wants_json",
]


def teacher_required(view: Callable) -> Callable:
    """A view for teachers and admins: visitors log in first, learners get 403."""

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.is_teacher:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def wants_json() -> bool:
    """The page's script asked (autosave, save a word): answer JSON rather than a page."""
    return request.accept_mimetypes.best == "application/json"


def download(data: bytes | str, mimetype: str, filename: str) -> Response:
    return Response(
        data,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def csv_download(rows: list[list[str]], filename: str) -> Response:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return download(buffer.getvalue(), "text/csv", filename)


def found_or_404(found: Found | None) -> Found:
    """What a view looked up for this user, or 404. Someone else's attempt, word or class
    is looked up as "not found" too: its existence is not this user's to know."""
    if found is None:
        abort(404)
    return found
