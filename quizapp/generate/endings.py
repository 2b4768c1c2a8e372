"""Adjective endings: an adjective before its noun, with and without -e to choose from
("een {=zware ~zwaar} storm"). The noun and the word before decide the ending, so the
explanation can name the rule: -e, except before a singular het-word after een, geen, elk,
veel or no article at all."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from quizapp.language.lexicon import load_lexicon
from quizapp.questions.cloze_syntax import escape_gap

from .cloze import cloze_text, gap_sentences
from .source import Sentence, SourceText, level_rank, slug
from .words import adjective_form, unambiguous_gender, words_of

# Before a singular het-word, these leave the adjective bare: een groot huis, geen goed idee.
_BARE_AFTER = words_of("een geen elk ieder veel weinig zo'n welk genoeg wat meer minder")
# These give it its -e: het grote huis, dit oude boek, ons nieuwe huis.
_E_AFTER = words_of(
    "de het dit dat deze die mijn jouw je zijn haar ons onze uw hun jullie welke elke"
)


def inflected(base: str) -> str | None:
    """The -e form of an adjective, as the lexicon knows it: groot -> grote, snel -> snelle,
    lief -> lieve; None when it has none (gratis, extra, gouden)."""
    lexicon = load_lexicon()
    stems = {base}
    if len(base) > 2 and base[-2] == base[-3] and base[-2] in "aeou":
        stems.add(base[:-2] + base[-1])  # groot -> grot(e), zwaar -> zwar(e)
    if len(base) > 1 and base[-1] not in "aeiouy" and base[-2] in "aeiou":
        stems.add(base + base[-1])  # snel -> snell(e)
    stems |= {s[:-1] + {"f": "v", "s": "z"}[s[-1]] for s in set(stems) if s[-1] in "fs"}
    found = [
        s + "e"
        for s in sorted(stems)
        if any(r.pos == "ADJ" and r.count >= 10 for r in lexicon.readings(s + "e"))
    ]  # a form seen a few times (gratise) is a slip in the corpus
    return found[0] if len(found) == 1 else None


def expected_ending(
    words: list[dict[str, Any]], index: int, noun: dict[str, Any]
) -> tuple[str, str] | None:
    """("e" or "base", the rule in the learner's words), or None when the rule does not
    decide."""
    if noun.get("number") == "mv":
        return "e", f"met -e: „{noun['text']}” is meervoud"
    gender = noun.get("gender") or unambiguous_gender(noun["text"])
    if gender == "de":
        return "e", f"met -e: „{noun['text']}” is een de-woord"
    if gender != "het":
        return None
    back = index - 1
    while back >= 0 and words[back].get("pos") in ("ADJ", "ADV"):
        back -= 1
    before = words[back]["text"].lower() if back >= 0 else ""
    het_word = f"„{noun['text']}” is een het-woord in het enkelvoud"
    if before in _E_AFTER:
        return "e", f"met -e: {het_word}, maar na „{before}” krijgt het bijvoeglijk naamwoord -e"
    if before in _BARE_AFTER:
        return "base", f"zonder -e: {het_word} na „{before}”"
    if back < 0 or words[back].get("pos") in ("ADP", "VERB", "CONJ"):
        return "base", f"zonder -e: {het_word} zonder lidwoord"
    return None


def _targets(sentence: Sentence) -> Iterator[tuple[dict, str, str, str]]:
    """(adjective, its base form, the other form, the rule's ending)."""
    words = sentence.words
    for index, token in enumerate(words):
        word = token["text"]
        if token.get("pos") != "ADJ" or not word.isalpha() or not word.islower():
            continue
        after = index + 1
        while after < len(words) and words[after].get("pos") == "ADJ":
            after += 1
        if after >= len(words) or words[after].get("pos") != "NOUN":
            continue  # only before a noun: a predicative adjective has no choice to make
        noun = words[after]
        if noun.get("proper_name") or not noun["text"].islower():
            continue
        ending, base = adjective_form(word)
        if ending not in ("base", "e"):
            continue  # groter, grootste: the degree is another question
        if ending == "e":
            lemma = (token.get("lemma") or "").lower()
            base = next((b for b in (lemma, base) if b and inflected(b) == word), None)
            if base is None:
                continue  # no base form the lexicon pairs with it ("hele" is not of "hel")
        other = inflected(word) if ending == "base" else base
        if not other or other == word:
            continue
        rule = expected_ending(words, index, noun)
        if rule is None or rule[0] != ending:
            continue  # "het openbaar vervoer": a fixed term, or the rule cannot see it
        yield token, word if ending == "base" else other, other, rule


def generate_endings(source: SourceText, level: str, seed: str) -> Iterator[dict[str, Any]]:
    """One item per sentence and adjective; the bare forms first (the rule's exception,
    where learners go wrong), then in text order."""
    ranked = []
    for sentence in gap_sentences(source):
        for token, base, other, rule in _targets(sentence):
            rank = (rule[0] != "base", level_rank(token.get("level")) > level_rank(level) + 1)
            ranked.append((rank, token["start"], sentence, token, base, other, rule))
            break
    ranked.sort(key=lambda r: (r[0], r[1]))
    used: set[str] = set()
    for _rank, _start, sentence, token, base, other, rule in ranked:
        if base in used:
            continue
        used.add(base)
        yield _payload(source, sentence, token, base, other, rule)


def _payload(source, sentence, token, base: str, other: str, rule) -> dict[str, Any]:
    answer = token["text"]
    gap = "{=" + escape_gap(answer) + " ~" + escape_gap(other) + "}"
    full = source.sentence_text(sentence)
    why = rule[1]
    return {
        "id": f"gen-ending-{slug(base)}-{sentence.number}",
        "type": "cloze",
        "prompt": "Met of zonder -e? Kies de goede vorm.",
        "points": 1.0,
        "hint": f"Kijk naar het woord na „{answer}” en naar het woord ervoor.",
        "explanation": f"„{answer}”, {why}. In de tekst staat: „{full}”",
        "shuffle": True,
        "line": None,
        "text": cloze_text(source, sentence, token, gap),
        "kind": "endings",
        "explain": {
            "answer": answer,
            "word": answer,
            "lemma": base,
            "sentence": sentence.number,
            "start": token["start"],
            "end": token["end"],
            "why": why,
            "distractors": [{"text": other, "why": "the same adjective with the other ending"}],
        },
    }
