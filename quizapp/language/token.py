"""The token record the analysis produces, and its JSON form.

Its own module because what reads tokens (the reading page, the generators, the store, the
CLI) needs none of how they are made, and the rules that fill them in (context.py,
units.py) need the record without the entry point above them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    is_word: bool
    sentence: int
    paragraph: int
    lemma: str | None = None
    pos: str | None = None
    gender: str | None = None
    number: str | None = None
    tense: str | None = None
    level: str | None = None
    zipf: float | None = None
    syllables: int = 0
    hyphenated: str | None = None
    ipa: str | None = None
    proper_name: bool = False
    gloss: list[str] = field(default_factory=list)
    gloss_source: str = "none"
    gloss_note: str | None = None
    phrase: str | None = None
    tag: str | None = None
    own_glosses: dict[str, str] = field(default_factory=dict)  # the teacher's, by language


# Meanings guessed from a compound's parts, from a word's spelling or from one language's
# dictionary into Dutch alone: shown as guesses.
GUESSED_SOURCES = frozenset({"compound", "cognate", "listing"})

_TOKEN_FIELDS = tuple(f.name for f in fields(Token))


def token_dict(token: Token) -> dict:
    """The token as a JSON-ready dict, in field order. dataclasses.asdict deep-copies every
    value recursively, which took ten times as long as the whole analysis."""
    values = {name: getattr(token, name) for name in _TOKEN_FIELDS}
    values["gloss"] = list(token.gloss)
    values["own_glosses"] = dict(token.own_glosses)
    return values
