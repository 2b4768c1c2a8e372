"""Packs in the browser: checked before anything is stored, versioned, reviewed, shown to
learners only once published, and kept apart from the packs in questions/."""

from __future__ import annotations

import html as html_module
import re

import pytest
from sqlalchemy import select

from quizapp.authoring import service
from quizapp.db import write_session
from quizapp.models import Answer, Article, Attempt, Question, WebPack, WebPackVersion
from tests.authoring.conftest import BROKEN, BROKEN_LINE, PACK, PACK_ID, login
from tests.conftest import rows

SEED = "biden-poetin-videogesprek"


def _excludable(html: str) -> list[str]:
    return re.findall(r'name="exclude" value="([^"]+)"', html)


def test_a_pack_with_a_mistake_is_not_stored_and_the_problem_stands_at_its_line(people, tina):
    response = tina.post("/packs/new", data={"source": BROKEN})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    line = re.search(
        rf'<li class="checked-line has-problem" value="{BROKEN_LINE}".*?</li>', html, re.S
    )
    assert line is not None
    assert "type: choise" in line.group(0)
    assert f"line {BROKEN_LINE}:11</a>: unknown question type `choise`" in line.group(0)
    assert "type: choise" in html.split("<textarea", 1)[1]  # the editor keeps the text
    assert rows(people, WebPack) == [] and rows(people, WebPackVersion) == []
    assert rows(people, Article, Article.pack_id == PACK_ID) == []


def test_a_valid_pack_is_stored_unpublished_with_its_first_version(stored):
    (web_pack,) = rows(stored, WebPack)
    assert web_pack.pack_id == PACK_ID and not web_pack.published
    (version,) = rows(stored, WebPackVersion)
    assert version.source == PACK and version.number == 1
    (article,) = rows(stored, Article, Article.pack_id == PACK_ID)
    assert article.hidden and article.pack_path == "web:" + PACK_ID


def test_crlf_from_a_textarea_is_stored_as_a_file_would_hold_it(people, tina):
    tina.post("/packs/new", data={"source": PACK.replace("\n", "\r\n")})
    (version,) = rows(people, WebPackVersion)
    assert version.source == PACK


def _learner_pages(client) -> dict[str, int]:
    return {
        "reading": client.get(f"/articles/{PACK_ID}").status_code,
        "quiz": client.post(f"/articles/{PACK_ID}/quiz").status_code,
        "words": client.get(f"/articles/{PACK_ID}/words").status_code,
        "csv": client.get(f"/articles/{PACK_ID}/words.csv").status_code,
        "apkg": client.get(f"/articles/{PACK_ID}/words.apkg").status_code,
    }


def test_nobody_but_its_editors_sees_an_unpublished_pack(stored, tina):
    for who in (None, "lena", "theo"):
        client = login(stored, who) if who else stored.test_client()
        library = client.get("/").get_data(as_text=True)
        assert "De fietsenmaker" not in library and PACK_ID not in library, who
        pages = _learner_pages(client)
        assert pages.pop("quiz") == (404 if who else 302), who  # a visitor logs in first
        assert set(pages.values()) == {404}, who
    assert tina.post(f"/packs/{PACK_ID}/publish").status_code == 303
    lena = login(stored, "lena")
    assert "De fietsenmaker" in lena.get("/").get_data(as_text=True)
    pages = _learner_pages(lena)
    assert pages["reading"] == 200 and pages["quiz"] == 303 and pages["csv"] == 200
    assert tina.post(f"/packs/{PACK_ID}/unpublish").status_code == 303
    assert "De fietsenmaker" not in lena.get("/").get_data(as_text=True)
    assert lena.get(f"/articles/{PACK_ID}").status_code == 404


def test_the_word_list_urls_exist(stored, tina):
    # _learner_pages asks for these; were they renamed, its 404s would prove nothing.
    tina.post(f"/packs/{PACK_ID}/publish")
    client = stored.test_client()
    for kind in ("words", "csv", "apkg"):
        assert _learner_pages(client)[kind] == 200, kind


