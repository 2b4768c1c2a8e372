"""Engine and sessions: plain SQLAlchemy 2.0, one session per request."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker


def make_engine(url: str, busy_timeout_ms: int = 15_000) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)

    engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _set_sqlite_pragmas(dbapi_connection, _record):
        # pysqlite's own transaction handling would defer BEGIN until the first write
        # and cannot do BEGIN IMMEDIATE; we emit BEGIN ourselves in the "begin" hook.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        # A writer takes the write lock when it starts, so concurrent writers queue on
        # the busy timeout instead of failing halfway with "database is locked". Straight
        # to the driver: every request begins a transaction, and this is all it takes.
        immediate = connection.get_execution_options().get("sqlite_immediate")
        connection.connection.driver_connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"], app.config["SQLITE_BUSY_TIMEOUT_MS"])
    app.extensions["quizapp.engine"] = engine
    app.extensions["quizapp.sessions"] = sessionmaker(bind=engine, expire_on_commit=False)
    app.extensions["quizapp.write_sessions"] = sessionmaker(
        bind=engine.execution_options(sqlite_immediate=True), expire_on_commit=False
    )
    app.teardown_appcontext(_close_session)


def get_session() -> Session:
    """The request's session. Requests that may change state (not GET/HEAD) write, so their
    transactions begin immediately; GET requests never write and read without locking."""
    if "db_session" not in g:
        kind = "quizapp.sessions"
        if has_request_context() and request.method not in ("GET", "HEAD", "OPTIONS"):
            kind = "quizapp.write_sessions"
        g.db_session = current_app.extensions[kind]()
    return g.db_session


@contextmanager
def write_session(app: Flask | None = None) -> Iterator[Session]:
    """A write transaction outside a request (command line, tests): commit or roll back."""
    factory = (app or current_app).extensions["quizapp.write_sessions"]
    with factory() as session, session.begin():
        yield session


@contextmanager
def read_session(app: Flask | None = None) -> Iterator[Session]:
    """A read-only look outside a request; it takes no write lock."""
    factory = (app or current_app).extensions["quizapp.sessions"]
    with factory() as session:
        yield session


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
