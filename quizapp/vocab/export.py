"""CSV and Anki (.apkg) exports of word lists. Pure: rows in, bytes out."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import itertools
import sqlite3
import tempfile
import time
import zipfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import genanki

from quizapp.spreadsheet import text_cell

CSV_HEADER = ("lemma", "word", "meaning", "de/het", "level", "sentence", "article", "note", "due")

# Anki identifies note types and decks by id: a fixed id means a second import of a newer
# export updates the same note type instead of adding "quizapp word (2)". The note type
# with both directions is a new one (its id changed with its fields and templates), so
# Anki never has to reconcile it with the one-way type of older exports.
ANKI_MODEL_ID = 1_607_392_320
_FRONT_DUTCH = (
    '<div class="word" lang="nl">{{Word}}</div><div class="sentence" lang="nl">{{Sentence}}</div>'
)
_BACK_MEANING = (
    '<div class="meaning">{{Meaning}}</div><div class="gender" lang="nl">{{Gender}}</div>'
)
ANKI_MODEL = genanki.Model(
    ANKI_MODEL_ID,
    "quizapp word (both ways)",
    # Word: the dictionary form (with de/het); Form: as met in the text.
    fields=[
        {"name": "Word"},
        {"name": "Sentence"},
        {"name": "Meaning"},
        {"name": "Gender"},
        {"name": "Form"},
    ],
    templates=[
        {
            "name": "Dutch → meaning",
            "qfmt": _FRONT_DUTCH,
            "afmt": '{{FrontSide}}<hr id="answer">' + _BACK_MEANING,
        },
        {
            "name": "meaning → Dutch",
            "qfmt": '<div class="meaning">{{Meaning}}</div>'
            '<div class="gender" lang="nl">{{Gender}}</div>',
            "afmt": '{{FrontSide}}<hr id="answer">' + _FRONT_DUTCH,
        },
    ],
    css=".card { font-family: sans-serif; font-size: 22px; text-align: center; }"
    " .sentence { font-size: 16px; font-style: italic; margin-top: 1em; }"
    " .gender { color: #555; margin-top: .5em; }",
)


@dataclass(frozen=True)
class ExportRow:
    lemma: str  # the dictionary form, in its own case ("Russisch", "bedenken")
    word: str  # as met in the text ("Bedenk")
    meaning: str
    gender: str
    level: str
    sentence: str
    article: str
    note: str
    due: str  # ISO date, or "" for an article list (nothing scheduled)


def csv_bytes(rows: list[ExportRow]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens the accents right; csv readers that
    open with encoding="utf-8-sig" see none of it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in rows:
        # Every field is text a learner or a pack author wrote: a gloss or a note.
        writer.writerow(text_cell(getattr(row, f.name)) for f in fields(ExportRow))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def stable_id(name: str) -> int:
    """A deck id that stays the same for the same list across exports (Anki wants < 2**63;
    we stay in 31 bits so any Anki version is happy)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big") >> 1 or 1


def anki_note(row: ExportRow, deck_key: str) -> genanki.Note:
    lemma = row.lemma or row.word
    word = f"{row.gender} {lemma}" if row.gender and " " not in lemma else lemma
    gender = {"de": "de-woord", "het": "het-woord"}.get(row.gender, "")
    meaning = html.escape(row.meaning) + (
        f"<br><small>{html.escape(row.note)}</small>" if row.note else ""
    )
    return genanki.Note(
        model=ANKI_MODEL,
        fields=[
            html.escape(word),
            html.escape(row.sentence),
            meaning,
            gender,
            html.escape(row.word),
        ],
        # The saved key is lower case: the same word keeps its note across exports.
        guid=genanki.guid_for(deck_key, lemma.lower()),
    )


def apkg_bytes(rows: list[ExportRow], deck_name: str, deck_key: str) -> bytes:
    """An Anki package: a zip holding the SQLite collection `collection.anki2`.

    genanki's own write_to_file leaves its temporary database behind; we build the
    collection in a directory of our own that is removed afterwards."""
    deck = genanki.Deck(stable_id(deck_key), deck_name)
    for row in rows:
        deck.add_note(anki_note(row, deck_key))
    package = genanki.Package(deck)
    out = io.BytesIO()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(path)
        try:
            now = time.time()
            package.write_to_db(connection.cursor(), now, itertools.count(int(now * 1000)))
            connection.commit()
        finally:
            connection.close()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(path, "collection.anki2")
            archive.writestr("media", "{}")
    return out.getvalue()


def as_dict(row: ExportRow) -> dict[str, str]:
    """A row keyed by the CSV header, as csv.DictReader gives it back."""
    return dict(zip(CSV_HEADER, asdict(row).values(), strict=True))