# Every authoring route for one pack, as (method, path, form).
PACK_ROUTES = [
    ("GET", "", {}),
    ("GET", "/edit", {}),
    ("POST", "/edit", {"source": PACK.replace("kapot", "stuk")}),
    ("GET", "/preview", {}),
    ("GET", "/preview/quiz", {}),
    ("GET", "/review", {}),
    ("POST", "/review", {"exclude": "gen-cloze-band-5"}),
    ("POST", "/publish", {}),
    ("POST", "/unpublish", {}),
    ("GET", "/download", {}),
    ("GET", "/versions", {}),
    ("GET", "/versions/1", {}),
]


@pytest.mark.parametrize("who", [None, "lena", "theo"], ids=["visitor", "learner", "teacher"])
def test_others_can_neither_see_nor_change_the_pack(stored, who):
    client = login(stored, who) if who else stored.test_client()
    for method, path, form in PACK_ROUTES:
        response = client.open(f"/packs/{PACK_ID}{path}", method=method, data=form)
        if who is None:
            assert response.status_code == 302, path
            assert "/auth/login" in response.headers["Location"]
        else:
            assert response.status_code == (403 if who == "lena" else 404), (path, method)
        shown = response.get_data(as_text=True)
        assert "De fietsenmaker" not in shown and "Karel" not in shown, path
    listing = client.get("/packs").get_data(as_text=True)
    assert PACK_ID not in listing
    (web_pack,) = rows(stored, WebPack)
    assert not web_pack.published
    assert [v.source for v in rows(stored, WebPackVersion)] == [PACK]


def test_an_admin_edits_every_pack_and_its_owner_stays(stored):
    ada = login(stored, "ada")
    assert PACK_ID in ada.get("/packs").get_data(as_text=True)
    for method, path, form in PACK_ROUTES:
        response = ada.open(f"/packs/{PACK_ID}{path}", method=method, data=form)
        assert response.status_code in (200, 303), (path, response.status_code)
    (web_pack,) = rows(stored, WebPack)
    owner = rows(stored, WebPackVersion)[0].author_id
    assert web_pack.owner_id == owner  # tina's still


def test_editing_keeps_every_learners_answers_on_the_version_they_answered(stored, tina):
    tina.post(f"/packs/{PACK_ID}/publish")
    lena = login(stored, "lena")
    attempt = int(lena.post(f"/articles/{PACK_ID}/quiz").headers["Location"].rsplit("/", 1)[1])
    # An empty hand-in, confirmed (the quiz asks before handing in unanswered questions).
    handed_in = lena.post(f"/attempts/{attempt}", data={"seq": "0", "confirm": "1"})
    assert handed_in.status_code == 303
    before = {a.question_id for a in rows(stored, Answer)}
    edited = PACK.replace("Wat is er kapot?", "Wat is er stuk?")
    assert tina.post(f"/packs/{PACK_ID}/edit", data={"source": edited}).status_code == 303
    with write_session(stored) as session:
        versions = session.scalars(
            select(Question).where(Question.key == "wat-is-kapot").order_by(Question.version)
        ).all()
        assert [(q.version, q.retired) for q in versions] == [(1, True), (2, False)]
        assert versions[1].payload["prompt"] == "Wat is er stuk?"
        answers = session.scalars(select(Answer)).all()
        assert {a.question_id for a in answers} == before  # untouched, on version 1
        assert versions[0].id in before
        assert session.get(Attempt, attempt).state == "finished"
    assert [v.number for v in rows(stored, WebPackVersion)] == [1, 2]
    # Still published: the edit is live, like importing a changed file.
    assert lena.get(f"/articles/{PACK_ID}").status_code == 200


def test_an_unchanged_save_adds_no_version(stored, tina):
    tina.post(f"/packs/{PACK_ID}/edit", data={"source": PACK})
    assert len(rows(stored, WebPackVersion)) == 1


def test_the_id_of_a_pack_cannot_change_in_the_editor(stored, tina):
    response = tina.post(
        f"/packs/{PACK_ID}/edit", data={"source": PACK.replace(PACK_ID, "een-ander-id")}
    )
    assert response.status_code == 400
    assert "cannot change" in response.get_data(as_text=True)
    assert len(rows(stored, WebPackVersion)) == 1


