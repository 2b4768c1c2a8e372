"""Part of speech from the sentence: a CRF over the words around each token.

The word form alone cannot tell *dat* the conjunction from *dat* the pronoun, possessive
*zijn* from the verb, or *staat* the noun from the verb; the words and likely tags around it
can. The model (quizapp/data/tagger.crfsuite) is trained by tools/train_tagger.py on the
Universal Dependencies Dutch treebanks, whose XPOS column holds the CGN tags the lexicon
uses. Frog's lexicon gives each word its corpus tag counts as features, so a word the
treebanks never saw is still tagged from what the corpus knows of it.

Tags are CGN main tags refined where the app needs it: nouns by number and common/proper
(N-ev, N-mv, N-eigen), verbs by form (WW-pv-tgw, WW-inf, WW-vd...), conjunctions by kind.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pycrfsuite

from .lemmas import degree_positive, infinitives_from_stem
from .lexicon import Lexicon, Reading, load_lexicon

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "tagger.crfsuite"

# A reading below this share of a form's corpus count is tagging noise, not a use of it,
# unless the corpus has it often enough to be real (de was: 144 of 56,000 readings).
READING_SHARE = 0.05
_READING_COUNT = 50
_SUFFIXES = (1, 2, 3, 4)
# The neighbours whose word and class a word's features name, by offset.
_NEIGHBOURS = (-2, -1, 1, 2)
_EDGES = {offset: f"w{offset:+d}=<edge>" for offset in _NEIGHBOURS}
# Compound heads are looked up only in words this long, and only heads this long.
_MIN_COMPOUND = 7
_MIN_HEAD = 3


def tag_of_xpos(xpos: str) -> str:
    """The tag the tagger predicts, from a full CGN tag such as N|soort|ev|basis|onz|stan."""
    main, *features = xpos.split("|")
    if main == "N":
        if features and features[0] == "eigen":
            return "N-eigen"
        return "N-mv" if "mv" in features else "N-ev"
    if main == "WW" and features:
        if features[0] == "pv":
            return f"WW-pv-{features[1]}" if len(features) > 1 else "WW-pv-tgw"
        return f"WW-{features[0]}"
    if main == "SPEC" and features and features[0] == "deeleigen":
        return "SPEC-deeleigen"
    if main == "ADJ" and len(features) > 1 and features[1] in {"comp", "sup"}:
        return f"ADJ-{features[1]}"  # the degree decides the lemma: groter -> groot
    if main in {"VG", "VZ"} and features:
        return f"{main}-{features[0]}"  # VZ-fin: a particle or postposition (riep ... op)
    return main


def main_tag(tag: str) -> str:
    """The CGN main tag (N, WW, VG...) of a tagger tag."""
    return tag.partition("-")[0]


def _reading_tag(reading: Reading) -> str:
    if reading.pos == "N":
        return "N-mv" if reading.number == "mv" else "N-ev"
    if reading.pos == "NAME":
        return "N-eigen"
    if reading.pos == "WW" and reading.feature:
        return f"WW-{reading.feature}"
    return reading.pos


def _reading_tags(readings: tuple[Reading, ...]) -> tuple[str, ...]:
    """The tags a form is used as, most frequent first, noise left out."""
    total = sum(r.count for r in readings) or 1
    shares: dict[str, int] = {}
    for r in readings:
        tag = _reading_tag(r)
        shares[tag] = shares.get(tag, 0) + r.count
    ordered = sorted(shares.items(), key=lambda x: -x[1])
    return tuple(t for t, n in ordered if n / total >= READING_SHARE or n >= _READING_COUNT)


def _shape(word: str) -> str:
    if not any(c.isalnum() for c in word):
        return "punct"
    if word[0].isdigit():
        return "digit"
    if word.isupper() and len(word) > 1:
        return "upper"
    if word[0].isupper():
        return "cap"
    return "lower"


class _WordView(NamedTuple):
    """A word form's features, and the strings its neighbours and clause position add,
    formatted once per form: the tagger runs on every sentence a learner opens."""

    features: list[str]
    ambiguity: str
    lower: str
    a0: str  # its ambiguity class, as its own feature
    mid_shape: str  # its shape, where it is not the sentence's first word
    clause_end: str
    subordinate_end: str
    neighbour: dict[int, tuple[str, str]]  # offset -> (its word, its class) seen from there


class WordFeatures:
    """Features of a word form alone, computed once per form."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._cache: dict[tuple[str, bool], _WordView] = {}

    def view(self, word: str, unseen: bool = False) -> _WordView:
        """The form's features and ambiguity class (the class also describes the word to its
        neighbours). `unseen` describes the word as if neither the lexicon nor the training
        data knew it (see `sentence_features`)."""
        key = (word, unseen)
        found = self._cache.get(key)
        if found is None:
            features, ambiguity = self._compute(word, unseen)
            lower = word.lower()
            found = self._cache[key] = _WordView(
                features=features,
                ambiguity=ambiguity,
                lower=lower,
                a0=f"a0={ambiguity}",
                mid_shape=f"mid-shape={_shape(word)}",
                clause_end=f"clause-end|a={ambiguity}",
                subordinate_end=f"subordinate-end|a={ambiguity}",
                neighbour={
                    offset: (f"w{offset:+d}={lower}", f"a{offset:+d}={ambiguity}")
                    for offset in _NEIGHBOURS
                },
            )
        return found

    def _compute(self, word: str, unseen: bool) -> tuple[list[str], str]:
        lexicon = self._lexicon
        lower = word.lower()
        shape = _shape(word)
        features = [f"shape={shape}"] if unseen else [f"w={lower}", f"shape={shape}"]
        features += [f"s{n}={lower[-n:]}" for n in _SUFFIXES if len(lower) > n]
        if "-" in word:
            features.append("hyphen")
        written = () if unseen else _reading_tags(lexicon.readings(word))
        lowered = () if unseen or lower == word else _reading_tags(lexicon.readings(lower))
        features += [f"r={t}" for t in written]
        features += [f"rl={t}" for t in lowered]
        tags = written or lowered
        if tags:
            features.append(f"top={tags[0]}")
            ambiguity = "|".join(sorted(tags))
        elif shape in {"punct", "digit"}:
            ambiguity = shape  # the lexicon keeps words only: "?" would lump these with names
        else:
            head = self._compound_head(lower)
            features += ["unknown", f"unknown-{shape}"]
            if head:
                features += [f"head={t}" for t in head]
            ambiguity = "?" + (head[0] if head else shape)
        features.append(f"amb={ambiguity}")
        # An entry read backwards from a dictionary into Dutch is made only for a word Frog's
        # corpus reads, whose readings the features have already: it says nothing more.
        if not unseen and any(
            entry is not None and not entry.reversed
            for entry in (lexicon.entry(lower), lexicon.entry(word))
        ):
            features.append("in-dictionary")
        return features, ambiguity

    def _compound_head(self, lower: str) -> tuple[str, ...]:
        """The tags of the longest known head of a compound: the head decides its part of
        speech (video|gesprek is a noun, door|gaan a verb; NAVO-|bondgenoten)."""
        if "-" in lower:
            head = lower.rpartition("-")[2]
            return _reading_tags(self._lexicon.readings(head)) or self._compound_head(head)
        if len(lower) < _MIN_COMPOUND:
            return ()
        for cut in range(2, len(lower) - _MIN_HEAD + 1):
            tags = _reading_tags(self._lexicon.readings(lower[cut:]))
            if tags:
                return tags
        return ()


