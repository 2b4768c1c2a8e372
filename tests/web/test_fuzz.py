"""No crafted request makes a 500: every route in the URL map, as a visitor, a learner, a
teacher and an admin, with malformed path parameters, query parameters and form fields.

A deterministic table rather than random search, so a run takes the same time and a
failure names the request that made it. Which query and form fields a view reads is not
written down here: the test records what each view asks for (a probe with good values
first) and then sends each of those fields every bad value in turn, the other fields kept
good so the bad one gets as deep as it can. A new route or field is covered without
touching this file. PostgreSQL gets the values only it chokes on (NUL, 32-bit overflow).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
from sqlalchemy import select
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.security import generate_password_hash

from quizapp.auth.service import create_user
from quizapp.classes import service as classes
from quizapp.db import write_session
from quizapp.models import Article, Attempt, User, VocabCard, VocabReview, utcnow
from quizapp.vocab import service as words

PACK = "biden-poetin-videogesprek"
PASSWORD = "correct horse battery"

# Values for any query parameter or form field.
BAD_VALUES = [
    "9" * 30,  # past every integer column
    str(2**31),  # past PostgreSQL's INTEGER
    str(2**63),  # past SQLite's
    "-1",
    "²",  # isdigit() is true, int() fails
    "１２",  # full-width digits: int() reads them
    "٣",  # an Arabic-Indic three
    "9" * 5000,  # past int()'s 4,300 digits
    "\x00",
    "a\x00b",
    "\r\nX-Injected: 1",
    "/\r\nX-Injected: 1",
    "\ud800",  # a lone surrogate, sent as the bytes a client would send
    "x" * 10_000,
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "sNaN",
    "NaN",
    "-Infinity",
    "1e999999",
    "",
    " ",
    "//evil.example",
    "/\\evil.example",
]
# Values for <int:...> path parts, and for the other path parts.
BAD_IDS = ["9" * 30, str(2**31), str(2**63), "9" * 5000, "²", "１", "٣", "0"]
BAD_PATH_TEXT = ["\x00", "a\r\nb", "x" * 5000, "\ud800", "²", "%", "..", " "]
# What only PostgreSQL refuses: NUL in text, 32-bit overflow.
POSTGRES_ONLY = {"\x00", "a\x00b", str(2**31), "9" * 30}
MANY_FIELDS = 10_000

# Good values: the probe sends all of them, and a bad value replaces one at a time.
GOOD_QUERY = {
    "start": "2026-01-01",
    "end": "2026-12-31",
    "reveal": "1",
    "q": "a",
    "sort": "date",
    "level": "B1",
    "next": "/",
}
GOOD_FORM = {
    "password": PASSWORD,
    "confirm": PASSWORD,
    "level": "B1",
    "name": "Fuzzed class",
    "role": "learner",
    "seq": "0",
    "action": "save",
    "pack_id": PACK,
    "rating": "3",
    "answer": "woord",
    "own_meaning": "a meaning",
    "note": "a note",
    "desired_retention": "0.9",
    "next": "/",
    "current_password": "not the password",  # so a probe never changes or deletes one
    "article": PACK,
    "due": "2026-12-24",
    "archived": "0",
}
# These change who the client is or remove what later requests need: they go last.
LAST = ("vocab.remove", "classes.remove_learner", "admin.delete_user", "auth.logout")
# The same page for everyone: fuzzed once, as a visitor (each try hashes a password).
VISITOR_ONLY_FIELDS = {"auth.login", "auth.register"}


class _Reads:
    names: set[str] | None = None  # None: not recording


class RecordingMultiDict(ImmutableMultiDict):
    """request.args and request.form that note which names a view asks for."""

    def _note(self, key) -> None:
        if _Reads.names is not None and isinstance(key, str):
            _Reads.names.add(key)

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def get(self, key, default=None, type=None):
        self._note(key)
        return super().get(key, default, type)

    def getlist(self, key, type=None):
        self._note(key)
        return super().getlist(key, type)

    def __contains__(self, key):
        self._note(key)
        return super().__contains__(key)


def _encode(text: str) -> str:
    # surrogatepass: the bytes a client would send for a lone surrogate (invalid UTF-8).
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def _query(pairs: dict[str, str] | list[tuple[str, str]]) -> str:
    items = pairs.items() if isinstance(pairs, dict) else pairs
    return "&".join(f"{_encode(k)}={_encode(v)}" for k, v in items)


@dataclass
class Role:
    name: str
    client: object | None = None
    cookie: str | None = None
    ids: dict[str, int] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    form: dict[str, str] = field(default_factory=dict)


# What a password costs to check is not what is tested here, and the fuzzing logs in
# a few hundred times.
CHEAP_HASH = generate_password_hash(PASSWORD, "pbkdf2:sha256:1")


@pytest.fixture
def fuzz_app(seeded_app, monkeypatch):
    app = seeded_app
    monkeypatch.setattr("quizapp.auth.service._DUMMY_HASH", CHEAP_HASH)
    app.request_class = type(
        "RecordingRequest", (app.request_class,), {"parameter_storage_class": RecordingMultiDict}
    )

    # Registered after the app's own hooks, so it runs last: what the refusal of NUL and
    # the CSRF check read is not what the view reads.
    @app.before_request
    def _start_recording():
        _Reads.names = set()

    return app


def _set_up_roles(app) -> list[Role]:
    roles = [Role("visitor")]
    with write_session(app) as session:
        article = session.scalar(select(Article).where(Article.pack_id == PACK))
        word = words.article_key_words(session, article, "A1")[0]
        users = {
            name: create_user(session, name, PASSWORD, role)
            for name, role in (("lena", "learner"), ("tess", "teacher"), ("adam", "admin"))
        }
        create_user(session, "someone", PASSWORD)  # logs in during the fuzzing
        for user in session.scalars(select(User)):
            user.password_hash = CHEAP_HASH
        tess_class = classes.create_class(session, users["tess"], "Tess's class")
        adam_class = classes.create_class(session, users["adam"], "Adam's class")
        classes.join_class(session, users["lena"], tess_class.join_code)
        class_of = {"lena": tess_class, "tess": tess_class, "adam": adam_class}
        for user in users.values():
            item = words.save_key_word(session, user.id, article, word, utcnow()).item
        ids = {
            name: {"user_id": user.id, "class_id": class_of[name].id}
            for name, user in users.items()
        }
        code = {name: class_of[name].join_code for name in users}
    for name, role_name in zip(users, ("learner", "teacher", "admin"), strict=True):
        client = app.test_client()
        client.post("/auth/login", data={"username": name, "password": PASSWORD})
        finished = _start_quiz(client)
        client.post(f"/attempts/{finished}", data={"seq": "0", "action": "finish", "confirm": "1"})
        in_progress = _start_quiz(client)
        with write_session(app) as session:
            item = words.find_saved(session, ids[name]["user_id"], word.lemma)
            card = session.scalar(
                select(VocabCard).where(
                    VocabCard.item_id == item.id, VocabCard.direction == "recognition"
                )
            )
            item_id, card_id = item.id, card.id
        client.post(f"/review/{card_id}", data={"seq": "0", "rating": "3"})
        with write_session(app) as session:
            review_id = session.scalar(
                select(VocabReview.id).where(VocabReview.user_id == ids[name]["user_id"])
            )
            assert session.get(Attempt, finished).state == "finished"
        role = Role(role_name, client, client.get_cookie("session").value)
        role.ids = ids[name] | {
            "finished": finished,
            "attempt_id": in_progress,
            "item_id": item_id,
            "card_id": card_id,
            "review_id": review_id,
        }
        role.query = GOOD_QUERY | {
            "class": str(ids[name]["class_id"]),
            "card": str(card_id),
            "sentence": str(word.sentence_index),
            "form": word.form,
        }
        role.form = GOOD_FORM | {
            "username": "someone",
            "code": code[name],
            "lemma": word.lemma,
            "form": word.form,
            "sentence": str(word.sentence_index),
        }
        roles.append(role)
    roles[0].query = roles[1].query
    roles[0].form = roles[1].form
    return roles


def _start_quiz(client) -> int:
    location = client.post(f"/articles/{PACK}/quiz").headers["Location"]
    return int(location.rsplit("/", 1)[1])


def _path(rule, role: Role, replace: dict[str, str] | None = None) -> str:
    """The rule's URL with the role's own rows in it, or `replace`d parts."""
    finished_views = ("quiz.results", "vocab.missed", "vocab.save_missed")

    def part(match: re.Match) -> str:
        converter, name = match.group(1), match.group(2)
        if replace and name in replace:
            return _encode(replace[name])
        if converter == "int":
            key = "finished" if name == "attempt_id" and rule.endpoint in finished_views else name
            return str(role.ids.get(key, 1))
        return PACK

    return re.sub(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>", part, rule.rule)


class Fuzzer:
    def __init__(self, app, database: str):
        self.app = app
        self.postgres = database == "postgresql"
        self.failures: list[str] = []
        self.probes: dict[tuple[str, str, str], int] = {}
        self.requests = 0
        self._address = 0

    def values(self, table: list[str]) -> list[str]:
        return [v for v in table if v in POSTGRES_ONLY] if self.postgres else table

    def send(self, role: Role, method: str, path: str, query: str, form: str | None) -> set[str]:
        """One request, as `role`; what the view read. A 500 or an exception is noted."""
        client = role.client or self.app.test_client()
        if role.cookie is not None:  # undo a login or logout the last request made
            client.set_cookie("session", role.cookie)
        self._address += 1
        # A fresh address each time, so login throttling never stands in for the view.
        address = f"10.{self._address >> 16 & 255}.{self._address >> 8 & 255}.{self._address & 255}"
        _Reads.names = None
        self.requests += 1
        where = f"{role.name} {method} {path[:120]}?{query[:120]} form={(form or '')[:120]}"
        try:
            response = client.open(
                f"{path}?{query}" if query else path,
                method=method,
                data=form,
                content_type="application/x-www-form-urlencoded" if form is not None else None,
                environ_base={"REMOTE_ADDR": address},
            )
        except Exception as error:  # TESTING lets the view's exception through
            self.failures.append(f"{where}: {type(error).__name__}: {str(error)[:200]}")
            return set()
        if response.status_code >= 500:
            self.failures.append(f"{where}: {response.status_code}")
        self.status = response.status_code
        return set(_Reads.names or ())

    def fuzz(self, rule, role: Role, method: str) -> None:
        path = _path(rule, role)
        good_query, good_form = role.query, role.form if method == "POST" else None
        read = self.send(role, method, path, _query(good_query), _body(good_form))
        self.probes[role.name, rule.endpoint, method] = self.status
        for match in re.finditer(r"<(?:(\w+)[^:>]*:)?(\w+)>", rule.rule):
            table = BAD_IDS if match.group(1) == "int" else BAD_PATH_TEXT
            for value in self.values(table):
                bad_path = _path(rule, role, {match.group(2): value})
                self.send(role, method, bad_path, _query(good_query), _body(good_form))
        if rule.endpoint in VISITOR_ONLY_FIELDS and role.name != "visitor":
            return
        named = sorted(name for name in read if name in good_query or name in (good_form or {}))
        # Fields named by the page itself (a quiz's q0, q3-g1, ...: dozens) get each bad
        # value all at once: a view that reads them treats a bad one as no answer and
        # goes on to the next, so none hides another.
        numbered = sorted(read.difference(named))
        for value in self.values(BAD_VALUES):
            for name in named:
                if name in good_query:
                    query = _query(good_query | {name: value})
                    self.send(role, method, path, query, _body(good_form))
                if method == "POST" and name in good_form:
                    self.send(
                        role, method, path, _query(good_query), _body(good_form | {name: value})
                    )
            if numbered and method == "POST":
                many_bad = good_form | dict.fromkeys(numbered, value)
                self.send(role, method, path, _query(good_query), _body(many_bad))
            elif numbered:
                many_bad = good_query | dict.fromkeys(numbered, value)
                self.send(role, method, path, _query(many_bad), None)
        if not self.postgres:
            many = [(f"f{n}", "1") for n in range(MANY_FIELDS)]
            if method == "POST":
                self.send(
                    role, method, path, _query(good_query), _query([*good_form.items(), *many])
                )
            else:
                self.send(role, method, path, _query([*good_query.items(), *many]), None)


def _body(form: dict[str, str] | None) -> str | None:
    return None if form is None else _query(form)


def _routes(app) -> Iterator[tuple[object, str]]:
    rules = sorted(
        app.url_map.iter_rules(),
        key=lambda r: (
            r.endpoint in LAST,
            LAST.index(r.endpoint) if r.endpoint in LAST else 0,
            r.rule,
        ),
    )
    for rule in rules:
        if rule.endpoint == "static":
            continue
        for method in ("GET", "POST"):
            if method in rule.methods:
                yield rule, method


def test_no_crafted_request_makes_a_500(fuzz_app, database_url, capsys):
    roles = _set_up_roles(fuzz_app)
    database = "postgresql" if database_url.startswith("postgresql") else "sqlite"
    fuzzer = Fuzzer(fuzz_app, database)
    for role in roles:
        for rule, method in _routes(fuzz_app):
            fuzzer.fuzz(rule, role, method)
    with capsys.disabled():
        print(f"\n--- fuzzing the URL map on {database}: {fuzzer.requests} requests")
    # Each role fuzzed as itself, its own rows reached: the good requests went through.
    probes = fuzzer.probes
    assert probes["visitor", "vocab.my_words", "GET"] == 302
    for role in ("learner", "teacher", "admin"):
        for endpoint in ("vocab.my_words", "quiz.attempt", "quiz.results", "vocab.reviewed"):
            assert probes[role, endpoint, "GET"] == 200, (role, endpoint)
    assert probes["learner", "classes.home", "GET"] == 403
    assert probes["teacher", "classes.article", "GET"] == 200
    assert probes["teacher", "admin.users", "GET"] == 403
    assert probes["admin", "admin.users", "GET"] == 200
    assert fuzzer.requests > 500
    assert fuzzer.failures == [], "\n".join(fuzzer.failures)
