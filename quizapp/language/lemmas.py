"""Lemmas: simplemma's guess, checked and corrected with the tagger lexicon's readings."""

from __future__ import annotations

import re
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


def spellings(stem: str) -> list[str]:
    """What a stem can be written as on its own, by the spelling rules that inflection
    undoes: dikk(e) -> dik, grot(e) -> groot, intensiev(e) -> intensief, boz(e) -> boos."""
    found = [stem]
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        found.append(stem[:-1])  # a doubled consonant kept a short vowel short
    elif (
        len(stem) >= 3
        and stem[-1] not in _VOWELS
        and stem[-2] in _VOWELS
        and stem[-3] not in _VOWELS
    ):
        found.append(stem[:-1] + stem[-2] + stem[-1])  # an open syllable's long vowel: grote
    for written in list(found):
        if written[-1:] in {"v", "z"}:
            found.append(written[:-1] + ("f" if written[-1] == "v" else "s"))
    return found


def verb_lemmas(lexicon: Lexicon, word: str, form: str) -> list[str]:
    """Infinitive candidates of a verb form; `form` is the tagger's verb form (pv-tgw...)."""
    guess = simplemma_lemma(word)
    if form == "od":  # volgende, durend: the present participle's infinitive
        stem = word[:-2] if word.endswith("nde") else word[:-1] if word.endswith("nd") else ""
        if stem and is_infinitive(lexicon, stem):
            return [stem]
    if form == "vd":
        particle = participle_particle(lexicon, word)
        if particle:
            rest = word[len(particle) :]
            # aan|geboden: simplemma reads geboden as gebieden, boden as bieden.
            verbs = [*verb_lemmas(lexicon, rest, "vd"), simplemma_lemma(rest[2:])]
            joined = [particle + v for v in verbs if is_infinitive(lexicon, particle + v)]
            known = [guess] if is_infinitive(lexicon, guess) else []
            return list(dict.fromkeys([*known, *joined, particle + verbs[0]]))
        if word.endswith("e") and not is_infinitive(lexicon, guess):
            guess = simplemma_lemma(word[:-1])  # aangelegde: the participle inflected
        guess = _without_stray_particle(lexicon, word, guess)
    candidates = [guess] if is_infinitive(lexicon, guess) else []
    if form == "vd" and not candidates:
        candidates += participle_infinitives(lexicon, word)
    if form == "inf" or (form == "pv-tgw" and is_infinitive(lexicon, word)):
        candidates.insert(0, word)  # "spelen" is its own lemma, whatever simplemma says
    if form == "pv-tgw":
        stem = word[:-1] if word.endswith("t") and len(word) > 3 else word
        candidates += infinitives_from_stem(lexicon, stem)
        if stem != word:  # a stem ending in t takes no second t: besluit, wacht, praat
            candidates += infinitives_from_stem(lexicon, word)
    elif form == "pv-verl":
        for ending in ("den", "ten", "de", "te"):
            if word.endswith(ending):
                candidates += infinitives_from_stem(lexicon, word[: -len(ending)])
                break
        if word.endswith("en"):  # stonden, lagen, schreven: the singular past knows its verb
            for singular in spellings(word[:-2]):
                lemma = simplemma_lemma(singular)
                if lemma != singular and is_infinitive(lexicon, lemma):
                    candidates.append(lemma)
        if not candidates:
            candidates += _strong_infinitives(lexicon, word)
    candidates.append(guess)
    return list(dict.fromkeys(candidates))


# The vowels of a strong verb's past and of its infinitive (reed: rijden, bood: bieden,
# sloot: sluiten), for a past simplemma reads as another word (reed as reden, "reason").
_STRONG_PAST_VOWELS = {"ee": ("ij",), "oo": ("ie", "ui"), "e": ("ij",), "o": ("ie", "ui")}


def _strong_infinitives(lexicon: Lexicon, past: str) -> list[str]:
    """Known infinitives a strong past (singular or plural) can be made from."""
    body = past[:-2] if past.endswith("en") else past
    match = re.fullmatch(r"(.*?[^aeiou])(ee|oo|e|o)([^aeiou]+)", body)
    if match is None or (past.endswith("en")) != (len(match[2]) == 1):
        return []  # reed, bood: a long vowel written double; reden, boden: written once
    start, vowel, end = match.groups()
    end = {"f": "v", "s": "z"}.get(end, end) if not past.endswith("en") else end
    return [
        infinitive
        for new in _STRONG_PAST_VOWELS[vowel]
        if is_infinitive(lexicon, infinitive := f"{start}{new}{end}en")
    ]


