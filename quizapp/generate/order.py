"""Word order: the words of a short sentence whose order the grammar fixes, to put back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from quizapp.normalise import normalise_answer

from .source import Sentence, SourceText, level_rank
from .words import STOP_WORDS, words_of

MIN_ITEMS, MAX_ITEMS = 4, 9
# A subordinate clause puts its verbs at the end, where the text's order is often not the
# only right one ("hoe afhankelijk Europa is van gas" / "... van gas is"): left out.
_SUBORDINATORS = words_of(
    """dat die wat waar hoe als omdat terwijl toen zodat voordat nadat totdat of wanneer
    waardoor waarin waarmee waarvan welke wie doordat zodra hoewel mits tenzij en maar"""
)
_REFLEXIVE = words_of("zich me mij je jezelf ons u zichzelf")
_QUOTES = set("\"'‘’“”„«»()")
_END = ".!?"


def sentence_items(source: SourceText, sentence: Sentence) -> tuple[list[str], str] | None:
    """(the sentence's words, its final punctuation), the first word in lower case unless
    it is a name; None when the sentence is not fit for the exercise: anything but words and
    one full stop at the end (a comma means a clause or a list, both movable)."""
    items: list[str] = []
    tokens = sentence.tokens
    if not tokens or tokens[-1]["text"] not in _END:
        return None
    for token in tokens[:-1]:
        text = token["text"]
        if any(c in _QUOTES for c in text):
            return None  # quoted speech: the quote marks would have to go somewhere
        if not (token["is_word"] or token.get("pos") == "NUM") or text == "-":
            return None
        items.append(text)
    if not items:
        return None
    first = sentence.words[0]
    keep_capital = (
        first.get("proper_name")
        or first.get("pos") == "PROPN"
        or (first.get("lemma") or "")[:1].isupper()
        or items[0].isupper()
        or (len(items[0]) > 1 and any(c.isupper() for c in items[0][1:]))
    )
    if not keep_capital:
        items[0] = items[0][0].lower() + items[0][1:]
    return items, tokens[-1]["text"]


def _second_order_possible(words: list[dict[str, Any]]) -> str | None:
    """Why a second order of these words would also be right, or None. Adverbs and adverbial
    phrases move about in the middle field ("We krijgen hier bijna geen informatie" / "...
    bijna geen informatie hier"), two verbs swap at the end ("aangedaan worden" / "worden
    aangedaan"), a separable particle may come before or after an object, and two
    prepositional phrases change places."""
    if any(t.get("pos") == "ADV" for t in words):
        return "an adverb"
    if sum(t.get("pos") in ("VERB", "AUX") for t in words) > 1:
        return "a verb cluster"
    if any((t.get("tag") or "").startswith("VZ-fin") for t in words):
        return "a separable particle"
    if any("separable" in (t.get("gloss_note") or "") for t in words):
        return "a separable verb"
    if sum(t.get("pos") == "ADP" for t in words) > 1:
        return "two prepositional phrases"
    verb = next((i for i, t in enumerate(words) if t.get("pos") in ("VERB", "AUX")), None)
    if verb is not None:
        # Two phrases after the verb can change places: "kost 25 euro per kind" / "kost per
        # kind 25 euro", "overleed tien jaar later in Baarn" / "... in Baarn tien jaar
        # later", "kwam zaterdag met een busje". Each phrase has one noun, name or pronoun
        # (a reflexive "zich" belongs to the verb).
        heads = [
            t
            for t in words[verb + 1 :]
            if t.get("pos") in ("NOUN", "PROPN")
            or (t.get("tag") or "").startswith("N")  # "zaterdag" tagged a number, N-eigen
            or t.get("pos") == "PRON"
            and t["text"].lower() not in _REFLEXIVE
        ]
        # A predicate (an adjective before no noun) is a phrase too: "was moeilijk voor
        # Dalfsen" / "was voor Dalfsen moeilijk".
        after = words[verb + 1 :]
        heads += [
            t
            for i, t in enumerate(after)
            if t.get("pos") == "ADJ"
            and not (i + 1 < len(after) and after[i + 1].get("pos") in ("NOUN", "ADJ"))
        ]
        if len(heads) > 1:
            return "two phrases after the verb"
    if any(t["text"].lower() in _SUBORDINATORS for t in words):
        return "a clause or a list"
    return None


def generate_order(source: SourceText, level: str, seed: str) -> Iterator[dict[str, Any]]:
    candidates = []
    for sentence in source.sentences:
        if sentence.heading:
            continue
        made = sentence_items(source, sentence)
        if made is None or not (MIN_ITEMS <= len(made[0]) <= MAX_ITEMS):
            continue
        items, end = made
        folded = [normalise_answer(item) for item in items]
        if len(set(folded)) != len(folded):
            continue  # two identical items could be swapped and marked wrong
        words = sentence.words
        if not any(t.get("pos") == "VERB" for t in words) or _second_order_possible(words):
            continue
        first = words[0]
        subject_first = first.get("pos") in ("PRON", "DET", "NOUN", "PROPN", "NUM") or (
            first.get("pos") == "ADJ" and len(words) > 1 and words[1].get("pos") == "NOUN"
        )
        if not subject_first:
            continue  # a fronted phrase could also stand after the verb
        rank = (
            first["text"].lower() in STOP_WORDS,
            max(level_rank(t.get("level")) for t in words) > level_rank(level) + 1,
            abs(len(items) - 6),
            sentence.number,
        )
        candidates.append((rank, sentence, items, end))
    candidates.sort(key=lambda c: c[0])
    for _rank, sentence, items, end in candidates:
        yield _payload(source, sentence, items, end, sentence.words[0]["text"])


def _payload(
    source: SourceText, sentence: Sentence, items: list[str], end: str, first: str
) -> dict[str, Any]:
    full = source.sentence_text(sentence)
    return {
        "id": f"gen-order-{sentence.number}",
        "type": "order",
        "prompt": (
            f"Zet de woorden in de volgorde van de tekst. De zin begint met „{first}” "
            f"en eindigt met „{end}”."
        ),
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
            "why": f"a main clause of {len(items)} words with the subject first, one phrase "
            "after the verb and no adverb, verb cluster, separable particle or comma, so "
            "no second order is right",
        },
    }
