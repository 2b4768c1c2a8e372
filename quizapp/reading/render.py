"""The reading page's article body, built from the tokens stored at import.

Pure functions (no database, no Flask): the text is rebuilt exactly from the tokens'
offsets, every glossed word becomes a link to its entry in the "Words in this text" list
(reachable without JavaScript; reading.js turns the links into pop-ups), and words above
the learner's level get a subtle mark. The result only changes at import, so the page
built from it is cached in-process (quizapp.reading.page).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from threading import Lock
from typing import Any, Generic, TypeVar

from markupsafe import Markup, escape

from quizapp.language.analyse import GUESSED_SOURCES
from quizapp.language.tokenize import HEADING_MARK, paragraphs
from quizapp.levels import is_level, level_rank
from quizapp.library.articles import analysis_fits

Rendered = TypeVar("Rendered")
# The pipeline's universal tags as a learner reads them.
POS_LABELS = {
    "NOUN": "noun",
    "VERB": "verb",
    "ADJ": "adjective",
    "ADV": "adverb",
    "ADP": "preposition",
    "DET": "article",
    "PRON": "pronoun",
    "CONJ": "conjunction",
    "NUM": "number",
    "INTJ": "interjection",
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
    blocks: tuple[Block, ...]
    entries: tuple[GlossEntry, ...]


def _entry_key(token: dict[str, Any]) -> tuple:
    if token.get("phrase"):
        return ("phrase", token["phrase"].lower(), tuple(token["gloss"]))
    return (
        "word",
        token["text"].lower(),
        token.get("lemma"),
        tuple(token["gloss"]),
        token.get("gloss_note"),
    )


def _new_entry(anchor: str, token: dict[str, Any]) -> GlossEntry:
    phrase = token.get("phrase")
    return GlossEntry(
        anchor=anchor,
        headword=phrase or token["text"],
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


def render_article(text: str, tokens: Sequence[dict[str, Any]], level: str) -> RenderedArticle:
    """Blocks of HTML and glossary entries; raises ValueError when the tokens do not
    belong to this text (an analysis older than the text must never garble it)."""
    learner_rank = level_rank(level)
    anchors: dict[tuple, GlossEntry] = {}
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
            if token["sentence"] != sentence:
                # Sentences are numbered from 1 for people: "#s-3" is the third sentence,
                # where the progress page sends a learner back to reread.
                sentence = token["sentence"]
                pieces.append(f'<span class="sentence-anchor" id="s-{sentence + 1}"></span>')
            word = escape(token["text"])
            if not _is_glossed(token):
                pieces.append(word)
                continue
            key = _entry_key(token)
            entry = anchors.get(key)
            if entry is None:
                entry = anchors[key] = _new_entry(f"w-{len(anchors) + 1}", token)
            level = token.get("level")
            above = is_level(level) and level_rank(level) > learner_rank and not token.get("phrase")
            pieces.append(
                f'<a class="gloss-word{" above-level" if above else ""}" '
                f'href="#{entry.anchor}" data-sentence="{token["sentence"]}">{word}</a>'
            )
        pieces.append(escape(text[position:end]))
        # Each piece is escaped text or a link built from escaped text and our own anchors.
        markup = Markup("".join(pieces))  # nosec B704
        blocks.append(Block("heading" if heading else "paragraph", markup))
    entries = sorted(anchors.values(), key=lambda e: (e.headword.lower(), e.anchor))
    return RenderedArticle(tuple(blocks), tuple(entries))


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
