"""Words that count as one unit with one meaning: the teacher's glossary (its phrases
first, longest first) and the dictionary's multi-word units (met klem; bestaat ... uit).

Its own module because both match runs of tokens against keys, with the same spellings
(a word or its lemma), and override the meanings the word-by-word analysis gave.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from wordfreq import zipf_frequency

from .context import CLAUSE_BREAKS, later_in_clause
from .lemmas import is_infinitive, simplemma_lemma
from .lexicon import Lexicon, load_lexicon
from .token import Token
from .tokenize import tokenize

# --- teacher glossary -------------------------------------------------------------------------

Glossary = dict[str, "str | dict[str, str]"]

_OPTIONAL_ARTICLES = frozenset({"de", "het", "een"})


class _GlossaryEntry(NamedTuple):
    key: str
    words: list[str]
    gloss: str | None  # English; None when the teacher gave other languages only
    note: str | None
    languages: dict[str, str]


def _glossary_entries(glossary: Glossary) -> list[_GlossaryEntry]:
    """The entries with the words of their keys, longest phrases first so they win."""
    entries = []
    for key, value in glossary.items():
        if isinstance(value, str):
            gloss, note, languages = value, None, {}
        else:
            gloss, note = value.get("gloss"), value.get("note")
            languages = dict(value.get("languages") or {})
        words = [span.text.lower() for span in tokenize(key) if span.is_word]
        if len(words) > 1 and words[0] in _OPTIONAL_ARTICLES:
            words = words[1:]
        if words:
            entries.append(_GlossaryEntry(key, words, gloss and str(gloss), note, languages))
    return sorted(entries, key=lambda entry: -len(entry.words))


def _matches(token: Token, key_word: str) -> bool:
    return not _key_spellings(key_word).isdisjoint(_spellings(token))


def _key_spellings(key_word: str) -> frozenset[str]:
    """What a token's text or lemma may be to match a word of a glossary key or a unit:
    the word itself or simplemma's lemma of it (maatregel matches maatregelen)."""
    return frozenset({key_word.lower(), simplemma_lemma(key_word.lower())})


def _spellings(token: Token) -> tuple[str, ...]:
    """The token's text and lemma, as a unit's word may match them; a comparative's or
    superlative's lemma is another word ("beter zo" is not "goed zo": well done)."""
    if (token.tag or "").startswith(_GRADED_TAGS):
        return (token.text.lower(),)
    return tuple(dict.fromkeys((token.text.lower(), (token.lemma or "").lower())))


_GRADED_TAGS = ("ADJ-comp", "ADJ-sup")


def apply_glossary(glossary: Glossary, tokens: list[Token]) -> None:
    words = [t for t in tokens if t.is_word]
    taken: set[int] = set()
    for entry in _glossary_entries(glossary):
        key, key_words, gloss = entry.key, entry.words, entry.gloss
        size = len(key_words)
        for start in range(len(words) - size + 1):
            window = words[start : start + size]
            if any(id(t) in taken for t in window):
                continue
            if window[0].sentence != window[-1].sentence:
                continue
            if all(_matches(t, w) for t, w in zip(window, key_words, strict=True)):
                for t in window:
                    t.own_glosses = dict(entry.languages)
                    if gloss is None:
                        continue  # other languages only: the English stays the dictionary's
                    t.gloss, t.gloss_source, t.gloss_note = [gloss], "glossary", entry.note
                    t.phrase = key if size > 1 else None
                    taken.add(id(t))


# --- the dictionary's multi-word units -------------------------------------------------------


def mark_dictionary_units(lexicon: Lexicon, tokens: list[Token]) -> None:
    """Words the dictionary lists together count as one unit with the unit's meaning:
    fixed combinations in a row (met klem, ten eerste, in het echt) and a verb with its
    preposition anywhere in the clause (het bestaat uit ..., dat het uit ... bestaat)."""
    units = _unit_index()
    spelled = [_spellings(t) for t in tokens]  # once per token: most are looked at twice
    i = 0
    while i < len(tokens):
        in_a_row = _unit_in_a_row(lexicon, units, tokens, spelled, i)
        if not in_a_row and not _verb_before_its_idiom(lexicon, tokens, spelled, i):
            _verb_with_preposition(lexicon, units, tokens, i)
        i += max(1, in_a_row)


def _free(token: Token) -> bool:
    return token.is_word and not token.proper_name and token.gloss_source != "glossary"


_Unit = tuple[tuple[str, ...], tuple[frozenset[str], ...]]


