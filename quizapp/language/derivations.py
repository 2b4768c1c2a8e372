"""Guesses for words no dictionary has, from how they are made: a productive derivation read
from its base (oplosbaar: oplossen "solve" + -baar, "solvable"; rijder: rijden "ride" + -er,
"rider"). An English loanword spelled alike (app, fans) is the lexicon's cognate, found by
the build (tools/build_lexicon.py, `loanword_entries`).

Every meaning built here is an English word made from the base's English by the matching
English suffix, kept only when English text uses that word (wordfreq), and shown as a guess.
docs/language.md (Guesses) says what is and is not guessed.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from wordfreq import zipf_frequency

from .categories import english_categories
from .lemmas import infinitives_from_stem, spellings
from .lexicon import Lexicon

_VOWELS = set("aeiou")


class _Suffix(NamedTuple):
    dutch: str  # the ending, with the inflected forms it takes
    base_pos: str  # the CGN main tag of the base: WW (a verb's stem), ADJ or N
    pos: str  # the derived word's CGN main tag
    english: str  # the English suffix: able, ness, less, er


# Longest endings first. Derivations whose meaning English does not build the same way
# are left alone: -lijk, -ig, -ing (many nouns of result: oprichting is no "raising"), and
# -weg, whose adverbs are idioms (kortweg is "in short", not "shortly"; gewoonweg "simply").
_SUFFIXES = (
    _Suffix("bare", "WW", "ADJ", "able"),
    _Suffix("baar", "WW", "ADJ", "able"),
    _Suffix("heid", "ADJ", "N", "ness"),
    _Suffix("loze", "N", "ADJ", "less"),
    _Suffix("loos", "N", "ADJ", "less"),
    _Suffix("sters", "WW", "N", "er"),
    _Suffix("ster", "WW", "N", "er"),  # zwemster: a swimmer, as English says it
    _Suffix("ers", "WW", "N", "er"),
    _Suffix("er", "WW", "N", "er"),
)
# An English word a learner can be shown: common enough in English text to be a word, not a
# chance concatenation (drinkable 2.6, spotless 3.1; chanceless 0).
_MIN_ENGLISH_ZIPF = 2.5


def derived_gloss(lexicon: Lexicon, word: str, pos: str | None) -> tuple[list[str], str | None]:
    """The English a derivation is built to, and a note naming its base; ([], None) if none."""
    if pos == "ADJ" and word[:1].isupper():
        return _place_adjective_gloss(lexicon, word)
    lowered = word.lower()
    if pos == "ADJ" and lowered.startswith("on") and len(lowered) >= 6:
        negated = _negated_gloss(lexicon, lowered[2:])
        if negated:
            return negated
    for suffix in _SUFFIXES:
        if suffix.pos != pos or not lowered.endswith(suffix.dutch):
            continue
        stem = lowered[: -len(suffix.dutch)]
        if len(stem) < 3:
            continue
        for base in _bases(lexicon, stem, suffix.base_pos):
            english = _derived_english(lexicon, base, suffix)
            if english:
                ending = suffix.dutch[:-1] if suffix.dutch.endswith("rs") else suffix.dutch
                note = f"guess from its parts: {base} ({english[1]}) + -{ending}"
                return [english[0]], note
    return [], None


def _negated_gloss(lexicon: Lexicon, base: str) -> tuple[list[str], str | None]:
    """on- + an adjective is its opposite (onveilig, ongezond, onwaarschijnlijk): the English
    un-, in-, im- or dis- word when English text uses it (unsafe), else "not" and the
    adjective (not safe); ([], None) when the rest is no adjective the dictionary has."""
    entry = lexicon.entry(base)
    readings = lexicon.readings(base)
    adjective = sum(r.count for r in readings if r.pos == "ADJ")
    if entry is None or adjective <= sum(r.count for r in readings if r.pos == "WW"):
        return [], None  # no adjective, or a participle first (ongedaan, ongeboren)
    senses = [s for s in entry.senses if s.pos == "ADJ"]
    if not senses:
        return [], None
    words = [w.strip() for w in senses[0].text.split(",") if w.strip().isalpha()]
    if not words:
        return [], None
    # The commonest English word of the sense, negated as English does it (safe: unsafe,
    # before secure: insecure).
    words.sort(key=lambda w: -zipf_frequency(w, "en"))
    built = [
        negative
        for w in words
        for prefix in ("un", "in", "im", "dis")
        if zipf_frequency(negative := prefix + w, "en") >= _MIN_ENGLISH_ZIPF
        # an English verb or noun is another word (dis|close)
        and not english_categories(negative, "WW")
        and not english_categories(negative, "N")
    ]
    english = built[0] if built else f"not {words[0]}"
    return [english], f"guess from its parts: on- + {base} ({senses[0].text})"


def _place_adjective_gloss(lexicon: Lexicon, word: str) -> tuple[list[str], str | None]:
    """An adjective made from a place's name (Rotterdamse, Leidse: Leiden, Groningse:
    Groningen, Veluwse: Veluwe) means "of" that place; the name's English if the dictionary
    has it (Oostende: Ostend)."""
    for ending in ("se", "s"):
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        stem = word[: -len(ending)]
        for name in (stem, stem + "e", stem + "en", stem + "n"):
            if sum(r.count for r in lexicon.readings(name) if r.pos == "NAME") < _MIN_NAME_COUNT:
                continue
            entry = lexicon.entry(name)
            english = entry.senses[0].text.split(",")[0].strip() if entry else name
            note = f"guess from its parts: {name} + -{ending}"
            return [f"{english}, of {english}"], note
    return [], None


# A name read this often in the corpus is a place or language a reader may meet.
_MIN_NAME_COUNT = 5


def _bases(lexicon: Lexicon, stem: str, base_pos: str) -> list[str]:
    """The dictionary words the stem can be written as: betaal -> betalen, simpel, kans."""
    if base_pos == "WW":
        candidates = list(infinitives_from_stem(lexicon, stem))
        if len(stem) >= 3 and stem[-1] == stem[-2]:  # zwemm(er): a short vowel's doubling
            candidates += infinitives_from_stem(lexicon, stem[:-1])
    else:
        candidates = [s for s in spellings(stem) if lexicon.has_reading(s, base_pos)]
        if base_pos == "N" and stem.endswith("e"):  # vlek|ke|loos: a linking -e-
            candidates += [s for s in spellings(stem[:-1]) if lexicon.has_reading(s, "N")]
    return [c for c in dict.fromkeys(candidates) if lexicon.entry(c) is not None]


def _derived_english(lexicon: Lexicon, base: str, suffix: _Suffix) -> tuple[str, str] | None:
    """(the derived English, the base sense it is built from), from the base's senses of its
    own part of speech, heaviest first; the first sense that yields a word wins, and of its
    words the one English uses most."""
    entry = lexicon.entry(base)
    senses = [s for s in entry.senses if s.pos == suffix.base_pos] if entry else []
    for sense in senses[:2]:
        words = [w.strip() for w in sense.text.split(",")]
        built = [
            english
            for w in words
            if w.isalpha() and w.islower()
            for english in (_english_with_suffix(w, suffix.english),)
            if english and _usable(english, suffix)
        ]
        if built:  # the commonest: werken "run, work" is a worker, not a runner
            return max(built, key=lambda w: zipf_frequency(w, "en")), sense.text
    return None


def _usable(english: str, suffix: _Suffix) -> bool:
    if zipf_frequency(english, "en") < _MIN_ENGLISH_ZIPF:
        return False
    if suffix.english == "er":  # an agent noun names a person: rider, not goer
        return "person" in english_categories(english, "N")
    return True


@cache
def _english_with_suffix(word: str, suffix: str) -> str | None:
    """English spelling rules for the suffixes above and the superlative's: pay -> payable,
    happy -> happiness, ride -> rider, swim -> swimmer, big -> biggest; the -ness of an
    -able word is -ability, as English says it."""
    if len(word) < 2:
        return None
    if suffix == "ness" and word.endswith(("able", "ible")):
        return word[:-2] + "ility"  # available -> availability, visible -> visibility
    if suffix in {"ness", "less"} and word.endswith("y") and word[-2] not in _VOWELS:
        return word[:-1] + "i" + suffix
    if suffix in {"able", "er", "est"}:
        if word.endswith("e"):
            return word[:-1] + suffix  # solve -> solvable, ride -> rider, large -> largest
        if word.endswith("y") and word[-2] not in _VOWELS:
            return word[:-1] + "i" + suffix  # rely -> reliable
        if (
            len(word) >= 3
            and word[-1] not in _VOWELS | {"w", "x", "y"}
            and word[-2] in _VOWELS
            and word[-3] not in _VOWELS
            and len(word) <= 4
        ):
            return word + word[-1] + suffix  # swim -> swimmer, run -> runner
    return word + suffix


def ing_sense(sense: str) -> str:
    """A verb sense as its present participle, each item's first word: "come, arrive" ->
    "coming, arriving", "go up" -> "going up"; an item whose -ing form English text does
    not use is kept as it is."""
    items = []
    for item in sense.split(","):
        first, space, rest = item.strip().partition(" ")
        built = _ing(first)
        usable = built is not None and zipf_frequency(built, "en") >= _MIN_ENGLISH_ZIPF
        items.append(f"{built}{space}{rest}" if usable else item.strip())
    return ", ".join(items)


# A regular participle English text uses (planned 4.7, costed 2.5 is rarer than cost):
# below this the verb is its own participle (put, cut, cast).
_MIN_PARTICIPLE_ZIPF = 2.7


def participle_sense(lexicon: Lexicon, sense: str) -> str:
    """A verb sense as its past participle, each item's first word: "round off, break" ->
    "rounded off, broken", "be burnt down" -> "burnt down"; an item that does not start
    with an English verb is kept as it is."""
    items = []
    for item in sense.split(","):
        item = item.strip()
        first, space, rest = item.partition(" ")
        if first == "be" and rest:
            items.append(rest)  # "be located": the participle is there already
        elif first.isalpha() and first.islower() and english_categories(first, "WW"):
            items.append(f"{_participle(lexicon, first)}{space}{rest}")
        else:
            items.append(item)
    return ", ".join(items)


def _participle(lexicon: Lexicon, verb: str) -> str:
    irregular = lexicon.english_participle(verb)
    if irregular is not None:
        return irregular
    if verb.endswith("e"):
        built = verb + "d"  # close -> closed
    elif verb.endswith("y") and len(verb) > 2 and verb[-2] not in _VOWELS:
        built = verb[:-1] + "ied"  # carry -> carried
    else:
        built = verb + "ed"  # WordNet lists the doubled ones (stopped, planned)
    return built if zipf_frequency(built, "en") >= _MIN_PARTICIPLE_ZIPF else verb


# English comparatives and superlatives not made with -er and -est.
_IRREGULAR_DEGREES = {
    "comp": {
        "good": "better", "well": "better", "bad": "worse", "badly": "worse", "ill": "worse",
        "far": "further", "little": "less", "much": "more", "many": "more",
    },
    "sup": {
        "good": "best", "well": "best", "bad": "worst", "badly": "worst", "ill": "worst",
        "far": "furthest", "little": "least", "much": "most", "many": "most",
    },
}  # fmt: skip
# The English ending and the word before a longer adjective, by degree.
_DEGREE_ENDINGS = {"comp": ("er", "more"), "sup": ("est", "most")}


def superlative_sense(sense: str) -> str:
    """An adjective sense as its superlative, item by item: "great, big, large" ->
    "greatest, biggest, largest", "expensive" -> "most expensive", "good" -> "best"."""
    return _graded_sense(sense, "sup")


def comparative_sense(sense: str) -> str:
    """An adjective sense as its comparative, as superlative_sense does it: "easy, high,
    expensive, good" -> "easier, higher, more expensive, better"."""
    return _graded_sense(sense, "comp")


