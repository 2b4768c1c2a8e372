"""An analysed text as the generators read it: its text, tokens and sentences."""

from __future__ import annotations

import random
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from quizapp.language import Analysis
from quizapp.levels import level_rank  # noqa: F401 (the generators import it from here)
from quizapp.slugs import slug  # noqa: F401

_QUOTES = "\"'‘’“”„«»"
# A list item's bullet is layout, not part of the sentence a learner reads.
_CLITIC = re.compile(r"(?:^|(?<=\s))'[stSTkK]\b")
_IN_WORD = re.compile(r"\w'\w")
_BULLET = re.compile(r"^\s*(?:[-–—•*]|\d+[.)])\s+")


def item_rng(seed: str, kind: str, sentence_text: str, target: str) -> random.Random:
    """The draws of one item: from the pack's seed, the item's kind, its own sentence and its
    target only, so no other item, exclusion or glossary entry changes them."""
    return random.Random(f"{seed}|{kind}|{sentence_text}|{target}")


def candidate_draws(rng: random.Random, candidates: list[str]) -> dict[str, float]:
    """A draw for each candidate from the item's generator and the candidate alone: a word
    added to or taken from a bank changes no other candidate's draw, so a change in the
    lexicon changes only the items whose picks it touches."""
    base = rng.random()
    return {c: random.Random(f"{base}|{c}").random() for c in sorted(set(candidates))}


@dataclass
class Sentence:
    number: int  # 1-based, as a teacher counts
    start: int
    end: int
    tokens: list[dict[str, Any]] = field(default_factory=list)
    heading: bool = False

    @property
    def words(self) -> list[dict[str, Any]]:
        return [t for t in self.tokens if t["is_word"] or t.get("pos") == "NUM"]


def complete(sentence: Sentence) -> bool:
    """A whole sentence: ends with a full stop, question or exclamation mark (a heading, a
    letter's "Onderwerp:" line or a list item without one is not a statement)."""
    return bool(sentence.tokens) and sentence.tokens[-1]["text"] in (".", "!", "?")


def quoted(source_text: str) -> bool:
    """Direct speech: who says it is part of the fact, and the quote marks get in the way."""
    return any(c in source_text for c in '"“”„«»') or source_text.startswith(("'", "‘"))


class SourceText:
    def __init__(self, text: str, tokens: list[dict[str, Any]]) -> None:
        self.text = text
        self.tokens = tokens
        self.sentences: list[Sentence] = []
        by_number: dict[int, Sentence] = {}
        for token in tokens:
            number = token["sentence"] + 1
            sentence = by_number.get(number)
            if sentence is None:
                sentence = Sentence(number, token["start"], token["end"])
                by_number[number] = sentence
                self.sentences.append(sentence)
                line_start = text.rfind("\n", 0, token["start"]) + 1
                sentence.heading = text.startswith("## ", line_start) and not text[
                    line_start + 3 : token["start"]
                ].strip(_QUOTES + " ")
            sentence.tokens.append(token)
            sentence.end = token["end"]

    @classmethod
    def of(
        cls, text: str, analysis: Analysis | dict[str, Any] | list[dict[str, Any]]
    ) -> SourceText:
        """From an Analysis, its JSON, or the stored token list."""
        if isinstance(analysis, Analysis):
            tokens = [asdict(token) for token in analysis.tokens]
        elif isinstance(analysis, dict):
            tokens = analysis["tokens"]
        else:
            tokens = analysis
        return cls(text, tokens)

    def sentence_text(self, sentence: Sentence) -> str:
        """The sentence as written, without a list bullet or quote marks left unbalanced."""
        return tidy_quotes(self.text[sentence.start : sentence.end])

    def words(self) -> list[dict[str, Any]]:
        return [t for t in self.tokens if t["is_word"]]


def in_unit(sentence: Sentence, token: dict[str, Any]) -> bool:
    """A token that is only part of a unit: a dictionary expression or glossary phrase, a
    separable verb's part, or a word after the clitic 's ('s avonds, 's morgens)."""
    if token.get("phrase") or "separable" in (token.get("gloss_note") or ""):
        return True
    if "part of" in (token.get("gloss_note") or ""):
        return True
    index = next((i for i, t in enumerate(sentence.tokens) if t is token), 0)
    before = sentence.tokens[index - 1]["text"] if index else ""
    return before in ("'s", "’s") or token["text"].startswith(("'", "’"))


def tidy_quotes(text: str) -> str:
    """One line, without a list bullet and without a quote mark whose partner was cut off."""
    text = _BULLET.sub("", " ".join(text.split()))
    for quote in ('"', "'"):
        # An apostrophe in a word or a clitic ('s avonds, 't, zo'n, auto's) is not a quote.
        marks = [
            m.start()
            for m in re.finditer(re.escape(quote), text)
            if not (
                quote == "'"
                and (
                    _CLITIC.match(text, m.start())
                    or (m.start() and _IN_WORD.match(text, m.start() - 1))
                )
            )
        ]
        if len(marks) % 2:
            if marks[0] == 0:
                text = text[1:]
            elif marks[-1] == len(text) - 1 and text.endswith(quote):
                text = text[:-1]
            else:  # a stray mark inside: the sentence reads the same without it
                cut = marks[-1]
                text = (text[:cut] + text[cut + 1 :]).replace("  ", " ")
    opening, closing = text.count("“") + text.count("„"), text.count("”")
    if opening != closing:
        text = re.sub(r"[“„”]", "", text)
    return text.strip()
