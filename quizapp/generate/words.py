"""Word facts the generators share: inflection classes, stop words, spelling and sense checks,
and a bank of frequent Dutch word forms grouped by part of speech and inflection.

The lexicon answers questions about one form at a time; the bank adds the query the
generators need ("forms with this part of speech and inflection near this frequency") by
walking wordfreq's list of the most frequent Dutch words once and asking the lexicon about
each. Everything is sorted, so the bank is the same on every machine.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from wordfreq import top_n_list, zipf_frequency

from quizapp.language.categories import english_categories
from quizapp.language.lemmas import lemma_candidates, simplemma_lemma
from quizapp.language.lexicon import Reading, load_lexicon
from quizapp.normalise import edit_distance

CONTENT_POS = ("NOUN", "VERB", "ADJ", "ADV")
_CGN = {"NOUN": "N", "VERB": "WW", "ADJ": "ADJ", "ADV": "BW"}
_UPOS = {tag: upos for upos, tag in _CGN.items()}
_TENSE_FEATURES = {
    "present": "pv-tgw",
    "past": "pv-verl",
    "subjunctive": "pv-conj",
    "infinitive": "inf",
    "past participle": "vd",
    "present participle": "od",
}
_VOWELS = set("aeiou")


def words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words a gap or a question must never be about: auxiliaries, modal and light verbs, and the
# frequent adverbs and adjectives that work as function words. The tagger calls many of them
# content words, but a learner filling in "ook" or "worden" practises nothing of the text.
STOP_WORDS = words_of(
    """
    zijn ben bent is was waren geweest wezen hebben heb hebt heeft had hadden gehad
    worden word wordt werd werden geworden zullen zal zult zou zouden kunnen kan kun kunt
    kon konden gekund moeten moet moest moesten gemoeten mogen mag mocht mochten gemogen
    willen wil wilt wilde wilden wou gewild gaan ga gaat ging gingen gegaan komen kom komt
    kwam kwamen gekomen doen doe doet deed deden gedaan laten laat liet lieten gelaten
    krijgen krijgt kreeg kregen gekregen maken maakt maakte maakten gemaakt staan staat
    stond stonden gestaan blijven blijft bleef bleven gebleven zeggen zegt zei zeiden gezegd
    ook niet nog wel al maar zo dan nu weer meer veel heel erg hier daar waar er toen
    echter even eens toch dus alleen zelfs steeds vaak soms altijd nooit misschien ongeveer
    bijna zeer te erop eraan ervan erover ermee erin erbij erna ervoor hierover daarover
    waarover anders verder vooral vooraf wat iets niets iemand niemand alles ieder elk elke
    iedere ander andere eigen zelf zelfde goed goede beter best beste groot grote klein
    kleine nieuw nieuwe oud oude eerste laatste volgende hele heel geheel
    naartoe vandaan heen toe mee langs terug hoelang hoeveel hoever hoezo waarom wanneer
    welk welke hoe wie waarheen waarvandaan af uit op aan in om door over voor na bij tegen
    mee achter onder boven tussen sinds zoals zowel ofwel namelijk immers wellicht
    """
)


def looks_english(word: str) -> bool:
    """A form that is far more frequent in English than in Dutch (hot, happy, high, were):
    in a Dutch word bank it is a loanword at best, and a learner sees it as a giveaway."""
    lower = word.lower()
    return zipf_frequency(lower, "en") - zipf_frequency(lower, "nl") >= 0.5


# Never offered as a distractor, whatever their frequency: words a teacher would not put
# in front of a class.
_UNSUITABLE = words_of(
    """
    kut lul pik neuken geneukt hoer hoeren klootzak klootzakken kanker tering tyfus
    godverdomme verdomme slet sletten stront poep pis zeik shit fuck seks sex porno sperma
    tieten naakt verkracht blondje blondjes wijf wijven reet kont
    verkrachten verkrachting nazi nazi's neger negers homo flikker mongool
    moslim moslims jood joden christen christenen islamieten allochtonen buitenlanders
    zwarten blanken vluchtelingen terroristen terrorist moord moorden zelfmoord
    wiet hasj drugs cocaïne heroïne xtc joint joints racisme racist racisten discriminatie
    """
)

# The register filter in English: a word any of whose dictionary meanings is sexual, rude,
# about a religion, a people or violent death is never an option (the lexicon's frequent
# words gave "vagina", "abortion", "islam" and "blondje": a blonde) — whatever the text.
_TABOO_ENGLISH = words_of(
    """vagina vulva penis genitals genital sex sexual intercourse copulate copulation
    erection orgasm masturbate masturbation condom semen sperm breast breasts nipple
    nipples buttocks bum arse ass anus whore prostitute prostitution brothel bitch slut
    rape raped rapist porn pornography pornographic nude naked abortion fetus foetus
    homosexual gay lesbian queer blonde blond nigger negro islam islamic muslim moslem
    jew jewish judaism christian christianity catholic protestant hindu buddhist religion
    allah murder murderer suicide corpse genocide terrorist terrorism fuck shit crap piss
    bastard idiot moron retard cripple marijuana cannabis cocaine heroin narcotic racism racist"""
)

_PERSON_WORDS = words_of(
    """man woman person people child sir gentleman lady soldier soldiers officer
    military member citizen friend leader president chairman minister king queen
    companion colleague counterpart girl girls boy boys kid kids baby children student
    pupil farmer neighbour neighbor resident visitor guest patient doctor teacher
    witness witnesses supporter spectator candidate nurse"""
)
# Groups that act as people do: "Sommige {boeren ~naties} klagen" takes both.
_AGENT_WORDS = words_of(
    """nation nations country countries state states people group groups company companies
    party parties government team teams organisation organization club union family army
    crowd public press council city town village"""
)


def is_agent_noun(word: str) -> bool:
    """A person or a group that can act like one (nation, company, team, press)."""
    if is_person_noun(word):
        return True
    return any((item.split() or [""])[-1] in _AGENT_WORDS for item in sense_items(senses_of(word)))


def main_pos(word: str) -> str | None:
    """The lexicon's part of speech for most uses of the form (N, WW, ADJ, BW, ...)."""
    readings = [r for r in load_lexicon().readings(word) if r.pos != "SPEC"]
    if not readings:
        return None
    counts: dict[str, int] = {}
    for reading in readings:
        counts[reading.pos] = counts.get(reading.pos, 0) + reading.count
    return max(sorted(counts), key=lambda pos: counts[pos])


