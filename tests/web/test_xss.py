"""Teacher-written text is shown as text: a pack full of payloads renders inert."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from quizapp.packs import load_pack
from tests.conftest import import_seed
from tests.xss import PAYLOADS, write_xss_pack


@pytest.fixture
def xss_app(app, tmp_path):
    path = write_xss_pack(tmp_path)
    pack, problems = load_pack(path)
    assert pack is not None, problems
    import_seed(app, path)
    return app


def assert_inert(page: str) -> None:
    for payload in PAYLOADS:
        if "<" in payload:
            assert payload not in page, payload
    assert not re.search(r"<(img|svg|iframe|details)\b[^>]*\bon\w+=", page)
    assert "<script>window" not in page


def test_every_page_shows_the_payloads_as_text(xss_app):
    client = xss_app.test_client()
    client.post(
        "/auth/register",
        data={
            "username": "anna",
            "password": "correct horse battery",
            "confirm": "correct horse battery",
        },
    )
    pages = [client.get("/"), client.get("/articles/xss-proef")]
    attempt_url = client.post("/articles/xss-proef/quiz").headers["Location"]
    pages.append(client.get(attempt_url))
    client.post(
        attempt_url, data={"seq": "0", "action": "finish", "confirm": "1", "q0": "0", "q1": "x"}
    )
    pages.append(client.get(attempt_url + "/results"))
    for response in pages:
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        assert_inert(page)
    results = pages[-1].get_data(as_text=True)
    assert str(escape(PAYLOADS[6])) in results  # the explanation, shown as text
    assert str(escape(PAYLOADS[0])) in pages[1].get_data(as_text=True)
