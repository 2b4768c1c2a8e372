"""The message catalogues are complete and compile: every msgid the code and templates use
is in each language's catalogue with a translation, the placeholders agree, and the
compiled .mo the app loads is the .po as it stands (`make translations` writes both)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "quizapp" / "translations"
LANGUAGES = sorted(p.name for p in TRANSLATIONS.iterdir() if p.is_dir())


def _ids(catalog) -> set:
    return {message.id for message in catalog if message.id}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The msgids as `make translations` extracts them today, from the working tree."""
    out = tmp_path_factory.mktemp("pot") / "messages.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run(
        [pybabel, "-q", "extract", "-F", "babel.cfg", "-k", "lazy_gettext", "-k", "N_",
         "--no-location", "--sort-output", "--omit-header", "-o", str(out), "."],
        cwd=ROOT, check=True,
    )  # fmt: skip
    with out.open("rb") as f:
        return read_po(f)


def _catalog(language: str):
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=language)


def test_there_is_a_dutch_catalogue():
    assert "nl" in LANGUAGES


def test_the_template_lists_every_message(extracted):
    with (TRANSLATIONS / "messages.pot").open("rb") as f:
        committed = read_po(f)
    assert _ids(committed) == _ids(extracted), "run `make translations`"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(extracted, language):
    catalog = _catalog(language)
    missing = sorted(str(i) for i in _ids(extracted) - _ids(catalog))
    assert missing == [], f"not in {language}'s catalogue (run `make translations`)"
    untranslated = [
        str(m.id)
        for m in catalog
        if m.id and (m.fuzzy or not (all(m.string) if m.pluralizable else m.string))
    ]
    assert untranslated == [], f"no {language} translation yet"
    obsolete = sorted(str(i) for i in _ids(catalog) - _ids(extracted))
    assert obsolete == [], "no longer used (run `make translations`)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_agree(language):
    # Babel's checkers: a translation with a %(name)s the English lacks, or without one
    # it has, would raise or say the wrong thing on the page.
    problems = [
        f"{message.id!r}: {error}" for message, errors in _catalog(language).check()
        for error in errors
    ]  # fmt: skip
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_the_po_file(language):
    compiled = io.BytesIO()
    write_mo(compiled, _catalog(language))
    shipped = (TRANSLATIONS / language / "LC_MESSAGES" / "messages.mo").read_bytes()
    assert compiled.getvalue() == shipped, "run `make translations`"
