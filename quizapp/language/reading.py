"""What a word form means read as one part of speech, whatever its context: describe
(lemma, gender, number, tense, senses in order, or a guess from a compound's parts or the
spelling) and form_facts (what the spelling alone says).

Its own module because all of it depends on the form and the tag only, which is what lets
it be cached per form; the sentence's rules (context.py) build on it, never the other way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from wordfreq import zipf_frequency

from .compounds import CONTENT_TAGS, main_reading, modifier_base, split_compound
from .derivations import (
    comparative_sense,
    derived_gloss,
    ing_sense,
    participle_sense,
    superlative_sense,
)
from .function_words import AUXILIARY_VERBS
from .lemmas import (
    APOSTROPHE_DIMINUTIVE,
    SEPARABLE_PARTICLES,
    adjective_lemmas,
    lemma_candidates,
    simplemma_lemma,
)
from .lexicon import Entry, Lexicon, Reading, Sense, load_lexicon
from .numbers import number_meaning
from .readability import level_for_zipf
from .senses import modal_past, order_senses, says_comparative, tagged_senses
from .syllables import count_syllables, hyphenate
from .tagger import NAME_TAGS, main_tag, split_tag

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


def _senses(lexicon: Lexicon, word: str) -> tuple[tuple[str, ...], str | None]:
    senses, ipa = tagged_senses(lexicon, word)
    return tuple(s.text for s in senses), ipa


def _rewritten(
    gloss: list[str],
    sense_pos: dict[str, set[str]],
    change: Callable[[str], str],
    chosen: set[str],
) -> tuple[list[str], dict[str, set[str]]]:
    """The senses, and their parts of speech, with `change` made to the `chosen` ones (a
    participle's -ing, a superlative's -est, a modal's past). Two senses the change makes
    one are shown once, with the parts of speech of both (volgend: "following" is a sense
    of its own and the -ing of "follow")."""

    def new(text: str) -> str:
        return change(text) if text in chosen else text

    new_pos: dict[str, set[str]] = {}
    for text, parts in sense_pos.items():
        new_pos.setdefault(new(text), set()).update(parts)
    return list(dict.fromkeys(new(t) for t in gloss)), new_pos


# An adjective's degrees (its CGN feature) and how English says a sense in each.
_DEGREES: dict[str, Callable[[str], str]] = {
    "comp": comparative_sense,
    "sup": superlative_sense,
}


def _comparative_first(
    gloss: list[str],
    sense_pos: dict[str, set[str]],
    gradable: set[str],
    other_pos: set[str],
    own: set[str],
) -> tuple[list[str], dict[str, set[str]]]:
    """A comparative whose first sense says no comparative: the sense that says its
    positive's comparative leads (verder: "further, beyond", English's comparative of ver's
    "far"); else, where that first sense is its positive's own (langer: lang's "long"; vaker:
    vaak's "often"), the positive's senses as English grades them lead (longer, more often),
    and the positive's senses of other parts of speech go (lager is not laag's "layer"). An
    entry of the form's own that says something else is kept: vroeger is "formerly", not
    "earlier"."""
    graded = {t: _common_comparatives(comparative_sense(t)) for t in gloss if t in gradable}
    graded = {t: g for t, g in graded.items() if g != t}
    words = {w.strip() for g in graded.values() for w in g.split(",")}
    saying = [t for t in gloss if words & {w.strip() for w in t.split(",")}]
    if saying:
        return [saying[0], *(t for t in gloss if t != saying[0])], sense_pos
    if not graded or gloss[0] in own:
        return gloss, sense_pos
    kept = [t for t in gloss if t not in other_pos]
    kept, sense_pos = _rewritten(kept, sense_pos, graded.get, set(graded))
    first = list(graded.values())
    return list(dict.fromkeys([*first, *kept])), sense_pos


# An English word this rare graded with "more" is no comparative a reader needs (later,
# "more tardy"; hoger, "more lofty"): Zipf 3.5 keeps "more distant", "more often".
_COMMON_GRADED_ZIPF = 3.5


def _common_comparatives(sense: str) -> str:
    items = [item.strip() for item in sense.split(",")]
    kept = [
        item
        for item in items
        if not item.startswith("more ")
        or zipf_frequency(item.removeprefix("more "), "en") >= _COMMON_GRADED_ZIPF
    ]
    return ", ".join(kept or items)


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


# A form read as a singular noun this often is a word of its own (schepen: alderman).
_OWN_SINGULAR_SHARE = 0.1


def _singular_translates_plural(
    lexicon: Lexicon, word: str, lemma: str, readings: tuple[Reading, ...]
) -> bool:
    """Whether a plural noun's singular entry should come before the plural's own. The
    plural's own translates it (gegevens: data, kosten: costs) unless it has no noun sense
    (the infinitive spelled alike: oogsten "gather", before oogst's "harvest") or the corpus
    also reads the form as a singular noun of its own (schepen: alderman, not ships; koren:
    grain, not choirs). A singular entry with only an adjective's or an adverb's senses is
    another word's (kras: brisk, for krassen: scratches)."""
    singular = lexicon.entry(lemma)
    if lemma == word or singular is None:
        return False
    if not any(s.pos in {"N", "WW", ""} for s in singular.senses):
        return False
    return not _entry_is_the_plurals(lexicon, word, lemma, readings)


def _entry_is_the_plurals(
    lexicon: Lexicon, word: str, lemma: str, readings: tuple[Reading, ...]
) -> bool:
    entry = lexicon.entry(word) or lexicon.entry(word.lower())
    if entry is None or not any(s.pos == "N" for s in entry.senses):
        return False
    # A plural's entry that says some of its singular's senses in the plural is no meaning
    # of its own, only a part of the singular's (leden: "party, following, supporters"; lid:
    # "member, supporter, ..."): the singular's order is the better one. One that leads
    # with its singular's English plural keeps it (ouders: parents, dingen: things).
    singular = lexicon.entry(lemma)
    if singular is not None and _noun_words(entry) & _noun_words(singular):
        first = _first_noun_item(entry)
        return first.endswith("s") and first.removesuffix("s") in _noun_words(singular)
    nouns = [r for r in readings if r.pos == "N"]
    singular = sum(r.count for r in nouns if r.number == "ev")
    return singular < _OWN_SINGULAR_SHARE * sum(r.count for r in nouns)


def _noun_words(entry: Entry) -> set[str]:
    """The English words of an entry's noun senses, a final -s off (supporters: supporter)."""
    items = (item.strip() for s in entry.senses if s.pos == "N" for item in s.text.split(","))
    return {item.removesuffix("s") for item in items if item}


def _first_noun_item(entry: Entry) -> str:
    first = next(s.text for s in entry.senses if s.pos == "N")
    return first.split(",")[0].strip()


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
    by_lemma = by_lemma or (
        pos == "N"
        and number == "mv"
        and _singular_translates_plural(lexicon, word, lemmas[0], readings)
    )
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
    # A participle before its noun or saying a state (de gebroken ruit, de ruit is gebroken)
    # is an adjective: its own entry's senses (betrokken: concerned) and its verb's, as
    # English says a participle (broken, published), read as an adjective's.
    attributive = feature == "vd" and prefer[:1] == ("ADJ",)
    participles: set[str] = set()  # the verb's senses to say as participles
    positive: set[str] = set()  # a graded form's lemma's adjective senses (groot: big)
    positive_adverbs: set[str] = set()  # ... and adverb senses (vaak: often)
    not_graded: set[str] = set()  # ... and its other senses (laag: layer)
    elsewhere: set[str] = set()  # the senses of the other entries looked up
    for key in dict.fromkeys(keys):
        senses, key_ipa = tagged_senses(lexicon, key)
        if feature in _DEGREES and key == lemmas[0] and key not in {word, word[:-1]}:
            positive = {sense.text for sense in senses if sense.pos == "ADJ"}
            positive_adverbs = {sense.text for sense in senses if sense.pos == "BW"}
            not_graded = {sense.text for sense in senses if sense.pos != "ADJ"}
        else:
            elsewhere.update(sense.text for sense in senses)
        if attributive:
            senses = _as_adjective(senses, key == lemmas[0], participles)
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
        gloss, sense_pos = _rewritten(gloss, sense_pos, ing_sense, verbal)
    if participles:
        gloss, sense_pos = _rewritten(
            gloss, sense_pos, lambda text: participle_sense(lexicon, text), participles
        )
    if feature == "pv-verl" and lemmas[0] in AUXILIARY_VERBS:  # zou, kon: would, could
        gloss, sense_pos = _rewritten(gloss, sense_pos, modal_past, set(sense_pos))
    if positive and source == "lemma":
        # grootste, duurder: the adjective's senses as English says a superlative or a
        # comparative (biggest, more expensive), where no entry has the form itself (beste:
        # best has, beter: better). Its lemma's senses of other parts of speech are no
        # senses of the graded form (lagere is not "layer", laag's noun).
        gloss = [text for text in gloss if text not in not_graded - elsewhere]
        gloss, sense_pos = _rewritten(gloss, sense_pos, _DEGREES[feature], positive)
    elif feature == "comp" and gloss and not says_comparative(gloss[0]):
        gloss, sense_pos = _comparative_first(
            gloss, sense_pos, positive | positive_adverbs, not_graded - elsewhere, elsewhere
        )
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
        source = "compound"
        if not gloss:
            # One language's listing says more than the parts (zeespiegel: "sea level",
            # not spiegel's "mirror"), and is as much a guess: lent to no compound either.
            gloss, note = _listed_gloss(lexicon, (word, *lemmas), pos)
            sense_pos = {text: {f"~{pos}"} for text in gloss}
            source = "listing"
        if not gloss:
            gloss, note = _compound_gloss(lexicon, word, lemmas, tag, pos)
            sense_pos = {text: {pos or ""} for text in gloss}
            source = "compound"
        if not gloss and pos == "WW":
            gloss, note = _particle_verb_gloss(lexicon, word, lemmas[0], tag)
            sense_pos = {text: {pos} for text in gloss}
        if not gloss:
            source = "none"

    gender = tense = None
    if pos == "N":
        number = number or None
        gender = _noun_gender(lexicon, word) if number == "ev" else None
        for candidate in (*lemmas, *(compound[1:] if compound else ())):
            gender = gender or _noun_gender(lexicon, candidate) or _head_gender(candidate)
        gender = gender or _head_gender(word)
        if APOSTROPHE_DIMINUTIVE.match(lemmas[0]):
            gender = "het"  # every diminutive is a het-word, whatever its base (de foto)
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


def _as_adjective(
    senses: tuple[Sense, ...], of_the_verb: bool, participles: set[str]
) -> tuple[Sense, ...]:
    """An attributive participle's senses read as an adjective's: the participle's own
    entry's (gebroken: "broken", whatever part of speech the build gave it; not a noun's:
    de gepensioneerde, "pensioner"), and the verb's own senses (of_the_verb), whose texts
    join `participles` to be said as such."""
    if not of_the_verb:
        return tuple(sense if sense.pos == "N" else replace(sense, pos="ADJ") for sense in senses)
    verbal = [sense for sense in senses if sense.pos in {"WW", ""}]
    participles.update(sense.text for sense in verbal)
    return tuple(replace(sense, pos="ADJ") if sense in verbal else sense for sense in senses)


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


def _listed_gloss(
    lexicon: Lexicon, keys: tuple[str, ...], pos: str | None
) -> tuple[list[str], str | None]:
    """For a word no dictionary has, what the one dictionary into Dutch that lists it
    says, when that has the token's part of speech."""
    for key in dict.fromkeys(k.lower() for k in keys):
        sense = lexicon.listed(key)
        if sense is not None and sense.pos == pos:  # a word the tagger cannot place is none
            return [sense.text], "guess: only one dictionary lists this word"
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
        english = PARTICLE_ENGLISH.get(modifier.lower()) if pos == "WW" else None
        if english is not None:
            modifier_text = f"{modifier} ({english})"
        else:
            modifier_text = f"{modifier} ({modifier_senses[0]})" if modifier_senses else modifier
        note = f"guess from its parts: {modifier_text} + {head} ({gloss[0]})"
        if english is not None:
            gloss = with_particle(gloss, verb_senses(head_reading), english)
        return gloss, note
    return [], None


def verb_senses(reading: WordReading) -> set[str]:
    """The senses of a reading that are a verb's (or of no known part of speech)."""
    return {
        text
        for text, parts in zip(reading.gloss, reading.gloss_pos, strict=False)
        if parts & {"WW", "=WW", ""} or not parts
    }


# voorbij| before voor|: the longest particle a lemma starts with is its own
_PARTICLES_LONGEST_FIRST = sorted(SEPARABLE_PARTICLES, key=lambda p: (-len(p), p))


def _particle_verb_gloss(
    lexicon: Lexicon, word: str, lemma: str, tag: str | None
) -> tuple[list[str], str | None]:
    """A separable verb no dictionary has, as its base verb says it, with its particle's
    English where it has one: teruggekregen "get back" (terug + gekregen), a guess. The
    compounds' split refuses particles as modifiers (voor|stel is no compound), so verbs
    come here."""
    lowered = word.lower()
    for particle in _PARTICLES_LONGEST_FIRST:
        base = lemma[len(particle) :]
        if not lemma.startswith(particle) or lexicon.entry(base) is None:
            continue
        form = lowered[len(particle) :] if lowered.startswith(particle) else base
        reading = describe(form, tag)
        if not reading.gloss:
            return [], None
        gloss = list(reading.gloss)
        english = PARTICLE_ENGLISH.get(particle)
        if english is not None:
            gloss = with_particle(gloss, verb_senses(reading), english)
        said = f"{particle} ({english})" if english else particle
        return gloss, f"guess from its parts: {said} + {base} ({reading.gloss[0]})"
    return [], None


# Separable particles whose English is one particle in nearly every verb they make:
# terug|krijgen is get back, weg|blazen blow away, open|duwen push open. (Op, af, uit,
# door, aan and the like make verbs English says in words of their own: doorgeven is pass
# on, not give through. Mee is "along" in half of them only: play along, but meebetalen is
# not pay along. Thuis is "home" after a verb of motion, "at home" after the others: come
# home, work at home.)
PARTICLE_ENGLISH = {
    "terug": "back", "weg": "away", "rond": "around",
    "samen": "together", "voort": "on", "neer": "down", "open": "open", "dicht": "shut",
    "los": "loose", "stil": "still", "wakker": "awake", "klaar": "ready", "schoon": "clean",
}  # fmt: skip


def with_particle(gloss: list[str], verbal: set[str], english: str) -> list[str]:
    """A separable verb's senses guessed from its base verb's (`gloss`; `verbal` are its
    verb senses) and its particle's English: the particle after each one-word alternative
    of a verb sense ("have, receive" -> "have back, receive back"). Longer alternatives
    already say more than the verb (stay over), and the senses of the base's other parts of
    speech (krijg: "war") are kept as they are."""

    def said(sense: str) -> str:
        single = [a.strip() for a in sense.split(",") if a.strip() and " " not in a.strip()]
        if sense not in verbal or not single:
            return sense
        return ", ".join(f"{a} {english}" for a in single)

    return [said(sense) for sense in gloss]


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
