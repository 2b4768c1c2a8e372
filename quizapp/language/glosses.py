"""Meanings in the learner's own language (quizapp/data/glosses.tsv.gz, built by
tools/build_glosses.py from FreeDict), chosen for the sentence as the English one is.

The analysis chooses an English meaning for each token in its sentence; a sense in another
language is put first when its English words (through Spanish, Polish or German, or the
same Wiktionary sense in those) include that meaning, and a sense of the token's part of
speech before one of another. Where the language's dictionary lacks the word, a compound's
head or the chosen English meaning's usual translation stands in, marked as such; where
nothing does, the caller shows the English meaning, marked as English.
"""

from __future__ import annotations

import gzip
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from babel import Locale, UnknownLocaleError

from .compounds import split_compound

GLOSSES_PATH = Path(__file__).resolve().parent.parent / "data" / "glosses.tsv.gz"

# ISO 639-1 code -> the language's own name, as a learner looks for it in a list.
GLOSS_LANGUAGES = {
    "en": "English", "bg": "Български", "de": "Deutsch", "el": "Ελληνικά", "es": "Español",
    "fi": "Suomi", "fr": "Français", "id": "Bahasa Indonesia", "it": "Italiano",
    "lt": "Lietuvių", "nl": "Nederlands (uitleg)", "pl": "Polski", "pt": "Português",
    "ru": "Русский", "sv": "Svenska",
}  # fmt: skip

# Languages many learners of Dutch speak that no free dictionary gives meanings in: a
# learner may still choose one, and sees their teachers' glossary meanings in it (pack
# glossaries take any code) and English elsewhere.
TEACHER_ONLY_LANGUAGES = (
    "am", "ar", "bs", "ckb", "cs", "da", "fa", "he", "hi", "hr", "hu", "ku", "mk", "no",
    "ps", "ro", "sk", "so", "sq", "sr", "ti", "tr", "uk", "ur", "vi", "zh",
)  # fmt: skip


def learner_languages() -> list[tuple[str, str, bool]]:
    """(code, name in the language itself, whether a dictionary gives meanings in it) for
    every language a learner may choose: English first, then by name."""
    chosen = [(code, name, True) for code, name in GLOSS_LANGUAGES.items() if code != "en"]
    chosen += [(code, language_name(code), False) for code in TEACHER_ONLY_LANGUAGES]
    return [("en", GLOSS_LANGUAGES["en"], True)] + sorted(chosen, key=lambda c: c[1].casefold())


# The analysis's universal tags as the CGN main tags the dictionaries are filed under.
_CGN_OF_UPOS = {
    "NOUN": "N", "PROPN": "N", "VERB": "WW", "AUX": "WW", "ADJ": "ADJ", "ADV": "BW",
    "PRON": "VNW", "DET": "LID", "ADP": "VZ", "CCONJ": "VG", "SCONJ": "VG", "NUM": "TW",
    "INTJ": "TSW",
}  # fmt: skip
_MAX_SENSES = 4


@dataclass(frozen=True)
class Sense:
    tag: str
    text: str
    english: frozenset[str]


@dataclass(frozen=True)
class LanguageGloss:
    """What to show for a token in a language: its senses, best first, and where they come
    from -- "glossary" (the teacher's), "dictionary", "compound" (the head's meaning: a
    guess), "via English" (the chosen English meaning's usual translation: a guess), or
    "english" (the language has nothing; the texts are English)."""

    texts: tuple[str, ...]
    source: str

    @property
    def is_guess(self) -> bool:
        return self.source in {"compound", "via English"}


def language_code(code: str) -> str | None:
    """A language code as written in a pack or a setting ("ar", "uk", "pt"), normalised, or
    None when it names no language Babel (CLDR) knows."""
    code = code.strip().lower().replace("_", "-")
    if not (2 <= len(code) <= 3 and code.isascii() and code.isalpha()):
        return None
    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return None
    return code


def language_name(code: str) -> str:
    """The language's name in itself (العربية, Українська), for a learner's list."""
    if code in GLOSS_LANGUAGES:
        return GLOSS_LANGUAGES[code]
    return Locale.parse(code).get_display_name(code) or code


def right_to_left(code: str) -> bool:
    try:
        return Locale.parse(code).character_order == "right-to-left"
    except (ValueError, UnknownLocaleError):
        return False


class _TokenLike(Protocol):
    text: str
    lemma: str | None
    pos: str | None
    phrase: str | None
    gloss: list[str]
    gloss_source: str
    own_glosses: dict[str, str]


class GlossTable:
    def __init__(self, senses: dict[tuple[str, str], list[Sense]], usual: dict) -> None:
        self._senses = senses
        self._usual = usual  # (language, English word) -> the language's words

    def senses(self, language: str, word: str) -> list[Sense]:
        return self._senses.get((language, word)) or self._senses.get((language, word.lower()), [])

    def usual(self, language: str, english: str) -> str | None:
        return self._usual.get((language, english))


