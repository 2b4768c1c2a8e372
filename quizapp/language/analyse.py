"""Analyse a Dutch text once, at import: tokens with lemma, tags, level, syllables and glosses.

The tagger reads each sentence for the part of speech; what follows from a word form and
its tag (lemma, gender, senses in order) is cached per form and tag (reading.py). Context
beyond the tag is applied per token on top: the clause's (a separable particle later in
it, context.py), the teacher's glossary and the dictionary's multi-word units (units.py),
and names (here). docs/language.md explains each step.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .compounds import split_compound
from .context import (
    adverbial_clauses,
    before_a_participle,
    before_numbers,
    copula_of_change,
    copula_worden,
    find_clauses,
    join_separable_verbs,
    split_pronominal_adverbs,
    stative_clauses,
)
from .lemmas import name_lemma
from .lexicon import load_lexicon
from .readability import brouwer, estimate_level, flesch_douma
from .reading import describe, form_facts
from .senses import (
    adverbs_of_adjectives,
    comparatives_first,
    degree_senses,
    determiner_senses,
    preferred_tags,
    says_manner,
)
from .tagger import NAME_TAGS, load_tagger, main_tag
from .token import GUESSED_SOURCES, Token, token_dict
from .tokenize import Span, tokenize
from .units import Glossary, apply_glossary, mark_dictionary_units


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


def analyse_text(text: str, glossary: Glossary | None = None) -> Analysis:
    lexicon = load_lexicon()
    spans = tokenize(text)
    starts = _starts(spans)
    tags = _tag_sentences(spans)
    names = _names(spans, tags, starts)
    clauses = list(find_clauses(spans, tags))
    adverbial = adverbial_clauses(spans, tags, clauses)
    stative = stative_clauses(spans, tags, clauses)

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
        # A sentence's capital proves nothing of a word the lexicon knows, nor of a verb's
        # stem (Halveer de uien): only names are written with one.
        lowered = _known_lowercase(text_) or main_tag(tags[i]) == "WW"
        word = text_.lower() if i in starts and lowered else text_
        following = tags[i + 1] if i + 1 < len(tags) else "LET"
        attributive = following.startswith("N-") and following != "N-eigen"
        prefer = preferred_tags(
            tags[i],
            attributive=attributive or (tags[i] == "WW-vd" and i in stative),
            before_modifier=main_tag(following) in {"ADJ", "BW"}
            or (tags[i] == "ADJ" and not attributive and i in adverbial)
            or (tags[i] == "ADJ" and before_a_participle(spans, tags, i)),
        )
        reading = describe(word, tags[i], prefer)
        gloss = list(reading.gloss)
        if tags[i] == "ADJ" and prefer[:1] == ("BW",) and says_manner(word, reading.lemma):
            gloss = adverbs_of_adjectives(gloss, reading.gloss_pos)
        if tags[i] == "ADJ-comp":
            gloss = comparatives_first(gloss)
        elif tags[i] == "BW":
            gloss = degree_senses(gloss, _grades(spans, tags, i))
        elif tags[i] == "VNW" and (noun := _determined_noun(word, reading.lemma, tags, i)):
            gloss = determiner_senses(gloss, plural=noun == "N-mv")
        append(
            Token(
                text_, start, end, True, sentence, paragraph, reading.lemma, reading.pos,
                reading.gender, reading.number, reading.tense, level, zipf, syllables,
                hyphenated, reading.ipa, False, gloss, reading.gloss_source,
                reading.gloss_note, tag=tags[i],
            )
        )  # fmt: skip

    split_pronominal_adverbs(tokens)  # first: waar ... aan takes its aan
    before_numbers(tokens)
    copula_worden(tokens, clauses)
    copula_of_change(tokens, clauses)
    join_separable_verbs(tokens)
    if glossary:
        apply_glossary(glossary, tokens)
    mark_dictionary_units(lexicon, tokens)
    _lemma_levels(tokens)
    return Analysis(_stats(tokens), tokens, lexicon.version)


# Quantifiers an adverb of degree grades like an adjective (zo veel, even weinig, te veel).
_GRADED_QUANTIFIERS = frozenset({"veel", "weinig", "vaak"})


def _determined_noun(word: str, lemma: str, tags: list[str], i: int) -> str | None:
    """The tag of the common noun a pronoun stands before as its determiner, adjectives in
    between (geen grote auto), or None. Not for a graded form (meer mensen: "more", not
    veel's "many"), nor for dit or dat before a plural, which they never determine: there
    dat is the conjunction the tagger misread (klagen dat strenge regels ...)."""
    if lemma != word.lower():
        return None
    noun = _noun_after(tags, i)
    if noun == "N-mv" and word.lower() in {"dit", "dat"}:
        return None
    return noun


def _noun_after(tags: list[str], i: int) -> str | None:
    for tag in tags[i + 1 :]:
        if tag.startswith("N-") and tag != "N-eigen":
            return tag
        if not tag.startswith("ADJ"):
            return None
    return None


def _grades(spans: list[Span], tags: list[str], i: int) -> bool:
    """Whether the adverb at i grades the word after it: a plain adjective (zo groot, zo
    snel: CGN tags adverbs made from adjectives ADJ) or a quantifier; not a comparative
    (even later) nor another adverb (even weg)."""
    if i + 1 >= len(tags):
        return False
    if tags[i + 1] == "ADJ":
        return True
    return main_tag(tags[i + 1]) == "VNW" and spans[i + 1][0].lower() in _GRADED_QUANTIFIERS


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
