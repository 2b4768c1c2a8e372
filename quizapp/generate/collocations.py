"""Fixed prepositions: a verb, adjective or noun that takes one preposition, with that
preposition gapped ("De NS kampt al weken {=met ~naar ~uit ~tot} problemen"). The word before
holds the gap tightly: the distractors are prepositions that word never takes, and never a
preposition of place or time (in, op, voor, bij, ...), which could make another sentence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from quizapp.questions.cloze_syntax import escape_gap

from .cloze import cloze_text, gap_sentences
from .source import Sentence, SourceText, item_rng, slug

# word (lemma) -> its fixed preposition, and every preposition that may also follow it in
# some sense (they are never distractors). Only pairs a learner's grammar lists teach, and
# none whose preposition is as often a place: "wachten op het station" is waiting at it.
FIXED: dict[str, tuple[str, frozenset[str]]] = {
    word: (first, frozenset(others.split()) | {first})
    for word, first, others in (
        ("kampen", "met", "tegen om"),
        ("last", "van", "op met"),
        ("afhankelijk", "van", ""),
        ("bestaan", "uit", "in"),
        ("beschikken", "over", ""),
        ("genieten", "van", ""),
        ("lijden", "aan", "onder door"),
        ("deelnemen", "aan", ""),
        ("meedoen", "aan", "met"),
        ("bijdragen", "aan", "tot"),
        ("leiden", "tot", "naar door"),
        ("behoren", "tot", "bij aan"),
        ("luisteren", "naar", ""),
        ("verlangen", "naar", ""),
        ("zoeken", "naar", "op"),
        ("twijfelen", "aan", "over"),
        ("rekenen", "op", "met tot uit"),
        ("letten", "op", ""),
        ("reageren", "op", ""),
        ("hopen", "op", ""),
        ("vertrouwen", "op", "in"),
        ("jaloers", "op", ""),
        ("trots", "op", ""),
        ("verliefd", "op", ""),
        ("bang", "voor", "van"),
        ("zorgen", "voor", "om"),
        ("verantwoordelijk", "voor", ""),
        ("geschikt", "voor", ""),
        ("gevoelig", "voor", "aan"),
        ("klagen", "over", "bij tegen"),
        ("nadenken", "over", "bij"),
        ("beschikking", "over", ""),
        ("ontevreden", "over", "met"),
        ("schrikken", "van", ""),
        ("dromen", "van", "over"),
        ("profiteren", "van", ""),
        ("houden", "van", "aan op voor met in bij uit"),
        ("omgaan", "met", ""),
        ("ophouden", "met", ""),
        ("stoppen", "met", "in op bij"),
        ("vergelijken", "met", "bij"),
        ("trouwen", "met", ""),
        ("denken", "aan", "over om na"),
        ("geloven", "in", "aan"),
        ("deelname", "aan", ""),
        ("behoefte", "aan", ""),
        ("gebrek", "aan", ""),
        ("tekort", "aan", ""),
    )
}
# Prepositions that neither place nor time a thing: a wrong one makes no other sentence
# ("aan" places a thing too: "wachten aan het station" is Flemish for "at the station").
_CANDIDATES = ("met", "van", "over", "naar", "om", "tot", "uit", "tegen")


def _governed(sentence: Sentence) -> Iterator[tuple[dict[str, Any], dict[str, Any], str]]:
    """(word, preposition, lemma) where a word of the list is followed in its clause by its
    own preposition, with at most three words between (an object, an adverb, "zich")."""
    words = sentence.words
    for index, token in enumerate(words):
        lemma = (token.get("lemma") or token["text"]).lower()
        if lemma not in FIXED or token.get("pos") not in ("VERB", "ADJ", "NOUN"):
            continue
        wanted = FIXED[lemma][0]
        for other in words[index + 1 : index + 5]:
            if other["text"] in (",", ";", ":") or other.get("pos") in ("CONJ", "VERB"):
                break
            tag = other.get("tag") or ""
            if other.get("pos") == "ADP":
                if other["text"].lower() == wanted and tag.startswith("VZ-init"):
                    yield token, other, lemma
                break


def generate_collocations(source: SourceText, level: str, seed: str) -> Iterator[dict[str, Any]]:
    """One item per sentence and per word, in text order (every pair is held alike)."""
    used: set[str] = set()
    for sentence in gap_sentences(source):
        for token, preposition, lemma in _governed(sentence):
            if lemma in used:
                continue
            if sum(t["text"].lower() == preposition["text"].lower() for t in sentence.words) > 1:
                continue  # the same preposition twice: which one is the gap?
            used.add(lemma)
            full = source.sentence_text(sentence)
            rng = item_rng(seed, "collocations", full, lemma)
            allowed = FIXED[lemma][1]
            pool = sorted(p for p in _CANDIDATES if p not in allowed)
            rng.shuffle(pool)
            yield _payload(source, sentence, token, preposition, lemma, pool[:3])
            break


def _payload(source, sentence, token, preposition, lemma: str, wrong: list[str]) -> dict:
    answer = preposition["text"]
    capital = answer[:1].isupper()
    shown = [w[:1].upper() + w[1:] if capital else w for w in wrong]
    gap = "{=" + " ~".join(escape_gap(o) for o in [answer, *shown]) + "}"
    full = source.sentence_text(sentence)
    pair = f"{lemma} {answer.lower()}"
    return {
        "id": f"gen-prep-{slug(lemma)}-{sentence.number}",
        "type": "cloze",
        "prompt": "Kies het voorzetsel dat past.",
        "points": 1.0,
        "hint": f"Welk voorzetsel hoort bij „{token['text']}”?",
        "explanation": f"Het is „{pair}”. In de tekst staat: „{full}”",
        "shuffle": False,
        "line": None,
        "text": cloze_text(source, sentence, preposition, gap),
        "kind": "collocations",
        "explain": {
            "answer": answer,
            "word": token["text"],
            "lemma": lemma,
            "sentence": sentence.number,
            "start": preposition["start"],
            "end": preposition["end"],
            "why": f"„{lemma}” takes „{answer.lower()}”: a fixed preposition",
            "distractors": [
                {"text": w, "why": f"a preposition „{lemma}” never takes, not one of place"}
                for w in shown
            ],
        },
    }
