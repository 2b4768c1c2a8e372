"""De or het? Singular nouns of the text whose gender the lexicon is sure of."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .source import Sentence, SourceText, in_unit, level_rank, slug, tidy_quotes
from .words import STOP_WORDS, fold, is_unsuitable, main_pos, unambiguous_gender

# Determiners and pronouns that give the gender away when they stand before the noun.
_TELLING = frozenset({"de", "het", "deze", "dit", "die", "dat"})
# Suffixes whose gender is a rule learners are taught early: fine, but less worth asking.
_RULE_SUFFIXES = ("ing", "heid", "tie", "je", "isme", "teit")


def _masked_sentence(source: SourceText, sentence: Sentence, noun: dict[str, Any]) -> str:
    """The sentence with any telling determiner before the noun (or before its adjective)
    replaced by an ellipsis, so the context helps without giving the answer."""
    words = sentence.words
    index = next(i for i, t in enumerate(words) if t is noun)
    cuts = []
    for back in (1, 2, 3):
        if index - back < 0:
            break
        before = words[index - back]
        if before["text"].lower() in _TELLING:
            cuts.append(before)
            break
        if before.get("pos") not in ("ADJ", "ADV", "NUM"):
            break
    text = source.text[sentence.start : sentence.end]
    for token in cuts:
        start, end = token["start"] - sentence.start, token["end"] - sentence.start
        text = text[:start] + "…" + text[end:]
    return tidy_quotes(text)


def _bare_before_adjective(sentence: Sentence, noun: dict[str, Any]) -> bool:
    """A singular noun with no article, number or adjective before it and an adjective or
    participle right after it is almost always a misread adverb ("licht gewond", "hard
    nodig"), not a noun."""
    words = sentence.words
    index = next(i for i, t in enumerate(words) if t is noun)
    before = words[index - 1].get("pos") if index else None
    after = words[index + 1] if index + 1 < len(words) else None
    if before in ("DET", "ADJ", "NUM", "ADP") or after is None:
        return False
    return after.get("pos") == "ADJ" or (after.get("tag") or "").startswith("WW-vd")


def generate_gender(source: SourceText, level: str, seed: str) -> Iterator[dict[str, Any]]:
    """De/het items best first, one per noun."""
    candidates = []
    seen: set[str] = set()
    for sentence in source.sentences:
        if sentence.heading:
            continue
        for token in sentence.words:
            word = token["text"]
            if token.get("pos") != "NOUN" or token.get("proper_name") or in_unit(sentence, token):
                continue
            if token.get("number") != "ev" or not word.isalpha() or not word.islower():
                continue
            if main_pos(word) != "N":
                continue  # "moe" read as a noun: most of its uses are the adjective
            if _bare_before_adjective(sentence, token):
                continue  # "raakte licht gewond": an adverb the tagger read as a noun
            gender = unambiguous_gender(word)
            if gender is None or token.get("gender") not in (gender, None):
                continue
            if word in STOP_WORDS or is_unsuitable(word) or fold(word) in seen:
                continue
            seen.add(fold(word))
            rank = (
                word.endswith(_RULE_SUFFIXES),
                level_rank(token.get("level")) < level_rank("A2"),
                abs(level_rank(token.get("level")) - level_rank(level)),
                token["start"],
            )
            candidates.append((rank, gender, sentence, token))
    candidates.sort(key=lambda c: c[0])
    for _rank, gender, sentence, token in candidates:
        yield _payload(source, sentence, token, gender)


def select_gender(made: Iterable[dict[str, Any]], count: int, excluded: set[str]) -> list:
    """Both articles, as evenly as the text allows (five "de" answers teach learners to
    always guess "de"): half the items from the best het-words, the rest from the best
    de-words, each side filled from the other when it runs out. A switched-off item is
    replaced from its own side, so the others stay."""
    lanes: dict[str, list[dict[str, Any]]] = {"het": [], "de": []}
    for question in made:
        if question["id"] not in excluded:
            lanes[question["explain"]["answer"]].append(question)
    want_het = min(len(lanes["het"]), count // 2 + count % 2)
    want_de = min(len(lanes["de"]), count - want_het)
    want_het = min(len(lanes["het"]), count - want_de)
    return lanes["het"][:want_het] + lanes["de"][:want_de]


def _payload(
    source: SourceText, sentence: Sentence, token: dict[str, Any], gender: str
) -> dict[str, Any]:
    word = token["text"]
    other = "de" if gender == "het" else "het"
    return {
        "id": f"gen-gender-{slug(word)}",
        "type": "choice",
        "prompt": f"De of het? … {word}",
        "points": 1.0,
        "hint": f"In de tekst: „{_masked_sentence(source, sentence, token)}”",
        "explanation": (
            f"Het is „{gender} {word}”. In de tekst: „{source.sentence_text(sentence)}”"
        ),
        "shuffle": False,
        "line": None,
        "options": [
            {
                "text": g,
                "correct": g == gender,
                "feedback": f"Ja: {gender} {word}." if g == gender else f"Nee: {gender} {word}.",
            }
            for g in ("de", "het")
        ],
        "kind": "gender",
        "explain": {
            "answer": gender,
            "word": word,
            "lemma": token.get("lemma"),
            "sentence": sentence.number,
            "start": token["start"],
            "end": token["end"],
            "distractors": [
                {
                    "text": other,
                    "why": "the other article; the lexicon has the noun "
                    f"as a {gender}-word (at least 95% of its uses)",
                }
            ],
        },
    }