@cache
def load_glosses(path: Path = GLOSSES_PATH) -> GlossTable:
    senses: dict[tuple[str, str], list[Sense]] = {}
    usual: dict[tuple[str, str], str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        next(handle)  # header
        for line in handle:
            language, head, tag, text, english = line.rstrip("\n").split("\t")
            if head == "@en":
                usual[(language, tag)] = text
            else:
                sense = Sense(tag, text, frozenset(english.split(";")) if english else frozenset())
                senses.setdefault((language, head), []).append(sense)
    return GlossTable(senses, usual)


def _english_items(gloss: str) -> list[str]:
    return [item.strip().lower() for item in gloss.split(",") if item.strip()]


def order_senses(senses: list[Sense], tag: str | None, english_first: str | None) -> list[Sense]:
    """The sense whose English words hold the chosen English meaning first, then those of
    the token's part of speech, then the dictionary's order."""
    chosen = set(_english_items(english_first or ""))

    def rank(item: tuple[int, Sense]) -> tuple[int, int, int]:
        position, sense = item
        other_tag = bool(tag and sense.tag and sense.tag != tag)
        return (not (chosen & sense.english), other_tag, position)

    return [sense for _, sense in sorted(enumerate(senses), key=rank)]


def _compound_head(word: str) -> str | None:
    if "-" in word.strip("-"):
        return word.rsplit("-", 1)[1]
    parts = split_compound(word)
    return parts[-1] if parts else None


def _fits(senses: list[Sense], tag: str | None) -> bool:
    """Whether a sense can be of the token's part of speech (untagged senses can; Dutch
    adjectives are adverbs too)."""
    tags = {tag, *_TWINS.get(tag or "", ())}
    return not tag or any(not s.tag or s.tag in tags for s in senses)


_TWINS = {"ADJ": ("BW",), "BW": ("ADJ",)}


class StoredToken:
    """A token as stored with an article's analysis (a dict), for gloss_in."""

    def __init__(self, stored: Mapping[str, Any]) -> None:
        self.text = stored.get("text") or ""
        self.lemma = stored.get("lemma")
        self.pos = stored.get("pos")
        self.phrase = stored.get("phrase")
        self.gloss = list(stored.get("gloss") or [])
        self.gloss_source = stored.get("gloss_source") or "none"
        self.own_glosses = dict(stored.get("own_glosses") or {})


def gloss_in(
    token: _TokenLike | Mapping[str, Any], language: str, table: GlossTable | None = None
) -> LanguageGloss:
    """The token's meaning in a language, chosen for its sentence (see the module's note)."""
    if isinstance(token, Mapping):
        token = StoredToken(token)
    english = tuple(token.gloss[:_MAX_SENSES])
    teacher = token.own_glosses.get(language)
    if teacher:  # the teacher's meaning in this language: for Arabic, Turkish, Ukrainian...
        return LanguageGloss((teacher,), "glossary")
    if language == "en" or language not in GLOSS_LANGUAGES:  # no dictionary: English
        return LanguageGloss(english, "english" if english else "none")
    table = table or load_glosses()
    tag = _CGN_OF_UPOS.get(token.pos or "")
    first = token.gloss[0] if token.gloss else None
    via_english = _via_english(table, language, first)
    if token.phrase:  # aan de andere kant: the unit's meaning, never its word's (lace)
        senses = table.senses(language, token.phrase)
        if senses:
            return _dictionary(senses, tag, first)
        return via_english or LanguageGloss(english, "english")
    # The lemma; the form only when the lemma is unknown (plant, of plannen, is not the
    # noun "plant").
    senses = table.senses(language, token.lemma or token.text)
    if senses and _fits(senses, tag):
        # Even when no sense's English words are the chosen meaning, the dictionary's word
        # is the better bet: the usual translation of "telephone" is a noun (belde: llamar).
        return _dictionary(senses, tag, first)
    other_tag = senses
    head = _compound_head(token.lemma or token.text) if tag in {"N", "ADJ"} else None
    if head and (senses := table.senses(language, head)) and _fits(senses, tag):
        ordered = order_senses(senses, tag, None)
        return LanguageGloss(tuple(s.text for s in ordered[:1]), "compound")
    if via_english:
        return via_english
    if other_tag:  # ingrijpend, the adjective, where the dictionary has only ingrijpen
        return _dictionary(other_tag, tag, first)
    return LanguageGloss(english, "english" if english else "none")


def _dictionary(senses: list[Sense], tag: str | None, first: str | None) -> LanguageGloss:
    ordered = order_senses(senses, tag, first)
    return LanguageGloss(tuple(s.text for s in ordered[:_MAX_SENSES]), "dictionary")


def _via_english(table: GlossTable, language: str, first: str | None) -> LanguageGloss | None:
    for item in _english_items(first or "")[:1]:  # the second may be another sense (file)
        usual = table.usual(language, item)
        if usual:
            return LanguageGloss((usual,), "via English")
    return None