def test_versions_show_what_changed(stored, tina):
    tina.post(f"/packs/{PACK_ID}/edit", data={"source": PACK.replace("twaalf", "dertien")})
    html = tina.get(f"/packs/{PACK_ID}/versions").get_data(as_text=True)
    assert "Version 2" in html and "Version 1" in html
    diff = tina.get(f"/packs/{PACK_ID}/versions/2").get_data(as_text=True)
    assert (
        '<span class="diff-remove">-  Hij repareert de band in tien minuten. Ik betaal twaalf'
        in diff
    )
    assert (
        '<span class="diff-add">+  Hij repareert de band in tien minuten. Ik betaal dertien' in diff
    )
    assert tina.get(f"/packs/{PACK_ID}/versions/3").status_code == 404


def test_download_gives_the_latest_yaml(stored, tina):
    response = tina.get(f"/packs/{PACK_ID}/download")
    assert response.get_data(as_text=True) == PACK
    assert response.headers["Content-Disposition"] == f'attachment; filename="{PACK_ID}.yaml"'
    assert "no-store" in response.headers["Cache-Control"]


def test_review_writes_exclude_into_the_pack_and_the_quiz_follows(stored, tina):
    html = tina.get(f"/packs/{PACK_ID}/review").get_data(as_text=True)
    first, second, *_ = _excludable(html)
    assert tina.post(f"/packs/{PACK_ID}/review", data={"exclude": first}).status_code == 303
    source = rows(stored, WebPackVersion)[-1].source
    assert f'  exclude: ["{first}"]                  # ids of generated' in source
    with write_session(stored) as session:
        served = session.scalars(
            select(Question.key).where(Question.retired.is_(False), Question.origin == "generated")
        ).all()
    assert first not in served and second in served
    again = tina.get(f"/packs/{PACK_ID}/review").get_data(as_text=True)
    assert re.search(rf'value="{first}" checked', again)  # listed as excluded, to undo
    tina.post(f"/packs/{PACK_ID}/review", data={})
    assert "  exclude: []" in rows(stored, WebPackVersion)[-1].source


def test_review_refuses_ids_it_did_not_show(stored, tina):
    response = tina.post(f"/packs/{PACK_ID}/review", data={"exclude": "no-such-item"})
    assert response.status_code == 400
    assert len(rows(stored, WebPackVersion)) == 1


def test_preview_is_the_reading_page_and_the_quiz(stored, tina):
    reading = tina.get(f"/packs/{PACK_ID}/preview").get_data(as_text=True)
    assert "Not published: no learner sees it yet." in reading
    assert "Ik breng de fiets naar de" in re.sub(r"<[^>]+>", "", reading)
    assert 'class="gloss-popup"' in reading  # the reading page's own template
    # Its "Take the quiz" opens the quiz's preview, not a learner's attempt.
    assert f'action="/packs/{PACK_ID}/preview/quiz" id="quiz-start"' in reading
    quiz = tina.get(f"/packs/{PACK_ID}/preview/quiz").get_data(as_text=True)
    assert "Wat is er kapot?" in quiz and quiz.count('class="question"') == 5
    assert rows(stored, Attempt) == []  # a preview stores nothing


