"""Which meaning a learner sees first: a word's senses ordered for the part of speech its
sentence gives it."""

from __future__ import annotations

import re
from dataclasses import replace

from wordfreq import zipf_frequency

from .function_words import FUNCTION_WORD_GLOSSES
from .lexicon import Lexicon, Sense
from .tagger import READING_SHARE, main_tag


def tagged_senses(lexicon: Lexicon, word: str) -> tuple[tuple[Sense, ...], str | None]:
    """The entry's senses, heaviest first; a hand-written function word's have no tag."""
    if word.lower() in FUNCTION_WORD_GLOSSES:
        return tuple(Sense(t, "", 1.0) for t in FUNCTION_WORD_GLOSSES[word.lower()]), None
    for key in dict.fromkeys((word, word.lower())):
        entry = lexicon.entry(key)
        if entry is not None:
            return _connectives_as_adverbs(lexicon, key, entry.senses), entry.ipa
    return (), None


def _connectives_as_adverbs(
    lexicon: Lexicon, word: str, senses: tuple[Sense, ...]
) -> tuple[Sense, ...]:
    """FreeDict calls some connectives conjunctions that Dutch grammar, and so the tagger,
    calls adverbs (dus: "so, thus", tagged VG, before the adverb's "then"; echter, zo):
    where the corpus reads the word as an adverb only, those senses are the adverb's."""
    if not any(sense.pos == "VG" for sense in senses):
        return senses
    readings = lexicon.readings(word)
    total = sum(r.count for r in readings)
    adverb = sum(r.count for r in readings if r.pos == "BW")
    # Readings rarer than the tagger's noise share do not count (dus: 1 conjunction in
    # 37,542); al is a pronoun too, and a conjunction.
    if adverb < (1 - READING_SHARE) * total:
        return senses
    return tuple(replace(s, pos="BW") if s.pos == "VG" else s for s in senses)


def order_senses(found: list[tuple[Sense, ...]], prefer: tuple[str, ...]) -> list[str]:
    """The senses of every key looked up (word, lemmas), in the order a learner should see
    them: those of the part of speech the sentence needs first (key order, then weight),
    then the other preferred parts of speech, then senses of unknown part of speech, then
    the rest (each of these by key first, then part of speech and weight).
    A sense whose English words are only nouns cannot translate a verb token."""

    def rank(sense: Sense, key: int) -> tuple[int, int, int]:
        if prefer and sense.pos == prefer[0]:
            return 0, 0, key
        # Past the part of speech the sentence needs, the word's own entry comes before
        # its lemma's: "niet meer" is meer's "no longer" before veel's "much".
        if sense.pos in prefer:
            return 1, key, prefer.index(sense.pos)
        return (2 if not sense.pos else 3), key, 0

    ordered = sorted(
        ((*rank(sense, k), i, sense.text) for k, senses in enumerate(found)
         for i, sense in enumerate(senses)),
    )  # fmt: skip
    return list(dict.fromkeys(text for *_, text in ordered))


def preferred_tags(tag: str | None, attributive: bool, before_modifier: bool) -> tuple[str, ...]:
    """The senses' parts of speech that fit a token, best first. CGN tags an adjective
    used as an adverb ADJ (heel mooi), and a participle used as an adjective WW (before
    its noun, de afgelopen maanden, or saying a state, de deelname is verplicht): there
    the adverb's and the adjective's senses fit best (`attributive`)."""
    if tag is None:
        return ()
    main = main_tag(tag)
    if main == "ADJ":
        return ("BW", "ADJ") if before_modifier else ("ADJ", "BW")
    if main == "WW" and tag in {"WW-vd", "WW-od"}:
        return ("ADJ", "WW") if attributive else ("WW", "ADJ")
    return _RELATED_TAGS.get(main, (main,))


_RELATED_TAGS = {
    "BW": ("BW", "ADJ"),
    "VZ": ("VZ", "BW"),
    "VNW": ("VNW", "TW", "LID", "BW"),  # veel, weinig: quantifiers, numerals to Wiktionary
    "LID": ("LID", "VNW"),
    "N": ("N",),
    "WW": ("WW",),
}


# Dutch adjectives whose ending English says with -ly when they qualify a verb (persoonlijk:
# personally, technisch: technically, relatief: relatively, verbazingwekkend: amazingly).
# The short common adjectives are left out: used as adverbs they say what English says in
# other words (gewoon: just, kort: briefly, not shortly; groot, vol, flink), and -ig words
# with them (nodig hebben: need, not "necessarily"); so are -loos words, which mostly say a
# state (bewusteloos op de grond: unconscious, not "unconsciously").
_MANNER_ENDINGS = ("lijk", "isch", "ief", "eel", "aal", "baar", "zaam", "end")


