"""Static files: fingerprinted URLs cached for a year, gzip when asked, 304 on revalidation."""

from __future__ import annotations

import gzip
import re

from flask import url_for


def stylesheet_url(app) -> str:
    with app.test_request_context():
        return url_for("static", filename="css/app.css")


def test_pages_link_fingerprinted_assets(client, seeded_app):
    url = stylesheet_url(seeded_app)
    assert re.fullmatch(r"/static/css/app\.[0-9a-f]{10}\.css", url)
    assert url in client.get("/").get_data(as_text=True)


def test_fingerprinted_asset_is_immutable_and_gzipped(client, seeded_app):
    url = stylesheet_url(seeded_app)
    plain = client.get(url)
    zipped = client.get(url, headers={"Accept-Encoding": "gzip, br"})
    assert plain.status_code == zipped.status_code == 200
    assert "immutable" in plain.headers["Cache-Control"]
    assert "max-age=31536000" in plain.headers["Cache-Control"]
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == plain.data
    assert "Accept-Encoding" in zipped.headers["Vary"]


def test_plain_name_revalidates_with_etag(client):
    first = client.get("/static/css/app.css")
    assert first.status_code == 200 and "no-cache" in first.headers["Cache-Control"]
    again = client.get("/static/css/app.css", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_old_fingerprint_gets_current_file_without_long_cache(client):
    response = client.get("/static/css/app.0123456789.css")
    assert response.status_code == 200
    assert "immutable" not in response.headers["Cache-Control"]


def test_missing_and_escaping_paths_are_404(client):
    assert client.get("/static/css/nope.css").status_code == 404
    assert client.get("/static/../quizapp/__init__.py").status_code == 404
    assert client.get("/static/%2e%2e/pyproject.toml").status_code == 404