# Words that open a clause with the finite verb at its end (dat Moskou een invasie plant),
# and the punctuation that closes one.
_SUBORDINATORS = frozenset(
    {"dat", "omdat", "of", "als", "wanneer", "terwijl", "nadat", "voordat", "zodat", "hoewel"}
    | {"die", "wat", "waar", "waarin", "waarop", "waarmee", "waardoor", "toen", "tot", "totdat"}
    | {"doordat", "indien", "mits", "zodra", "sinds", "alsof", "hoe", "wie", "welke", "waarom"}
)
_CLAUSE_MARKS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", '"', "“", "”", ",,", "''"})


def sentence_features(
    words: Sequence[str], word_features: WordFeatures, unseen: Collection[int] = ()
) -> list[list[str]]:
    """The features of every word of one sentence, with its neighbours'.

    Training marks some words `unseen`: Frog's lexicon knows nearly every word of the
    treebanks, so without this the model would never learn to tag a word from its suffix,
    its compound head and its capital, which is all a teacher's text offers for names and
    new compounds (Biden, gaspijpleiding)."""
    views = [word_features.view(w, i in unseen) for i, w in enumerate(words)]
    result = []
    last = len(words) - 1
    subordinate = False  # a subordinating word earlier in this clause: the verb comes last
    for i, view in enumerate(views):
        row = [*view.features, view.a0]
        if i > 0:
            row.append(view.mid_shape)  # a capital inside a sentence: a name
        lower = view.lower
        if lower in _CLAUSE_MARKS:
            subordinate = False
        clause_end = i == last or views[i + 1].lower in _CLAUSE_MARKS
        if subordinate:
            row.append("in-subordinate-end" if clause_end else "in-subordinate")
            if clause_end:  # a noun/verb form last in a subordinate clause: its verb
                row.append(view.subordinate_end)
        if clause_end:
            row.append(view.clause_end)
        if lower in _SUBORDINATORS:
            subordinate = True
        for offset in _NEIGHBOURS:
            j = i + offset
            if 0 <= j <= last:
                row += views[j].neighbour[offset]
            else:
                row.append(_EDGES[offset])
        if i == 0:
            row.append("first")
        if i > 0:
            before = views[i - 1]
            row.append(f"w-1|w={before.lower}|{lower}")
            row.append(f"a-1|a={before.ambiguity}|{view.ambiguity}")
        if i < last:
            after = views[i + 1]
            row.append(f"w|w+1={lower}|{after.lower}")
            row.append(f"a|a+1={view.ambiguity}|{after.ambiguity}")
        result.append(row)
    return result