@cache
def _unit_index() -> dict[str, dict[str, tuple[_Unit, ...]]]:
    """The units worth showing by their first and second word, each with, per word, the
    spellings a token's text or lemma may have to match it (the word and simplemma's lemma
    of it), longest first. Two keys, because a unit's first word is often as common as
    "de" or "in": looking up the pair keeps the analysis fast."""
    lexicon = load_lexicon()
    index: dict[str, dict[str, list[_Unit]]] = {}
    for first, units in lexicon.units().items():
        for words in units:
            if not _worth_a_unit(lexicon, words):
                continue
            spellings = tuple(_key_spellings(w) for w in words)
            for second in spellings[1]:
                index.setdefault(first, {}).setdefault(second, []).append((words, spellings))
    return {
        first: {second: tuple(units) for second, units in by_second.items()}
        for first, by_second in index.items()
    }


def _unit_in_a_row(
    lexicon: Lexicon, units: dict, tokens: list[Token], spelled: list[tuple[str, ...]], i: int
) -> int:
    """How many tokens from i on form a unit (0: none); `spelled` holds each token's
    _spellings."""
    if i + 1 >= len(tokens) or not _free(tokens[i]) or not _free(tokens[i + 1]):
        return 0
    first = tokens[i]
    for key in spelled[i]:
        by_second = units.get(key)
        if by_second is None:
            continue
        candidates = [u for second in spelled[i + 1] for u in by_second.get(second, ())]
        for words, spellings in sorted(candidates, key=lambda u: -len(u[0])):
            window = tokens[i : i + len(words)]
            if len(window) == len(words) and all(
                _free(t) and t.sentence == first.sentence and not key_word.isdisjoint(spelled[j])
                for j, t, key_word in zip(range(i, i + len(words)), window, spellings, strict=True)
            ):
                _mark_unit(lexicon, window, " ".join(words))
                return len(window)
    return 0


def _verb_with_preposition(lexicon: Lexicon, units: dict, tokens: list[Token], i: int) -> None:
    verb = tokens[i]
    if verb.pos != "VERB" or not _free(verb) or verb.phrase:
        return
    by_second = units.get((verb.lemma or "").lower(), {})
    for words, _ in sorted({u for found in by_second.values() for u in found}):
        if len(words) != 2:
            continue
        for j in (*range(i + 1, len(tokens)), *range(i - 1, -1, -1)):
            other = tokens[j]
            if other.sentence != verb.sentence or other.text in CLAUSE_BREAKS:
                break  # the clause ends (each direction is searched until its own end)
            preposition = other.tag and other.tag.startswith("VZ")
            if preposition and other.text.lower() == words[1] and _free(other) and not other.phrase:
                if _opens_a_range(tokens, j):
                    return
                _mark_unit(lexicon, [verb, other], " ".join(words))
                return


class _Idiom(NamedTuple):
    headword: str
    before: tuple[frozenset[str], ...]  # the spellings of the words before the verb
    after: tuple[frozenset[str], ...]  # ... and after it (a preposition: rekening houden met)


# Verbs whose adjective or noun after them reads as itself (het wordt beter: not "recover").
_COMPOSITIONAL_VERBS = frozenset({"zijn", "worden", "hebben", "blijven"})
# An idiom has a noun before its verb: its object (rekening houden, een afspraak maken). An
# adverb or adjective there reads as itself as often as not (weer gaan: "return", in "het
# gaat weer goed"; laat komen, hard slaan).
_IDIOM_WORDS = frozenset({"N"})


@cache
def _idiom_index() -> dict[str, tuple[_Idiom, ...]]:
    """The dictionary's verb idioms (rekening houden met, kennis maken met, een bad nemen)
    by their verb, and by the verb their last word before it makes with the verb when the
    tagger joined the two as a separable verb (kennis + maken: kennismaken)."""
    lexicon = load_lexicon()
    index: dict[str, list[_Idiom]] = {}
    for units in lexicon.units().values():
        for words in units:
            lowered = [w.lower() for w in words]
            verbs = [k for k, w in enumerate(lowered) if k and is_infinitive(lexicon, w)]
            if len(verbs) != 1 or not _worth_a_unit(lexicon, words):
                continue
            k = verbs[0]
            verb, before = lowered[k], lowered[:k]
            if verb in _COMPOSITIONAL_VERBS:
                continue
            if not any(r.pos in _IDIOM_WORDS for w in before for r in lexicon.readings(w)[:1]):
                continue  # in de war, op slot: a preposition's phrase, not the verb's object
            idiom = _Idiom(
                " ".join(words),
                tuple(_key_spellings(w) for w in before),
                tuple(_key_spellings(w) for w in lowered[k + 1 :]),
            )
            for key in {verb, before[-1] + verb}:
                index.setdefault(key, []).append(idiom)
    # longest first, so that a longer idiom wins over one it contains
    return {
        verb: tuple(sorted(idioms, key=lambda idiom: -len(idiom.before) - len(idiom.after)))
        for verb, idioms in index.items()
    }