def _graded_sense(sense: str, degree: str) -> str:
    """The sense's words in the degree; a word English gives no such form (vast, a noun:
    child) is left out where another word has one, as it does not say the degree."""
    words = [item.strip() for item in sense.split(",")]
    graded = [_graded(w, degree) if w.isalpha() and w.islower() else w for w in words]
    kept = [g for g, w in zip(graded, words, strict=True) if g != w]
    return ", ".join(kept or graded)


def _graded(word: str, degree: str) -> str:
    if word in _IRREGULAR_DEGREES[degree]:
        return _IRREGULAR_DEGREES[degree][word]
    ending, before = _DEGREE_ENDINGS[degree]
    built = _english_with_suffix(word, ending)  # greatest, larger, easiest, bigger
    if built is None:
        return word
    # English writes -est where its text uses the form (greatest), "most" before a word of
    # more syllables (most expensive: "expensivest" is no word); a short word with no -est
    # form English uses is left as it is (vast), as is a noun among an adjective's words
    # (jong: "young, child, offspring"). The same for -er and "more".
    if zipf_frequency(built, "en") >= _MIN_ENGLISH_ZIPF:
        return built
    if _syllables(word) >= 2 and not english_categories(word, "N"):
        return f"{before} {word}"
    return word


def _syllables(word: str) -> int:
    """English vowel groups, a final silent e not counted: expensive 3, stale 1."""
    groups = len(re.findall(r"[aeiouy]+", word.removesuffix("e") or word))
    return max(1, groups)


def _ing(word: str) -> str | None:
    if not word.isalpha() or not word.islower() or len(word) < 2:
        return None
    vowels = [c for c in word if c in _VOWELS]
    if word.endswith("ie"):
        return word[:-2] + "ying"  # lie -> lying
    if word.endswith("e") and len(vowels) > 1 and not word.endswith(("ee", "ye", "oe")):
        return word[:-1] + "ing"  # come -> coming, but be -> being, see -> seeing
    if len(vowels) == 1 and word[-1] not in _VOWELS | {"w", "x", "y"} and word[-2] in _VOWELS:
        return word + word[-1] + "ing"  # run -> running, stop -> stopping
    return word + "ing"