class Tagger:
    def __init__(self, model: Path = MODEL_PATH, lexicon: Lexicon | None = None) -> None:
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))
        self._lexicon = lexicon or load_lexicon()
        self._words = WordFeatures(self._lexicon)

    def forget_words(self) -> None:
        """Drop the features kept per word form (a benchmark's cold start)."""
        self._words = WordFeatures(self._lexicon)

    def tag(self, words: Sequence[str]) -> list[str]:
        """One tag per word of a sentence (punctuation included, as LET)."""
        if not words:
            return []
        tags = self._tagger.tag(sentence_features(words, self._words))
        _comparative_dan(self._lexicon, words, tags)
        _degree_te(words, tags)
        _verb_before_subject(self._lexicon, words, tags)
        _imperative_first(self._lexicon, words, tags)
        _main_clause_verb(self._lexicon, words, tags)
        self._finite_verb_last(words, tags)
        return tags

    def _finite_verb_last(self, words: Sequence[str], tags: list[str]) -> None:
        """Every subordinate clause has a finite verb, at its end: when the model found none
        (dat Moskou een invasie plant), the last word, if it can be one, is it."""
        lexicon = self._lexicon
        opened = None
        for i, tag in enumerate([*tags, "LET"]):
            if tag == "VG-onder":
                opened = i
            elif opened is not None and (tag == "LET" or tag == "VG-neven"):
                last = i - 1
                clause = tags[opened + 1 : i]
                if last > opened + 1 and not any(t.startswith("WW-pv") for t in clause):
                    verb = next(
                        (r for r in lexicon.readings(words[last]) if r.feature.startswith("pv")),
                        None,
                    )
                    if verb is not None and tags[last].startswith("N-"):
                        tags[last] = f"WW-{verb.feature}"
                opened = None
            elif tag.startswith("WW-pv"):
                opened = None


# "dan" is the conjunction "than" only after a comparative (groter dan, meer dan, anders
# dan); elsewhere it is the adverb "then". In the UD Dutch dev sets, 42 of 42 conjunctions
# have a comparative in the eight words before them, and 44 of 46 adverbs have none.
_COMPARATIVE_WORDS = frozenset(
    {"meer", "minder", "eerder", "liever", "later", "vroeger", "anders", "ander", "andere"}
)
_COMPARATIVE_REACH = 8


def _is_comparative(lexicon: Lexicon, word: str, tag: str) -> bool:
    lowered = word.lower()
    if tag == "ADJ-comp" or lowered in _COMPARATIVE_WORDS:
        return True
    # groter, hogere: the model tags some comparatives plain ADJ
    return main_tag(tag) in {"ADJ", "BW"} and degree_positive(lexicon, lowered, "comp") is not None


def _comparative_dan(lexicon: Lexicon, words: Sequence[str], tags: list[str]) -> None:
    for i, word in enumerate(words):
        if word.lower() != "dan":
            continue
        before = range(max(0, i - _COMPARATIVE_REACH), i)
        compared = any(_is_comparative(lexicon, words[j], tags[j]) for j in before)
        if compared and tags[i] == "BW":
            tags[i] = "VG-onder"
        elif not compared and main_tag(tags[i]) == "VG":
            tags[i] = "BW"


# "te" before an adjective is the adverb "too" (te duur, te veel), not the preposition of
# "te koop" or the infinitive's "te": 12 of 12 times in the UD Dutch dev sets.
_DEGREE_WORDS = frozenset({"veel", "weinig", "vaak", "lang", "laat", "vroeg"})


def _degree_te(words: Sequence[str], tags: list[str]) -> None:
    for i, word in enumerate(words[:-1]):
        following = tags[i + 1]
        degree = main_tag(following) == "ADJ" or words[i + 1].lower() in _DEGREE_WORDS
        if word.lower() == "te" and degree and not following.startswith("WW"):
            tags[i] = "BW"


# A subject pronoun that is only ever a subject (ik, hij, we, wij) right after a word makes
# that word the inverted finite verb (dan keren we terug), never a noun: in the UD Dutch dev
# sets 0 of 356 such pronouns follow a noun or adjective.
_SUBJECT_NUMBER = {"ik": "ev", "hij": "ev", "we": "mv", "wij": "mv"}


