"""CSV round trip and Anki packages read back, for my words and for an article's list."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import zipfile
from pathlib import Path

from quizapp.models import VocabItem
from quizapp.vocab.export import (
    ANKI_MODEL,
    ANKI_MODEL_ID,
    CSV_HEADER,
    ExportRow,
    apkg_bytes,
    as_dict,
    csv_bytes,
    stable_id,
)
from tests.conftest import rows
from tests.vocab.conftest import PACK, save

AWKWARD = ExportRow(
    lemma="één",
    word='"Eén",twee',
    meaning="one; a <b>bold</b> claim",
    gender="het",
    level="C1",
    sentence="Regel één\nregel twee, met ‘quotes’ en ĳs.",
    article="Biden & Poetin",
    note="",
    due="2026-12-01",
)


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def anki_notes(data: bytes, tmp_path: Path) -> list[tuple[int, list[str]]]:
    """(model id, fields) of every note in an .apkg, read with sqlite3 as Anki would."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        collection = next(n for n in names if n in ("collection.anki21", "collection.anki2"))
        path = tmp_path / collection
        path.write_bytes(archive.read(collection))
    connection = sqlite3.connect(path)
    try:
        notes = connection.execute("SELECT mid, flds FROM notes ORDER BY id")
        return [(mid, flds.split("\x1f")) for mid, flds in notes]
    finally:
        connection.close()


def test_csv_round_trips_awkward_text():
    plain = ExportRow("huis", "huizen", "house", "het", "A1", "Twee huizen.", "X", "n", "")
    data = csv_bytes([AWKWARD, plain])
    assert data.startswith("\ufeff".encode())  # so spreadsheet programs read UTF-8
    back = read_csv(data)
    assert list(back[0]) == list(CSV_HEADER)
    assert back == [as_dict(AWKWARD), as_dict(plain)]


def test_apkg_is_a_zip_with_a_collection_holding_the_notes(tmp_path):
    data = apkg_bytes([AWKWARD], "quizapp: test", "test-deck")
    notes = anki_notes(data, tmp_path)
    [(model_id, fields)] = notes
    assert model_id == ANKI_MODEL_ID
    word, sentence, meaning, gender, form = fields
    assert word == "het één" and form == "&quot;Eén&quot;,twee"
    assert "Regel één" in sentence
    assert meaning == "one; a &lt;b&gt;bold&lt;/b&gt; claim"  # text, never markup
    assert gender == "het-woord"


def test_deck_and_note_ids_are_stable(tmp_path):
    assert stable_id("user:1") == stable_id("user:1") != stable_id("user:2")
    first = apkg_bytes([AWKWARD], "d", "k")
    second = apkg_bytes([AWKWARD], "d", "k")

    def guids(data, folder):
        folder.mkdir()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            (folder / "c").write_bytes(archive.read("collection.anki2"))
        connection = sqlite3.connect(folder / "c")
        try:
            return connection.execute("SELECT guid FROM notes").fetchall()
        finally:
            connection.close()

    assert guids(first, tmp_path / "a") == guids(second, tmp_path / "b")


