"""The library: level filter, sort by level or newest, reading time and a first sentence."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from quizapp.db import write_session
from quizapp.language.store import pipeline_for_import
from quizapp.library.importer import import_pack
from quizapp.packs import load_pack
from quizapp.reading.service import first_sentence
from tests.conftest import QUESTIONS, SEED_PACK

TITLES = re.compile(r'<h2><a href="/articles/([^"]+)"')


def test_first_sentence_skips_headings_and_cuts_long_ones_at_a_word():
    assert first_sentence("## Kop\n\nEen zin. Nog een.") == "Een zin."
    assert first_sentence("Waar is hij? Hier.") == "Waar is hij?"
    assert first_sentence("Hij zei: 'Ja.' Toen ging hij.") == "Hij zei: 'Ja.'"
    assert first_sentence("Geen punt aan het eind") == "Geen punt aan het eind"
    long = first_sentence("woord " * 60 + ".")
    assert long.endswith("…") and len(long) <= 161 and "woor…" not in long
    assert first_sentence("") == ""


@pytest.fixture
def library_app(app):
    """Three texts: B1 with a date, A2 and C1 without, imported in that order."""
    seed, _ = load_pack(SEED_PACK)
    bakker, _ = load_pack(QUESTIONS / "een-dag-bij-de-bakker.yaml")
    story, _ = load_pack(QUESTIONS / "de-laatste-overtocht.yaml")
    with write_session(app) as session:
        for pack in (seed, replace(bakker, published=None), replace(story, published=None)):
            import_pack(session, pack, pipeline_for_import())
    return app


def _order(client, query: str = "") -> list[str]:
    response = client.get("/" + query)
    assert response.status_code == 200
    return TITLES.findall(response.get_data(as_text=True))


def test_the_library_sorts_by_level_by_default_and_by_newest_on_request(library_app):
    client = library_app.test_client()
    by_level = ["een-dag-bij-de-bakker", "biden-poetin-videogesprek", "de-laatste-overtocht"]
    assert _order(client) == by_level
    assert _order(client, "?sort=level") == by_level
    # Newest: a published date first, then the most recently imported.
    assert _order(client, "?sort=newest") == [
        "biden-poetin-videogesprek",
        "de-laatste-overtocht",
        "een-dag-bij-de-bakker",
    ]
    html = client.get("/?sort=newest").get_data(as_text=True)
    assert '<option value="newest" selected>Newest first</option>' in html


def test_the_level_filter_shows_one_level_and_ignores_nonsense(library_app):
    client = library_app.test_client()
    assert _order(client, "?level=A2") == ["een-dag-bij-de-bakker"]
    html = client.get("/?level=C2").get_data(as_text=True)
    assert "No texts at level C2 yet." in html and 'href="/?sort=level"' in html
    for nonsense in ("?level=D7", "?level=", "?sort=oldest", "?level=a2&sort=%20", "?level[]=x"):
        assert len(_order(client, nonsense)) == 3, nonsense


def test_each_card_has_a_reading_time_and_the_first_sentence(library_app):
    html = library_app.test_client().get("/").get_data(as_text=True)
    seed = html[html.index("/articles/biden-poetin-videogesprek") :]
    seed = seed[: seed.index("</li>")]
    assert re.search(r"<span>\d+ min read</span>", seed)
    assert '<p class="summary" lang="nl">In een twee uur durend videogesprek heeft' in seed
    assert seed.count("min read") == 1
