"""Running the app under gunicorn from our own command line."""

from __future__ import annotations

import gc

from gunicorn.app.base import BaseApplication


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


def serve(host: str, port: int, workers: int) -> None:
    _Gunicorn({"bind": f"{host}:{port}", "workers": workers, "accesslog": "-", "timeout": 60}).run()