# Dutch suffixes that make nouns for people (zondaar, medewerker, journalist, chauffeur).
_PERSON_SUFFIXES = (
    *("aar", "aars", "werker", "werkers", "genoot", "genoten", "ist", "isten"),
    *("eur", "eurs", "ling", "lingen", "ster", "sters"),
)


def is_person_noun(word: str) -> bool:
    """A noun for people, by its English senses: militairen (soldiers), meneer (sir),
    leiders (leader). A person in a gap takes person distractors nowhere: "tienduizenden
    Russische artiesten" would fit where "militairen" stood."""
    if word.lower().endswith(_PERSON_SUFFIXES):
        return True
    for item in sense_items(senses_of(word)):
        last = item.split()[-1] if item.split() else ""
        if (
            last in _PERSON_WORDS
            or last.endswith(("er", "or", "ist", "ian", "ant"))
            and (
                last
                not in {
                    "power",
                    "paper",
                    "water",
                    "order",
                    "letter",
                    "number",
                    "matter",
                    "border",
                    "center",
                    "corner",
                    "danger",
                    "answer",
                    "chapter",
                    "error",
                    "factor",
                    "sector",
                    "color",
                    "colour",
                    "honor",
                    "honour",
                    "computer",
                    "meter",
                    "disaster",
                    "summer",
                    "winter",
                    "weather",
                    "dinner",
                    "flower",
                    "finger",
                    "river",
                    "silver",
                    "register",
                    "theater",
                    "theatre",
                    "cancer",
                    "monster",
                    "tower",
                    "powder",
                    "pepper",
                    "butter",
                    "plant",
                    "giant",
                    "elephant",
                    "restaurant",
                    "grant",
                    "merchant",
                    "instant",
                    "quarter",
                }
            )
        ):
            return True
    return False


