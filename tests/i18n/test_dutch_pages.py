"""With the interface in Dutch, every page is in Dutch: each GET route of the app, as a
visitor (Accept-Language: nl), a learner, a teacher and an admin who chose Nederlands,
with data in every page (tests.every_page). A page fails when it looks up a msgid the
Dutch catalogue does not translate, and when its text outside the content (elements
marked with another lang, form fields, code) still holds an English word: text that never
became a msgid, from a template or from Python."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import flask_babel
import pytest
from sqlalchemy import update

from quizapp import create_app
from quizapp.db import write_session
from quizapp.migrate import upgrade_database
from quizapp.models import User
from tests.conftest import QUESTIONS, import_seed
from tests.every_page import PASSWORD, ROLES, every_page, seed_every_page

# Common English words that are not Dutch words too (so not "is", "in", "was", "of",
# "door", "been", "word", "week", "last", "account", "open", "start", "help", "correct"):
# one of them in a Dutch page's own text is English left over.
ENGLISH = {
    "the",
    "and",
    "or",
    "but",
    "not",
    "no",
    "yes",
    "you",
    "your",
    "yours",
    "my",
    "our",
    "this",
    "that",
    "these",
    "those",
    "with",
    "without",
    "from",
    "for",
    "to",
    "by",
    "at",
    "on",
    "into",
    "about",
    "after",
    "before",
    "there",
    "what",
    "which",
    "who",
    "when",
    "where",
    "why",
    "how",
    "all",
    "any",
    "some",
    "more",
    "other",
    "than",
    "then",
    "also",
    "only",
    "very",
    "can",
    "cannot",
    "could",
    "should",
    "would",
    "will",
    "must",
    "may",
    "has",
    "does",
    "did",
    "done",
    "are",
    "were",
    "being",
    "please",
    "back",
    "next",
    "previous",
    "save",
    "saved",
    "delete",
    "remove",
    "edit",
    "change",
    "hide",
    "close",
    "finish",
    "send",
    "sign",
    "password",
    "username",
    "library",
    "words",
    "meaning",
    "meanings",
    "text",
    "texts",
    "question",
    "questions",
    "answer",
    "answers",
    "right",
    "wrong",
    "scores",
    "review",
    "reviews",
    "learner",
    "learners",
    "teacher",
    "teachers",
    "class",
    "classes",
    "page",
    "pages",
    "level",
    "levels",
    "due",
    "today",
    "days",
    "day",
    "weeks",
    "month",
    "months",
    "time",
    "times",
    "new",
    "old",
    "first",
    "add",
    "added",
    "make",
    "see",
    "read",
    "reading",
    "because",
    "each",
    "every",
    "none",
    "nothing",
    "something",
    "results",
    "result",
    "version",
    "versions",
    "share",
    "shared",
    "choose",
    "chosen",
    "find",
    "found",
    "keep",
    "kept",
    "one",
    "two",
    "three",
}
_WORD = re.compile(r"[^\W\d_]+")
NOT_CHECKED = {"textarea", "pre", "code", "script", "style", "option", "kbd", "samp"}
VISIBLE_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label"}


class _OwnText(HTMLParser):
    """The page's text and shown attributes outside content marked with another language
    and outside what the user typed or chose."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, skipped)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipped = bool(self._stack and self._stack[-1][1])
        lang = attrs.get("lang")
        if tag in NOT_CHECKED or (lang is not None and not lang.startswith("nl")):
            skipped = True
        if attrs.get("translate") == "no":
            skipped = True
        if not skipped:
            self.text += [v for k, v in attrs.items() if k in VISIBLE_ATTRIBUTES and v]
            if tag == "input" and attrs.get("type") in ("submit", "button"):
                self.text.append(attrs.get("value") or "")
        if tag not in ("br", "img", "input", "meta", "link", "hr", "source", "wbr", "col"):
            self._stack.append((tag, skipped))

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not (self._stack and self._stack[-1][1]):
            self.text.append(data)


def english_left(html: str) -> list[str]:
    parser = _OwnText()
    parser.feed(html)
    found = []
    for text in parser.text:
        words = [w.lower() for w in _WORD.findall(text)]
        if any(w in ENGLISH for w in words):
            found.append(" ".join(text.split()))
    return found


def test_english_left_finds_english_outside_content():
    html = """<html lang="nl"><p>Je woorden</p><p>Your words</p>
    <span lang="en">the meaning</span><textarea>the text</textarea>
    <button title="Save this">Bewaar</button><p>Het is in de was</p></html>"""
    assert english_left(html) == ["Your words", "Save this"]


class _Recording:
    """A Translations that notes every msgid it does not translate."""

    def __init__(self, translations, missing: set[str]):
        self._t = translations
        self._missing = missing
        self.looked_up = 0

    def _note(self, key, text):
        self.looked_up += 1
        if not self._t._catalog.get(key):
            self._missing.add(text)

    def ugettext(self, text):
        self._note(text, text)
        return self._t.ugettext(text)

    gettext = ugettext

    def ungettext(self, singular, plural, n):
        self._note((singular, 0), singular)
        return self._t.ungettext(singular, plural, n)

    ngettext = ungettext

    def upgettext(self, context, text):
        self._note(f"{context}\x04{text}", text)
        return self._t.upgettext(context, text)

    def unpgettext(self, context, singular, plural, n):
        self._note((f"{context}\x04{singular}", 0), singular)
        return self._t.unpgettext(context, singular, plural, n)


@pytest.fixture(scope="module")
def dutch_site(tmp_path_factory):
    path = tmp_path_factory.mktemp("dutch") / "site.sqlite"
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test only",
            "DATABASE_URL": f"sqlite:///{path}",
            "WTF_CSRF_ENABLED": False,
            "PACKS_DIR": str(QUESTIONS),
        }
    )
    upgrade_database(app.extensions["quizapp.engine"])
    import_seed(app)
    data = seed_every_page(app, prefix="nl")
    with write_session(app) as session:
        session.execute(update(User).values(interface_language="nl"))
    yield app, data
    app.extensions["quizapp.engine"].dispose()


@pytest.fixture
def recorded(monkeypatch):
    missing: set[str] = set()
    recorders: list[_Recording] = []
    original = flask_babel.Domain.get_translations

    def get_translations(self):
        recorder = _Recording(original(self), missing)
        recorders.append(recorder)
        return recorder

    monkeypatch.setattr(flask_babel.Domain, "get_translations", get_translations)
    return missing, recorders


@pytest.mark.parametrize("role", ("visitor",) + ROLES)
def test_every_page_is_dutch(dutch_site, recorded, role):
    app, data = dutch_site
    missing, recorders = recorded
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "nl-NL,nl;q=0.9"
    if role != "visitor":
        response = client.post("/auth/login", data={"username": f"nl-{role}", "password": PASSWORD})
        assert response.status_code == 302
    english: dict[str, list[str]] = {}
    visited = 0
    for endpoint, url in every_page(app, data, "learner" if role == "visitor" else role):
        if endpoint == "auth.logout":
            continue
        response = client.get(url)
        assert response.status_code < 500, url
        # A redirect's body is never shown; a download is not a page.
        if response.status_code in (301, 302, 303, 307, 308) or response.mimetype != "text/html":
            continue
        visited += 1
        page = response.get_data(as_text=True)
        assert '<html lang="nl">' in page, url
        left = english_left(page)
        if left:
            english[url] = left
    assert visited >= (5 if role == "visitor" else 15)
    assert sum(r.looked_up for r in recorders) > visited  # the recorder saw the pages
    assert sorted(missing) == [], "msgids without a Dutch translation"
    assert english == {}
