"""An analysed article as the generators read it: its text, tokens and sentences."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from quizapp.language import Analysis
from quizapp.levels import level_rank  # noqa: F401 (the generators import it from here)
from quizapp.slugs import slug  # noqa: F401

_QUOTES = "\"'‘’“”„«»"


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


class Article:
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
    def of(cls, text: str, analysis: Analysis | dict[str, Any] | list[dict[str, Any]]) -> Article:
        """From an Analysis, its JSON, or the stored token list."""
        if isinstance(analysis, Analysis):
            tokens = [asdict(token) for token in analysis.tokens]
        elif isinstance(analysis, dict):
            tokens = analysis["tokens"]
        else:
            tokens = analysis
        return cls(text, tokens)

    def sentence_text(self, sentence: Sentence) -> str:
        """The sentence as written, without quote marks left unbalanced by the cut."""
        return tidy_quotes(self.text[sentence.start : sentence.end])

    def words(self) -> list[dict[str, Any]]:
        return [t for t in self.tokens if t["is_word"]]


def tidy_quotes(text: str) -> str:
    text = " ".join(text.split())
    for quote in ('"', "'"):
        if text.count(quote) % 2:
            if text.startswith(quote):
                text = text[1:]
            elif text.endswith(quote):
                text = text[:-1]
    return text.strip()