# --------------------------------------------------------------------------- inflection


def _adjective_bases(stem: str) -> list[str]:
    """Base forms an inflected adjective's stem may come from: hog -> hoog, dikk -> dik,
    liev -> lief, boz -> boos."""
    bases = [stem]
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        bases.append(stem[:-1])
    short_vowel = len(stem) >= 2 and stem[-1] not in _VOWELS and stem[-2] in _VOWELS
    if short_vowel and (len(stem) < 3 or stem[-3] not in _VOWELS):
        bases.append(stem[:-1] + stem[-2] + stem[-1])
    for voiced, plain in (("v", "f"), ("z", "s")):
        for base in list(bases):
            if base.endswith(voiced):
                bases.append(base[:-1] + plain)
    return bases


def _adjective_base(stem: str) -> str | None:
    lexicon = load_lexicon()
    if len(stem) < 2:
        return None
    return next((b for b in _adjective_bases(stem) if lexicon.has_reading(b, "ADJ")), None)


@cache
def adjective_form(word: str) -> tuple[str, str]:
    """(inflection, base): base / e / er / ere / st / ste, by spelling and the lexicon."""
    for ending in ("ste", "st", "ere", "er", "e"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            base = _adjective_base(word[: -len(ending)])
            if base is not None:
                return ending, base
    return "base", word


def _verb_class(feature: str, number: str, word: str) -> tuple[str, ...]:
    if feature == "pv-tgw" and number == "ev":
        # "vreest" and "vrees" are both present singular; only one fits a given subject.
        return ("VERB", feature, number, "t" if word.endswith("t") else "stem")
    if feature == "od":
        return ("VERB", feature, "e" if word.endswith("e") else "")
    return ("VERB", feature, number or "")


def reading_class(word: str, reading: Reading) -> tuple[str, ...] | None:
    """The inflection class of a form read one way; forms that can stand in for each other
    in a sentence share a class."""
    if reading.pos == "N":
        if reading.number == "ev" and reading.feature in ("de", "het"):
            return ("NOUN", "ev", reading.feature)
        if reading.number == "mv":
            return ("NOUN", "mv")
        return None
    if reading.pos == "WW":
        return _verb_class(reading.feature, reading.number, word)
    if reading.pos == "ADJ":
        return ("ADJ", adjective_form(word)[0])
    if reading.pos == "BW":
        return ("ADV",)
    return None


def token_class(token: dict) -> tuple[str, ...] | None:
    """The class of a word as the analysis read it in its sentence, checked by the lexicon:
    None unless the lexicon has a reading of the form with the analysis's part of speech."""
    pos = token.get("pos")
    if pos not in _CGN:
        return None
    word = token["text"]
    readings = [r for r in load_lexicon().readings(word) if r.pos == _CGN[pos]]
    if not readings:
        return None
    if pos == "NOUN":
        if token.get("number") == "mv":
            return ("NOUN", "mv")
        gender = unambiguous_gender(word)
        return ("NOUN", "ev", gender) if gender else None
    if pos == "VERB":
        feature = _TENSE_FEATURES.get(token.get("tense") or "")
        if feature is None:
            return None
        match = [r for r in readings if r.feature == feature]
        if not match:
            return None
        number = token.get("number") or match[0].number
        return _verb_class(feature, number if feature.startswith("pv") else "", word)
    return reading_class(word, readings[0])


def unambiguous_gender(word: str) -> str | None:
    """de or het when the tagger's corpus has the singular noun (nearly) always so."""
    counts = {"de": 0, "het": 0}
    for r in load_lexicon().readings(word):
        if r.pos == "N" and r.number == "ev" and r.feature in counts:
            counts[r.feature] += r.count
    total = counts["de"] + counts["het"]
    if total < 3:
        return None
    winner = max(counts, key=lambda g: (counts[g], g))
    return winner if counts[winner] >= 0.95 * total else None


def describe_class(word_class: tuple[str, ...]) -> str:
    pos = word_class[0]
    if pos == "NOUN":
        return "plural noun" if word_class[1] == "mv" else f"singular {word_class[2]}-noun"
    if pos == "VERB":
        names = {v: k for k, v in _TENSE_FEATURES.items()}
        text = names.get(word_class[1], word_class[1])
        if word_class[1].startswith("pv"):
            text += " plural" if word_class[2] == "mv" else " singular"
            if len(word_class) > 3:
                text += " with -t" if word_class[3] == "t" else " without -t"
        return f"verb, {text}"
    if pos == "ADJ":
        return "adjective" + ("" if word_class[1] == "base" else f" ending in -{word_class[1]}")
    return "adverb"


# --------------------------------------------------------------------------- likeness


def fold(word: str) -> str:
    """A spelling with accents, hyphens, apostrophes, case and the ij ligature folded away."""
    text = unicodedata.normalize("NFKD", word.replace("ĳ", "ij").replace("Ĳ", "IJ"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[-'’ ]", "", text.casefold())


def is_spelling_variant(a: str, b: str) -> bool:
    """Equal once folded, or one or two letters apart (hoog/hooge, actie/aktie)."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    return min(len(fa), len(fb)) >= 4 and edit_distance(fa, fb) <= 2


@cache
def lemmas_of(word: str) -> frozenset[str]:
    """Every lemma the form could have, under any of its readings."""
    lexicon = load_lexicon()
    found = {word, simplemma_lemma(word)}
    for reading in lexicon.readings(word):
        if reading.pos in ("N", "WW", "ADJ"):
            found.update(lemma_candidates(lexicon, word, reading.pos, reading.feature))
    if lexicon.has_reading(word, "ADJ"):
        found.add(adjective_form(word)[1])
    return frozenset(f.lower() for f in found)


def shares_lemma(a: str, b: str) -> bool:
    return bool(lemmas_of(a.lower()) & lemmas_of(b.lower()))


_SENSE_SPLIT = re.compile(r"[,;/]|\bor\b")
_SENSE_NOISE = re.compile(r"\([^)]*\)|^\s*(?:to|be|a|an|the)\s+")


def sense_items(senses: list[str] | tuple[str, ...]) -> frozenset[str]:
    """The English equivalents in a list of senses, normalised: "to fear, be afraid (of)"
    gives {"fear", "afraid"}."""
    items = set()
    for sense in senses:
        for piece in _SENSE_SPLIT.split(sense.lower()):
            piece = _SENSE_NOISE.sub("", piece).strip(" .!?'\"")
            piece = _SENSE_NOISE.sub("", piece).strip()
            if piece:
                items.add(piece)
    return frozenset(items)


def senses_overlap(a: list[str] | tuple[str, ...], b: list[str] | tuple[str, ...]) -> bool:
    return bool(sense_items(a) & sense_items(b))


@cache
def senses_of(word: str) -> tuple[str, ...]:
    """English senses of a form and of its lemmas, from the lexicon."""
    lexicon = load_lexicon()
    found: list[str] = []
    for key in sorted(lemmas_of(word.lower()) | {word.lower()}):
        entry = lexicon.entry(key)
        if entry is not None:
            found += [s.text for s in entry.senses if s.text not in found]
    return tuple(found)


def _heads(items: frozenset[str], cgn_pos: str) -> set[str]:
    """The head word of each English equivalent: a verb's first word ("live in" -> live),
    a noun's last ("race track" -> track)."""
    heads = set()
    for item in items:
        words = item.split()
        if words:
            heads.add(words[0] if cgn_pos == "WW" else words[-1])
    return heads


def categories_from(senses: list[str] | tuple[str, ...], cgn_pos: str) -> frozenset[str]:
    """WordNet categories of the English equivalents in a list of senses, read as nouns
    (cgn_pos "N") or verbs ("WW")."""
    found: set[str] = set()
    for head in _heads(sense_items(senses), cgn_pos):
        found.update(english_categories(head, cgn_pos))
    return frozenset(found)


def main_categories(senses: list[str] | tuple[str, ...], cgn_pos: str) -> frozenset[str]:
    """The category of what the first sense's English equivalents usually mean (each one's
    most frequent WordNet sense): barn is a building, whatever else a shed may be."""
    found: set[str] = set()
    for head in _heads(sense_items(senses[:1]), cgn_pos):
        found.update(english_categories(head, cgn_pos)[:1])
    return frozenset(found)


@cache
def categories_of(word: str, cgn_pos: str) -> frozenset[str]:
    """WordNet categories of a Dutch form's meanings with that part of speech (N or WW),
    through the English senses of the form and its lemmas: maanden and weken are both
    "time", zitten and wonen both "stative"."""
    lexicon = load_lexicon()
    senses: list[str] = []
    for key in sorted(lemmas_of(word.lower()) | {word.lower()}):
        entry = lexicon.entry(key)
        if entry is not None:
            senses += [s.text for s in entry.senses if s.pos in (cgn_pos, "")]
    return categories_from(senses, cgn_pos)


# --------------------------------------------------------------------------- the bank


@dataclass(frozen=True, slots=True)
class BankWord:
    text: str
    zipf: float
    word_class: tuple[str, ...]


BANK_SIZE = 40000
# A distractor should be a word a learner may have met: not rarer than this.
_MIN_ZIPF = 2.8
# The main reading must be most of the form's uses, so its class is not a guess.
_MAIN_SHARE = 0.7


class WordBank:
    def __init__(self, words: list[BankWord]) -> None:
        by_class: dict[tuple[str, ...], list[BankWord]] = {}
        for word in words:
            by_class.setdefault(word.word_class, []).append(word)
        self._by_class = {
            key: sorted(group, key=lambda w: (w.zipf, w.text)) for key, group in by_class.items()
        }

    def near(self, word_class: tuple[str, ...], zipf: float, width: float) -> list[BankWord]:
        """Words of the class with a Zipf frequency within `width` of `zipf`, sorted."""
        group = self._by_class.get(word_class, [])
        keys = [w.zipf for w in group]
        low = bisect_left(keys, zipf - width)
        high = bisect_left(keys, zipf + width + 1e-9)
        return group[low:high]

    def classes(self) -> list[tuple[str, ...]]:
        return sorted(self._by_class)


@cache
def word_bank() -> WordBank:
    lexicon = load_lexicon()
    words = []
    for form in top_n_list("nl", BANK_SIZE):
        if len(form) < 3 or not form.isalpha() or not form.islower():
            continue
        if form in STOP_WORDS or looks_english(form):
            continue
        readings = [r for r in lexicon.readings(form) if r.pos != "SPEC"]
        total = sum(r.count for r in readings)
        if not readings or readings[0].count < 5 or readings[0].count < _MAIN_SHARE * total:
            continue
        main = readings[0]
        if main.pos not in _UPOS:
            continue
        if main.pos == "N" and main.number == "ev" and unambiguous_gender(form) is None:
            continue
        word_class = reading_class(form, main)
        zipf = zipf_frequency(form, "nl")
        if word_class is None or zipf < _MIN_ZIPF or is_unsuitable(form):
            continue
        if not senses_of(form):
            continue  # no meaning known: neither its register nor its distance can be checked
        words.append(BankWord(form, zipf, word_class))
    return WordBank(words)


@cache
def is_unsuitable(word: str) -> bool:
    """Rude, sexual or sensitive: on the Dutch list, or one of its English meanings is."""
    if word.lower() in _UNSUITABLE:
        return True
    meanings = sense_items(senses_of(word))
    return any(w in _TABOO_ENGLISH for item in meanings for w in item.split())
