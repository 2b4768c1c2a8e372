""" "Which statement matches the text?": one of its sentences as it stands among three
versions of the same sentence, each with one fact changed (a number, a date, a place, the
negation, a word for its opposite), so each wrong option is proved false by that sentence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .facts import text_facts
from .source import SourceText, item_rng
from .statements import WHICH_WRONG, asked_by_which, statement_sentences, variants


def generate_which(source: SourceText, level: str, seed: str) -> Iterator[dict[str, Any]]:
    """One item per sentence that has two or more facts to change (with one, the item is a
    fact question in disguise), sentences with numbers and dates first."""
    all_facts = text_facts(source)
    for sentence, facts in statement_sentences(source):
        if not asked_by_which(source, sentence, facts, all_facts):
            continue
        full = source.sentence_text(sentence)
        rng = item_rng(seed, "which", full, "")
        made = variants(source, sentence, facts, all_facts, rng, WHICH_WRONG)
        if made is None:
            continue
        yield _payload(sentence.number, sentence.start, sentence.end, full, made)


def _payload(number: int, start: int, end: int, full: str, made) -> dict[str, Any]:
    return {
        "id": f"gen-which-{number}",
        "type": "choice",
        "prompt": "Welke zin klopt volgens de tekst?",
        "points": 1.0,
        "hint": f"Lees zin {number} van de tekst.",
        "explanation": f"In zin {number} staat: „{full}”",
        "shuffle": True,
        "line": None,
        "options": [
            {"text": full, "correct": True, "feedback": None},
            *({"text": text, "correct": False, "feedback": None} for text, _why in made),
        ],
        "kind": "which",
        "explain": {
            "answer": full,
            "sentence": number,
            "start": start,
            "end": end,
            "why": "a sentence of the text as it stands; each other option changes one fact "
            "of it, so that sentence proves it false",
            "distractors": [{"text": text, "why": why} for text, why in made],
        },
    }