def says_manner(word: str, lemma: str | None) -> bool:
    """Whether an adjective, read as an adverb, is one English says with -ly: its
    uninflected form (Dutch adverbs take no -e: de nieuwe is no "newly"), of such an ending."""
    lowered = word.lower()
    if lowered != (lemma or "").lower():
        return False
    # the ending after a stem of its own (gelijk is no ge|lijk derivation)
    return any(lowered.endswith(e) and len(lowered) - len(e) >= 3 for e in _MANNER_ENDINGS)


def adverbs_of_adjectives(gloss: list[str], gloss_pos: tuple[frozenset[str], ...]) -> list[str]:
    """An adjective used as an adverb (ze koos bewust, hij groeide sterk) said as English
    says an adverb: each adjective sense's words with -ly where English has that adverb
    ("aware, conscious" -> "consciously"; "aware" has none and is left out). A sense with
    no such adverb, and the adverb senses the word has, stay as they are."""
    parts = list(gloss_pos) + [frozenset()] * (len(gloss) - len(gloss_pos))
    said = []
    for sense, pos in zip(gloss, parts, strict=False):
        if "BW" in pos or not pos & {"ADJ", "=ADJ"}:
            said.append(sense)
            continue
        adverbs = [a for w in sense.split(", ") if (a := english_adverb(w)) is not None]
        earlier = {w for text in said for w in text.split(", ")}
        new = [a for a in dict.fromkeys(adverbs) if a not in earlier]
        if new:
            said.append(", ".join(new))
        elif not adverbs:
            said.append(sense)  # no adverb English has: the adjective is all there is
    return list(dict.fromkeys(said))


# English adjectives that are their own adverb (work hard, arrive late), or have none.
_FLAT_ADVERBS = frozenset(
    {"fast", "hard", "late", "early", "straight", "long", "high", "low", "far", "near"}
    | {"wide", "deep", "daily", "weekly", "monthly", "yearly", "right", "wrong", "well"}
    | {"much", "little", "more", "less", "enough", "alone", "ahead", "alike", "free"}
)
_IRREGULAR_ADVERBS = {"good": "well"}
_ADVERB_MIN_ZIPF = 2.0  # asexually 2.0, consciously 3.5; awarely, concernedly 0


def english_adverb(adjective: str) -> str | None:
    """The English adverb of a one-word adjective (conscious -> consciously, gentle ->
    gently, basic -> basically, happy -> happily), its own form for a flat adverb (hard),
    or None where English has none in use (aware)."""
    word = adjective.strip()
    if word in _IRREGULAR_ADVERBS:
        return _IRREGULAR_ADVERBS[word]
    if word in _FLAT_ADVERBS:
        return word
    if not word.isalpha() or not word.islower() or word.endswith("ly"):
        return None
    candidates = [word + "ly"]
    if word.endswith("y"):
        candidates.append(word[:-1] + "ily")
    if word.endswith("le"):
        candidates.append(word[:-1] + "y")
    if word.endswith("ic"):
        candidates.append(word + "ally")
    if word.endswith("ue"):
        candidates.append(word[:-1] + "ly")  # true: truly
    if word.endswith("ull"):
        candidates.append(word + "y")  # full: fully (not tall: tally, all: ally)
    best = max(candidates, key=lambda c: zipf_frequency(c, "en"))
    return best if zipf_frequency(best, "en") >= _ADVERB_MIN_ZIPF else None


def comparatives_first(gloss: list[str]) -> list[str]:
    """A Dutch comparative's senses with an English comparative first, whatever their part
    of speech: later (hij kwam later) is "later", not "hind, hindmost"; beter "better", not
    "rather". "more" and "further" do not count: they are the words of other senses too
    (langer: "further, more, on, else", from niet langer)."""
    compared = [sense for sense in gloss if any(_is_comparative(w) for w in _words(sense))]
    return [*compared, *(sense for sense in gloss if sense not in compared)]


_IRREGULAR_COMPARATIVES = frozenset({"better", "worse"})
# Words that make a sense say a comparative ("more often", "no longer", "further").
_COMPARING_WORDS = frozenset({"more", "less", "fewer", "further", "longer"})


def says_comparative(sense: str) -> bool:
    """Whether an English sense says a comparative: later, more often, further."""
    return any(w in _COMPARING_WORDS or _is_comparative(w) for w in _words(sense))


# English modals and the past a Dutch past-tense modal needs (zou: would, kon: could).
# Not may: mocht is "was allowed to" more often than "might".
_MODAL_PASTS = {
    "will": "would", "shall": "should", "can": "could", "must": "had to", "have to": "had to",
}  # fmt: skip


