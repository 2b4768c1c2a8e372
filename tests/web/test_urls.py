"""Templates' url_for remembers what it built, and builds exactly what Flask would."""

from __future__ import annotations

from flask import render_template_string, url_for

from quizapp.web import remembered_url_for

CASES = [
    ("reading.library", {}),
    ("reading.article", {"pack_id": "biden-poetin-videogesprek"}),
    ("vocab.save", {"form": "spanningen", "sentence": 2}),
    ("static", {"filename": "css/app.css"}),
    ("reading.article", {"pack_id": "x", "_anchor": "s-3"}),
    ("reading.article", {"pack_id": "x", "_external": True}),
]


def test_remembered_urls_are_flasks_wherever_the_app_is_mounted(app):
    remembered = remembered_url_for(app)
    for script_root in ("", "/school"):
        with app.test_request_context("/", base_url=f"http://localhost{script_root}/"):
            for endpoint, values in CASES:
                for _ in range(2):  # built, then remembered
                    assert remembered(endpoint, **values) == url_for(endpoint, **values)
            assert remembered("reading.library") == f"{script_root}/"


def test_templates_use_the_remembered_url_for(app):
    with app.test_request_context("/", base_url="http://localhost/school/"):
        html = render_template_string("{{ url_for('reading.about') }}")
    assert html == "/school/about"


def test_unhashable_values_and_more_ids_than_it_keeps_still_build_right(app):
    remembered = remembered_url_for(app, limit=3)
    with app.test_request_context("/"):
        assert remembered("vocab.my_words", q=["a", "b"]) == url_for("vocab.my_words", q=["a", "b"])
        urls = [remembered("reading.article", pack_id=f"p{i}") for i in range(10)]
    assert urls == [f"/articles/p{i}" for i in range(10)]


def test_outside_a_request_it_is_flasks_url_for(app):
    app.config["SERVER_NAME"] = "quiz.example.org"
    with app.app_context():
        built = remembered_url_for(app)("reading.about")
        assert built == url_for("reading.about") == "http://quiz.example.org/about"
