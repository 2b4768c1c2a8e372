"""A pack's problems in the teacher's language: the editor page in Dutch says them in
Dutch, with the parts inside them ("a list", "this question") in Dutch too, while the
command line and the Problem's own text stay English."""

from __future__ import annotations

import re

from quizapp.packs.loader import load_pack_bytes
from tests.authoring.conftest import BROKEN, BROKEN_LINE, PACK, PACK_ID, login

# `title` as a list, and a question without its `options`.
TITLE_A_LIST = PACK.replace("title: De fietsenmaker", "title: [De, fietsenmaker]")
NO_OPTIONS = PACK.replace(
    "    options:\n      - text: de fiets\n        correct: true\n      - de auto\n", ""
)


def _dutch(client):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "nl"
    return client


def _problems(html: str) -> list[str]:
    return [
        " ".join(p.split()) for p in re.findall(r'<p class="problem"[^>]*>(.*?)</p>', html, re.S)
    ]


def test_the_editor_in_dutch_says_the_problem_in_dutch(people):
    # tina's Account follows the browser: Accept-Language nl makes the page Dutch.
    client = _dutch(login(people, "tina"))
    html = client.post("/packs/new", data={"source": BROKEN}).get_data(as_text=True)
    assert '<html lang="nl">' in html
    assert "1 probleem: er is niets bewaard" in html
    [problem] = _problems(html)
    assert (
        f"regel {BROKEN_LINE}:11</a>: onbekend vraagtype `choise`; bedoel je `choice`?" in problem
    )
    assert "unknown" not in problem


def test_the_parts_of_a_message_are_dutch_too(people):
    client = _dutch(login(people, "tina"))
    problems = _problems(
        client.post("/packs/new", data={"source": TITLE_A_LIST}).get_data(as_text=True)
    )
    assert any("`title` moet tekst zijn, niet een lijst" in p for p in problems), problems
    problems = _problems(
        client.post("/packs/new", data={"source": NO_OPTIONS}).get_data(as_text=True)
    )
    assert any("deze vraag van het type choice heeft geen `options`" in p for p in problems), (
        problems
    )


def test_the_same_problems_stay_english_for_the_command_line(people):
    pack, problems = load_pack_bytes(TITLE_A_LIST.encode(), "draft.yaml")
    assert pack is None
    assert "draft.yaml:3:8: `title` must be text, not a list" in [str(p) for p in problems]
    english = login(people, "tina").post("/packs/new", data={"source": TITLE_A_LIST})
    assert "`title` must be text, not a list" in english.get_data(as_text=True)


def test_the_version_notes_follow_the_page_language(stored, tina):
    html = tina.get(f"/packs/{PACK_ID}/review").get_data(as_text=True)
    first, second, *_ = re.findall(r'name="exclude" value="([^"]+)"', html)
    tina.post(f"/packs/{PACK_ID}/review", data={"exclude": [first, second]})
    english = tina.get(f"/packs/{PACK_ID}/versions").get_data(as_text=True)
    assert "UTC: review: 2 generated questions excluded" in english
    assert "UTC: written in the browser" in english
    dutch = _dutch(tina).get(f"/packs/{PACK_ID}/versions").get_data(as_text=True)
    assert "UTC: controle: 2 automatisch gemaakte vragen weggelaten" in dutch
    assert "UTC: geschreven in de browser" in dutch
