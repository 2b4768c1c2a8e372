"""Pages go out gzipped to browsers that ask, and only to them."""

from __future__ import annotations

import gzip
import re
import zlib

from quizapp.web.compression import ONCE_LEVEL, Deflated, gzip_join

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


def test_parts_compressed_apart_make_one_gzip_stream():
    parts = [
        Deflated.of("<p>één</p>".encode()),
        Deflated.of(b"<li>woord</li>" * 2000, ONCE_LEVEL),
        Deflated.of(b""),
        Deflated.of(b"</html>"),
    ]
    joined = gzip_join(parts)
    plain = b"".join(part.plain for part in parts)
    assert gzip.decompress(joined) == plain
    strict = zlib.decompressobj(wbits=31)  # one member, checked to its last byte
    assert strict.decompress(joined) == plain and strict.eof and not strict.unused_data


def test_a_learners_gzipped_page_is_the_plain_page(client, auth):
    auth.register()
    client.get("/")  # the welcome message, shown once
    plain = client.get(SEED)
    zipped = client.get(SEED, headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    token = re.compile(rb'name="csrf_token" value="[^"]+"')
    unzipped = gzip.decompress(zipped.data)
    assert token.sub(b"", unzipped) == token.sub(b"", plain.data)
    assert b"vocab-save-button" in unzipped
