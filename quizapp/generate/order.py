"""Word order: the words of a short sentence, to put back in order."""

from __future__ import annotations

from typing import Any

from quizapp.normalise import normalise_answer

from .article import Article, Sentence, level_rank
from .words import STOP_WORDS, words_of

MIN_ITEMS, MAX_ITEMS = 5, 9
# A subordinate clause puts its verbs at the end, where the text's order is often not the
# only right one ("hoe afhankelijk Europa is van gas" / "... van gas is"): left out.
_SUBORDINATORS = words_of(
    """dat die wat waar hoe als omdat terwijl toen zodat voordat nadat totdat of wanneer
    waardoor waarin waarmee waarvan welke wie doordat zodra hoewel mits tenzij"""
)
_QUOTES = set("\"'‘’“”„«»()")


def sentence_items(article: Article, sentence: Sentence) -> list[str] | None:
    """The sentence's words with punctuation glued to the word before it, the first word in
    lower case unless it is a name; None when the sentence is not fit for the exercise."""
    items: list[str] = []
    for token in sentence.tokens:
        text = token["text"]
        if any(c in _QUOTES for c in text):
            return None  # quoted speech: the quote marks would have to go somewhere
        if token["is_word"] or token.get("pos") == "NUM":
            items.append(text)
        elif items and text in {",", ".", "!", "?", ";", ":"}:
            items[-1] += text
        else:
            return None
    if not items or items[-1][-1] not in ".!?":
        return None
    first = sentence.words[0]
    if not first.get("proper_name") and not items[0].isupper():
        items[0] = items[0][0].lower() + items[0][1:]
    return items


def generate_order(
    article: Article, count: int, level: str, seed: str, avoid: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    candidates = []
    for sentence in article.sentences:
        if sentence.heading:
            continue
        items = sentence_items(article, sentence)
        if items is None or not (MIN_ITEMS <= len(items) <= MAX_ITEMS):
            continue
        folded = [normalise_answer(item) for item in items]
        if len(set(folded)) != len(folded):
            continue  # two identical items could be swapped and marked wrong
        words = sentence.words
        if not any(t.get("pos") == "VERB" for t in words):
            continue
        # Dutch often allows more than one order; the prompt asks for the text's, and the
        # ranking prefers sentences where the text's order is the only natural one: no
        # subordinate clause (verbs at the end can swap), the subject first, few adverbs
        # and prepositional phrases (they move about in the middle).
        first = words[0]
        subject_first = first.get("pos") in ("PRON", "DET", "NOUN", "PROPN", "NUM") or (
            first.get("pos") == "ADJ" and len(words) > 1 and words[1].get("pos") == "NOUN"
        )
        rank = (
            first["text"].lower() in STOP_WORDS,
            any(t["text"].lower() in _SUBORDINATORS for t in words),
            not subject_first,
            sum(t.get("pos") in ("ADV", "ADP") for t in words),
            max(level_rank(t.get("level")) for t in words) > level_rank(level) + 1,
            abs(len(items) - 7),
            sentence.number,
        )
        candidates.append((rank, sentence, items))
    candidates.sort(key=lambda c: c[0])
    picked = sorted(candidates[:count], key=lambda c: c[1].number)
    return [_payload(article, sentence, items) for _rank, sentence, items in picked]


def _payload(article: Article, sentence: Sentence, items: list[str]) -> dict[str, Any]:
    full = article.sentence_text(sentence)
    return {
        "id": f"gen-order-{sentence.number}",
        "type": "order",
        "prompt": f"Zet de woorden in de volgorde van de tekst. De zin begint met „{items[0]}”.",
        "points": 1.0,
        "hint": f"Het is zin {sentence.number} van de tekst.",
        "explanation": f"In de tekst staat: „{full}”",
        "shuffle": True,
        "line": None,
        "items": items,
        "kind": "order",
        "explain": {
            "answer": full,
            "sentence": sentence.number,
            "start": sentence.start,
            "end": sentence.end,
            "why": f"a sentence of {len(items)} words without repeated words or quotes; "
            "the first word is given because Dutch allows other orders after it",
        },
    }