def test_upload_checks_the_file(people, tina):
    from io import BytesIO

    response = tina.post(
        "/packs/upload",
        data={"pack_file": (BytesIO(BROKEN.encode()), "fiets.yaml")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "unknown question type" in response.get_data(as_text=True)
    assert rows(people, WebPack) == []
    response = tina.post(
        "/packs/upload",
        data={"pack_file": (BytesIO(PACK.encode()), "fiets.yaml")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    assert rows(people, WebPackVersion)[0].note == "uploaded"


def test_a_pasted_text_becomes_a_pack_in_the_editor_unsaved(people, tina):
    text = "De markt\n\nOp zaterdag is er markt in het dorp. Ik koop daar kaas en appels."
    response = tina.post("/packs/from-text", data={"text": text, "level": "A2"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    source = html.split("<textarea", 1)[1].split(">", 1)[1].split("</textarea>")[0]
    source = html_module.unescape(source)
    assert "id: de-markt" in source and 'title: "De markt"' in source
    assert "generate:" in source
    assert rows(people, WebPack) == []
    assert tina.post("/packs/new", data={"source": source}).status_code == 303


# --------------------------------------------------------------------------- one source


def test_the_web_never_takes_a_file_packs_id(people, tina):
    response = tina.post("/packs/new", data={"source": PACK.replace(PACK_ID, SEED)})
    assert response.status_code == 400
    assert "is already used by" in response.get_data(as_text=True)
    assert rows(people, WebPack) == []
    # A file pack has no editing pages.
    assert tina.get(f"/packs/{SEED}/edit").status_code == 404
    assert "edit the file" in tina.get("/packs").get_data(as_text=True)


def test_import_of_the_folder_never_writes_over_a_web_pack(stored, tina, runner, tmp_path):
    tina.post(f"/packs/{PACK_ID}/publish")
    folder = tmp_path / "questions"
    folder.mkdir()
    (folder / "fiets.yaml").write_text(PACK.replace("twaalf euro", "honderd euro"))
    result = runner.invoke(["import", str(folder)])
    assert result.exit_code == 1
    assert f"the pack `{PACK_ID}` is edited in the browser" in result.output
    (article,) = rows(stored, Article, Article.pack_id == PACK_ID)
    assert "twaalf euro" in article.text and not article.hidden
    assert [v.source for v in rows(stored, WebPackVersion)] == [PACK]
    # The folder's packs that are gone hide their articles; a web pack has no file.
    (folder / "fiets.yaml").unlink()
    runner.invoke(["import", str(folder)])
    (article,) = rows(stored, Article, Article.pack_id == PACK_ID)
    assert not article.hidden


def test_the_importer_itself_refuses_a_file_for_a_web_pack(stored):
    from quizapp.library import importer
    from quizapp.packs.loader import load_pack_bytes

    pack, _ = load_pack_bytes(PACK.encode(), "questions/fiets.yaml")
    with write_session(stored) as session, pytest.raises(importer.MadeInTheBrowser):
        importer.import_pack(session, pack)


# --------------------------------------------------------------------------- pure


def test_with_excluded_keeps_everything_else():
    assert service.with_excluded(PACK, ["a", "b"]) == PACK.replace(
        "exclude: []", 'exclude: ["a", "b"]'
    )
    block = PACK.replace(
        "  exclude: []                  # ids of generated questions to leave out\n",
        "  exclude:\n    - a\n    - b\n\n# the end\n",
    )
    assert service.with_excluded(block, ["c"]).endswith(
        '  vocabulary: 2\n  exclude: ["c"]\n\n# the end\n'
    )
    missing = PACK.replace(
        "  exclude: []                  # ids of generated questions to leave out\n", ""
    )
    assert service.with_excluded(missing, ["c"]).endswith('  vocabulary: 2\n  exclude: ["c"]\n')


# --------------------------------------------------------------------------- crafted


CRAFTED = [
    "\x00",
    "a\x00b",
    "\ud800",
    "x" * 10_000,
    "",
    " ",
    "- a\n- b",
    "{",
    PACK.replace("title: De fietsenmaker", 'title: "De \\0 fietsenmaker"'),
    PACK.replace("title: De fietsenmaker", 'title: "De \\ud800 fietsenmaker"'),
    PACK.replace("generate:\n", "generate: {cloze: 1, exclude: []}\nnothing:\n"),
]


def _send(client, url: str, form: dict[str, str]):
    from urllib.parse import quote

    body = "&".join(
        f"{quote(k)}={quote(v.encode('utf-8', 'surrogatepass'), safe='')}" for k, v in form.items()
    )
    return client.post(url, data=body, content_type="application/x-www-form-urlencoded")


def test_crafted_input_is_refused_never_a_500(stored, tina):
    for value in CRAFTED:
        for url, field in (
            ("/packs/new", "source"),
            (f"/packs/{PACK_ID}/edit", "source"),
            (f"/packs/{PACK_ID}/review", "exclude"),
            ("/packs/from-text", "text"),
            ("/packs/from-text", "title"),
            ("/packs/from-text", "level"),
        ):
            form = {"text": "Ik woon in Utrecht.", field: value}
            response = _send(tina, url, form)
            assert response.status_code < 500, (url, field, value[:40])
    for path in ("/versions/0", "/versions/-1", f"/versions/{2**63}", "/versions/x"):
        assert tina.get(f"/packs/{PACK_ID}{path}").status_code == 404, path
    for pack_id in ("..", "%00", "x" * 5000):
        assert tina.get(f"/packs/{pack_id}").status_code in (400, 404), pack_id
