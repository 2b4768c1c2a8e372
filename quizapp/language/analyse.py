"""Analyse a Dutch text once, at import: tokens with lemma, tags, level, syllables and glosses.

The tagger reads each sentence for the part of speech; what follows from a word form and
its tag (lemma, gender, senses in order) is cached per form and tag. Context beyond the
tag (a separable particle later in the clause, the teacher's glossary, the dictionary's
multi-word units, names) is applied per token on top. docs/language.md explains each step.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import NamedTuple

from wordfreq import zipf_frequency

from .compounds import CONTENT_TAGS, main_reading, modifier_base, split_compound
from .derivations import derived_gloss, ing_sense
from .function_words import BEFORE_A_NUMBER_GLOSSES, FUNCTION_WORD_GLOSSES
from .lemmas import (
    SEPARABLE_PARTICLES,
    adjective_lemmas,
    is_infinitive,
    lemma_candidates,
    name_lemma,
    simplemma_lemma,
)
from .lexicon import Lexicon, Reading, Sense, load_lexicon
from .numbers import number_meaning
from .readability import brouwer, estimate_level, flesch_douma, level_for_zipf
from .senses import comparatives_first, order_senses, preferred_tags, tagged_senses
from .syllables import count_syllables, hyphenate
from .tagger import NAME_TAGS, load_tagger, main_tag, split_tag
from .tokenize import Span, tokenize

Glossary = dict[str, "str | dict[str, str]"]

# CGN main tags as the universal names learners' tools usually show.
_POS_NAMES = {
    "N": "NOUN",
    "WW": "VERB",
    "ADJ": "ADJ",
    "BW": "ADV",
    "VZ": "ADP",
    "LID": "DET",
    "VNW": "PRON",
    "VG": "CONJ",
    "TW": "NUM",
    "TSW": "INTJ",
    "NAME": "PROPN",
    "SPEC": "X",
}
_TENSES = {
    "pv-tgw": "present",
    "pv-verl": "past",
    "pv-conj": "subjunctive",
    "inf": "infinitive",
    "vd": "past participle",
    "od": "present participle",
}
_AUXILIARIES = frozenset(
    {
        "hebben",
        "zijn",
        "worden",
        "zullen",
        "kunnen",
        "moeten",
        "mogen",
        "willen",
    }
)


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    is_word: bool
    sentence: int
    paragraph: int
    lemma: str | None = None
    pos: str | None = None
    gender: str | None = None
    number: str | None = None
    tense: str | None = None
    level: str | None = None
    zipf: float | None = None
    syllables: int = 0
    hyphenated: str | None = None
    ipa: str | None = None
    proper_name: bool = False
    gloss: list[str] = field(default_factory=list)
    gloss_source: str = "none"
    gloss_note: str | None = None
    phrase: str | None = None
    tag: str | None = None
    own_glosses: dict[str, str] = field(default_factory=dict)  # the teacher's, by language


# Meanings guessed from a compound's parts or from a word's spelling: shown as guesses.
GUESSED_SOURCES = frozenset({"compound", "cognate"})

_TOKEN_FIELDS = tuple(f.name for f in fields(Token))


def token_dict(token: Token) -> dict:
    """The token as a JSON-ready dict, in field order. dataclasses.asdict deep-copies every
    value recursively, which took ten times as long as the whole analysis."""
    values = {name: getattr(token, name) for name in _TOKEN_FIELDS}
    values["gloss"] = list(token.gloss)
    values["own_glosses"] = dict(token.own_glosses)
    return values


@dataclass
class Analysis:
    stats: dict
    tokens: list[Token]
    lexicon_version: str

    def to_json(self) -> dict:
        return {
            "stats": self.stats,
            "lexicon_version": self.lexicon_version,
            "tokens": [contract_dict(token) for token in self.tokens],
        }


def contract_dict(token: Token) -> dict:
    """The token as `quizapp analyze --json` promises it to other tools: the stored fields,
    and under the names the contract gives them, the meaning shown first (or null), every
    sense in the order shown, whether the meaning is a guess (from a compound's parts or
    the word's spelling), and the multi-word unit (teacher's phrase or dictionary
    expression) the token belongs to."""
    values = token_dict(token)
    values["meaning"] = token.gloss[0] if token.gloss else None
    values["senses"] = list(token.gloss)
    values["guess"] = token.gloss_source in GUESSED_SOURCES
    values["unit"] = token.phrase
    return values


@dataclass(frozen=True, slots=True)
class WordReading:
    """What a word form means read as one part of speech, independent of its context."""

    lemma: str
    pos: str
    gender: str | None
    number: str | None
    tense: str | None
    ipa: str | None
    gloss: tuple[str, ...]
    gloss_source: str
    gloss_note: str | None
    # Per sense in `gloss`, the parts of speech (CGN main tags, "" unknown) it translates.
    gloss_pos: tuple[frozenset[str], ...] = ()


# --- per-form analysis (cached) ---------------------------------------------------------------


def _senses(lexicon: Lexicon, word: str) -> tuple[tuple[str, ...], str | None]:
    senses, ipa = tagged_senses(lexicon, word)
    return tuple(s.text for s in senses), ipa


def _noun_gender(lexicon: Lexicon, word: str) -> str | None:
    counts = {"de": 0, "het": 0}
    for r in lexicon.readings(word):
        if r.pos == "N" and r.number == "ev" and r.feature in counts:
            counts[r.feature] += r.count
    total = counts["de"] + counts["het"]
    if not total:
        return None
    # Both genders well attested (de/het pakket of "het/de soort"): show both.
    if min(counts.values()) >= 3 and min(counts.values()) >= 0.25 * total:
        return "de/het"
    return max(counts, key=counts.__getitem__)


# The senses a verb's entry gives: tagged a verb's, its own entry's read as a verb, or of
# no known part of speech.
_VERB_SENSE_POS = frozenset({"WW", "=WW", ""})


@cache
def describe(word: str, tag: str | None = None, prefer: tuple[str, ...] = ()) -> WordReading:
    """The reading of `word` as tagger tag `tag` (N-ev, WW-inf...; default: the word's most
    frequent reading in the corpus), its senses ordered for the parts of speech `prefer`
    (default: the tag's)."""
    lexicon = load_lexicon()
    if tag in {"ADJ", "N-mv"}:
        people = _adjective_as_noun(lexicon, word, tag)
        if people is not None:
            return people
    readings = lexicon.readings(word)
    compound = None
    if not readings:
        compound = split_compound(word)
        if compound is not None:
            head_reading = main_reading(lexicon.readings(compound[1].lower()))
            readings = (head_reading,) if head_reading else ()
    main = main_reading(readings)
    if tag is None or tag in NAME_TAGS:
        pos, feature, number = (main.pos, main.feature, main.number) if main else (None, "", "")
    else:
        pos, feature, number = split_tag(tag)
        nouns = {r.number for r in readings if r.pos == "N"}
        if pos == "N" and len(nouns) == 1 and number not in nouns:
            number = nouns.pop()  # "nieuws" is only ever singular, whatever its -s says
        if pos == "WW":  # a finite verb's number is the lexicon's (loopt: ev, lopen: mv)
            number = next((r.number for r in readings if r.feature == feature), "")
    if pos in {"NAME", "SPEC"}:
        pos = None
    prefer = prefer or ((pos,) if pos else ())

    if compound is not None and pos is not None:
        head_lemmas = lemma_candidates(lexicon, compound[1].lower(), pos, feature, number)
        lemmas = tuple(compound[0] + "-" * ("-" in word) + h for h in head_lemmas)
    elif pos is not None:
        lemmas = lemma_candidates(lexicon, word, pos, feature, number)
    else:
        lemmas = (simplemma_lemma(word),)

    # A finite verb's own entry is often a noun's ("plant"): its lemma is looked up first.
    # Other words keep their own entry first (laatste: last, before laat: late); an
    # inflected adjective's noun entry (Spaanse: Spanishwoman) yields to the adjective
    # senses of its lemma when the senses are ordered.
    by_lemma = pos == "WW" and feature.startswith("pv")
    keys = [*lemmas, word] if by_lemma else [word, *lemmas]
    if word.endswith("e") and pos in {"ADJ", "WW"} and not _shortened_lemma(word[:-1], lemmas):
        keys.insert(1, word[:-1])  # laatste, volgende: the uninflected form's own entry
    if pos == "TW" and any(lexicon.entry(k) for k in (word, word.lower())):
        keys = [word, word.lower()]  # an ordinal's lemma is its cardinal: tweede is not two
    found: list[tuple[Sense, ...]] = []
    source, ipa = "none", None
    # The senses of the word's own entry, or its lemma's, when the corpus reads the word
    # as this part of speech: they translate it, whatever part of speech the build gave
    # them (oogst: "harvest" is tagged a verb's).
    own = {word, lemmas[0]} if any(r.pos == pos for r in readings) else set()
    sense_pos: dict[str, set[str]] = {}
    for key in dict.fromkeys(keys):
        senses, key_ipa = tagged_senses(lexicon, key)
        for sense in senses:
            marks = (sense.pos, f"={pos}") if key in own else (sense.pos,)
            sense_pos.setdefault(sense.text, set()).update(marks)
        if senses:
            found.append(senses)
            if source == "none":
                source = "lexicon" if key == word else "lemma"
                ipa = key_ipa
    gloss = order_senses(found, prefer)
    if feature == "od" and source == "lemma":
        # komende, groeiende: the verb's senses as English says a present participle
        # (coming, growing), where no entry has the participle itself.
        verbal = {t for t, parts in sense_pos.items() if parts & _VERB_SENSE_POS}
        gloss = [ing_sense(t) if t in verbal else t for t in gloss]
        sense_pos = {(ing_sense(t) if t in verbal else t): p for t, p in sense_pos.items()}
    note = None
    as_number = number_meaning(word) if source != "lexicon" else None
    if as_number is not None:  # tienduizenden, vijfdaagse: read as numbers, not guessed
        gloss, source = [as_number, *(g for g in gloss if g != as_number)], "lexicon"
    if not gloss:
        gloss, other_pos = _other_reading_gloss(lexicon, word, readings, pos)
        source = "lemma" if gloss else "none"
        sense_pos = {text: {other_pos} for text in gloss}
    if not gloss:
        gloss, note = _cognate_gloss(lexicon, (word, *lemmas), pos)
        source = "cognate" if gloss else "none"
        sense_pos = {text: {pos or ""} for text in gloss}
    if not gloss:
        gloss, note = derived_gloss(lexicon, lemmas[0], pos)
        # A meaning built from a derivation is a guess of its own, never lent to a
        # compound it heads (verslag|gever is no "giver"): "~" fits no compound.
        sense_pos = {text: {f"~{pos}"} for text in gloss}
        if not gloss:
            gloss, note = _compound_gloss(lexicon, word, lemmas, tag, pos)
            sense_pos = {text: {pos or ""} for text in gloss}
        source = "compound" if gloss else "none"

    gender = tense = None
    if pos == "N":
        number = number or None
        gender = _noun_gender(lexicon, word) if number == "ev" else None
        for candidate in (*lemmas, *(compound[1:] if compound else ())):
            gender = gender or _noun_gender(lexicon, candidate) or _head_gender(candidate)
        gender = gender or _head_gender(word)
    elif pos == "WW":
        tense = _TENSES.get(feature)
        number = number or None
    else:
        number = None
    return WordReading(
        lemma=lemmas[0],
        pos=_POS_NAMES.get(pos or "", "X"),
        gender=gender,
        number=number,
        tense=tense,
        ipa=ipa,
        gloss=tuple(gloss),
        gloss_source=source,
        gloss_note=note,
        gloss_pos=tuple(frozenset(sense_pos.get(text, ())) for text in gloss),
    )


def _shortened_lemma(base: str, lemmas: tuple[str, ...]) -> bool:
    """Whether `base` is a lemma with its long vowel written single, as before an -e (hele
    is heel's, not the adjective hel: "bright"; grote is groot's, not grot: "cave")."""
    return len(base) >= 3 and base[:-1] + base[-2] + base[-1] in lemmas


def _head_gender(word: str) -> str | None:
    compound = split_compound(word)
    if compound is None:
        return None
    head = compound[1].lower()
    lexicon = load_lexicon()
    return _noun_gender(lexicon, head) or next(
        (_noun_gender(lexicon, lemma) for lemma in lemma_candidates(lexicon, head, "N", "")), None
    )


def _adjective_as_noun(lexicon: Lexicon, word: str, tag: str) -> WordReading | None:
    """An adjective's -e form with a plural -n is a noun for people (de jongeren, twee
    gewonden, de doden): CGN tags it ADJ, its lemma is the adjective, and it means the
    adjective's people. A base form ending in -en (gesloten, houten) has no -e form; Frog's
    corpus tags such plurals ADJ, as CGN does."""
    lowered = word.lower()
    if not lowered.endswith("en") or not lexicon.has_reading(lowered[:-1], "ADJ"):
        return None
    readings = lexicon.readings(lowered)
    adjective_uses = sum(r.count for r in readings if r.pos == "ADJ")
    noun_uses = sum(r.count for r in readings if r.pos == "N")
    if adjective_uses < 2 or adjective_uses * 4 < noun_uses:
        return None  # Frog's corpus reads it as a noun's plural (stukken; armen: arms)
    base = next(
        (b for b in adjective_lemmas(lexicon, lowered[:-1])
         if b not in {lowered, lowered[:-1]} and lexicon.has_reading(b, "ADJ")),
        None,
    )  # fmt: skip
    entry = lexicon.entry(base) if base else None
    # An adjective's senses, or a participle's (gewond: injured, wounded).
    senses = [s.text for s in entry.senses if s.pos in {"ADJ", "WW"}] if entry else []
    if base is None or not senses:
        return None  # jong's noun senses (a young animal) are not its people
    adjective = describe(base, "ADJ")
    people = f"{_first_item(senses[0])} people"
    gloss = (people, *dict.fromkeys((*senses, *adjective.gloss)))
    adjective_pos = dict(zip(adjective.gloss, adjective.gloss_pos, strict=True))
    return replace(
        adjective,
        pos=_POS_NAMES["N"] if tag == "N-mv" else adjective.pos,
        number="mv" if tag == "N-mv" else None,
        gloss=gloss,
        gloss_note=f"the adjective {base} used as a noun for people",
        # The people are a noun's sense; the adjective's keep their parts of speech.
        gloss_pos=(
            frozenset({"N"}),
            *(adjective_pos.get(g, frozenset({"ADJ"})) for g in gloss[1:]),
        ),
    )


def _first_item(sense: str) -> str:
    """A sense's first English equivalent, without its notes: "dear, expensive" -> "dear"."""
    return re.sub(r"\([^)]*\)", "", sense).split(",")[0].split(";")[0].strip()


def _other_reading_gloss(
    lexicon: Lexicon, word: str, readings: tuple[Reading, ...], pos: str | None
) -> tuple[list[str], str]:
    """When the tagged part of speech finds no entry (sluizen read as a verb, which no
    dictionary has), the senses of the word's other readings, and that reading's part of
    speech: a meaning beats none for the word itself, never for a compound's head."""
    for reading in readings:
        if reading.pos == pos or reading.pos not in CONTENT_TAGS:
            continue
        keys = lemma_candidates(lexicon, word, reading.pos, reading.feature, reading.number)
        found = [tagged_senses(lexicon, key)[0] for key in dict.fromkeys((word, *keys))]
        gloss = order_senses([f for f in found if f], (reading.pos,))
        if gloss:
            return gloss, reading.pos
    return [], ""


def _cognate_gloss(
    lexicon: Lexicon, keys: tuple[str, ...], pos: str | None
) -> tuple[list[str], str | None]:
    """For a word no dictionary has, the English word it is spelled like, when that word
    has the token's part of speech (the build checked it in English WordNet)."""
    for key in dict.fromkeys(k.lower() for k in keys):
        sense = lexicon.cognate(key)
        if sense is not None and (pos is None or sense.pos == pos):
            return [sense.text], f"guess from its spelling: like English {sense.text}"
    return [], None


def _compound_gloss(
    lexicon: Lexicon, word: str, lemmas: tuple[str, ...], tag: str | None, pos: str | None
) -> tuple[list[str], str | None]:
    """The head's senses, read as the whole word is tagged (bond|genoten: the plural of
    genoot, not the participle of genieten), with a note naming both parts' meanings."""
    # The lemma first: bondgenoten splits as bond|genoot once it is bondgenoot.
    lemma_heads: dict[str, str] = {}  # the lemma's head by its modifier
    for candidate in dict.fromkeys((*lemmas, word)):
        compound = split_compound(candidate)
        if compound is None:
            continue
        modifier, head = compound
        same_word = head.lower() == candidate.lower()
        head_tag = None if tag is None or tag in NAME_TAGS else tag
        if candidate != word:
            lemma_heads[modifier.lower()] = head.lower()
            if head_tag is not None:  # the lemma's form: bondgenoot
                head_tag = _LEMMA_TAGS.get(main_tag(head_tag))
        head_reading = None if same_word else describe(head.lower(), head_tag)
        lemma_head = lemma_heads.get(modifier.lower()) if candidate == word else None
        if lemma_head and head_reading and head_reading.lemma.lower() != lemma_head:
            continue  # bond|genoten is bond|genoot's plural: genoten is then no genot
        gloss = _head_gloss(head_reading, pos)
        if head_reading is None or not gloss:
            continue
        base = modifier_base(lexicon, modifier.lower().rstrip("-")) or modifier
        modifier_senses, _ = _senses(lexicon, base)
        if not modifier_senses:
            modifier_senses = _senses(lexicon, simplemma_lemma(base.lower()))[0]
        modifier_text = f"{modifier} ({modifier_senses[0]})" if modifier_senses else modifier
        note = f"guess from its parts: {modifier_text} + {head} ({gloss[0]})"
        return gloss, note
    return [], None


# The senses' parts of speech a compound's head may lend it, by the compound's tag: a noun's
# head lends noun senses only (NAVO-bondgenoten is no form of genieten, "enjoy"); an
# adjective's may be a participle's (langverwacht); "" is a sense of unknown part of speech,
# "=N" one of the head's own entry when the head is read as a noun (see describe).
_HEAD_SENSE_POS = {
    "N": frozenset({"N", "", "=N"}),
    "ADJ": frozenset({"ADJ", "BW", "WW", "", "=ADJ"}),
    "WW": frozenset({"WW", "ADJ", "", "=WW"}),
}


def _head_gloss(head_reading: WordReading | None, pos: str | None) -> list[str]:
    """The head's senses for a compound of main tag `pos`: none unless the head has a sense
    of that part of speech, and those first (the rest stay under "More meanings")."""
    if head_reading is None:
        return []
    allowed = _HEAD_SENSE_POS.get(pos or "")
    if allowed is None:
        return list(head_reading.gloss)
    missing = len(head_reading.gloss) - len(head_reading.gloss_pos)
    parts_of = head_reading.gloss_pos + (frozenset(),) * max(0, missing)
    pairs = list(zip(head_reading.gloss, parts_of, strict=False))
    fitting = [text for text, parts in pairs if parts & allowed]
    return [*fitting, *(text for text, _ in pairs if text not in fitting)] if fitting else []


# The tag of a lemma, by the main tag of the form it stands for.
_LEMMA_TAGS = {"N": "N-ev", "WW": "WW-inf", "ADJ": "ADJ"}


@cache
def form_facts(word: str) -> tuple[float, str, int, str]:
    """(zipf, level, syllables, hyphenated): properties of the spelling alone."""
    zipf = zipf_frequency(word, "nl")
    return zipf, level_for_zipf(zipf), count_syllables(word), hyphenate(word)


# --- context ----------------------------------------------------------------------------------


def _starts(spans: list[Span]) -> set[int]:
    """Positions where a capital says nothing: a sentence's first word, and the first word
    after an opening quote or a colon ('Gaskraan dicht', zei hij: "Goed")."""
    starts, seen = set(), set()
    for i, span in enumerate(spans):
        if not span.is_word:
            continue
        previous = spans[i - 1].text if i else ""
        if span.sentence not in seen or previous in _OPENERS:
            starts.add(i)
        seen.add(span.sentence)
    return starts


_OPENERS = frozenset({'"', "'", "‘", "“", "«", ":", "("})


_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", '"', "“", "”", ",,", "''"})

# Forms of the copulas: an adjective in their clause says what something is (de fout is
# direct zichtbaar); elsewhere an adjective that is not before its noun says how something
# is done (hij wees direct naar de stip: immediately), where CGN still tags it ADJ.
_COPULA_FORMS = frozenset(
    {"is", "was", "waren", "zijn", "ben", "bent", "geweest", "wezen", "wordt", "word"}
    | {"worden", "werd", "werden", "geworden", "blijft", "blijf", "blijven", "bleef", "bleven"}
    | {"gebleven", "lijkt", "lijk", "lijken", "leek", "leken", "geleken", "blijkt", "blijken"}
    | {"bleek", "bleken", "gebleken", "heet", "heten", "raakt", "raken", "raakte", "raakten"}
    | {"geraakt", "schijnt", "schijnen", "scheen", "schenen", "vind", "vindt", "vinden"}
    | {"vond", "vonden", "gevonden", "maakt", "maken", "maakte", "maakten", "gemaakt"}
)


def _clauses(spans: list[Span], tags: list[str]) -> Iterator[list[int]]:
    """The indices of each clause: a sentence's stretch between commas and conjunctions."""
    clause: list[int] = []
    for i, span in enumerate([*spans, None]):
        boundary = span is None or span.text in _CLAUSE_BREAKS or tags[i].startswith("VG")
        if boundary and span is not None and _comparing(spans, tags, i):
            boundary = False  # meer dan tienduizend hectare: a comparison, not a clause
        if boundary or (clause and span.sentence != spans[clause[-1]].sentence):
            if clause:
                yield clause
            clause = []
            if boundary:
                continue
        clause.append(i)


# Words before which dan compares (meer dan, minder dan, eerder dan), besides comparatives.
_COMPARING_WORDS = frozenset({"meer", "minder", "eerder", "liever", "anders", "ander"})


def _comparing(spans: list[Span], tags: list[str], i: int) -> bool:
    """dan after a comparative compares two things and opens no clause of its own."""
    if not i or _word(spans[i]) != "dan":
        return False
    return tags[i - 1].endswith("-comp") or _word(spans[i - 1]) in _COMPARING_WORDS


def _adverbial_clauses(spans: list[Span], tags: list[str], clauses: list[list[int]]) -> set[int]:
    """Indices of the words of the clauses that have a finite verb but no copula, nor a
    verb that takes a predicate (iets duidelijk maken, vinden): there an adjective not
    before its noun is an adverb."""
    found: set[int] = set()
    for clause in clauses:
        finite = any(tags[i].startswith("WW-pv") for i in clause)
        if finite and not any(_word(spans[i]) in _COPULA_FORMS for i in clause):
            found.update(clause)
    return found


def _stative_clauses(spans: list[Span], tags: list[str], clauses: list[list[int]]) -> set[int]:
    """Indices of the words of the clauses whose verb says what something is or stays (is,
    blijft, lijkt), with no form of worden or hebben: there a past participle says a state,
    as an adjective does (de deelname is verplicht: compulsory; de winkel is gesloten:
    closed), not something done to someone (compel)."""
    found: set[int] = set()
    previous: list[int] = []
    for clause in clauses:
        words = {_word(spans[i]) for i in clause}
        # A clause without a finite verb shares the one before it (is mooi meegenomen, maar
        # niet verplicht).
        elliptic = (
            previous
            and spans[previous[-1]].sentence == spans[clause[0]].sentence
            and not any(tags[i].startswith("WW-pv") for i in clause)
        )
        stative = bool(words & _STATE_COPULAS) and not words & _ACTION_AUXILIARIES
        if stative or (elliptic and previous[0] in found):
            found.update(clause)
        previous = clause
    return found


def _before_a_participle(spans: list[Span], tags: list[str], i: int) -> bool:
    """An adjective right before a participle says how it happened (sterk gestegen:
    strongly, snel gegaan: quickly), unless the participle is a copula's (ziek geworden:
    the adjective is what he became)."""
    if i + 1 >= len(spans) or tags[i + 1] not in {"WW-vd", "WW-od"}:
        return False
    return _word(spans[i + 1]) not in _COPULA_FORMS


def _word(span: Span) -> str:
    return span.text.lower() if span.is_word else ""


_STATE_COPULAS = frozenset(
    {"is", "was", "waren", "zijn", "ben", "bent", "geweest", "blijft", "blijf", "blijven"}
    | {"bleef", "bleven", "lijkt", "lijken", "leek", "leken", "blijkt", "blijken", "bleek"}
    | {"bleken", "raakt", "raken", "raakte", "raakten", "schijnt", "schijnen", "scheen"}
)
_ACTION_AUXILIARIES = frozenset(
    {"wordt", "word", "worden", "werd", "werden", "geworden", "heb", "hebt", "heeft"}
    | {"hebben", "had", "hadden", "gehad"}
)


def _separable_verbs(tokens: list[Token]) -> None:
    """Join a separable verb's particle with its verb: a finite verb with its particle later
    in the clause (riep ... op -> oproepen), and an infinitive after particle + te
    (door te brengen -> doorbrengen)."""
    lexicon = load_lexicon()
    for i, token in enumerate(tokens):
        if token.pos != "VERB" or token.lemma in _AUXILIARIES:
            continue
        if token.tense == "infinitive":
            if i >= 2 and tokens[i - 1].text.lower() == "te" and _is_particle(tokens, i - 2):
                _join_particle(lexicon, token, tokens[i - 2], "before")
            continue
        if token.tense not in {"present", "past"}:
            continue
        for j in range(i + 1, len(tokens)):
            other = tokens[j]
            if other.sentence != token.sentence or other.text in _CLAUSE_BREAKS:
                break
            if (other.tag or "").startswith("WW-pv"):
                break  # ga naar bed en sta op: a later particle is the nearer verb's
            if _is_particle(tokens, j) and _join_particle(lexicon, token, other, "later"):
                break


def _copula_worden(tokens: list[Token], clauses: list[list[int]]) -> None:
    """worden with a past participle in its clause is the passive (wordt gebouwd: is
    being built, "be"); without one it says what something becomes (het wordt koud, hij
    werd president, is duidelijk geworden: "become"). Its participle geworden is never
    the passive's. Each leads with its sense, whichever the lexicon puts first."""
    for clause in clauses:
        verbs = [i for i in clause if tokens[i].lemma == "worden" and tokens[i].gloss]
        if not verbs:
            continue
        passive = any(
            (tokens[i].tag or "").startswith("WW-vd") and tokens[i].lemma != "worden"
            for i in clause
        )
        for i in verbs:
            token = tokens[i]
            wanted = "be" if passive and token.text.lower() != "geworden" else "become"
            first = [g for g in token.gloss if wanted in g.split(", ")]
            token.gloss = [*first, *(g for g in token.gloss if g not in first)]


def _before_numbers(tokens: list[Token]) -> None:
    """ruim, krap, dik before a number say how exact it is (ruim 300: over 300), a number
    in figures or in words (ruim twee jaar, ruim een uur)."""
    for token, after in zip(tokens, tokens[1:], strict=False):
        meaning = BEFORE_A_NUMBER_GLOSSES.get(token.text.lower())
        if meaning is None or after.sentence != token.sentence or token.pos == "VERB":
            continue  # ruim een plek in: the verb inruimen
        if after.pos == "NUM" or (after.tag or "").startswith("TW") or after.text == "een":
            token.gloss = [meaning, *(g for g in token.gloss if g != meaning)]
            token.gloss_note = f"{token.text} before a number"


_PRONOMINAL_ADVERBS = frozenset({"er", "daar", "hier", "waar"})


def _split_pronominal_adverbs(tokens: list[Token]) -> None:
    """Daar ... van is daarvan split by the sentence (daar heb ik last van): the adverb
    means what the joined word means (of that), and its preposition is part of it."""
    for i, token in enumerate(tokens):
        if token.tag != "VNW" or token.text.lower() not in _PRONOMINAL_ADVERBS:
            continue
        for j in range(i + 1, len(tokens)):
            other = tokens[j]
            if other.sentence != token.sentence or other.text in _CLAUSE_BREAKS:
                break
            joined = token.text.lower() + other.text.lower()
            if _without_object(tokens, j) and joined in FUNCTION_WORD_GLOSSES:
                meaning = list(FUNCTION_WORD_GLOSSES[joined])
                token.gloss = [*meaning, *(g for g in token.gloss if g not in meaning)]
                other.gloss = list(meaning)
                token.gloss_note = f"{joined}, with {other.text} later in the sentence"
                other.gloss_note = f"part of {joined} ({token.text} earlier in the sentence)"
                break


def _without_object(tokens: list[Token], j: int) -> bool:
    """A preposition with nothing to govern: tagged so (VZ-fin), or followed by the verbs
    or the end of its clause (daar de dupe van worden)."""
    tag = tokens[j].tag or ""
    if tag == "VZ-fin":
        return True
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    return tag.startswith("VZ") and (after is None or not after.is_word or after.pos == "VERB")


def _is_particle(tokens: list[Token], j: int) -> bool:
    """The tagger marks a preposition-like particle VZ-fin (riep ... op); an adverb,
    adjective or noun particle (kwam terug, liet vrij, vond plaats) stands at the end of
    its clause or right before the verbs there."""
    other = tokens[j]
    if not other.is_word or other.gloss_note is not None:
        return False  # not a word, or already part of something (waar ... aan)
    if other.tag == "VZ-fin":
        return True
    if other.tag not in {"BW", "ADJ", "N-ev"} and other.text.lower() not in SEPARABLE_PARTICLES:
        return False
    before = tokens[j - 1] if j else None
    if (
        before is not None
        and before.tag
        and before.tag.startswith(("VZ", "LID", "VNW"))
        and before.text.lower() not in _PERSONAL_PRONOUNS
    ):
        return False  # naar school, de deur: the word heads a phrase of its own
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    if after is None or after.sentence != other.sentence:
        return True
    if not after.is_word:
        # punctuation ends the clause; a number is what the word governs (in 1881, rond 0.30)
        return not after.text[:1].isalnum()
    following = after.text.lower()
    if after.pos == "VERB" or following == "te":
        return True
    # A preposition cannot govern another (geef het door aan haar), nor a clause (zoekt uit
    # waar, merkte op hoe, trok zich terug als): before either, a preposition is a particle,
    # and so are the particles that may stand before a phrase of their own.
    phrase_follows = (after.tag or "").startswith("VZ") or following in _CLAUSE_OPENERS
    preposition = (other.tag or "").startswith("VZ")
    return phrase_follows and (preposition or other.text.lower() in _BEFORE_A_PHRASE)


# Words that open a clause and never follow a preposition as its object (unlike wat, wie).
_CLAUSE_OPENERS = frozenset({"dat", "of", "hoe", "waar", "waarom", "wanneer", "als", "om"})


# Pronouns that never stand before a noun (unlike je, haar, ons, hun): keren we terug, belde
# hem op.
_PERSONAL_PRONOUNS = frozenset(
    {"ik", "jij", "hij", "zij", "ze", "we", "wij", "u", "jullie", "hem", "hen", "me", "mij"}
    | {"het", "zich", "iets", "niets", "alles", "zichzelf", "mezelf", "elkaar"}
    | {"iemand", "niemand", "iedereen"}
)


# A directional particle may come before a phrase of its own: keren we terug naar het oude
# ritme, neemt het mee naar huis. In the UD Dutch dev sets these words before a preposition
# are a verb's particle 19 times in 30. So are the noun and adverb particles of the verbs
# news writes with a phrase after them: vindt plaats in, neemt deel aan, werkt samen met,
# komt overeen met, maakte kennis met (a determiner before the word still makes it a noun:
# een deel van).
_BEFORE_A_PHRASE = frozenset(
    {"terug", "weg", "mee", "binnen", "buiten", "thuis"}
    | {"plaats", "deel", "samen", "overeen", "kennis"}
)


def _join_particle(lexicon: Lexicon, token: Token, particle: Token, where: str) -> bool:
    verb = particle.text.lower() + (token.lemma or "")
    if not (is_infinitive(lexicon, verb) or _dictionary_verb(lexicon, verb)):
        return False  # aan + denken is no verb: het aandenken is a keepsake
    reading = describe(verb, "WW-inf")  # terugkeren the verb, not het terugkeren
    base = token.lemma
    token.lemma = verb
    token.gloss_note = f"separable verb {verb} ({particle.text} {where} in the sentence)"
    if reading.gloss:
        guessed = reading.gloss_source in GUESSED_SOURCES
        token.gloss = list(reading.gloss)
        token.gloss_source = reading.gloss_source if guessed else "lemma"
        token.ipa = reading.ipa  # the pronunciation that goes with these senses
    elif token.gloss:
        # No dictionary has the verb (doorgeven): its base's meaning is all there is, and
        # it is a guess (door|geven is "pass on", not "give").
        token.gloss_source = "compound"
        token.gloss_note = f"guess from its parts: {particle.text} + {base} ({token.gloss[0]})"
    # The particle means what its verb means here: "op" in "belde ... op" is not "on". Its
    # lemma stays the particle's, as treebanks and dictionaries write it.
    particle.gloss = list(token.gloss)
    particle.gloss_note = f"part of the separable verb {verb}"
    return True


# Prefixes that are never a verb's particle, though spelled like a word (ver: far):
# verhaasten is not haasten ... ver.
_INSEPARABLE_PREFIXES = ("ver", "be", "ont", "her", "er", "ge")


def _dictionary_verb(lexicon: Lexicon, word: str) -> bool:
    """A verb too rare for Frog's corpus that the dictionary has as one (droogleggen:
    drain, in "meren droog te leggen"); a form the corpus has is a verb only if it says so
    (is_infinitive)."""
    entry = lexicon.entry(word)
    return (
        entry is not None
        and not word.startswith(_INSEPARABLE_PREFIXES)
        and not lexicon.readings(word)
        and any(sense.pos == "WW" for sense in entry.senses)
    )


# --- teacher glossary -------------------------------------------------------------------------

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
    return tuple(dict.fromkeys((token.text.lower(), (token.lemma or "").lower())))


def _apply_glossary(glossary: Glossary, tokens: list[Token]) -> None:
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


def _dictionary_units(lexicon: Lexicon, tokens: list[Token]) -> None:
    """Words the dictionary lists together count as one unit with the unit's meaning:
    fixed combinations in a row (met klem, ten eerste, in het echt) and a verb with its
    preposition anywhere in the clause (het bestaat uit ..., dat het uit ... bestaat)."""
    units = _unit_index()
    i = 0
    while i < len(tokens):
        in_a_row = _unit_in_a_row(lexicon, units, tokens, i)
        if not in_a_row:
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


def _unit_in_a_row(lexicon: Lexicon, units: dict, tokens: list[Token], i: int) -> int:
    """How many tokens from i on form a unit (0: none)."""
    if i + 1 >= len(tokens) or not _free(tokens[i]) or not _free(tokens[i + 1]):
        return 0
    first = tokens[i]
    for key in _spellings(first):
        by_second = units.get(key)
        if by_second is None:
            continue
        candidates = [u for second in _spellings(tokens[i + 1]) for u in by_second.get(second, ())]
        for words, spellings in sorted(candidates, key=lambda u: -len(u[0])):
            window = tokens[i : i + len(words)]
            if len(window) == len(words) and all(
                _free(t) and t.sentence == first.sentence and not spelled.isdisjoint(_spellings(t))
                for t, spelled in zip(window, spellings, strict=True)
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
            if other.sentence != verb.sentence or other.text in _CLAUSE_BREAKS:
                break  # the clause ends (each direction is searched until its own end)
            preposition = other.tag and other.tag.startswith("VZ")
            if preposition and other.text.lower() == words[1] and _free(other) and not other.phrase:
                _mark_unit(lexicon, [verb, other], " ".join(words))
                return


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


# --- entry point ------------------------------------------------------------------------------


def analyse_text(text: str, glossary: Glossary | None = None) -> Analysis:
    lexicon = load_lexicon()
    spans = tokenize(text)
    starts = _starts(spans)
    tags = _tag_sentences(spans)
    names = _names(spans, tags, starts)
    clauses = list(_clauses(spans, tags))
    adverbial = _adverbial_clauses(spans, tags, clauses)
    stative = _stative_clauses(spans, tags, clauses)

    tokens: list[Token] = []
    append = tokens.append
    for i, span in enumerate(spans):
        text_, start, end, is_word, is_number, sentence, paragraph = span
        if not is_word:
            pos, lemma = ("NUM", text_) if is_number else ("PUNCT", None)
            append(Token(text_, start, end, False, sentence, paragraph, lemma, pos, tag=tags[i]))
            continue
        zipf, level, syllables, hyphenated = form_facts(text_.lower())
        if i in names:
            append(
                Token(
                    text_, start, end, True, sentence, paragraph, lemma=name_lemma(lexicon, text_),
                    pos="PROPN",
                    level=level, zipf=zipf, syllables=syllables, hyphenated=hyphenated,
                    proper_name=True, tag=tags[i],
                )
            )  # fmt: skip
            continue
        word = text_.lower() if i in starts and _known_lowercase(text_) else text_
        following = tags[i + 1] if i + 1 < len(tags) else "LET"
        attributive = following.startswith("N-") and following != "N-eigen"
        prefer = preferred_tags(
            tags[i],
            attributive=attributive or (tags[i] == "WW-vd" and i in stative),
            before_modifier=main_tag(following) in {"ADJ", "BW"}
            or (tags[i] == "ADJ" and not attributive and i in adverbial)
            or (tags[i] == "ADJ" and _before_a_participle(spans, tags, i)),
        )
        reading = describe(word, tags[i], prefer)
        gloss = list(reading.gloss)
        if tags[i] == "ADJ-comp":
            gloss = comparatives_first(gloss)
        append(
            Token(
                text_, start, end, True, sentence, paragraph, reading.lemma, reading.pos,
                reading.gender, reading.number, reading.tense, level, zipf, syllables,
                hyphenated, reading.ipa, False, gloss, reading.gloss_source,
                reading.gloss_note, tag=tags[i],
            )
        )  # fmt: skip

    _split_pronominal_adverbs(tokens)  # first: waar ... aan takes its aan
    _before_numbers(tokens)
    _copula_worden(tokens, clauses)
    _separable_verbs(tokens)
    if glossary:
        _apply_glossary(glossary, tokens)
    _dictionary_units(lexicon, tokens)
    _lemma_levels(tokens)
    return Analysis(_stats(tokens), tokens, lexicon.version)


def _lemma_levels(tokens: list[Token]) -> None:
    """A word's level is its lemma's: acties is as hard as actie, durend as duren, and the
    pop-up, the word list and its CSV agree whichever form the learner met."""
    for token in tokens:
        if token.is_word and not token.proper_name and token.lemma:
            zipf, level, _, _ = form_facts(token.lemma.lower())
            if zipf > 0:
                token.zipf, token.level = zipf, level


def _tag_sentences(spans: list[Span]) -> list[str]:
    """The tagger's tag of every span, sentence by sentence."""
    tagger = load_tagger()
    tags: list[str] = []
    start = 0
    for end in range(1, len(spans) + 1):
        if end == len(spans) or spans[end].sentence != spans[start].sentence:
            tags += tagger.tag([span.text for span in spans[start:end]])
            start = end
    return tags


def _names(spans: list[Span], tags: list[str], starts: set[int]) -> set[int]:
    """The spans that are (parts of) proper names: tagged so and written with a capital, or
    a capitalised foreign word the dictionary lacks (Nord Stream); and a lower-case word
    the tagger puts inside a name between two of them (Marieke de Vries)."""
    lexicon = load_lexicon()
    names = set()
    for i, span in enumerate(spans):
        word = span.text
        if not span.is_word or not word[0].isupper():
            continue
        if i in starts and lexicon.entry(word.lower()) is not None:
            continue  # at a sentence's start the capital proves nothing ("Gaskraan dicht")
        if "-" in word and word.rpartition("-")[2].islower():
            continue  # NAVO-bondgenoten: a name's compound with a common noun is that noun
        foreign = tags[i] == "SPEC" and i not in starts  # Nord Stream, inside a sentence
        if tags[i] in NAME_TAGS or foreign or _unknown(word):
            names.add(i)
    for i in range(1, len(spans) - 1):
        if tags[i] == "SPEC-deeleigen" and {i - 1, i + 1} <= names:
            names.add(i)
    return names


def _unknown(word: str) -> bool:
    """A capitalised word the lexicon has never seen, in any spelling or as a compound, is a
    name the corpus did not know (Biden at a sentence's start), whatever its tag."""
    lexicon = load_lexicon()
    if lexicon.is_known(word) or lexicon.is_known(word.lower()):
        return False
    return split_compound(word) is None


@cache
def _known_lowercase(word: str) -> bool:
    return load_lexicon().is_known(word.lower())


def _stats(tokens: list[Token]) -> dict:
    words = [t for t in tokens if t.is_word]
    sentences = len({t.sentence for t in words})
    syllables = sum(t.syllables for t in words)
    douma = flesch_douma(len(words), sentences, syllables)
    levels = [t.level for t in words if not t.proper_name and t.level]
    return {
        "words": len(words),
        "sentences": sentences,
        "douma": round(douma, 1),
        "brouwer": round(brouwer(len(words), sentences, syllables), 1),
        "level": estimate_level(douma, levels),
        "unglossed": sorted({t.text for t in words if not t.proper_name and not t.gloss}),
    }
