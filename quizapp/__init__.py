"""quizapp: read Dutch texts with every hard word glossed, take quizzes, review words."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask

from quizapp import config as app_config

PACKAGE_DIR = Path(__file__).resolve().parent


def _asset_dir(name: str) -> str:
    # In a wheel templates/ and static/ live inside the package; in a checkout, beside it.
    inside = PACKAGE_DIR / name
    return str(inside if inside.is_dir() else PACKAGE_DIR.parent / name)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=_asset_dir("templates"),
        static_folder=_asset_dir("static"),
    )
    app.config.from_mapping(app_config.defaults(app.instance_path))
    app.config.from_pyfile("config.py", silent=True)
    app_config.check_types(app.config, os.path.join(app.instance_path, "config.py"))
    app.config.from_mapping(app_config.from_environment(os.environ))
    if test_config is not None:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = app_config.instance_secret_key(app.instance_path)

    # Imported here, in one batch: `import quizapp.levels` (the command line, the pure
    # layers) should not load Flask's blueprints.
    from quizapp import db, web
    from quizapp.admin.views import bp as admin_bp
    from quizapp.auth.views import bp as auth_bp
    from quizapp.authoring.views import bp as authoring_bp
    from quizapp.classes.views import bp as classes_bp
    from quizapp.progress.views import bp as progress_bp
    from quizapp.quiz.views import bp as quiz_bp
    from quizapp.reading.views import bp as reading_bp
    from quizapp.vocab.views import bp as vocab_bp

    db.init_app(app)
    web.init_app(app)
    for blueprint in (
        auth_bp,
        reading_bp,
        quiz_bp,
        classes_bp,
        admin_bp,
        progress_bp,
        vocab_bp,
        authoring_bp,
    ):
        app.register_blueprint(blueprint)
    return app