def _verb_before_subject(lexicon: Lexicon, words: Sequence[str], tags: list[str]) -> None:
    for i, word in enumerate(words[:-1]):
        number = _SUBJECT_NUMBER.get(words[i + 1].lower())
        if number is None or not tags[i].startswith("N-") or tags[i] == "N-eigen":
            continue
        verbs = [r for r in lexicon.readings(word.lower()) if r.feature.startswith("pv")]
        verb = next((r for r in verbs if r.number == number), verbs[0] if verbs else None)
        if verb is not None:
            tags[i] = f"WW-{verb.feature}"


# A sentence that opens with a verb's stem and has no finite verb in its first clause is an
# order (Trek de stekker uit, Roer regelmatig door, Halveer de uien): recipes, leaflets and
# letters are full of them, the treebanks have few, and a capital at the start of a sentence
# reads to the model as a name's. The sentence must end in a full stop or an exclamation
# mark (a heading with no verb is a noun phrase: Brand in woning), and the stem be a real
# use of the word (roer: 5 of 42 readings; not heel, "heal") unless the clause says so: an
# article right after it (Plaats de accu), or a separable particle (Pas op voor nepmails).
_IMPERATIVE_SHARE = 0.1
_IMPERATIVE_MISREAD = ("N-eigen", "BW", "ADJ", "VG")
_IMPERATIVE_ENDS = frozenset({".", "!"})


def _imperative_first(lexicon: Lexicon, words: Sequence[str], tags: list[str]) -> None:
    first = words[0]
    if len(words) < 3 or words[-1] not in _IMPERATIVE_ENDS or not first[:1].isupper():
        return
    clause = []
    for word, tag in zip(words[1:], tags[1:], strict=False):
        if tag.startswith("WW-pv"):
            return
        if word in _CLAUSE_MARKS or tag.startswith("VG"):
            break
        clause.append(tag)
    told = clause[:1] == ["LID"] or "VZ-fin" in clause
    if not (tags[0].startswith(_IMPERATIVE_MISREAD) or (told and tags[0] == "N-ev")):
        return
    lower = first.lower()
    readings = lexicon.readings(lower)
    if readings:
        total = sum(r.count for r in readings)
        stem = sum(r.count for r in readings if r.feature == "pv-tgw" and r.number == "ev")
        if stem == 0 or (stem < _IMPERATIVE_SHARE * total and not told):
            return
    elif not infinitives_from_stem(lexicon, lower):
        return
    tags[0] = "WW-pv-tgw"


# A sentence has a finite verb. When the model found none (De raad besluit morgen, De
# leden van de club stemmen), a noun right after a noun that can be a finite verb agreeing
# in number with the sentence's first noun or the one before it is that verb: the subject
# is the noun phrase before it (leden, not club, in de leden van de club). The sentence
# must end like one (a heading need not have a verb), and the verb be a real use of the
# word (not a noise reading of a count of a few).
_SENTENCE_ENDS = frozenset({".", "!", "?"})


def _main_clause_verb(lexicon: Lexicon, words: Sequence[str], tags: list[str]) -> None:
    if len(words) < 4 or words[-1] not in _SENTENCE_ENDS:
        return
    if any(tag.startswith("WW-pv") for tag in tags):
        return
    for i in range(1, len(words)):
        before = tags[i - 1]
        if not tags[i].startswith("N-") or tags[i] == "N-eigen" or not before.startswith("N-"):
            continue
        readings = lexicon.readings(words[i].lower())
        total = sum(r.count for r in readings)
        first = next(tag for tag in tags if tag.startswith("N-"))
        numbers = {split_tag(before)[2], split_tag(first)[2]}
        verb = next(
            (r for r in readings if r.feature.startswith("pv") and r.number in numbers), None
        )
        # a plural's finite form is spelled as the infinitive, which Frog counts apart
        verbal = sum(r.count for r in readings if r.pos == "WW")
        if verb is not None and verbal >= READING_SHARE * total:
            tags[i] = f"WW-{verb.feature}"
            return


@cache
def load_tagger() -> Tagger:
    return Tagger()


# The tags of proper names: a whole name (N-eigen) or a word of a multi-word name.
NAME_TAGS = frozenset({"N-eigen", "SPEC-deeleigen"})


def split_tag(tag: str) -> tuple[str, str, str]:
    """(CGN main tag, form, number) of a tagger tag: N-mv -> (N, '', mv),
    WW-pv-tgw -> (WW, pv-tgw, ''), ADJ-comp -> (ADJ, comp, ''), VG-onder -> (VG, '', '')."""
    main, _, rest = tag.partition("-")
    if main == "N":
        return ("NAME", "", "") if rest == "eigen" else ("N", "", rest)
    if main in {"WW", "ADJ"}:
        return main, rest, ""
    return main, "", ""
