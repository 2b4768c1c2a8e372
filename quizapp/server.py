"""Running the app under gunicorn from our own command line."""

from __future__ import annotations

import gc

from gunicorn.app.base import BaseApplication

# Threads per worker. A sync worker serves one connection at a time from the moment it
# reads the request line until it has sent the answer, so two clients that stall while
# sending a body (a learner's laptop leaving the wifi mid-hand-in, or anyone on purpose)
# held both sync workers and froze the app for everyone until the 60 s timeout killed
# them. gthread workers wait for a connection's first bytes in their main loop and serve
# each request on a thread of their own: a stalled client holds one thread, the others
# keep answering, and quizapp.web gives up on a body that stops arriving (408). Threads,
# not an async worker: the app is plain blocking code (SQLAlchemy, Jinja), and its
# in-process caches are already shared under a lock (quizapp.reading.render).
THREADS = 8
# No keep-alive, as with the sync workers before: a gthread worker would close a kept
# connection after a couple of idle seconds, and a client that sends its next request
# (a hand-in, after minutes on the quiz) just as it closes gets a broken pipe. A page is
# one HTML document plus a few static files cached for a year, so little is lost.
KEEPALIVE = 0


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        # Each worker builds its own app, so no database connection crosses a fork.
        from quizapp import create_app

        app = create_app()
        # What the worker has built so far lives as long as it does: freezing it keeps the
        # garbage collector's full passes to what requests allocate, so they stay short
        # and stop showing up as slow requests.
        gc.freeze()
        return app


def serve(host: str, port: int, workers: int, threads: int = THREADS) -> None:
    _Gunicorn(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "gthread",
            "threads": threads,
            "keepalive": KEEPALIVE,
            "accesslog": "-",
            "timeout": 60,
        }
    ).run()
