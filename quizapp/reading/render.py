"""The reading page's article body, built from the tokens stored at import.

Pure functions (no database, no Flask): the text is rebuilt exactly from the tokens'
offsets, every glossed word of a paragraph becomes a link to its entry (one per lemma) in
"Words in this text", or, for the words that short list leaves out, on the page with every
entry (?all): reachable without JavaScript; reading.js turns the links into popovers.
Words above the learner's level get a subtle mark. The result only changes at import, so the page
built from it is cached in-process (quizapp.reading.page).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from threading import Lock
from typing import Any, Generic, TypeVar

from markupsafe import Markup, escape

from quizapp.language.function_words import FUNCTION_WORD_GLOSSES
from quizapp.language.glosses import gloss_in, right_to_left
from quizapp.language.token import GUESSED_SOURCES
from quizapp.language.tokenize import HEADING_MARK, paragraphs
from quizapp.levels import is_level, level_rank
from quizapp.library.articles import analysis_fits
from quizapp.translatable import N_

Rendered = TypeVar("Rendered")
# The pipeline's universal tags as a learner reads them (translated where shown).
POS_LABELS = {
    "NOUN": N_("noun"),
    "VERB": N_("verb"),
    "ADJ": N_("adjective"),
    "ADV": N_("adverb"),
    "ADP": N_("preposition"),
    "DET": N_("article"),
    "PRON": N_("pronoun"),
    "CONJ": N_("conjunction"),
    "NUM": N_("number"),
    "INTJ": N_("interjection"),
}


@dataclass(frozen=True, slots=True)
class GlossEntry:
    """One entry of "Words in this text": a word form (or a teacher's phrase) and all it
    means. `form` and `sentence` are its first occurrence in the text."""

    anchor: str
    headword: str
    form: str
    sentence: int
    lemma: str | None
    pos: str | None
    gender: str | None
    level: str | None
    syllables: int
    hyphenated: str | None
    ipa: str | None
    senses: tuple[str, ...]
    source: str
    note: str | None
    phrase: bool
    # The meaning in the reader's own language (quizapp.language.glosses), when not English.
    own: tuple[str, ...] = ()
    own_source: str = ""
    own_language: str = "en"
    own_rtl: bool = False

    @property
    def own_is_guess(self) -> bool:
        return self.own_source in {"compound", "via English"}

    @property
    def pos_label(self) -> str | None:
        return POS_LABELS.get(self.pos or "")

    @property
    def is_guess(self) -> bool:
        return self.source in GUESSED_SOURCES

    @property
    def teacher_note(self) -> str | None:
        return self.note if self.source == "glossary" else None

    @property
    def pipeline_note(self) -> str | None:
        return self.note if self.source != "glossary" else None


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # "heading" or "paragraph"
    html: Markup


@dataclass(frozen=True, slots=True)
class RenderedArticle:
    """`entries`: one per lemma (or teacher's phrase), by headword; `listed`: the ones
    "Words in this text" shows by default (at or above the reader's level, no function
    words); `lemmas`: each entry's saved-word key, by anchor number (w-1 is lemmas[0])."""

    blocks: tuple[Block, ...]
    entries: tuple[GlossEntry, ...]
    listed: frozenset[str]  # anchors
    lemmas: tuple[str, ...]


# Closed-class parts of speech: a learner looks these up in a grammar, not a word list.
FUNCTION_POS = frozenset({"ADP", "DET", "PRON", "CONJ"})
# Verbs that mostly do grammar's work (auxiliaries, modals, copulas) and a few adverbs
# that are in every sentence; they stay clickable in the text, out of the list.
FUNCTION_LEMMAS = frozenset(
    {
        "zijn", "hebben", "worden", "zullen", "kunnen", "moeten", "willen", "mogen", "gaan",
        "laten", "blijven", "niet", "geen", "ook", "er", "nog", "al", "wel", "dan", "zo",
        "hier", "daar", "waar", "nu", "heel", "erg", "meer", "veel",
    }
)  # fmt: skip


def is_function_word(entry: GlossEntry) -> bool:
    if entry.phrase:
        return False
    lemma = (entry.lemma or entry.headword).lower()
    return entry.pos in FUNCTION_POS or lemma in FUNCTION_LEMMAS or lemma in FUNCTION_WORD_GLOSSES


def is_listed(entry: GlossEntry, learner_rank: int) -> bool:
    """At or above the reader's level (a word no list places counts as hard), or glossed
    by the teacher on purpose; never a function word."""
    if entry.source == "glossary" or entry.phrase:
        return True
    return not is_function_word(entry) and level_rank(entry.level) >= learner_rank


def _entry_key(token: dict[str, Any]) -> tuple:
    # One entry per lemma: "In" at the start of a sentence and "in" are one word.
    if token.get("phrase"):
        return ("phrase", token["phrase"].lower())
    return ("word", (token.get("lemma") or token["text"]).lower())


def _headword(token: dict[str, Any], starts_sentence: bool) -> str:
    lemma, form = token.get("lemma"), token["text"]
    if not lemma:
        return form
    # The dictionary form, in the case the text writes it ("Russisch", not "russisch"),
    # unless the capital is only the sentence's.
    if lemma.lower() == form.lower() and not starts_sentence:
        return form
    return lemma


def _new_entry(anchor: str, token: dict[str, Any], starts_sentence: bool) -> GlossEntry:
    phrase = token.get("phrase")
    return GlossEntry(
        anchor=anchor,
        headword=phrase or _headword(token, starts_sentence),
        form=token["text"],
        sentence=token["sentence"],
        lemma=None if phrase else token.get("lemma"),
        pos=None if phrase else token.get("pos"),
        gender=None if phrase else token.get("gender"),
        level=None if phrase else token.get("level"),
        syllables=0 if phrase else token.get("syllables") or 0,
        hyphenated=None if phrase else token.get("hyphenated"),
        ipa=None if phrase else token.get("ipa"),
        senses=tuple(token["gloss"]),
        source=token.get("gloss_source") or "none",
        note=token.get("gloss_note"),
        phrase=bool(phrase),
    )


def _is_glossed(token: dict[str, Any]) -> bool:
    return bool(token.get("is_word") and token.get("gloss") and not token.get("proper_name"))


def _chosen(entry: GlossEntry, token: dict[str, Any]) -> tuple[GlossEntry, int]:
    """The entry with this occurrence's senses added, and where its chosen meaning (the
    analysis puts it first) stands among the entry's senses."""
    senses = list(entry.senses)
    for sense in token["gloss"]:
        if sense not in senses:
            senses.append(sense)
    if len(senses) != len(entry.senses):
        entry = replace(entry, senses=tuple(senses))
    return entry, senses.index(token["gloss"][0])


def _in_language(entry: GlossEntry, token: dict[str, Any], language: str) -> GlossEntry:
    """The entry with its meaning in the reader's language, chosen for the sentence of its
    first occurrence, as the English one is."""
    if language == "en":
        return entry
    found = gloss_in(token, language)
    return replace(
        entry,
        own=found.texts,
        own_source=found.source,
        own_language=language,
        own_rtl=right_to_left(language),
    )


def render_article(
    text: str, tokens: Sequence[dict[str, Any]], level: str, language: str = "en"
) -> RenderedArticle:
    """Blocks of HTML and glossary entries; raises ValueError when the tokens do not
    belong to this text (an analysis older than the text must never garble it).

    Every glossed word of a paragraph is a link to its entry (#w-N), with data-m when
    the meaning chosen for its sentence is not the entry's first; headings stay plain.
    Which sentence a word is in follows from the sentence anchors before it (reading.js
    reads them): a data attribute on each of some 400 words would be a tenth of the page."""
    learner_rank = level_rank(level)
    entries: dict[tuple, GlossEntry] = {}
    by_paragraph: dict[int, list[dict[str, Any]]] = {}
    if not analysis_fits(text, tokens):
        raise ValueError("the analysis does not match the article's text")
    for token in tokens:
        by_paragraph.setdefault(token["paragraph"], []).append(token)

    blocks = []
    sentence = None
    for index, (start, end) in enumerate(paragraphs(text)):
        heading = text.startswith(HEADING_MARK, start)
        if heading:
            start += len(HEADING_MARK)
        pieces: list[str] = []
        position = start
        for token in by_paragraph.get(index, ()):
            pieces.append(escape(text[position : token["start"]]))
            position = token["end"]
            starts_sentence = token["sentence"] != sentence
            if starts_sentence:
                # Sentences are numbered from 1 for people: "#s-3" is the third sentence,
                # where the progress page sends a learner back to reread.
                sentence = token["sentence"]
                pieces.append(f'<span class="sentence-anchor" id="s-{sentence + 1}"></span>')
            word = escape(token["text"])
            if heading or not _is_glossed(token):
                pieces.append(word)
                continue
            key = _entry_key(token)
            entry = entries.get(key)
            if entry is None:
                entry = _new_entry(f"w-{len(entries) + 1}", token, starts_sentence)
                entry = _in_language(entry, token, language)
            entry, chosen = _chosen(entry, token)
            entries[key] = entry
            level = token.get("level")
            above = is_level(level) and level_rank(level) > learner_rank and not token.get("phrase")
            meaning = f' data-m="{chosen}"' if chosen else ""
            # An entry "Words in this text" leaves out is on the page with every word.
            href = f"#{entry.anchor}" if is_listed(entry, learner_rank) else f"?all#{entry.anchor}"
            pieces.append(
                f'<a class="gloss-word{" above-level" if above else ""}" '
                f'href="{href}"{meaning}>{word}</a>'
            )
        pieces.append(escape(text[position:end]))
        # Each piece is escaped text or a link built from escaped text and our own anchors.
        markup = Markup("".join(pieces))  # nosec B704
        blocks.append(Block("heading" if heading else "paragraph", markup))
    in_order = list(entries.values())
    by_headword = sorted(in_order, key=lambda e: (e.headword.lower(), e.anchor))
    return RenderedArticle(
        tuple(blocks),
        tuple(by_headword),
        frozenset(e.anchor for e in in_order if is_listed(e, learner_rank)),
        tuple((e.lemma or e.headword).lower() for e in in_order),
    )


class RenderCache(Generic[Rendered]):
    """A small LRU of rendered articles, shared by a worker's threads."""

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._items: OrderedDict[tuple, Rendered] = OrderedDict()
        self._lock = Lock()

    def get_or_render(self, key: tuple, render: Callable[[], Rendered]) -> Rendered:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        rendered = render()  # outside the lock: a slow render must not block other readers
        with self._lock:
            self._items[key] = rendered
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return rendered

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
