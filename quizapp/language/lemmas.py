"""Lemmas: simplemma's guess, checked and corrected with the tagger lexicon's readings."""

from __future__ import annotations

from functools import cache

import simplemma

from .lexicon import Lexicon

_VOWELS = set("aeiou")


@cache
def simplemma_lemma(word: str) -> str:
    # simplemma marks separable verbs as "uit_spreken"; the dictionary spells "uitspreken".
    return simplemma.lemmatize(word, lang="nl").replace("_", "")


def is_infinitive(lexicon: Lexicon, word: str) -> bool:
    # Tagging noise gives "heeft" one infinitive reading in 32,000: ignore readings that rare.
    readings = lexicon.readings(word)
    infinitive = sum(r.count for r in readings if r.pos == "WW" and r.feature == "inf")
    return infinitive > 0 and infinitive >= 0.05 * sum(r.count for r in readings)


def infinitives_from_stem(lexicon: Lexicon, stem: str) -> list[str]:
    """Known infinitives that conjugate to this stem: plan -> plannen, haal -> halen,
    leef -> leven, reis -> reizen; most frequent first."""
    if len(stem) < 2:
        return []
    guesses = [stem + "en", stem + "n"]
    last, before = stem[-1], stem[-2]
    if last not in _VOWELS and before in _VOWELS:
        if len(stem) >= 3 and stem[-3] == before:  # long vowel written double: haal -> halen
            guesses.append(stem[:-2] + last + "en")
        else:  # short vowel keeps its sound by doubling the consonant: plan -> plannen
            guesses.append(stem + last + "en")
    if last in "fs":
        voiced = stem[:-1] + ("v" if last == "f" else "z")
        guesses += [voiced + "en"]
        if len(stem) >= 3 and stem[-3] == before and before in _VOWELS:
            guesses.append(stem[:-3] + before + ("v" if last == "f" else "z") + "en")
    found = [g for g in dict.fromkeys(guesses) if is_infinitive(lexicon, g)]
    return sorted(found, key=lambda g: -_count(lexicon, g, "WW"))


def _count(lexicon: Lexicon, word: str, pos: str) -> int:
    return sum(r.count for r in lexicon.readings(word) if r.pos == pos)


def verb_lemmas(lexicon: Lexicon, word: str, form: str) -> list[str]:
    """Infinitive candidates of a verb form; `form` is the tagger's verb form (pv-tgw...)."""
    guess = simplemma_lemma(word)
    if form == "od":
        # Present participles: "volgende"/"ingrijpende" are listed as adjectives (volgend),
        # the bare "durend" stands for its verb (duren).
        if word.endswith("nde"):
            return [word[:-1], *verb_lemmas(lexicon, word[:-1], "od")]
        if word.endswith("nd"):
            return [word[:-1]] if is_infinitive(lexicon, word[:-1]) else [guess]
    candidates = [guess] if is_infinitive(lexicon, guess) else []
    if form == "inf" or (form == "pv-tgw" and is_infinitive(lexicon, word)):
        candidates.insert(0, word)  # "spelen" is its own lemma, whatever simplemma says
    if form == "pv-tgw":
        stem = word[:-1] if word.endswith("t") and len(word) > 3 else word
        candidates += infinitives_from_stem(lexicon, stem)
    elif form == "pv-verl":
        for ending in ("den", "ten", "de", "te"):
            if word.endswith(ending):
                candidates += infinitives_from_stem(lexicon, word[: -len(ending)])
                break
    candidates.append(guess)
    return list(dict.fromkeys(candidates))


def adjective_lemmas(lexicon: Lexicon, word: str) -> list[str]:
    guess = simplemma_lemma(word)
    candidates = [word] if not word.endswith("e") and lexicon.has_reading(word, "ADJ") else []
    # simplemma reads some -e adjectives as verbs (ingrijpende -> ingrijpen); the tagger
    # knows whether its guess is an adjective at all.
    if lexicon.has_reading(guess, "ADJ"):
        candidates.append(guess)
    if word.endswith("e") and lexicon.has_reading(word[:-1], "ADJ"):
        candidates.append(word[:-1])
    candidates.append(guess)
    return list(dict.fromkeys(candidates))


def noun_lemmas(lexicon: Lexicon, word: str) -> list[str]:
    guess = simplemma_lemma(word)
    # A singular noun is its own lemma (simplemma: klem -> klemmen, test -> testen).
    if any(r.pos == "N" and r.number == "ev" for r in lexicon.readings(word)):
        return list(dict.fromkeys([word, guess]))
    return [guess]


def lemma_candidates(lexicon: Lexicon, word: str, pos: str, feature: str) -> tuple[str, ...]:
    """Lemma candidates, best first, for a word read as `pos` (CGN main tag)."""
    if pos == "WW":
        return tuple(verb_lemmas(lexicon, word, feature))
    if pos == "ADJ":
        return tuple(adjective_lemmas(lexicon, word))
    if pos == "N":
        return tuple(noun_lemmas(lexicon, word))
    return (simplemma_lemma(word),)