def modal_past(sense: str) -> str:
    """A sense with its English modals in the past, put first: "go, will, shall" for zou
    reads "would, should, go"; a sense with none is kept as it is."""
    items = [item.strip() for item in sense.split(",")]
    past = [_MODAL_PASTS[item] for item in items if item in _MODAL_PASTS]
    if not past:
        return sense
    rest = [item for item in items if item not in _MODAL_PASTS and item not in past]
    return ", ".join(dict.fromkeys([*past, *rest]))


def _words(sense: str) -> list[str]:
    return [w for w in re.split(r"[^a-z]+", sense.lower()) if w]


def _is_comparative(word: str) -> bool:
    """An English comparative: better, worse, or a base English uses with -er (later: late,
    bigger: big, easier: easy); not rather, number, other. An agent noun passes too
    (teacher), but an adjective's senses hold none."""
    if word in _IRREGULAR_COMPARATIVES:
        return True
    if not word.endswith("er") or len(word) < 5:
        return False
    stem = word[:-2]
    bases = {stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem}
    if stem.endswith("i"):
        bases.add(stem[:-1] + "y")
    return any(zipf_frequency(base, "en") >= _COMPARATIVE_BASE_ZIPF for base in bases if base)


# A base this common in English text is a word the comparative is made from (late 5.0;
# "numb" 3.5 and "rath" 2.7 are rarer).
_COMPARATIVE_BASE_ZIPF = 4.0


def degree_senses(gloss: list[str], grading: bool) -> list[str]:
    """An adverb's senses ordered by whether it grades the adjective after it. Before the
    word it grades (zo groot, even groot, zo veel) the degree sense comes first: "so", not
    zo's "thus, this way"; anywhere else a sense that is only a degree ("equally", "as") comes
    after the others: wacht even, even later, ik ben even weg are "a moment", not "equally".
    A degree word is judged by each sense's first English word; a sense is only a degree
    when its next word is one too (dus: "so, thus" is no degree)."""
    if grading:
        degree = [sense for sense in gloss if _first_word(sense) in _DEGREE_WORDS][:1]
        return [*degree, *(sense for sense in gloss if sense not in degree)]
    equative = [sense for sense in gloss if _only_equative(sense)]
    if len(equative) == len(gloss):
        return gloss
    return [*(sense for sense in gloss if sense not in equative), *equative]


def determiner_senses(gloss: list[str], plural: bool) -> list[str]:
    """A pronoun's senses before its noun (geen auto, deze man, veel mensen): those led by
    an English determiner first, of them those that agree with the noun's number (this,
    not these, before man; many, not much, before mensen), else in their order: geen reads
    "no", not "nobody, none"; welke "which", before the relative's "that, who"."""
    disagreeing = _SINGULAR_DETERMINERS if plural else _PLURAL_DETERMINERS

    def rank(sense: str) -> tuple[bool, bool]:
        first = _first_word(sense)
        return first not in _DETERMINERS, first in disagreeing

    return sorted(gloss, key=rank)


# English determiners, by the number of the noun they stand before; the rest go with both.
_SINGULAR_DETERMINERS = frozenset(
    {"this", "that", "a", "an", "every", "each", "much", "little", "either", "neither",
     "another", "such a", "a little"}
)  # fmt: skip
_PLURAL_DETERMINERS = frozenset({"these", "those", "many", "few", "several", "both", "a few"})
_DETERMINERS = (
    _SINGULAR_DETERMINERS
    | _PLURAL_DETERMINERS
    | {"no", "some", "any", "all", "the", "my", "your", "his", "her", "its", "our", "their",
       "which", "what", "whose", "such", "enough", "a lot of", "other"}
)  # fmt: skip


def _only_equative(sense: str) -> bool:
    """A sense led by an equative and, if it has a second word, another (even: "equally,
    alike, all the same"), not one whose next word says something else (dus: "so, thus,
    accordingly")."""
    items = [item.strip().lower() for item in sense.split(",")]
    return all(item in _DEGREE_WORDS | _EQUATIVE_WORDS for item in items[1:2]) and (
        items[0] in _EQUATIVE_WORDS
    )


def _first_word(sense: str) -> str:
    return sense.split(",", 1)[0].strip().lower()


# English words of degree: equatives (equally big, so big) and intensifiers. "as" is an
# equative too, but it leads comparing senses that are no degree (dan: "as, like").
_EQUATIVE_WORDS = frozenset({"as", "so", "equally", "alike", "likewise", "just as"})
_DEGREE_WORDS = (_EQUATIVE_WORDS - {"as"}) | {"very", "too", "quite", "rather", "extremely"}