def test_my_words_csv_gives_back_what_was_saved(learner, seeded_app, a_word):
    save(learner, a_word)
    [item] = rows(seeded_app, VocabItem)
    learner.post(f"/words/{item.id}/edit", data={"own_meaning": "mine", "note": "n.b."})
    response = learner.get("/words.csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    [row] = read_csv(response.get_data())
    assert row["lemma"] == item.lemma and row["word"] == item.form
    assert row["meaning"] == "mine" and row["note"] == "n.b."
    assert row["sentence"] == item.sentence
    assert row["article"] == "Biden en Poetin praten over Oekraïne"
    assert row["de/het"] == (item.gender or "") and row["level"] == (item.level or "")
    assert row["due"] == item.created_at.date().isoformat()  # new cards are due at once


def test_my_words_apkg_holds_my_notes(learner, seeded_app, a_word, tmp_path):
    save(learner, a_word)
    [item] = rows(seeded_app, VocabItem)
    response = learner.get("/words.apkg")
    assert response.headers["Content-Disposition"].endswith('my-words.apkg"')
    [(_mid, fields)] = anki_notes(response.get_data(), tmp_path)
    assert item.lemma in fields[0].lower() and item.meaning.split(";")[0] in fields[2]
    assert fields[4] == item.form


def anki_cards(data: bytes, tmp_path: Path) -> list[tuple[str, int]]:
    """(the note's Word field, template number) of every card in an .apkg."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        path = tmp_path / "cards.anki2"
        path.write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(path)
    try:
        found = connection.execute(
            "SELECT notes.flds, cards.ord FROM cards JOIN notes ON notes.id = cards.nid"
        )
        return sorted((flds.split("\x1f")[0], ord_) for flds, ord_ in found)
    finally:
        connection.close()


def test_anki_cards_go_both_ways_with_the_dictionary_form(tmp_path):
    row = ExportRow("bedenken", "Bedenk", "think", "", "B1", "Bedenk maar.", "X", "", "")
    noun = ExportRow("Russisch", "Russische", "Russian", "", "B1", "Russische gas.", "X", "", "")
    cards = anki_cards(apkg_bytes([row, noun], "d", "k"), tmp_path)
    assert cards == [("Russisch", 0), ("Russisch", 1), ("bedenken", 0), ("bedenken", 1)]
    template_names = [t["name"] for t in ANKI_MODEL.templates]
    assert template_names == ["Dutch → meaning", "meaning → Dutch"]
    assert "{{Meaning}}" in ANKI_MODEL.templates[1]["qfmt"]
    assert "{{Word}}" not in ANKI_MODEL.templates[1]["qfmt"]


def test_my_words_export_the_lemma_in_its_dictionary_case(learner, seeded_app, seed_tokens):
    save(learner, {"pack_id": PACK, "lemma": "russisch", "form": "Russische", "sentence": 0})
    [row] = read_csv(learner.get("/words.csv").get_data())
    assert (row["lemma"], row["word"]) == ("Russisch", "Russische")
    page = learner.get("/words").get_data(as_text=True)
    assert re.search(r'<h2 lang="nl">Russisch\s', page)


def test_article_list_exports_match_the_page(client, seed_tokens, tmp_path):
    csv_rows = read_csv(client.get(f"/articles/{PACK}/words.csv?level=C1").get_data())
    page = client.get(f"/articles/{PACK}/words?level=C1").get_data(as_text=True)
    assert csv_rows and all(r["lemma"] in page for r in csv_rows)
    assert {r["due"] for r in csv_rows} == {""}
    notes = anki_notes(client.get(f"/articles/{PACK}/words.apkg?level=C1").get_data(), tmp_path)
    assert len(notes) == len(csv_rows)
    assert client.get(f"/articles/{PACK}/words.csv?level=nope").status_code == 400


FORMULAS = ('=HYPERLINK("http://x.example","klik")', "+31 6", "-1+2", "@SUM(A1)", "\t=1")


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised():
    row = ExportRow(*FORMULAS, "Gewoon.", "=cmd|' /C calc'!A0", "", "")
    [back] = read_csv(csv_bytes([row]))
    assert [back[key] for key in CSV_HEADER[:5]] == ["'" + formula for formula in FORMULAS]
    assert back["article"] == "'=cmd|' /C calc'!A0"
    assert (back["sentence"], back["note"], back["due"]) == ("Gewoon.", "", "")


def test_the_teacher_and_word_csvs_share_one_neutraliser():
    from quizapp.classes import dashboard
    from quizapp.spreadsheet import text_cell

    assert text_cell("=1") == "'=1" and text_cell("één") == "één"
    assert not hasattr(dashboard, "_text_cell")


def test_my_words_csv_neutralises_a_learners_formula(learner, seeded_app, a_word):
    save(learner, a_word)
    [item] = rows(seeded_app, VocabItem)
    formula = '=HYPERLINK("http://x.example","klik")'
    learner.post(f"/words/{item.id}/edit", data={"own_meaning": "-mine", "note": formula})
    [row] = read_csv(learner.get("/words.csv").get_data())
    assert (row["meaning"], row["note"]) == ("'-mine", "'" + formula)


def test_article_word_list_neutralises_a_glossary_formula(client, seeded_app, tmp_path):
    from tests.conftest import SEED_PACK, import_seed

    formula = '=HYPERLINK("http://x.example","klik")'
    edited = tmp_path / SEED_PACK.name
    text = SEED_PACK.read_text(encoding="utf-8")
    gloss = "    gloss: concerning, regarding\n"
    assert gloss in text
    edited.write_text(text.replace(gloss, f"    gloss: '{formula}'\n"), encoding="utf-8")
    import_seed(seeded_app, edited)
    csv_rows = read_csv(client.get(f"/articles/{PACK}/words.csv?level=A1").get_data())
    [inzake] = [r for r in csv_rows if r["lemma"] == "inzake"]
    assert inzake["meaning"] == "'" + formula
