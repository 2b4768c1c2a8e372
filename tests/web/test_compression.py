"""Pages go out gzipped to browsers that ask, and only to them."""

from __future__ import annotations

import gzip

SEED = "/articles/biden-poetin-videogesprek"


def test_a_page_is_gzipped_for_a_browser_that_asks(client):
    plain = client.get(SEED)
    zipped = client.get(SEED, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert "Content-Encoding" not in plain.headers
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == plain.data  # a visitor's page has no token
    assert len(zipped.data) < len(plain.data) / 5
    for response in (plain, zipped):
        assert "Accept-Encoding" in response.headers["Vary"]
        assert response.headers["Content-Security-Policy"]


def test_no_gzip_for_a_browser_that_refuses_it_or_a_small_answer(client):
    refused = client.get(SEED, headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in refused.headers
    missing = client.get("/articles/no-such-text", headers={"Accept-Encoding": "gzip"})
    assert missing.status_code == 404 and "Content-Encoding" not in missing.headers


def test_downloads_are_not_gzipped_twice_or_at_all(client):
    csv = client.get(f"{SEED}/words.csv", headers={"Accept-Encoding": "gzip"})
    assert csv.status_code == 200 and "Content-Encoding" not in csv.headers
    assert csv.data.decode("utf-8-sig").startswith("lemma,word,meaning")