def _verb_before_its_idiom(
    lexicon: Lexicon, tokens: list[Token], spelled: list[tuple[str, ...]], i: int
) -> bool:
    """A finite verb before the rest of its idiom in a main clause (wij houden rekening met
    u, ze maakte kennis met hem): the idiom's other words later in the clause, those before
    the verb in the dictionary's order next to each other, then those after it."""
    verb = tokens[i]
    if verb.pos != "VERB" or verb.tense not in {"present", "past"} or not _free(verb):
        return False
    idioms = _idiom_index().get((verb.lemma or "").lower())
    if not idioms or verb.phrase:
        return False
    words = [j for j in later_in_clause(tokens, i) if tokens[j].is_word]
    for idiom in idioms:
        found = _in_order(words, idiom.before, spelled)
        if found is None:
            continue
        after = _in_order(words[words.index(found[-1]) + 1 :], idiom.after, spelled)
        if after is None:
            continue
        if any(_opens_a_range(tokens, j) for j in found + after):
            continue
        window = [verb, *(tokens[j] for j in found + after)]
        if all(_free(t) and not t.phrase for t in window) and lexicon.entry(idiom.headword):
            _mark_unit(lexicon, window, idiom.headword)
            return True
    return False


def _opens_a_range(tokens: list[Token], j: int) -> bool:
    """van before a number or a time and tot opens a range (houden wij van 10.00 tot 13.00
    uur open huis), not a verb's object (houden van: love; afscheid nemen van 3 collega's)."""
    following = [t.text.lower() for t in tokens[j + 1 : j + 1 + _RANGE_REACH]]
    return (
        tokens[j].text.lower() == "van"
        and bool(following)
        and any(c.isdigit() for c in following[0])
        and "tot" in following
    )


_RANGE_REACH = 3  # van 11 tot, van 10.00 uur tot


def _in_order(
    words: list[int], spellings: tuple[frozenset[str], ...], spelled: list[tuple[str, ...]]
) -> list[int] | None:
    """The first run of `words` (token indices) next to each other whose spellings match
    (none to match: an empty run), or None."""
    size = len(spellings)
    for start in range(len(words) - size + 1):
        window = words[start : start + size]
        if all(not key.isdisjoint(spelled[j]) for j, key in zip(window, spellings, strict=True)):
            return window
    return None


def _worth_a_unit(lexicon: Lexicon, words: tuple[str, ...]) -> bool:
    """A unit worth showing has a content word and reads the same wherever it stands:
    not "naar hem" (two function words), not "het treffen" or "zich vernederen" (a verb
    with its object, whose words part in a sentence)."""
    if any(not w.isalpha() for w in words) or words[0].lower() in _NO_UNIT_START:
        return False
    if len(words) == 2 and words[0].lower() in _OPTIONAL_ARTICLES:
        return False
    # gaan naar, komen uit: the commonest verbs with a preposition mean what their words
    # mean; the dictionary's unit sense ("advance, approach") would mislead.
    first = words[0].lower()
    common = len(words) == 2 and zipf_frequency(first, "nl") >= _COMMON_VERB_ZIPF
    if common and is_infinitive(lexicon, first):
        return False
    tags = {r.pos for w in words for r in lexicon.readings(w.lower())[:1]}
    return bool(tags & {"N", "ADJ", "WW", "BW", "TW"})


_COMMON_VERB_ZIPF = 5.9
# Units that open with a reflexive, a placeholder object or "te" + verb (te doen:
# "achievable") read as the unit only in one construction; elsewhere they mislead.
_NO_UNIT_START = frozenset({"zich", "iets", "iemand", "te"})


def _mark_unit(lexicon: Lexicon, window: list[Token], headword: str) -> None:
    entry = lexicon.entry(headword)
    if entry is None:
        return
    for token in window:
        token.gloss, token.gloss_source, token.phrase = (
            [s.text for s in entry.senses],
            "lexicon",
            headword,
        )
