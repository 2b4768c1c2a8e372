"""Split text into paragraphs, sentences and tokens with character offsets into the text.

Offsets always index the original string, so `text[token.start:token.end] == token.text`
and a renderer can rebuild the text, whitespace included, from the tokens.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# A word: letters (and digits: F1, 24-jarige, 19e), joined by hyphens ("NAVO-bondgenoten")
# or apostrophes ("auto's"); an elided article or pronoun ('t, 's, 'n); an abbreviation
# written with full stops (o.a., d.w.z., V.S.).
# A number: digits with decimal or thousands separators ("2", "1.000", "3,5", "5%"), a
# decade ('30). Old-style quotes ,, and '' are one token each, as in printed Dutch.
_TOKEN = re.compile(
    r"(?P<word>(?<![^\s(\"“‘])['’](?:t|s|n|k|m)(?![^\W\d_])"
    r"|(?:[^\W\d_]{1,3}\.){2,}"
    r"|(?=[\w'’-]*[^\W\d_])[^\W_]+(?:[-'’][^\W_]+)*)"
    r"|(?P<number>(?<![^\s(])['’]\d\d\b|\d+(?:[.,]\d+)*(?:[-/]\d+(?:[.,]\d+)*)*%?)"
    r"|(?P<other>\.\.\.|,,|''|--|\S)"
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = {".", "!", "?", "..."}
_CLOSING = {'"', "'", "’", "”", ")", "»", "''"}
HEADING_MARK = "## "
# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = {
    "bijv",
    "bv",
    "dhr",
    "mevr",
    "mr",
    "dr",
    "ca",
    "nr",
    "enz",
    "zgn",
    "vs",
    "mgr",
    "prof",
}


class Span(NamedTuple):
    text: str
    start: int
    end: int
    is_word: bool
    is_number: bool
    sentence: int
    paragraph: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; blank lines separate them."""
    found, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[start : match.start()].strip():
            found.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        found.append((start, len(text)))
    return found


def tokenize(text: str) -> list[Span]:
    spans: list[Span] = []
    append = spans.append
    sentence = 0
    for paragraph, (start, end) in enumerate(paragraphs(text)):
        if text.startswith(HEADING_MARK, start):
            start += len(HEADING_MARK)  # the mark is layout, not text; the heading is a sentence
        matches = _TOKEN.finditer(text, start, end)
        raw = _join_abbreviations([(m.group(), m.start(), m.end(), m.lastgroup) for m in matches])
        sentence_open = False
        for index, (piece, piece_start, piece_end, kind) in enumerate(raw):
            sentence_open = True
            append(
                Span(
                    piece,
                    piece_start,
                    piece_end,
                    kind == "word",
                    kind == "number",
                    sentence,
                    paragraph,
                )
            )
            # Only a full stop (or the like) or a quote after one can end a sentence.
            if (piece in _SENTENCE_END or piece in _CLOSING) and _ends_sentence(raw, index):
                sentence += 1
                sentence_open = False
        if sentence_open:
            sentence += 1
    return spans


_Raw = list[tuple[str, int, int, str]]  # (text, start, end, kind) of each regex match


def _ends_sentence(raw: _Raw, index: int) -> bool:
    """True after . ! ? (and any closing quotes) when a new sentence can start next."""
    if _is_closing_quote(raw, index + 1):
        return False  # the quote belongs to this sentence; decide after it
    stop = index
    while _is_closing_quote(raw, stop):
        stop -= 1
    if raw[stop][0] not in _SENTENCE_END:
        return False
    return _next_starts_sentence(raw, index)


def _join_abbreviations(raw: _Raw) -> _Raw:
    """An abbreviation keeps its full stop (nr., dr., bijv.), and so does an initial before
    a capitalised name (J. Smit): neither ends a sentence."""
    joined: _Raw = []
    for index, piece in enumerate(raw):
        previous = joined[-1] if joined else None
        if (
            piece[0] == "."
            and previous is not None
            and previous[3] == "word"
            and previous[2] == piece[1]
            and (previous[0].lower() in _ABBREVIATIONS or _is_initial(raw, index - 1))
        ):
            joined[-1] = (previous[0] + ".", previous[1], piece[2], "word")
        else:
            joined.append(piece)
    return joined


def _is_initial(raw: _Raw, index: int) -> bool:
    word = raw[index][0]
    following = raw[index + 2][0] if index + 2 < len(raw) else ""
    return len(word) == 1 and word.isupper() and following[:1].isupper()


def _is_closing_quote(raw: _Raw, index: int) -> bool:
    """A quote glued to the token before it closes; one after a space opens ("zei: 'Ja'")."""
    return 0 < index < len(raw) and raw[index][0] in _CLOSING and raw[index][1] == raw[index - 1][2]


def _next_starts_sentence(raw: _Raw, index: int) -> bool:
    if index + 1 >= len(raw):
        return True
    following = raw[index + 1][0]
    return not following[0].islower()
