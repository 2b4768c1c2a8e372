"""Analyse a Dutch text once, at import: tokens with lemma, tags, level, syllables and glosses.

Everything that depends on the word form alone is cached per form; context (sentence
position, a determiner before a noun/verb form, a separable particle later in the sentence,
the teacher's glossary) is applied per token on top of the cached analysis.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache

from wordfreq import zipf_frequency

from .function_words import FUNCTION_WORD_GLOSSES
from .lemmas import is_infinitive, lemma_candidates, simplemma_lemma
from .lexicon import Lexicon, Reading, load_lexicon
from .readability import brouwer, estimate_level, flesch_douma, level_for_zipf
from .syllables import count_syllables, hyphenate
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
_DETERMINERS = frozenset(
    {
        "de",
        "het",
        "een",
        "deze",
        "dit",
        "die",
        "dat",
        "zijn",
        "haar",
        "hun",
        "mijn",
        "jouw",
        "uw",
        "ons",
        "onze",
        "elk",
        "elke",
        "ieder",
        "iedere",
        "geen",
        "welk",
        "welke",
    }
)
_SUBJECT_PRONOUNS = frozenset(
    {
        "ik",
        "jij",
        "je",
        "hij",
        "zij",
        "ze",
        "wij",
        "we",
        "u",
        "men",
        "het",
    }
)
_PARTICLES = frozenset(
    {
        "aan",
        "af",
        "bij",
        "door",
        "in",
        "mee",
        "na",
        "om",
        "op",
        "over",
        "tegen",
        "terug",
        "toe",
        "uit",
        "voor",
        "vast",
        "weg",
        "samen",
        "dicht",
        "open",
        "neer",
        "langs",
        "voorbij",
    }
)
_LINKS = ("s", "en", "e")
_CONTENT_TAGS = frozenset({"N", "ADJ", "WW"})
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
# A Frog form counts as a name when most of its (non-foreign) readings are names.
_NAME_SHARE = 0.6
_NAME_SHARE_BESIDE_NAME = 0.5


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


_TOKEN_FIELDS = tuple(f.name for f in fields(Token))


def token_dict(token: Token) -> dict:
    """The token as a JSON-ready dict, in field order. dataclasses.asdict deep-copies every
    value recursively, which took ten times as long as the whole analysis."""
    values = {name: getattr(token, name) for name in _TOKEN_FIELDS}
    values["gloss"] = list(token.gloss)
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
            "tokens": [token_dict(token) for token in self.tokens],
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


# --- per-form analysis (cached) ---------------------------------------------------------------


def _senses(lexicon: Lexicon, word: str) -> tuple[tuple[str, ...], str | None]:
    if word.lower() in FUNCTION_WORD_GLOSSES:
        return FUNCTION_WORD_GLOSSES[word.lower()], None
    for key in dict.fromkeys((word, word.lower())):
        entry = lexicon.entry(key)
        if entry is not None:
            return tuple(s.text for s in entry.senses), entry.ipa
    return (), None


def _main_reading(readings: tuple[Reading, ...]) -> Reading | None:
    usable = [r for r in readings if r.pos not in {"NAME", "SPEC"} and r.feature != "dial"]
    return usable[0] if usable else (readings[0] if readings else None)


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


@cache
def split_compound(word: str, depth: int = 0) -> tuple[str, str] | None:
    """(modifier, head) of a compound whose head is a known word: videogesprek -> (video,
    gesprek); the longest known head wins, as the head carries gender and meaning."""
    lexicon = load_lexicon()
    if "-" in word:
        modifier, _, head = word.rpartition("-")
        return (modifier, head) if head else None
    lowered = word.lower()
    for cut in range(2, len(lowered) - 2):
        modifier, head = lowered[:cut], lowered[cut:]
        head_reading = _main_reading(lexicon.readings(head))
        if head_reading is None or head_reading.pos not in _CONTENT_TAGS:
            continue  # "woordvoer|der": an article or preposition is never a compound's head
        if _is_modifier(lexicon, modifier, depth):
            return word[:cut], word[cut:]
    return None


def _is_modifier(lexicon: Lexicon, modifier: str, depth: int) -> bool:
    bases = [modifier] + [modifier[: -len(link)] for link in _LINKS if modifier.endswith(link)]
    for base in bases:
        if len(base) >= 2 and lexicon.is_known(base):
            return True
    return depth < 1 and len(modifier) >= 6 and split_compound(modifier, depth + 1) is not None


@cache
def describe(word: str, tag: str | None = None, feature: str | None = None) -> WordReading:
    """The reading of `word` as CGN tag `tag` (default: its most frequent reading)."""
    lexicon = load_lexicon()
    readings = lexicon.readings(word)
    compound = None
    if not readings:
        compound = split_compound(word)
        if compound is not None:
            head_reading = _main_reading(lexicon.readings(compound[1].lower()))
            readings = (head_reading,) if head_reading else ()
    main = _main_reading(readings)
    if tag is not None:
        main = next((r for r in readings if r.pos == tag and r.feature == feature), main)
    pos = main.pos if main else None
    if pos in {"NAME", "SPEC"}:
        pos = None

    if compound is not None and pos is not None:
        head_lemmas = lemma_candidates(lexicon, compound[1].lower(), pos, main.feature)
        lemmas = tuple(compound[0] + "-" * ("-" in word) + h for h in head_lemmas)
    elif pos is not None:
        lemmas = lemma_candidates(lexicon, word, pos, main.feature)
    else:
        lemmas = (simplemma_lemma(word),)

    # Finite verbs that are also nouns ("plant") would show the noun's senses first.
    finite_verb = pos == "WW" and main.feature.startswith("pv")
    keys = [*lemmas, word] if finite_verb else [word, *lemmas]
    gloss: list[str] = []
    source, ipa = "none", None
    for key in dict.fromkeys(keys):
        senses, key_ipa = _senses(lexicon, key)
        if senses:
            gloss += [s for s in senses if s not in gloss]
            if source == "none":
                source = "lexicon" if key == word else "lemma"
                ipa = key_ipa
    note = None
    if not gloss:
        gloss, note = _compound_gloss(lexicon, word, lemmas)
        source = "compound" if gloss else "none"

    gender = number = tense = None
    if pos == "N":
        number = main.number or None
        gender = _noun_gender(lexicon, word) if number == "ev" else None
        for candidate in (*lemmas, *(compound[1:] if compound else ())):
            gender = gender or _noun_gender(lexicon, candidate) or _head_gender(candidate)
        gender = gender or _head_gender(word)
    elif pos == "WW":
        tense = _TENSES.get(main.feature)
        number = main.number or None
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
    )


def _head_gender(word: str) -> str | None:
    compound = split_compound(word)
    if compound is None:
        return None
    head = compound[1].lower()
    lexicon = load_lexicon()
    return _noun_gender(lexicon, head) or next(
        (_noun_gender(lexicon, lemma) for lemma in lemma_candidates(lexicon, head, "N", "")), None
    )


def _compound_gloss(
    lexicon: Lexicon, word: str, lemmas: tuple[str, ...]
) -> tuple[list[str], str | None]:
    for candidate in dict.fromkeys((word, *lemmas)):
        compound = split_compound(candidate)
        if compound is None:
            continue
        modifier, head = compound
        head_reading = describe(head.lower()) if head.lower() != candidate.lower() else None
        if head_reading is None or not head_reading.gloss:
            continue
        modifier_senses, _ = _senses(lexicon, modifier)
        if not modifier_senses:
            modifier_senses = _senses(lexicon, simplemma_lemma(modifier.lower()))[0]
        modifier_text = f"{modifier} ({modifier_senses[0]})" if modifier_senses else modifier
        note = f"guess from its parts: {modifier_text} + {head} ({head_reading.gloss[0]})"
        return list(head_reading.gloss), note
    return [], None


@cache
def form_facts(word: str) -> tuple[float, str, int, str]:
    """(zipf, level, syllables, hyphenated): properties of the spelling alone."""
    zipf = zipf_frequency(word, "nl")
    return zipf, level_for_zipf(zipf), count_syllables(word), hyphenate(word)


# --- context ----------------------------------------------------------------------------------


def _name_share(lexicon: Lexicon, word: str) -> float | None:
    readings = [r for r in lexicon.readings(word) if r.pos != "SPEC"]
    names = sum(r.count for r in readings if r.pos == "NAME")
    total = sum(r.count for r in readings)
    return names / total if total else None


@cache
def _looks_like_name(word: str, sentence_start: bool, threshold: float) -> bool:
    """Whether `word` reads as a name, from its spelling and the lexicon alone."""
    lexicon = load_lexicon()
    head = word.rpartition("-")[2]
    if not head or not head[0].isupper():
        return False
    if len(head) >= 2 and head.isupper():  # acronyms (NAVO, VS) unless the dictionary has them
        return lexicon.entry(head) is None and head.lower() not in FUNCTION_WORD_GLOSSES
    share = _name_share(lexicon, head)
    if sentence_start and lexicon.readings(head.lower()):
        # "Gegroet" is once a name in the corpus, "gegroet" eight times a verb.
        names = sum(r.count for r in lexicon.readings(head) if r.pos == "NAME")
        return names > sum(r.count for r in lexicon.readings(head.lower()))
    if share is not None:
        return share >= threshold
    if sentence_start:
        lowered = head.lower()
        return not (lexicon.is_known(lowered) or lexicon.is_known(simplemma_lemma(lowered)))
    return lexicon.entry(head.lower()) is None and head.lower() not in FUNCTION_WORD_GLOSSES


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


def _find_names(lexicon: Lexicon, spans: list[Span], starts: set[int]) -> set[int]:
    names = {
        i
        for i, span in enumerate(spans)
        if span.is_word and _looks_like_name(span.text, i in starts, _NAME_SHARE)
    }
    # "Witte Huis": neighbouring capitalised words that are each often a name form one.
    likely = {
        i
        for i, span in enumerate(spans)
        if span.is_word
        and i not in starts
        and i not in names
        and _looks_like_name(span.text, False, _NAME_SHARE_BESIDE_NAME)
    }
    for i in likely:
        if {i - 1, i + 1} & (names | likely) and spans[i].text[0].isupper():
            names.add(i)
    return names


def _choose_reading(lexicon: Lexicon, spans: list[Span], i: int, word: str) -> tuple:
    """Noun or finite verb for forms that can be both ("een plan" / "Moskou ... plant")."""
    verb_feature = _finite_verb_beside_noun(word)
    if verb_feature is None:
        return None, None
    previous = spans[i - 1] if i > 0 and spans[i - 1].sentence == spans[i].sentence else None
    following = spans[i + 1] if i + 1 < len(spans) else None
    clause_end = following is None or not following.is_word
    prev_word = previous.text.lower() if previous and previous.is_word else None
    if prev_word in _DETERMINERS or (prev_word and describe(prev_word).pos in {"ADJ", "NUM"}):
        return "N", None
    if prev_word in _SUBJECT_PRONOUNS - {"het"}:
        return "WW", verb_feature
    if prev_word and clause_end and describe(prev_word).pos in {"NOUN", "X", "PROPN"}:
        return "WW", verb_feature  # "dat Moskou een invasie plant": verb-final clause
    return None, None


@cache
def _finite_verb_beside_noun(word: str) -> str | None:
    """The finite-verb form (pv-tgw...) of a word that can be a noun or a finite verb."""
    readings = load_lexicon().readings(word)
    if not any(r.pos == "N" and r.count for r in readings):
        return None
    return next((r.feature for r in readings if r.pos == "WW" and r.feature.startswith("pv")), None)


def _separable_verbs(spans: list[Span], tokens: list[Token]) -> None:
    """Join a finite verb with its particle later in the clause: riep ... op -> oproepen."""
    lexicon = load_lexicon()
    for i, token in enumerate(tokens):
        if token.pos != "VERB" or token.tense not in {"present", "past"}:
            continue
        if token.lemma in _AUXILIARIES:
            continue
        for j in range(i + 1, len(tokens)):
            other = tokens[j]
            if other.sentence != token.sentence or other.text in {",", ";", ":", "(", '"'}:
                break
            if not other.is_word or other.text.lower() not in _PARTICLES:
                continue
            verb = other.text.lower() + (token.lemma or "")
            if not (is_infinitive(lexicon, verb) or lexicon.entry(verb)):
                continue
            after = tokens[j + 1] if j + 1 < len(tokens) else None
            if after is not None and after.is_word and after.sentence == token.sentence:
                # "gaat om een ...", "loopt door het park": a preposition with its object;
                # "over te komen": a particle of the infinitive, not of this verb.
                after_word = after.text.lower()
                if after_word == "te" or after_word in _DETERMINERS - {"dat", "die"}:
                    continue
                if after.pos in {"NOUN", "ADJ", "NUM", "PROPN"} or after.proper_name:
                    continue
            reading = describe(verb)
            token.lemma = verb
            if reading.gloss:
                token.gloss, token.gloss_source = list(reading.gloss), "lemma"
                token.ipa = reading.ipa  # the pronunciation that goes with these senses
            token.gloss_note = f"separable verb {verb} ({other.text} later in the sentence)"
            other.gloss_note = f"part of the separable verb {verb}"
            break


# --- teacher glossary -------------------------------------------------------------------------

_OPTIONAL_ARTICLES = frozenset({"de", "het", "een"})


def _glossary_entries(glossary: Glossary) -> list[tuple[str, list[str], str, str | None]]:
    """(key, words of the key, gloss, note), longest phrases first so they win."""
    entries = []
    for key, value in glossary.items():
        gloss, note = (
            (value, None) if isinstance(value, str) else (value["gloss"], value.get("note"))
        )
        words = [span.text.lower() for span in tokenize(key) if span.is_word]
        if len(words) > 1 and words[0] in _OPTIONAL_ARTICLES:
            words = words[1:]
        if words:
            entries.append((key, words, str(gloss), note))
    return sorted(entries, key=lambda entry: -len(entry[1]))


def _matches(token: Token, key_word: str) -> bool:
    text = token.text.lower()
    if text == key_word or (token.lemma or "").lower() == key_word:
        return True
    return simplemma_lemma(key_word) in {text, (token.lemma or "").lower()}


def _apply_glossary(glossary: Glossary, tokens: list[Token]) -> None:
    words = [t for t in tokens if t.is_word]
    taken: set[int] = set()
    for key, key_words, gloss, note in _glossary_entries(glossary):
        size = len(key_words)
        for start in range(len(words) - size + 1):
            window = words[start : start + size]
            if any(id(t) in taken for t in window):
                continue
            if window[0].sentence != window[-1].sentence:
                continue
            if all(_matches(t, w) for t, w in zip(window, key_words, strict=True)):
                for t in window:
                    t.gloss, t.gloss_source, t.gloss_note = [gloss], "glossary", note
                    t.phrase = key if size > 1 else None
                    taken.add(id(t))


# --- entry point ------------------------------------------------------------------------------


def analyse_text(text: str, glossary: Glossary | None = None) -> Analysis:
    lexicon = load_lexicon()
    spans = tokenize(text)
    starts = _starts(spans)
    names = _find_names(lexicon, spans, starts)

    tokens: list[Token] = []
    append = tokens.append
    for i, span in enumerate(spans):
        text_, start, end, is_word, is_number, sentence, paragraph = span
        if not is_word:
            pos, lemma = ("NUM", text_) if is_number else ("PUNCT", None)
            append(Token(text_, start, end, False, sentence, paragraph, lemma, pos))
            continue
        zipf, level, syllables, hyphenated = form_facts(text_.lower())
        if i in names:
            append(
                Token(
                    text_, start, end, True, sentence, paragraph, lemma=text_, pos="PROPN",
                    level=level, zipf=zipf, syllables=syllables, hyphenated=hyphenated,
                    proper_name=True,
                )
            )  # fmt: skip
            continue
        word = text_.lower() if i in starts and _known_lowercase(text_) else text_
        tag, feature = _choose_reading(lexicon, spans, i, word)
        reading = describe(word, tag, feature)
        append(
            Token(
                text_, start, end, True, sentence, paragraph, reading.lemma, reading.pos,
                reading.gender, reading.number, reading.tense, level, zipf, syllables,
                hyphenated, reading.ipa, False, list(reading.gloss), reading.gloss_source,
                reading.gloss_note,
            )
        )  # fmt: skip

    _separable_verbs(spans, tokens)
    if glossary:
        _apply_glossary(glossary, tokens)
    return Analysis(_stats(tokens), tokens, lexicon.version)


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