def participle_infinitives(lexicon: Lexicon, word: str) -> list[str]:
    """Infinitives a participle simplemma does not know is made from, by the rules of the
    weak participle (ge|train|d, ge|droog|d, ge|rem|d, beïnvloe|d) and the strong one whose
    stem keeps its vowel (ge|bakken); inflected too (gedroogde)."""
    forms = [word, word[:-1]] if word.endswith(("de", "te")) else [word]
    found: list[str] = []
    for form in forms:
        if form.endswith(("d", "t")):
            stem = form[:-1]
            for body in (stem[2:], stem) if stem.startswith("ge") else (stem,):
                found += infinitives_from_stem(lexicon, body)
        elif form.endswith("en") and form.startswith("ge") and is_infinitive(lexicon, form[2:]):
            found.append(form[2:])
    return list(dict.fromkeys(found))


# Particles of separable verbs, which a participle carries before its ge-: opgebeld.
SEPARABLE_PARTICLES = frozenset(
    {"aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "tegen", "terug"}
    | {"toe", "uit", "voor", "vast", "weg", "samen", "dicht", "open", "neer", "langs"}
    | {"voorbij", "achter", "binnen", "buiten", "mis", "thuis", "vrij", "los", "rond"}
)


def _without_stray_particle(lexicon: Lexicon, participle: str, guess: str) -> str:
    """simplemma's infinitive for a participle with no particle, without the particle it
    sometimes adds: gestaan is staan's (afstaan's is afgestaan), gesneden snijden's,
    gewezen wijzen's. Only where the rest is an infinitive that begins with the sounds the
    participle has after ge- (geïnstalleerd stays installeren: it is no in|stalleren)."""
    if not participle.startswith("ge"):
        return guess
    for particle in SEPARABLE_PARTICLES:
        verb = guess[len(particle) :]
        if (
            guess.startswith(particle)
            and not participle.startswith(particle)
            and is_infinitive(lexicon, verb)
            and _onset(verb) == _onset(participle[2:])
        ):
            return verb
    return guess


def _onset(word: str) -> str:
    """The consonants a word begins with (st for staan, w for wijzen, "" for openen)."""
    return re.match(r"[^aeiouyäëïöü]*", word)[0]


def participle_particle(lexicon: Lexicon, word: str) -> str | None:
    """The particle of a separable verb's participle (op|gebeld, uit|geput), if any."""
    for cut in range(2, min(len(word) - 4, 8)):
        particle, rest = word[:cut], word[cut:]
        if particle in SEPARABLE_PARTICLES and rest.startswith("ge"):
            return particle
    return None


# Comparatives and superlatives whose positive is another word.
_IRREGULAR_DEGREES = {
    "beter": "goed", "best": "goed", "beste": "goed", "meer": "veel", "meest": "veel",
    "meeste": "veel", "minder": "weinig", "minst": "weinig", "minste": "weinig",
    "verder": "ver", "verste": "ver",
}  # fmt: skip


def degree_positive(lexicon: Lexicon, word: str, degree: str) -> str | None:
    """The positive a regular comparative or superlative is made from (groter, hogere ->
    groot, hoog; grootste -> groot), when the corpus knows it as an adjective."""
    endings = ("eren", "ere", "er") if degree == "comp" else ("ste", "st")
    for ending in endings:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            # "verder" and "zekerder": an r-final positive takes -der.
            stems = [stem, stem[:-1]] if stem.endswith("d") else [stem]
            found = [s for st in stems for s in spellings(st) if lexicon.has_reading(s, "ADJ")]
            if found:
                return found[0]
    return None


def adjective_lemmas(lexicon: Lexicon, word: str, degree: str = "") -> list[str]:
    """The positive, uninflected form: grote -> groot, groter -> groot, beste -> goed."""
    guess = simplemma_lemma(word)
    if degree in {"comp", "sup"}:
        for form in (word, word.removesuffix("e")):  # betere: beter, not beet
            if form in _IRREGULAR_DEGREES:
                return list(dict.fromkeys([_IRREGULAR_DEGREES[form], guess]))
        positive = degree_positive(lexicon, word, degree)
        if positive is not None:
            return list(dict.fromkeys([positive, guess]))
    candidates = [word] if not word.endswith("e") and lexicon.has_reading(word, "ADJ") else []
    # simplemma reads some -e adjectives as verbs (ingrijpende -> ingrijpen); the tagger
    # knows whether its guess is an adjective at all.
    if lexicon.has_reading(guess, "ADJ"):
        candidates.append(guess)
    for ending in ("en", "e"):  # grote, intensieve; anderen, gelovigen (used as nouns)
        if word.endswith(ending):
            stems = spellings(word[: -len(ending)])
            candidates += [s for s in stems if lexicon.has_reading(s, "ADJ")]
    candidates.append(guess)
    return list(dict.fromkeys(candidates))


# Ordinals whose number is another word; the rest add -de/-ste/-e to it (vierde, 19e).
_IRREGULAR_ORDINALS = {"eerste": "één", "eerst": "één", "derde": "drie", "een": "één"}


def number_lemma(lexicon: Lexicon, word: str) -> str:
    """The cardinal of an ordinal (vierde -> vier, achtste -> acht); the number itself."""
    if word in _IRREGULAR_ORDINALS:
        return _IRREGULAR_ORDINALS[word]
    for ending in ("ste", "de", "e"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and stem and (stem.isdigit() or lexicon.has_reading(stem, "TW")):
            return stem
    return word


# A diminutive of a word ending in a vowel or of an abbreviation, written with an
# apostrophe: foto'tje, menu'tje, sms'je, cd'tjes.
APOSTROPHE_DIMINUTIVE = re.compile(r"^(?P<base>.+?)(?P<apostrophe>['’])(?P<ending>t?jes?)$")


def noun_lemmas(lexicon: Lexicon, word: str, number: str = "") -> list[str]:
    """A singular noun is its own lemma (simplemma: klem -> klemmen, test -> testen); a
    plural's lemma is a singular the corpus knows (leden -> lid, not lijden)."""
    diminutive = APOSTROPHE_DIMINUTIVE.match(word)
    if diminutive:  # sms'jes, menu'tje: a diminutive whose base the corpus may not read
        ending = diminutive["ending"].removesuffix("s")
        return [f"{diminutive['base']}{diminutive['apostrophe']}{ending}", diminutive["base"]]
    guess = simplemma_lemma(word)
    singular = number == "ev" or (
        not number and any(r.pos == "N" and r.number == "ev" for r in lexicon.readings(word))
    )
    if singular:
        return list(dict.fromkeys([word, guess]))
    known = [c for c in (guess, *_singulars(word)) if _singular_count(lexicon, c)]
    known.sort(key=lambda c: -_singular_count(lexicon, c))
    return list(dict.fromkeys([*known[:1], guess]))


def name_lemma(lexicon: Lexicon, name: str) -> str:
    """A name's own form: Morgan's -> Morgan, Italianen -> Italiaan (a plural the corpus
    knows less often as a name than its singular)."""
    if name.endswith(("'s", "’s")):
        return name[:-2]
    own = _name_count(lexicon, name)
    for singular in _singulars(name):
        if _name_count(lexicon, singular) > own:
            return singular
    return name


def _name_count(lexicon: Lexicon, word: str) -> int:
    return sum(r.count for r in lexicon.readings(word) if r.pos == "NAME")


def _singular_count(lexicon: Lexicon, word: str) -> int:
    return sum(r.count for r in lexicon.readings(word) if r.pos == "N" and r.number == "ev")


# Plurals whose vowel changes: the whole (short) list of Dutch ones.
_IRREGULAR_PLURALS = {
    "leden": "lid", "schepen": "schip", "steden": "stad", "gelegenheden": "gelegenheid",
    "smeden": "smid", "koeien": "koe", "vlooien": "vlo",
}  # fmt: skip


def _singulars(plural: str) -> list[str]:
    """Singulars a plural can come from by the spelling rules: auto's, tafels, katten,
    huizen, brieven, kinderen, musea."""
    found = []
    if plural in _IRREGULAR_PLURALS:
        found.append(_IRREGULAR_PLURALS[plural])
    if plural.endswith("heden"):
        found.append(plural[:-5] + "heid")  # mogelijkheden -> mogelijkheid
    if plural.endswith("'s"):
        found.append(plural[:-2])
    if plural.endswith("s"):
        found.append(plural[:-1])
    if plural.endswith("eren"):
        found.append(plural[:-4])
    if plural.endswith("en"):
        stem = plural[:-2]
        found.append(stem)
        if len(stem) >= 2 and stem[-1] == stem[-2]:
            found.append(stem[:-1])  # katten -> kat
        if len(stem) >= 2 and stem[-1] in "zv":
            stem = stem[:-1] + ("s" if stem[-1] == "z" else "f")
            found.append(stem)  # huizen -> huis
        if len(stem) >= 2 and stem[-1] not in _VOWELS and stem[-2] in _VOWELS:
            found.append(stem[:-1] + stem[-2] + stem[-1])  # bomen -> boom
    if plural.endswith("ën"):
        found.append(plural[:-2])
    if plural.endswith("a"):
        found.append(plural[:-1] + "um")  # musea -> museum
    return found


def lemma_candidates(
    lexicon: Lexicon, word: str, pos: str, feature: str, number: str = ""
) -> tuple[str, ...]:
    """Lemma candidates, best first, for a word read as `pos` (CGN main tag)."""
    if pos == "WW":
        return tuple(verb_lemmas(lexicon, word, feature))
    if pos == "ADJ":
        return tuple(adjective_lemmas(lexicon, word, feature))
    if pos == "TW":
        return (number_lemma(lexicon, word),)
    if pos == "N":
        return tuple(noun_lemmas(lexicon, word, number))
    return (simplemma_lemma(word),)
