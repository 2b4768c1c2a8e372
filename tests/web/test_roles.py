"""Every route, every role: pages that are not public send visitors to log in, teacher
pages refuse learners, and no role can make any page fail. A new route that forgets its
access check fails here until it is listed as public on purpose."""

from __future__ import annotations

import pytest

from quizapp.auth.service import create_user
from quizapp.db import write_session
from tests.web.test_security import fill

PUBLIC = {
    "static",
    "reading.library",
    "reading.article",
    "reading.about",
    "auth.login",
    "auth.register",
    # Visitors choose the interface's language too (kept in their session).
    "auth.interface_language",
    # An article's word list is printable for a class without accounts.
    "vocab.article_words",
    "vocab.article_words_csv",
    "vocab.article_words_apkg",
}
TEACHERS_ONLY = ("classes.", "admin.", "authoring.")
NOT_FOR_TEACHERS_ONLY = {"classes.join"}  # learners join classes here
ADMINS_ONLY = {
    "admin.users",
    "admin.set_role",
    "admin.reset_password",
    "admin.export_data",
    "admin.delete_user",
}


def teacher_only(endpoint: str) -> bool:
    return endpoint.startswith(TEACHERS_ONLY) and endpoint not in NOT_FOR_TEACHERS_ONLY


def routes(app, method: str):
    for rule in app.url_map.iter_rules():
        if method in rule.methods and rule.endpoint != "static":
            yield rule.endpoint, fill(rule)


def test_anonymous_visitors_are_sent_to_log_in(seeded_app):
    client = seeded_app.test_client()
    for method in ("GET", "POST"):
        for endpoint, url in routes(seeded_app, method):
            response = client.open(url, method=method)
            assert response.status_code < 500, (endpoint, response.status_code)
            if endpoint in PUBLIC or endpoint == "auth.logout":
                continue
            assert response.status_code == 302, (endpoint, response.status_code)
            assert "/auth/login" in response.headers["Location"], endpoint


@pytest.mark.parametrize("role", ["learner", "teacher", "admin"])
def test_each_role_on_every_page(seeded_app, role):
    with write_session(seeded_app) as session:
        create_user(session, "someone", "correct horse battery", role)
    client = seeded_app.test_client()
    client.post("/auth/login", data={"username": "someone", "password": "correct horse battery"})
    for endpoint, url in routes(seeded_app, "GET"):
        response = client.get(url)
        assert response.status_code < 500, (endpoint, response.status_code)
        if teacher_only(endpoint) and role == "learner":
            assert response.status_code == 403, endpoint
        if endpoint in ADMINS_ONLY and role == "teacher":
            assert response.status_code == 403, endpoint
        if endpoint == "classes.home" and role != "learner":
            assert response.status_code == 200
