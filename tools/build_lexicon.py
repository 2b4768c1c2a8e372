"""Build quizapp/data/lexicon.tsv.gz: FreeDict nld-eng senses, each with a part of speech and
a weight, and Frog's tag readings.

    python tools/build_lexicon.py            # writes quizapp/data/lexicon.tsv.gz
    python tools/build_lexicon.py --check    # exit 1 unless the committed file is reproduced

Needs these Debian packages (and `wordfreq` from PyPI):

- `dict-freedict-nld-eng`: the headwords, English senses and IPA that ship;
- `frogdata`: CGN tag readings of Dutch word forms (and the Dutch word's tag counts, which
  say which parts of speech a headword's senses can have and how often each is used);
- `wordnet-base`: English WordNet's parts of speech, tagged sense counts and lemma list
  (the English vocabulary that repairs glosses whose spaces were lost);
- `dict-freedict-eng-nld`: the reverse dictionary (which Dutch word, how early, for an
  English word) and more English vocabulary;
- `dict-freedict-nld-spa` + `dict-freedict-spa-eng` and `dict-freedict-nld-pol` +
  `dict-freedict-pol-eng`: Wiktionary's part of speech and first translation per Dutch word,
  turned back into English through Spanish and through Polish;
- `dict-freedict-nld-deu` + `dict-freedict-deu-eng`: triangulation through German, whose
  English side carries parts of speech;
- the dictionaries into Dutch `dict-freedict-deu-nld`, `-fra-nld`, `-pol-nld`, `-fin-nld`,
  `-swe-nld`, `-ell-nld` with `-fra-eng` and `-ell-eng` (and the X-eng files above), read
  backwards for the words no dictionary into English has (`reverse_route_entries`).

The English senses of nld-eng ship, and for the Dutch headwords nld-eng lacks those
reached through the other dictionaries (`pivot_entries`, then `reverse_route_entries`), and
for words no dictionary has an English word of WordNet's spelled alike (`cognate_entries`,
shown as a guess); the other sources decide each sense's part of speech and weight. The
output is deterministic: sorted keys, weights rounded, gzip with mtime 0, so a rebuild is
byte-for-byte identical.
"""

from __future__ import annotations

import argparse
import gzip
import io
import math
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from wordfreq import iter_wordlist, zipf_frequency

# Bump when the file's layout or the conversion rules change: the app stores it with analyses.
# 2: each sense is "POS:weight:text", senses ordered by weight.
# 4: a sense whose English is much rarer than a common Dutch word weighs less; nld-eng
# entries gain the senses Wiktionary's routes agree on.
# 5: a section of English past participles that English does not make with -ed.
# 6: entries for words no dictionary into English has, from dictionaries into Dutch.
# 7: a sense weighs more for each language whose dictionary into Dutch, read backwards,
# names it; Wiktionary's entries filed under no part of speech count (nummer, af en toe).
# 8: an agreed backwards sense leads where nothing confirms an entry's own; a section of
# guesses for words only one dictionary into Dutch lists.
LEXICON_VERSION = "8"

DICTD = Path("/usr/share/dictd")
WORDNET = Path("/usr/share/wordnet")
FREEDICT_INDEX = DICTD / "freedict-nld-eng.index"
FREEDICT_DICT = DICTD / "freedict-nld-eng.dict.dz"
FROG_LEXICON = Path("/usr/share/frog/nld/Frog.mbt.1.0.lex")
OUTPUT = Path(__file__).resolve().parent.parent / "quizapp" / "data" / "lexicon.tsv.gz"
# The file layout, shared with quizapp/language/lexicon.py which reads it.
HEADER = "quizapp-lexicon"
DICTIONARY_SECTION = "[dictionary]"
FORMS_SECTION = "[forms]"
COGNATES_SECTION = "[cognates]"
PARTICIPLES_SECTION = "[participles]"
REVERSED_SECTION = "[reversed]"
LISTED_SECTION = "[listed]"

_B64_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64 = {c: i for i, c in enumerate(_B64_DIGITS)}
_HYPHENS = "\u2010\u2011"
_PLAIN_HYPHENS = str.maketrans(_HYPHENS, "--")


def decode_dictd_number(text: str) -> int:
    """dictd writes offsets and lengths in its own base64 digits, most significant first."""
    value = 0
    for char in text:
        value = value * 64 + _B64[char]
    return value


def dictd_paths(name: str) -> tuple[Path, Path]:
    return DICTD / f"freedict-{name}.index", DICTD / f"freedict-{name}.dict.dz"


def read_dictd(index_path: Path, dict_path: Path) -> Iterator[tuple[str, str]]:
    """(index key, article) for every article in index order, metadata entries skipped."""
    data = gzip.decompress(dict_path.read_bytes())
    for line in index_path.read_text(encoding="utf-8").splitlines():
        word, offset, length = line.split("\t")
        if word.startswith("00database"):
            continue
        start = decode_dictd_number(offset)
        yield word, data[start : start + decode_dictd_number(length)].decode("utf-8")


class DictdLookup:
    """Articles by (lowercase) index key, decoded on demand: deu-eng has 500,000 articles and
    the build needs a few thousand of them."""

    def __init__(self, index_path: Path, dict_path: Path) -> None:
        self._data = gzip.decompress(dict_path.read_bytes())
        self._index: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for line in index_path.read_text(encoding="utf-8").splitlines():
            word, offset, length = line.split("\t")
            self._index[word].append((decode_dictd_number(offset), decode_dictd_number(length)))

    def articles(self, key: str) -> list[str]:
        return [
            self._data[start : start + length].decode("utf-8")
            for start, length in self._index.get(key.lower(), ())
        ]


def normalise_dutch(word: str) -> str:
    word = word.replace("\u0133", "ij").replace("\u0132", "IJ")
    return word.replace("\u2010", "-").replace("\u2011", "-")


def _article_lines(article: str) -> list[str]:
    return [line.strip() for line in article.strip().splitlines() if line.strip()]


_NUMBERED = re.compile(r"^\d+\.\s+")
_TRAILING_NUMBER = re.compile(r"\s+\d+\.$")  # WikDict's "ser, estar 2.": the next sense's number
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]|<[^>]*>")


def sense_items(text: str) -> list[str]:
    """The English equivalents of a sense, normalised for comparing dictionaries:
    "to fear, be afraid (of)" -> ["fear", "be afraid"]."""
    items = []
    for part in re.split(r"[,;]", _PARENTHESES.sub(" ", text)):
        words = part.lower().split()
        if words and words[0] in {"to", "a", "an", "the"} and len(words) > 1:
            words = words[1:]
        if words:
            items.append(" ".join(words))
    return items


# --- English WordNet ------------------------------------------------------------------------

_WORDNET_TAGS = {"n": "N", "v": "WW", "a": "ADJ", "s": "ADJ", "r": "BW"}
_SS_TYPES = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
# WordNet's morphy: suffixes an inflected form may lose, per part of speech.
_DETACHMENTS = {
    "n": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh")]
    + [("men", "man"), ("ies", "y")],
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", "")]
    + [("ing", "e"), ("ing", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}


@dataclass
class WordNet:
    lemmas: dict[str, set[str]] = field(default_factory=dict)  # "go on foot" -> {"v"}
    counts: dict[tuple[str, str], int] = field(default_factory=dict)  # tagged sense counts
    exceptions: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def base_forms(self, word: str) -> dict[str, tuple[str, bool]]:
        """WordNet part of speech -> (lemma, reached through a past-participle ending)."""
        found: dict[str, tuple[str, bool]] = {}
        for pos in "nvar":
            if pos in self.lemmas.get(word, ()):
                found[pos] = (word, False)
                continue
            for lemma in self.exceptions.get((word, pos), ()):
                if pos in self.lemmas.get(lemma, ()):
                    # "done do", "is be": only a form unlike the present is a participle
                    participle = pos == "v" and word.endswith(("ed", "en", "ne", "wn", "t"))
                    found[pos] = (lemma, participle)
                    break
            else:
                for suffix, ending in _DETACHMENTS[pos]:
                    lemma = word[: -len(suffix)] + ending
                    if word.endswith(suffix) and pos in self.lemmas.get(lemma, ()):
                        found[pos] = (lemma, suffix == "ed")
                        break
        return found


def read_wordnet(directory: Path) -> WordNet:
    wordnet = WordNet()
    for pos, name in (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")):
        for line in (directory / f"index.{name}").read_text(encoding="utf-8").splitlines():
            if line and not line.startswith(" "):
                lemma = line.split(" ", 1)[0].replace("_", " ")
                wordnet.lemmas.setdefault(lemma, set()).add(pos)
        for line in (directory / f"{name}.exc").read_text(encoding="utf-8").splitlines():
            form, *lemmas = line.split()
            wordnet.exceptions[(form.replace("_", " "), pos)] = [
                x.replace("_", " ") for x in lemmas
            ]
    for line in (directory / "cntlist.rev").read_text(encoding="utf-8").splitlines():
        key, _, count = line.split(" ")
        lemma, _, rest = key.partition("%")
        pos_key = (lemma.replace("_", " "), _SS_TYPES[rest[0]])
        wordnet.counts[pos_key] = wordnet.counts.get(pos_key, 0) + int(count)
    return wordnet


def read_latin_names(directory: Path) -> dict[str, list[str]]:
    """WordNet's Latin names of plants and animals -> their English names: a synset that
    has the binomial (Ciconia ciconia: white stork), or for a tautonym the one member of
    its genus (Limosa limosa: godwit). Wiktionary's Dutch definitions give the Latin name
    of a species (grutto: "... steltlopers, Limosa limosa") where no dictionary has its
    English."""
    words: dict[str, list[str]] = {}
    members: dict[str, list[str]] = {}
    synsets: dict[str, list[str]] = defaultdict(list)
    for line in (directory / "data.noun").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ", 1)[0].split(" ")
        offset, count = fields[0], int(fields[3], 16)
        names = [fields[4 + 2 * n].replace("_", " ") for n in range(count)]
        rest = fields[4 + 2 * count :]
        pointers = [rest[1 + 4 * n : 5 + 4 * n] for n in range(int(rest[0]))]
        words[offset] = names
        members[offset] = [target for symbol, target, *_ in pointers if symbol == "%m"]
        for name in names:
            synsets[name.lower()].append(offset)

    def english(offset: str) -> list[str]:
        return [name for name in words[offset] if name[:1].islower()]

    found: dict[str, list[str]] = {}
    for name, offsets in synsets.items():
        parts = name.split()
        if len(parts) != 2 or not name[:1].isalpha():
            continue
        latin = [o for o in offsets if any(w[:1].isupper() for w in words[o])]
        if latin and english(latin[0]):
            found[name] = english(latin[0])
    # A tautonym WordNet lacks (Limosa limosa) is its genus's one member. (Any binomial by
    # its genus reached Dutch definitions' colour words and misspellings: lichtroze "rose".)
    for name, offsets in synsets.items():
        genus = name.removeprefix("genus ")
        if " " in genus:
            continue
        for offset in offsets:
            if len(members[offset]) == 1 and english(members[offset][0]):
                found.setdefault(f"{genus} {genus}", english(members[offset][0]))
    return found


# English words of the closed classes WordNet leaves out, by the CGN tag of their Dutch twins.
_CLOSED_CLASS = {
    "LID": "the a an",
    "VG": "and or but because if although though whether while whilst since that as than nor"
    " unless until when so",
    "VZ": "about above across after against along among around at before behind below beneath"
    " beside between beyond by despite down during except for from in inside into near of off"
    " on onto out outside over past per since through throughout till to toward towards under"
    " underneath until up upon via with within without amid amidst amongst unto",
    "VNW": "i me you he him she her it we us they them my your his its our their mine yours"
    " hers ours theirs this that these those who whom whose which what myself yourself himself"
    " herself itself ourselves themselves someone somebody something anyone anybody anything"
    " everyone everybody everything nobody nothing none each every all some any other such"
    " there",
    "TW": "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy"
    " eighty ninety hundred thousand million billion first second third fourth fifth",
    "TSW": "oh ah hey hello hi yes no ouch alas wow hurray bye goodbye please thanks",
}
_CLOSED_TAGS: dict[str, set[str]] = defaultdict(set)
for _tag, _words in _CLOSED_CLASS.items():
    for _word in _words.split():
        _CLOSED_TAGS[_word].add(_tag)


@dataclass(frozen=True)
class EnglishTags:
    """How an English equivalent can be used: CGN tag -> share (from WordNet's tagged sense
    counts, add-one smoothed), and whether it is a verb's past participle ("finished")."""

    shares: dict[str, float]
    participle: bool = False


def english_tags(wordnet: WordNet, item: str) -> EnglishTags:
    words = item.split()
    if len(words) > 1 and words[0] == "to":
        return EnglishTags({"WW": 1.0})  # "to X" is a verb
    forms = wordnet.base_forms(item)
    if not forms and len(words) > 1:
        # An English phrase WordNet lacks: its head is the last word ("Spanish woman"), or
        # the first when that is a verb ("go on foot").
        first = wordnet.base_forms(words[0])
        forms = {"v": first["v"]} if "v" in first else wordnet.base_forms(words[-1])
    weights: dict[str, float] = defaultdict(float)
    for pos, (lemma, _) in forms.items():
        weights[_WORDNET_TAGS[pos]] += 1 + wordnet.counts.get((lemma, pos), 0)
    strongest = max(weights.values(), default=0)
    for tag in sorted(_CLOSED_TAGS.get(item, ())):
        weights[tag] += 1 + strongest  # closed classes are strong
    total = sum(weights.values())
    shares = {tag: weight / total for tag, weight in sorted(weights.items())} if total else {}
    return EnglishTags(shares, participle="v" in forms and forms["v"][1])


# --- English gloss repair -------------------------------------------------------------------

# A word this common in wordfreq's English is real even when WordNet lacks it ("takeoff").
_WELL_KNOWN_ENGLISH_ZIPF = 3.0
# Every piece of a split must be at least this common ("methylated" is, "ted" is not) ...
_MIN_PART_ZIPF = 1.5
# ... and a three-letter piece a common word ("for", "one", "out"; not "tar", "ian", "ban"),
# or "Slavonian" becomes "Slav on ian".
_MIN_SHORT_PART_ZIPF = 4.0
# Short pieces are where false splits hide ("deaden" -> "dead en", "cafetaria" -> "cafe tar
# i a"): a piece of one or two letters must be one of these real short words.
_SHORT_ENGLISH_WORDS = frozenset(
    {"a", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it"}
    | {"me", "my", "no", "of", "on", "or", "so", "to", "up", "us", "we"}
)

# English suffixes that WordNet lists as words by accident ("ness", a headland): never a piece
# of a split, or "skilfulness" would become "skilful ness".
_SUFFIX_WORDS = frozenset({"ness", "ment", "ity", "tion", "ism", "ists"})
# English words that come before "a" and so end a phrase with it ("such a", "what a").
_PREDETERMINERS = frozenset({("such",), ("what",), ("quite",), ("rather",), ("many",), ("half",)})
# Two pieces of a split after "a"/"an" that are one WordNet phrase ("long time") score
# this much higher.
_PHRASE_BONUS = 1.5
# A capitalised word wordfreq has seen this often is a name, kept whole ("Batavia", not
# "Bata via"; "Marcus", not "Marc us"); glued names ("Spanishwoman") it has never seen.
_KNOWN_NAME_ZIPF = 1.0
# A misspelling is corrected only in a word this long, to a word this common.
_MISSPELLED_MIN_LENGTH = 8
_MISSPELLED_MIN_ZIPF = 3.5
# The endings English spelling confuses, each with the one it is confused with.
_MISSPELLED_ENDINGS = tuple(
    (wrong, right)
    for pair in (("ant", "ent"), ("ance", "ence"), ("ancy", "ency"), ("able", "ible"))
    for wrong, right in (pair, pair[::-1])
)


@cache
def _english_zipf(word: str) -> float:
    return zipf_frequency(word, "en")


class EnglishVocabulary:
    """Real English words: WordNet's lemmas (and their inflections), the reverse dictionary's
    headwords, and any word wordfreq knows well."""

    def __init__(self, wordnet: WordNet, extra_words: set[str]) -> None:
        self.wordnet = wordnet
        # Single-word lemmas only: the words of multi-word ones include names ("ian fleming").
        self._words = {lemma for lemma in wordnet.lemmas if lemma.isalpha()}
        self._words |= set(_CLOSED_TAGS)  # WordNet lacks these: "myself", "into"
        self._known: dict[str, bool] = {}
        # The reverse dictionary comes from the same source as nld-eng and has glued
        # headwords too: one counts only when it does not split into WordNet's words.
        self._words |= {w for w in extra_words if self.split(w) is None}

    def is_known(self, word: str) -> bool:
        found = self._known.get(word)
        if found is None:
            found = (
                len(word) <= 2
                or word in self._words
                or bool(self.wordnet.base_forms(word))
                # wordfreq's web text knows glued spellings ("atleast", "alot"): a word
                # only it knows counts when it does not split into listed words
                or (_english_zipf(word) >= _WELL_KNOWN_ENGLISH_ZIPF and self.split(word) is None)
            )
            self._known[word] = found
        return found

    def _is_part(self, part: str) -> bool:
        """A piece of a split is a word WordNet or the reverse dictionary has (wordfreq alone
        knows fragments: "tres", "sle"), and not a rare one."""
        if len(part) <= 2:
            return part in _SHORT_ENGLISH_WORDS
        if part in _SUFFIX_WORDS:
            return False
        listed = part in self._words or bool(self.wordnet.base_forms(part))
        floor = _MIN_SHORT_PART_ZIPF if len(part) == 3 else _MIN_PART_ZIPF
        return listed and _english_zipf(part) >= floor

    def is_name(self, token: str) -> bool:
        return not token.islower() and _english_zipf(token.lower()) >= _KNOWN_NAME_ZIPF

    def _function_word(self, part: str) -> bool:
        """A closed-class word that cannot be a noun or adjective, so never follows "a"/"an"
        ("but", "to"; not "while" or "hundred")."""
        return part in _CLOSED_TAGS and not {"n", "a", "s"} & set(self.wordnet.base_forms(part))

    def split(self, token: str, articles: bool = True) -> tuple[str, ...] | None:
        """The most probable split of a lowercase token into two or more real words, or None.

        Unigram model: log10 P(word) = zipf - 9, so "go for a walk" beats "go fora walk" and
        "go on foot" beats "goon foot". English grammar rules out "Somali an woman": "an"
        comes before a vowel, "a" before a consonant, and neither ends a phrase but after a
        predeterminer ("such a", "what a"). Two pieces after "a" or "an" that together are one of
        WordNet's phrases score as more likely than apart ("for a long time", not "for along
        time": WordNet has "long time"), and a split that is a WordNet phrase as a whole
        wins ("in a way")."""
        if len(token) < 4:
            return None
        # best[end][last piece] = (score, pieces)
        best: list[dict[str, tuple[float, tuple[str, ...]]]] = [{} for _ in range(len(token) + 1)]
        best[0][""] = (0.0, ())
        for end in range(1, len(token) + 1):
            for start in range(max(0, end - 24), end):
                part = token[start:end]
                if not best[start] or (start, end) == (0, len(token)) or not self._is_part(part):
                    continue
                if not articles and part in {"a", "an"}:
                    continue
                vowel = part[0] in "aeiou"
                for last, prefix in best[start].items():
                    if (last == "a" and vowel) or (last == "an" and not vowel):
                        continue
                    if last in {"a", "an"} and self._function_word(part):
                        continue  # "a but to" is no English: "abut to"
                    score = prefix[0] + _english_zipf(part) - 9.0
                    if (
                        prefix[1][-2:-1] in (("a",), ("an",))
                        and f"{last} {part}" in self.wordnet.lemmas
                    ):
                        score += _PHRASE_BONUS
                    if part not in best[end] or score > best[end][part][0]:
                        best[end][part] = (score, (*prefix[1], part))
        ends = [
            found
            for last, found in best[-1].items()
            if last not in {"a", "an"} or found[1][-2:-1] in _PREDETERMINERS
        ]
        # A split that is one of WordNet's phrases beats a likelier one that is not
        # ("in a way", not "in away").
        phrases = [found for found in ends if " ".join(found[1]) in self.wordnet.lemmas]
        return max(phrases or ends)[1] if ends else None

    def misspelled(self, token: str) -> str | None:
        """A common English word the token misspells in its ending ("independant":
        independent), or None: FreeDict's English has such spellings, which would otherwise
        be split into real words that mean something else ("in dependant")."""
        if len(token) < _MISSPELLED_MIN_LENGTH:
            return None
        found = [
            word
            for ending, spelled in _MISSPELLED_ENDINGS
            if token.endswith(ending)
            and (word := token[: -len(ending)] + spelled) in self._words
            and _english_zipf(word) >= _MISSPELLED_MIN_ZIPF
        ]
        return max(found, key=_english_zipf) if found else None

    def repair_word(self, token: str) -> str:
        lowered = token.lower()
        if not (token.islower() or token[1:].islower()) or self.is_known(lowered):
            return token
        if self.is_name(token):
            return token
        corrected = self.misspelled(lowered)
        # A glued name is a name and its noun ("Spanish fly", "Gulf of"), never an article:
        # "Reform a tie" is a Dutch word FreeDict left in its English.
        parts = (corrected,) if corrected else self.split(lowered, articles=token.islower())
        if parts is None:
            return token  # "cafetaria": unknown, but no split into real words, so kept whole
        text = " ".join(parts)
        return text if token.islower() else text[0].upper() + text[1:]

    def repair_gloss(self, gloss: str) -> str:
        for hyphen in _HYPHENS:
            gloss = gloss.replace(hyphen, "-")
        gloss = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", gloss.strip())  # "TheHague"
        # "it'samatterof": a contraction glued to what follows is a word of its own.
        gloss = re.sub(r"(?<=[a-z.])(['’](?:s|re|ve|ll|d|t))(?=[a-z]{2})", r"\1 ", gloss)
        gloss = re.sub(r"[^\W\d_]+", lambda m: self.repair_word(m.group()), gloss)
        return _unglue_prepositions(gloss)


def _unglue_prepositions(gloss: str) -> str:
    """ "me, tome": a preposition glued to a word the same sense lists on its own is two
    words, even when the glued form is English too (a tome is a book)."""
    items = [item.strip() for item in gloss.split(",")]
    unglued = list(items)
    for n, item in enumerate(items):
        match = re.fullmatch(r"(to|for|of|with)(me|you|him|her|it|us|them)", item)
        if match and match[2] in items:  # not "within, in"
            unglued[n] = f"{match[1]} {match[2]}"
    return ", ".join(unglued) if unglued != items else gloss


@cache
def english_vocabulary() -> EnglishVocabulary:
    index_path, dict_path = dictd_paths("eng-nld")
    return EnglishVocabulary(read_wordnet(WORDNET), read_reverse(index_path, dict_path)[1])


def repair_gloss(gloss: str) -> str:
    return english_vocabulary().repair_gloss(gloss)


# --- FreeDict ------------------------------------------------------------------------------

_HEADLINE = re.compile(r"^(?P<head>.+?)(?: /(?P<ipa>[^/]*)/)?$")


def parse_freedict_entry(entry: str) -> tuple[str, str, list[str]] | None:
    """One article -> (headword, ipa, senses as written); None for affixes and metadata."""
    lines = _article_lines(entry)
    if len(lines) < 2:
        return None
    match = _HEADLINE.match(lines[0])
    if match is None:
        return None
    head = normalise_dutch(match["head"].strip())
    if head.startswith("-") or head.endswith("-"):
        return None  # "-de", "ijs-": word parts, never a word in running text
    senses = [_NUMBERED.sub("", line).strip() for line in lines[1:]]
    return head, match["ipa"] or "", [sense for sense in senses if sense]


def read_freedict(index_path: Path, dict_path: Path) -> dict[str, tuple[str, list[str]]]:
    """Headword -> (ipa, senses as written); lowercase entries win over capitalised twins."""
    entries: dict[str, tuple[str, list[str]]] = {}
    for _, article in read_dictd(index_path, dict_path):
        parsed = parse_freedict_entry(article)
        if parsed is None:
            continue
        head, ipa, senses = parsed
        known_ipa, known_senses = entries.get(head, ("", []))
        merged = known_senses + [s for s in senses if s not in known_senses]
        entries[head] = (known_ipa or ipa, merged)
    return {
        head: value
        for head, value in entries.items()
        if head == head.lower() or head.lower() not in entries
    }


def _headed_articles(
    index_path: Path, dict_path: Path, headline: re.Pattern[str]
) -> Iterator[tuple[re.Match[str], list[str]]]:
    """(headline match, the lines under it) of each article whose first line matches."""
    for _, article in read_dictd(index_path, dict_path):
        lines = _article_lines(article)
        match = headline.match(lines[0]) if lines else None
        if match is not None:
            yield match, lines[1:]


def read_reverse(index_path: Path, dict_path: Path) -> tuple[dict[str, dict[str, int]], set[str]]:
    """FreeDict eng-nld -> (Dutch word -> {English headword: how early the Dutch word is
    listed, 1 = first}, the English headwords)."""
    reverse: dict[str, dict[str, int]] = defaultdict(dict)
    headwords: set[str] = set()
    for match, body in _headed_articles(index_path, dict_path, _HEADLINE):
        english = match["head"].strip().lower()
        headwords.update(english.split())
        dutch = [normalise_dutch(w.strip()) for line in body
                 for w in _NUMBERED.sub("", line).split(",") if w.strip()]  # fmt: skip
        for rank, word in enumerate(dutch, 1):
            reverse[word.lower()].setdefault(english, rank)
    return dict(reverse), {w for w in headwords if w.isalpha()}


# WikDict writes the IPA between single slashes (nld-pol, most of nld-spa) or double ones,
# and some headlines give two pronunciations.
_WIKDICT_HEADLINE = re.compile(r"^(?P<head>.+?)(?: /{1,2}[^/]*/{1,2})*(?: <(?P<pos>[^>]+)>)?$")
# Wiktionary's parts of speech as CGN main tags.
_WIKDICT_TAGS = {
    "n": "N", "v": "WW", "adj": "ADJ", "adv": "BW", "preposition": "VZ", "postposition": "VZ",
    "conjunction": "VG", "article": "LID", "interjection": "TSW", "cardinalNumeral": "TW",
    "ordinalAdjective": "ADJ", "indefiniteCardinalNumeral": "TW", "personalPronoun": "VNW",
    "possessivePronoun": "VNW", "demonstrativePronoun": "VNW", "indefinitePronoun": "VNW",
    "relativePronoun": "VNW", "interrogativePronoun": "VNW", "adverbialPronoun": "VNW",
    "reflexivePersonalPronoun": "VNW", "exclamativePronoun": "VNW",
    "indefiniteOrdinalNumeral": "ADJ", "interrogativeCardinalNumeral": "TW",
    "participleAdjective": "ADJ",
    # Filed under no part of speech: an abbreviation's expansion (bijvoorbeeld, circa; and
    # by mistake nummer, for "nr."), and fixed phrases (af en toe, bij uitstek). Their
    # translations are evidence all the same; the part of speech is Frog's (_word_evidence).
    "abbreviation": "", "phraseologicalUnit": "",
}  # fmt: skip


# nld-ita writes a sense's Dutch definition in brackets before its translations:
# " [1. de nabijheid] intorno".
_LEADING_DEFINITION = re.compile(r"^\s*\[[^\]]*\]\s*")


def read_wikdict(
    index_path: Path, dict_path: Path, bracketed_definitions: bool = False
) -> dict[str, list[tuple[str, list[str]]]]:
    """FreeDict's WikDict files (nld-spa, nld-pol, ...): Dutch headword -> [(CGN tag,
    translations in order)]. Each numbered sense has its translations and a Dutch definition;
    the words of both are kept in order, and only those the pivot dictionary knows are used
    later. With `bracketed_definitions` (nld-ita), a bracketed definition before a sense's
    translations is dropped."""
    entries: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for match, body in _headed_articles(index_path, dict_path, _WIKDICT_HEADLINE):
        if _WIKDICT_TAGS.get(match["pos"] or "") is None:
            continue
        words = []
        for line in body:
            line = _TRAILING_NUMBER.sub("", _NUMBERED.sub("", line))
            if bracketed_definitions:
                line = _LEADING_DEFINITION.sub("", line)
            words += [w.strip().lower() for w in line.split(",") if w.strip()]
        entry = (_WIKDICT_TAGS[match["pos"]], list(dict.fromkeys(words)))
        entries[normalise_dutch(match["head"].strip())].append(entry)
    return dict(entries)


def read_wikdict_senses(index_path: Path, dict_path: Path) -> dict[str, list[list[str]]]:
    """A WikDict file into English (pol-eng): headword -> its senses, each a list of English
    translations. A sense is the line after the headline or a numbered line; the lines in
    between are definitions in the pivot language."""
    entries: dict[str, list[list[str]]] = {}
    for match, body in _headed_articles(index_path, dict_path, _WIKDICT_HEADLINE):
        senses = []
        for n, line in enumerate(body):
            if _NUMBERED.match(line) or (n == 0 and not line.startswith("(")):
                text = _TRAILING_NUMBER.sub("", _NUMBERED.sub("", line))
                sense = [w.strip() for w in _PARENTHESES.sub(" ", text).split(",") if w.strip()]
                if sense:
                    senses.append(sense)
        entries.setdefault(match["head"].strip().lower(), []).extend(senses)
    return entries


def read_translations(index_path: Path, dict_path: Path) -> dict[str, list[list[str]]]:
    """A FreeDict Ergane file (spa-eng, nld-deu): headword -> its senses, each a list of
    translations with grammar marks (<m>) dropped."""
    entries: dict[str, list[list[str]]] = {}
    for match, body in _headed_articles(index_path, dict_path, _HEADLINE):
        head = normalise_dutch(match["head"].strip())
        senses = [[w.strip() for w in _PARENTHESES.sub(" ", _NUMBERED.sub("", line)).split(",")
                   if w.strip()] for line in body]  # fmt: skip
        entries.setdefault(head, []).extend(s for s in senses if s)
    return entries


_DING_TAGS = {"n": "N", "v": "WW", "adj": "ADJ", "adv": "BW", "prep": "VZ", "conj": "VG"}
_DING_ITEM = re.compile(r"^(?P<text>[^<]*?)\s*(?:<(?P<pos>[a-z]+)[^>]*>.*)?$")


def ding_translations(lookup: DictdLookup, german: str) -> dict[str, str]:
    """FreeDict deu-eng (Ding): English equivalents of a German word -> CGN tag ('' unknown),
    from the first line of each of its articles (later lines are examples and synonyms)."""
    found: dict[str, str] = {}
    for article in lookup.articles(german):
        lines = _article_lines(article)
        if len(lines) < 2 or not lines[0].startswith(german):
            continue  # the index folds case: "Stil" and "stil" share a key
        for part in re.sub(r"\[[^\]]*\]|/[^/]*/", " ", lines[1]).split(","):
            match = _DING_ITEM.match(part.strip())
            if match is None or not match["text"]:
                continue
            items = sense_items(match["text"])
            tag = (
                "WW" if match["text"].startswith("to ") else _DING_TAGS.get(match["pos"] or "", "")
            )
            for item in items:
                found.setdefault(item, tag)
    return found


# --- Senses: a part of speech and a weight each -------------------------------------------

# Choosing a sense's part of speech among the Dutch word's own (Frog's tags, Wiktionary's):
# the share of the sense's English words WordNet knows in that part of speech, ...
_TAG_ENGLISH = 1.0
# ... whether Wiktionary's entry for the word in that part of speech translates (through
# Spanish) into one of the sense's words: a dictionary that says so outright, so it counts most,
_TAG_WIKTIONARY = 2.0
# ... the share of the sense's words that German triangulation gives with that part of speech,
_TAG_GERMAN = 1.0
# ... and, to break ties only, how often the Dutch word is used so (Frog's share).
_TAG_FROG = 0.25
# ... Wiktionary's filing counting this much where WordNet has none of the sense's words in
# that part of speech.
_WIKTIONARY_AGAINST_ENGLISH = 0.5
# English adjectives and adverbs translate each other's Dutch twins half the time: Dutch
# uses one form for both ("snel": quick, quickly), and CGN tags it ADJ when used as an adverb.
_TAG_PARTNERS = {"ADJ": "BW", "BW": "ADJ"}
_PARTNER_SHARE = 0.5
# The same reason: half of Frog's "ADJ(vrij)" readings (an adjective as adverb) count as BW.
_FREE_ADJECTIVE_AS_ADVERB = 0.5

# A sense's weight: a small linear score, normalised to sum to 1 within an entry.
_WEIGHT_BASE = 0.1  # no sense's weight is zero: each stays one click away
# Wiktionary's first translation of the word (through spa-eng) names this sense: the meaning
# Wiktionary's editors put first, which is the one a reader most often needs.
_WEIGHT_WIKTIONARY_FIRST = 3.0
# Another of Wiktionary's translations names it: a real sense, not a rare one.
_WEIGHT_WIKTIONARY_OTHER = 1.0
# Each further language whose first translation names the same sense adds this share of the
# one before: one language saying so is weaker than four.
_AGREEMENT_DECAY = 0.25
# The reverse dictionary gives this Dutch word for one of the sense's English words,
# weighted 1/rank by how early it lists it ("style" -> "stijl" first, "pole" -> fifth). A
# common English word has many Dutch words and so ranks any of them late ("number" lists
# nummer seventh, "numeral" second; "matter" zaak fourth, "shop" second): at 2.0 this
# outweighed English frequency and put zaak's shop, brengen's "carry, wear" and kerk's
# "kirk" first. At 1.0, 223 first senses change, in the commonest hundred about three in
# four for the better (zaak: matter, brengen: bring, inhoud: contents; soms: "maybe" and
# verslaan: "give an account" for the worse); on the judged sets four rows become right
# (brengen, dragen, vaste, zaak) and one a later sense (storing: "hindrance" first).
_WEIGHT_REVERSE = 1.0
# German triangulation (nld-deu, then deu-eng) reaches one of the sense's English words.
_WEIGHT_GERMAN = 1.0
# The languages whose dictionaries into Dutch list the word under an X word that one of the
# sense's English words translates (soms: "sometimes" through German manchmal, French
# parfois, Finnish joskus and Swedish ibland; "maybe" through German vielleicht alone):
# each of six dictionaries made apart says which sense it knows the word by, counted up to
# this many.
_WEIGHT_BACKWARDS = 2.0
_BACKWARDS_ENOUGH = 4
# ... scaled by this when other German equivalents of the word agree with another language
# and the one reaching the sense does not.
_GERMAN_UNCONFIRMED = 0.5
# A first translation at least this many Zipf points rarer than the Dutch word confirms
# no German equivalent.
_CONFIRMING_SLACK = 1.0
# English frequency of the sense's commonest word (Zipf 3 -> 0, Zipf 7 -> 1): rare words
# ("stanchion") are rarely the meaning a learner meets.
_WEIGHT_ENGLISH_FREQUENCY = 1.0
# How often the Dutch word is used in the sense's part of speech (Frog's share): without
# context, the common use of "zijn" (the verb) comes before "existence".
_WEIGHT_TAG_SHARE = 2.0
# One of the sense's words is the English word the Dutch one is spelled like (kritisch:
# "critical" before Polish krytyczny's "alarming, grave"): the dictionary lists it, and a
# cognate it lists is almost always the common meaning.
_WEIGHT_COGNATE = 2.0
# FreeDict's own order: a weak prior, 1/(1 + position).
_WEIGHT_POSITION = 0.5
# A sense whose commonest English word is much rarer than the Dutch word itself names a
# rare use of it (ploeg 4.6 against "plough" 3.1, kant 5.1 against "lace" 3.8): its weight
# is divided by 1 + this much per Zipf point past the slack, up to _RARER_MAX points.
# Wiktionary's first translation is often the oldest sense, not the common one, and this
# weighs against it.
_WEIGHT_RARER_ENGLISH = 1.0
_RARER_SLACK = 0.5
_RARER_MAX = 2.0
# A sense nld-eng lacks and Wiktionary's routes agree on (pivot_additions): its weight is
# scaled by this, so it leads only where the other evidence is clearly for it.
_WEIGHT_PIVOT_ADDED = 0.5
# Synonyms within a sense are reordered by steps of this much of Wiktionary's say: a
# quarter, so that a further language agreeing counts (krant: "newspaper", 1.32, before
# "magazine", 1.0; at half a step both were 2 and the commoner English word led).
_REORDER_STEP = 0.25
# A route's first known translation that is not Wiktionary's first counts this much of one.
_LATER_TRANSLATION = 0.5
_RARER_MIN_ZIPF = 4.0


def raw_items(text: str) -> list[str]:
    """A sense's English equivalents as written, lowercased, grammar notes dropped."""
    parts = re.split(r"[,;]", _PARENTHESES.sub(" ", text))
    return [" ".join(part.lower().split()) for part in parts if part.strip()]


@dataclass
class Evidence:
    wordnet: WordNet
    frog_tags: dict[str, dict[str, float]]  # Dutch form -> CGN tag -> share of its uses
    participles: set[str]  # Dutch forms Frog reads as past participles
    reverse: dict[str, dict[str, int]]
    # Wiktionary through pivot languages (WIKTIONARY_PIVOTS): (nld-X, X-eng) each.
    wiktionary: list[tuple[dict[str, list[tuple[str, list[str]]]], dict[str, list[list[str]]]]]
    german: dict[str, list[list[str]]]  # nld-deu
    ding: DictdLookup  # deu-eng
    latin_names: dict[str, list[str]] = field(default_factory=dict)  # read_latin_names
    # The dictionaries into Dutch read backwards (REVERSE_ROUTES).
    routes: list[ReverseRoute] = field(default_factory=list)
    # The `wiktionary` routes that may give a word nld-eng lacks its senses, and name a sense
    # first, alone; the others (small X-eng files, with a pivot word's rare or wrong senses:
    # Italian "si" as "no doubt") count only where another route agrees.
    speaking_alone: frozenset[int] = frozenset({0, 1})
    # The routes whose X-eng lists a word's senses commonest first (WikDict's; FreeDict's
    # older files built from Ergane list them in no useful order: cavalo "knight", "horse").
    ordered_routes: frozenset[int] = frozenset({0, 1})
    _ding_cache: dict[tuple[str, bool], dict[str, str]] = field(default_factory=dict)

    def ding_translations(self, german: str, respell: bool = False) -> dict[str, str]:
        """Ding's English for a German word. With `respell`, a word Ding lacks is looked up
        again with its ß as ss: nld-deu spells German as before 1996 (Entschluß), Ding as
        after (Entschluss). Only the weights of nld-eng's senses use it: as the only
        source of a word's meaning it reached the wrong articles (Schloß: castle in the
        air, for belvédère)."""
        key = (german, respell)
        if key not in self._ding_cache:
            found = ding_translations(self.ding, german)
            if not found and respell and "ß" in german:
                found = ding_translations(self.ding, german.replace("ß", "ss"))
            self._ding_cache[key] = found
        return self._ding_cache[key]


def _lookup(table: dict, head: str):
    return table.get(head) or table.get(head.lower()) or ()


@dataclass
class _WordEvidence:
    """What the other dictionaries say about one Dutch headword, keyed by English item."""

    tags: dict[str, float]
    participle: bool
    first: dict[str, dict[str, float]]  # CGN tag -> English item -> 1 (first line) or 0.5
    # per language, what its Wiktionary's first translation says (English item -> 1 or 0.5),
    # and whether the language may speak alone (Evidence.speaking_alone)
    first_by_language: list[tuple[dict[str, float], bool]]
    other: dict[str, set[str]]  # CGN tag -> English items of other translations
    german: dict[str, str]  # English item -> CGN tag ('' unknown)
    german_strength: dict[str, float]  # English item -> 1, or less (_GERMAN_UNCONFIRMED)
    reverse: dict[str, int]
    cognates: set[str]  # English words spelled like it (kritisch: critical)
    zipf: float = 0.0  # the Dutch word's own frequency (wordfreq)
    # English item -> how many languages' backwards listings give it (backwards_languages)
    backwards: dict[str, int] = field(default_factory=dict)


def _word_evidence(evidence: Evidence, head: str) -> _WordEvidence:
    tags = dict(_lookup(evidence.frog_tags, head))
    first: dict[str, dict[str, float]] = defaultdict(dict)
    other: dict[str, set[str]] = defaultdict(set)
    first_by_language: list[tuple[dict[str, float], bool]] = []
    ordered = evidence.ordered_routes
    frog_tag = _main_frog_tag(evidence, head) or ""
    for route, (wikdict, pivot) in enumerate(evidence.wiktionary):
        alone = route in evidence.speaking_alone
        said: dict[str, float] = {}  # what this language's first translation says
        for filed, words in _lookup(wikdict, head):
            tag = filed or frog_tag
            if not tag:
                continue  # filed under no part of speech, and Frog's corpus lacks it
            if alone:
                tags.setdefault(tag, 0.0)  # a part of speech Frog's corpus never saw
            translated = [w for w in words if w in pivot]
            for n, word in enumerate(translated):
                # Wiktionary's own first translation names the main sense; where X-eng lacks
                # it, the first word it knows may translate a later sense (besluiten:
                # decidir, ..., terminar "end") and says less.
                known_first = 1.0 if word == words[0] else _LATER_TRANSLATION
                for line, senses in enumerate(pivot[word]):
                    for english in senses:
                        item = " ".join(sense_items(english))
                        if n == 0:
                            strength = 1.0 if line == 0 and route in ordered else 0.5
                            strength *= known_first
                            if alone or item not in _CLOSED_TAGS:  # "to" agrees with anything
                                said[item] = max(said.get(item, 0.0), strength)
                            if alone:
                                first[tag][item] = max(first[tag].get(item, 0.0), strength)
                        elif alone:
                            other[tag].add(item)
        if said:
            first_by_language.append((said, alone))
    german: dict[str, str] = {}
    german_words = [word for senses in _lookup(evidence.german, head) for word in senses]
    for word in german_words:
        for item, tag in evidence.ding_translations(word, respell=True).items():
            if not german.get(item):
                german[item] = tag
    # nld-deu lists a word's German equivalents in no useful order (omgeving: Milieu, Sphäre,
    # Umgebung): where some of them say what another language's first translation says
    # (Umgebung: neighbourhood, as Portuguese's vizinhança), those name the main sense and
    # the others' English words count less.
    # A first translation much rarer than the Dutch word is an old sense (kant: lace, ploeg:
    # plough) and confirms nothing.
    zipf = zipf_frequency(head, "nl") if " " not in head else 0.0
    firsts = {
        item
        for said, _ in first_by_language
        for item in said
        if _english_zipf(item) >= zipf - _CONFIRMING_SLACK
    }
    confirmed = {
        w for w in german_words if firsts & set(evidence.ding_translations(w, respell=True))
    }
    german_strength: dict[str, float] = {}
    for word in german_words:
        strength = 1.0 if not confirmed or word in confirmed else _GERMAN_UNCONFIRMED
        for item in evidence.ding_translations(word, respell=True):
            german_strength[item] = max(german_strength.get(item, 0.0), strength)
    return _WordEvidence(
        tags=tags,
        participle=head in evidence.participles or head.lower() in evidence.participles,
        first=first,
        first_by_language=first_by_language,
        other=other,
        german=german,
        german_strength=german_strength,
        reverse=dict(_lookup(evidence.reverse, head)),
        cognates={
            english
            for tag in tags
            if (english := cognate(evidence.wordnet, head.lower(), tag)) is not None
        },
        # A phrase's frequency says little, and below Zipf 4 the English words of every
        # sense are rare too: only a common single word's gap counts.
        zipf=zipf,
        backwards={
            item: len(languages)
            for item, languages in backwards_languages(evidence, evidence.routes, head).items()
        },
    )


def _english_support(word: _WordEvidence, tags: list[EnglishTags], tag: str) -> float:
    if not tags:
        return 0.0
    total = 0.0
    for english in tags:
        shares = english.shares
        if english.participle and word.participle:
            shares = {"WW": 1.0}  # "afgelopen": "finished" is the participle, not "last"
        partner = _TAG_PARTNERS.get(tag, "")
        total += shares.get(tag, 0.0) + _PARTNER_SHARE * shares.get(partner, 0.0)
    return total / len(tags)


# A part of speech Frog's corpus gives a word less than this share of its uses.
_FROG_RARE_TAG = 0.05


def _frog_rarely(word: _WordEvidence, tag: str) -> bool:
    known = sum(word.tags.values())
    return known > 0 and word.tags.get(tag, 0.0) < _FROG_RARE_TAG * known


def choose_tag(word: _WordEvidence, items: list[str], tags: list[EnglishTags]) -> str:
    """The part of speech of one sense, or '' when nothing says."""
    # English closed-class words say outright what they translate ("a, an": an article),
    # whatever part of speech Wiktionary files the Dutch word under (een <adj>).
    closed = [
        tag for item in items for tag in sorted(_CLOSED_TAGS.get(item, ())) if tag in word.tags
    ]
    if closed:
        return max(closed, key=lambda tag: (closed.count(tag), word.tags[tag]))
    english_known = bool(tags) and all(t.shares for t in tags)
    candidates = word.tags or {
        tag: 0.0 for english in tags for tag in english.shares
    }  # a word Frog and Wiktionary lack: its English words' tags
    scored = []
    for tag in sorted(candidates):
        english = _english_support(word, tags, tag)
        # WikDict files many Dutch adjectives as adverbs (zwart, abnormaal <adv>), and CGN
        # tags an adjective used as an adverb ADJ: for these two tags Wiktionary's word
        # counts for its twin as much as for itself.
        filed = (tag, _TAG_PARTNERS[tag]) if tag in _TAG_PARTNERS else (tag,)
        wiktionary = max(
            [word.first[t].get(i, 0.0) for t in filed for i in items]
            + [0.5 for t in filed for i in items if i in word.other[t]]
            + [0.0]
        )
        german = sum(word.german.get(i) == tag for i in items) / max(len(items), 1)
        if english_known and not (english or wiktionary or german):
            continue  # a sense whose words are only nouns cannot translate a verb
        if english_known and not english and not word.participle:
            # Wiktionary files all of a word's translations under one heading: zeer <adv>
            # lists dolor (ache, pain) beside bardzo (very); English words that cannot have
            # the filed part of speech make its filing weaker evidence. (A participle's
            # English words are read as verbs alone, and Wiktionary's adjective stands.)
            wiktionary *= _WIKTIONARY_AGAINST_ENGLISH
        # WikDict files some adjectives as nouns (algemeen <n>: "general", Turks: "Turkish"):
        # where Frog's corpus rarely reads the word as a noun and the sense's English words
        # fit another part of speech better, the filing is weaker evidence too. (A noun
        # sense of its own, bij "bee", keeps its tag: its English words are nouns.)
        if (
            tag == "N"
            and _frog_rarely(word, tag)
            and english < max(_english_support(word, tags, other) for other in candidates)
        ):
            wiktionary *= _WIKTIONARY_AGAINST_ENGLISH
        evidence = _TAG_ENGLISH * english + _TAG_WIKTIONARY * wiktionary + _TAG_GERMAN * german
        scored.append((evidence + _TAG_FROG * candidates[tag], evidence, tag))
    if not scored:
        return ""
    score, evidence, tag = max(scored, key=lambda s: (s[0], s[1], s[2]))
    if not evidence and len(scored) > 1:
        return ""  # only Frog's counts would decide: unknown
    return tag


def _agreement(strengths: list[float]) -> float:
    """How strongly the languages' first translations name a sense: the strongest one, and
    each further language that agrees adds less than the one before (one language saying so
    is weaker than four)."""
    total = 0.0
    for n, strength in enumerate(sorted(strengths, reverse=True)):
        total += strength * _AGREEMENT_DECAY**n
    return total


def _named_first(word: _WordEvidence, items: list[str], every_language: bool = False) -> float:
    """How strongly the languages' first translations name one of these English words."""
    said = [
        (max([named.get(i, 0.0) for i in items] + [0.0]), alone)
        for named, alone in word.first_by_language
    ]
    # a language that may not speak alone counts only where one that may, or German, agrees
    confirmed = (
        every_language
        or any(strength > 0 for strength, alone in said if alone)
        or any(i in word.german for i in items)
    )
    return _agreement([strength for strength, alone in said if alone or confirmed])


def sense_weight(word: _WordEvidence, position: int, items: list[str], tag: str) -> float:
    wiktionary_first = _named_first(word, items)
    wiktionary_other = any(i in other for other in word.other.values() for i in items)
    reverse = max([1 / word.reverse[i] for i in items if i in word.reverse] + [0.0])
    german = max([word.german_strength.get(i, 0.0) for i in items] + [0.0])
    frequency = max([_english_zipf(i) for i in items] + [0.0])
    cognate_named = any(i in word.cognates for i in items)
    # a closed-class sense's listings are other words' (voor: "to, at" through every
    # language's "for"), as in agreed_english
    backwards = max([word.backwards.get(i, 0) for i in items if i not in _CLOSED_TAGS] + [0])
    if tag not in _CONTENT_WORD_TAGS:
        backwards = 0
    rarer = 0.0
    if frequency and word.zipf >= _RARER_MIN_ZIPF:
        rarer = min(_RARER_MAX, max(0.0, word.zipf - frequency - _RARER_SLACK))
    return (
        _WEIGHT_BASE
        + _WEIGHT_COGNATE * cognate_named
        + _WEIGHT_WIKTIONARY_FIRST * wiktionary_first
        + _WEIGHT_WIKTIONARY_OTHER * wiktionary_other
        + _WEIGHT_REVERSE * reverse
        + _WEIGHT_GERMAN * german
        + _WEIGHT_BACKWARDS * min(backwards, _BACKWARDS_ENOUGH) / _BACKWARDS_ENOUGH
        + _WEIGHT_ENGLISH_FREQUENCY * min(1.0, max(0.0, (frequency - 3.0) / 4.0))
        + _WEIGHT_TAG_SHARE * word.tags.get(tag, 0.0)
        + _WEIGHT_POSITION / (1 + position)
    ) / (1 + _WEIGHT_RARER_ENGLISH * rarer)


def _synonym_zipf(item: str) -> float:
    """An English word's frequency, a phrase's counted a step lower per extra word:
    wordfreq estimates a phrase from its words as if they were independent, and rates
    "by now" (6.1) above "already" (5.5)."""
    return round(_english_zipf(item) - (len(item.split()) - 1), 2)


def _best_first(
    text: str, tags: list[EnglishTags], tag: str, weights: list[tuple[int, float]]
) -> str:
    """The sense's words in the order a learner should read them: those that can have its
    part of speech first (jong's adjective sense reads "young, child, offspring", not
    "child..."), and within each group the word Wiktionary's first translations name most:
    FreeDict lists a sense's synonyms alphabetically ("acolyte, member, supporter" for lid,
    "achieve, do, make, perform" for doen), and between words they name alike the commoner
    English word (`weights`: Wiktionary's say in steps, then English frequency). German and
    the reverse dictionary are too noisy to order synonyms by (Ding lacks werden's
    "become")."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 2 or len(parts) != len(tags) or re.search(r"[();\[\]]", text):
        return text
    fitting = [bool(tag and t.shares.get(tag)) for t in tags]
    if all(fitting) or not any(fitting):
        fitting = [True] * len(parts)  # no word says more than another by its tag
    order = sorted(
        range(len(parts)), key=lambda i: (not fitting[i], -weights[i][0], -weights[i][1], i)
    )
    return ", ".join(parts[i] for i in order)


def build_senses(
    evidence: Evidence,
    head: str,
    texts: list[str],
    added: frozenset[str] = frozenset(),
    backwards: frozenset[str] = frozenset(),
) -> list[str]:
    """Senses as 'TAG:weight:text', heaviest first; weights sum to about 1. `added` are the
    senses pivot_additions and reverse_additions gave an nld-eng entry; of those,
    `backwards` (reverse_additions') come after the entry's own (`_after_own_senses`)."""
    word = _word_evidence(evidence, head)
    scored = []
    confirmed: list[bool] = []  # per position: an own sense another source names too
    for position, text in enumerate(texts):
        raw = raw_items(text)
        items = [" ".join(sense_items(r)) for r in raw]
        tags = [english_tags(evidence.wordnet, r) for r in raw]
        tag = choose_tag(word, items, tags)
        weight = sense_weight(word, position, items, tag)
        if text in added:
            weight *= _WEIGHT_PIVOT_ADDED
        # Within a sense every language counts: the sense is there already, and German
        # confirming one synonym but not another (Ding lacks werden's "become") says nothing.
        # A quarter of a language's say is the least that reorders (land: country 1.16 and
        # land 1.17 are alike); between words Wiktionary names alike, the commoner English
        # word comes first.
        named = [
            (
                math.floor(_named_first(word, [item], every_language=True) / _REORDER_STEP),
                _synonym_zipf(item),
            )
            for item in items
        ]
        scored.append((weight, position, tag, _best_first(text, tags, tag, named)))
        confirmed.append(text not in backwards and _confirmed(word, items))
    scored = _merged(_after_own_senses(scored, [text in backwards for text in texts], confirmed))
    total = sum(s[0] for s in scored)
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [f"{tag}:{weight / total:.3f}:{text}" for weight, _, tag, text in scored]


def _merged(scored: list[tuple[float, int, str, str]]) -> list[tuple[float, int, str, str]]:
    """Senses that read alike once their synonyms are ordered ("frying-pan, frying pan" and
    "frying pan, frying-pan" for pan) as one, with their weights added and the heavier
    one's part of speech and place."""
    by_text: dict[str, tuple[float, int, str, str]] = {}
    for weight, position, tag, text in scored:
        if text in by_text:
            other = by_text[text]
            heavier = other if other[0] >= weight else (weight, position, tag, text)
            by_text[text] = (other[0] + weight, *heavier[1:])
        else:
            by_text[text] = (weight, position, tag, text)
    return list(by_text.values())


def _after_own_senses(
    scored: list[tuple[float, int, str, str]], backwards: list[bool], confirmed: list[bool]
) -> list[tuple[float, int, str, str]]:
    """A sense the backwards listings added (`backwards`, by position) comes after every
    sense the entry had of its part of speech, at most half the lightest one's weight, and
    goes where the entry had none of its part of speech: the app leads with a sense of the
    part of speech a sentence needs, so such a sense would lead (eerst: "at first" before
    the numeral's "first"; daarom: "so, well" before "therefore"). It is evidence enough
    for "More meanings" (houden: "keep"), not for the first meaning.

    Unless no other source names any of the entry's own senses of that part of speech
    (`confirmed`, by position): then two or more languages agreeing outweigh one old
    dictionary's say, and the added sense leads (hoogleraar: "professor" before
    "academic", pink: "little finger" before "bark, barque")."""
    lightest: dict[str, float] = {}
    heaviest: dict[str, float] = {}
    named = {tag for (_, _, tag, _), said in zip(scored, confirmed, strict=True) if said}
    for weight, position, tag, _ in scored:
        if not backwards[position]:
            lightest[tag] = min(weight, lightest.get(tag, weight))
            heaviest[tag] = max(weight, heaviest.get(tag, weight))

    def placed(weight: float, tag: str) -> float:
        if tag in named:
            return min(weight, _BACKWARDS_SHARE * lightest[tag])
        return heaviest[tag] + weight

    return [
        (placed(weight, tag) if backwards[position] else weight, position, tag, text)
        for weight, position, tag, text in scored
        if not backwards[position] or tag in lightest
    ]


def _confirmed(word: _WordEvidence, items: list[str]) -> bool:
    """Whether a source besides nld-eng names one of a sense's English words: a language's
    Wiktionary translation, German, the backwards listings or the spelling (a cognate).
    eng-nld does not count: it repeats nld-eng's own words (blijken: "point out to be")."""
    return bool(
        _named_first(word, items, every_language=True)
        or any(i in other for other in word.other.values() for i in items)
        or any(word.german_strength.get(i) for i in items)
        or any(i in word.cognates for i in items)
        or any(word.backwards.get(i) for i in items if i not in _CLOSED_TAGS)
    )


_BACKWARDS_SHARE = 0.5


# --- Words nld-eng lacks, translated through another language --------------------------------

# Of the pivot word Wiktionary gives first, this many of its English senses ...
_PIVOT_SENSES = 3
# ... and of the German translations, this many words, this many English items each.
_GERMAN_WORDS = 2
_GERMAN_ITEMS = 4


def pivot_senses(evidence: Evidence, head: str, agreed_only: bool = False) -> list[str]:
    """English senses for a Dutch word through Wiktionary's first translation (Polish,
    Spanish) and through German: nld-eng lacks container, diplomatiek, gegevens.

    A pivot word has senses of its own ("przełom": gorge, breakthrough): where the routes
    agree, only the senses another route confirms are kept, confirmed words first."""
    routes: list[list[list[str]]] = []  # per route, its senses, each a list of English words
    strong: list[bool] = []  # per route, whether it may speak alone
    alone: list[list[str]] = []  # the senses of the routes that may speak alone
    for n, (wikdict, pivot) in enumerate(evidence.wiktionary):
        for _, words in wikdict.get(head, ()):
            first = next((w for w in words if w in pivot), None)
            if first is not None:
                routes.append(pivot[first][:_PIVOT_SENSES])
                strong.append(n in evidence.speaking_alone)
                if strong[-1]:
                    alone += pivot[first][:_PIVOT_SENSES]
    wiktionary = [sense for route in routes for sense in route]
    german: list[list[str]] = []
    for senses in evidence.german.get(head, ())[:1]:
        for word in senses[:_GERMAN_WORDS]:
            items = list(evidence.ding_translations(word))[:_GERMAN_ITEMS]
            if items:
                german.append(items)
    routes.append(german)
    strong.append(True)
    said = [{" ".join(sense_items(e)) for sense in route for e in sense} for route in routes]

    def agreed(sense: list[str]) -> list[str]:
        keys = [" ".join(sense_items(e)) for e in sense]
        # a word another route gives too (the route it came from is one of those saying it),
        # one of them a route that may speak alone: two small dictionaries' pivot words share
        # senses of their own (Swedish ljus and Finnish kynttilä: candle, for licht)
        return [
            e
            for e, key in zip(sense, keys, strict=True)
            if sum(key in s for s in said) > 1
            and any(key in s for s, speaks in zip(said, strong, strict=True) if speaks)
        ]

    if any(agreed(sense) for sense in wiktionary):
        senses = [agreed(s) + [e for e in s if e not in agreed(s)] for s in wiktionary if agreed(s)]
    elif agreed_only:
        return []
    else:
        senses = alone + german
    return list(dict.fromkeys(", ".join(sense) for sense in senses))


def pivot_entries(
    evidence: Evidence, freedict: dict[str, tuple[str, list[str]]]
) -> dict[str, tuple[str, list[str]]]:
    """Entries for the headwords of nld-pol, nld-spa and nld-deu that nld-eng lacks."""
    known = set(freedict) | {head.lower() for head in freedict}
    # Headwords of the routes that may speak alone (the others only add their agreement):
    # a word only a small dictionary has is as likely its mistake (nld-ita's "si").
    heads = {
        head
        for n, (wikdict, _) in enumerate(evidence.wiktionary)
        if n in evidence.speaking_alone
        for head in wikdict
    } | set(evidence.german)
    found = {}
    for head in sorted(heads):
        if head in known or head.lower() in known:
            continue
        texts = pivot_senses(evidence, head) or species_senses(evidence, head)
        if texts:
            found[head] = ("", texts)
    return found


_SPECIES_NAMES = 1  # WordNet names the species first; its other names are rarer or older


def species_senses(evidence: Evidence, head: str) -> list[str]:
    """A plant's or animal's English name through the Latin name Wiktionary's definition
    gives (grutto: Limosa limosa, godwit), for a word no route translates."""
    for wikdict, _ in evidence.wiktionary:
        for _, words in wikdict.get(head, ()):
            for word in words:
                names = evidence.latin_names.get(word)
                if names:
                    return [", ".join(names[:_SPECIES_NAMES])]
    return []


def _known_items(senses: list[str]) -> set[str]:
    """The English items an entry's senses have, normalised for comparing (sense_items)."""
    return {" ".join(sense_items(item)) for sense in senses for item in raw_items(sense)}


def _main_frog_tag(evidence: Evidence, head: str) -> str | None:
    """The CGN main tag Frog's corpus gives the word most often, or None."""
    tags = _lookup(evidence.frog_tags, head)
    return max(tags, key=tags.__getitem__) if tags else None


def pivot_additions(
    evidence: Evidence, freedict: dict[str, tuple[str, list[str]]]
) -> dict[str, set[str]]:
    """Add to nld-eng's own entries the senses Wiktionary's routes agree on that name no
    English word the entry has yet (kunnen: "can", bezwaar: "objection", onverwacht:
    "unexpected"); the weights then place them like any other sense's, scaled down by
    _WEIGHT_PIVOT_ADDED. Returns the added senses by headword."""
    added: dict[str, set[str]] = {}
    for head, (ipa, senses) in freedict.items():
        if " " in head or not any(head in w or head.lower() in w for w, _ in evidence.wiktionary):
            continue
        known = _known_items(senses)
        new = []
        for text in pivot_senses(evidence, head, agreed_only=True):
            items = [" ".join(sense_items(i)) for i in raw_items(text)]
            if items and not any(item in known for item in items):
                new.append(text)
                known.update(items)
        if new:
            freedict[head] = (ipa, [*senses, *new])
            added[head] = set(new)
    return added


# --- Words no dictionary into English has, found in dictionaries into Dutch ---------------


@dataclass(frozen=True)
class ReverseRoute:
    """A dictionary from language X into Dutch, read backwards (the X words that list a
    Dutch word as a translation), and X's words in English: X-eng's senses, or for German
    Ding's (`english` is None)."""

    language: str
    sources: dict[str, list[str]]  # Dutch word -> the X words listing it, in file order
    english: dict[str, list[list[str]]] | None


# The X-Dutch dictionaries read backwards, each with the reader of its format and of its
# X-English file: FreeDict's older Ergane-built files, or WikDict's (Wiktionary's
# translation tables, with the X definitions between the numbered senses).
REVERSE_ROUTES = [
    ("deu", read_translations, None),
    ("fra", read_translations, read_translations),
    ("pol", read_wikdict_senses, read_wikdict_senses),
    ("fin", read_wikdict_senses, read_wikdict_senses),
    ("swe", read_wikdict_senses, read_translations),
    ("ell", read_wikdict_senses, read_wikdict_senses),
]
# Per route, this many X words listing the Dutch word, of each this many senses and English
# items: the first senses are the X word's commonest (WikDict) or Ding's first line.
_REVERSE_SOURCES = 5
_REVERSE_SENSES = 3
_REVERSE_ITEMS = 6
# An English word counts when this many languages give it: one language's backwards
# listing is as often a related word (a Dutch word under a wider X word) as its equivalent.
_REVERSE_AGREEMENT = 2
_REVERSE_WORDS = 4  # the agreed English words one sense keeps, most agreed and commonest first


def read_reverse_route(language: str, to_dutch_reader, english_reader) -> ReverseRoute:
    sources: dict[str, list[str]] = defaultdict(list)
    for word, senses in to_dutch_reader(*dictd_paths(f"{language}-nld")).items():
        for sense in senses:
            for item in sense:
                dutch = normalise_dutch(item)
                if word not in sources[dutch]:
                    sources[dutch].append(word)
    english = _repaired(english_reader(*dictd_paths(f"{language}-eng"))) if english_reader else None
    return ReverseRoute(language, dict(sources), english)


def _route_english(evidence: Evidence, route: ReverseRoute, word: str) -> list[str]:
    if route.english is None:
        return list(evidence.ding_translations(word))[:_REVERSE_ITEMS]
    senses = route.english.get(word) or route.english.get(word.lower()) or []
    items = [item for sense in senses[:_REVERSE_SENSES] for e in sense for item in _items(e)]
    return list(dict.fromkeys(items))[:_REVERSE_ITEMS]


def _items(text: str) -> list[str]:
    """sense_items with the English spelling's case kept (Dutch: "Dutch", not "dutch")."""
    parts = re.split(r"[,;]", text)
    return [_cased(part, item) for part in parts for item in sense_items(part)[:1]]


def _cased(part: str, item: str) -> str:
    start = part.lower().find(item)
    return part[start : start + len(item)] if start >= 0 else item


# A Dutch word's form that is its own dictionary form, by Frog's tag: a singular noun, an
# infinitive, an adjective's base form without -e, an adverb. Inflected forms find their
# lemma's entry (nederlandse: "Dutch", not the routes' "Dutchwoman"; gestolen: stelen),
# and a diminutive its base's (kuiltje: a small hollow, not the routes' "dimple").
_LEMMA_FORM_TAGS = (
    "N(soort,ev", "WW(inf", "ADJ(prenom,basis,zonder", "ADJ(vrij,basis,zonder", "BW",
)  # fmt: skip


def lemma_forms(path: Path) -> set[str]:
    """The lowercase forms whose commonest reading in Frog's corpus is a dictionary form."""
    found = set()
    for form, readings in frog_entries(path):
        content = [(count, tag) for tag, count in readings if tag.partition("(")[0] in _SENSE_TAGS]
        tag = max(content)[1] if content else ""
        if form.islower() and tag.startswith(_LEMMA_FORM_TAGS) and ",dim," not in tag:
            found.add(form)
    return found


_PHRASE_WORDS = 4  # a longer one is a definition, not a phrase a text uses as it stands


def reverse_route_entries(
    evidence: Evidence, routes: list[ReverseRoute], known: set[str], lemmas: set[str]
) -> dict[str, tuple[str, list[str]]]:
    """Entries for Dutch words no dictionary into English has (`known`: their headwords),
    from the X-Dutch dictionaries read backwards: the English words two or more languages
    agree on (koufront: "cold front" through Finnish kylmä rintama and Greek ψυχρό μέτωπο;
    bondgenoot: "ally" through Polish, Finnish and Greek). Only a form that is its own
    lemma in Frog's corpus (`lemma_forms`) gets one, and a phrase of a few words (openbaar
    vervoer: "public transport", vroeg of laat: "sooner or later"), which the analysis
    then reads as one unit."""
    heads = {head for route in routes for head in route.sources}
    found = {}
    for head in sorted(heads):
        words = head.split()
        phrase = 1 < len(words) <= _PHRASE_WORDS and all(len(w) > 1 for w in words)
        if head in known or head.lower() in known or not (head in lemmas or phrase):
            continue
        agreed = agreed_english(evidence, routes, head)
        if agreed:
            found[head] = ("", [", ".join(agreed[:_REVERSE_WORDS])])
    return found


def _backwards_english(
    evidence: Evidence, routes: list[ReverseRoute], head: str
) -> Iterator[tuple[ReverseRoute, str]]:
    """Each English item a route's X words listing the Dutch word translate into, with
    the route, as the X-eng file spells it."""
    for route in routes:
        for word in route.sources.get(head, ())[:_REVERSE_SOURCES]:
            for english in _route_english(evidence, route, word):
                yield route, english


def backwards_languages(
    evidence: Evidence, routes: list[ReverseRoute], head: str
) -> dict[str, set[str]]:
    """English item (normalised as sense_items) -> the languages whose backwards
    listings give it the Dutch word."""
    languages: dict[str, set[str]] = defaultdict(set)
    for route, english in _backwards_english(evidence, routes, head):
        languages[" ".join(sense_items(english.lower()))].add(route.language)
    return languages


def agreed_english(evidence: Evidence, routes: list[ReverseRoute], head: str) -> list[str]:
    """The English items two or more languages' backwards listings give a Dutch word, the
    most agreed and then the commonest first, each spelled as most of the X-eng files that
    keep case spell it (Ding's items are lowercased: "beijing" is Beijing)."""
    languages: dict[str, set[str]] = defaultdict(set)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for route, english in _backwards_english(evidence, routes, head):
        languages[english.lower()].add(route.language)
        spellings[english.lower()][english] += route.english is not None
    # An English closed-class word (so, that, as) agrees with too much to say anything, as
    # in the smaller Wiktionary routes (daarom is "so" in no sense a learner needs).
    agreed = sorted(
        (
            e
            for e, said in languages.items()
            if len(said) >= _REVERSE_AGREEMENT and e not in _CLOSED_TAGS
        ),
        key=lambda e: (-len(languages[e]), -_english_zipf(e.split()[-1]), e),
    )
    return [max(spellings[e], key=lambda w: (spellings[e][w], w == e)) for e in agreed]


_CONTENT_WORD_TAGS = frozenset({"N", "WW", "ADJ", "BW"})

_LISTED_WORDS = 3  # the English words a guess from one listing shows, in the route's order
_LISTED_MIN_LENGTH = 3  # a shorter form is a letter or an abbreviation (e: listed as "ou")
_LISTED_ITEM = re.compile(r"[^\W\d_]{2,}(?:[ '-][^\W\d_]+)*")  # not "voc.", "H" or "1st"


def listed_entries(
    evidence: Evidence, routes: list[ReverseRoute], known: set[str], lemmas: set[str]
) -> dict[str, str]:
    """Form -> 'TAG:1.000:english' for the content words no dictionary has, whose only
    trace is in one language's dictionary into Dutch (lukken: Finnish menestyä, "succeed";
    voortaan: Greek, "from now on, henceforth"; overtreding: "infringement"). One language
    is too little for an entry (reverse_route_entries wants two: a Dutch word is as often
    listed under a wider word as under its equivalent), but more than nothing: the app
    shows it as a guess, with the part of speech Frog's corpus gives the word most."""
    heads = {head for route in routes for head in route.sources}
    found = {}
    for head in sorted(heads & lemmas):
        tag = _main_frog_tag(evidence, head)
        if head in known or tag not in _CONTENT_WORD_TAGS or len(head) < _LISTED_MIN_LENGTH:
            continue
        english = [
            item
            for _, item in _backwards_english(evidence, routes, head)
            if _LISTED_ITEM.fullmatch(item) and item.lower() not in _CLOSED_TAGS
        ]
        if english:
            found[head] = f"{tag}:1.000:{', '.join(list(dict.fromkeys(english))[:_LISTED_WORDS])}"
    return found


def reverse_additions(
    evidence: Evidence, routes: list[ReverseRoute], freedict: dict[str, tuple[str, list[str]]]
) -> dict[str, set[str]]:
    """Add to an entry the English words the backwards listings agree on that it lacks,
    each a sense of its own (houden: "keep", verdediger: "defender"; the languages' words
    each have their senses, so two agreed words need not be synonyms); build_senses puts
    them after the entry's own senses (`_after_own_senses`). Returns them by headword."""
    added: dict[str, set[str]] = {}
    for head, (ipa, senses) in freedict.items():
        if " " in head or _main_frog_tag(evidence, head) not in _CONTENT_WORD_TAGS:
            continue  # het, zo, bij: a closed-class word's listings are other words' (that)
        known = _known_items(senses)
        new = [e for e in agreed_english(evidence, routes, head) if e.lower() not in known]
        if new:
            freedict[head] = (ipa, [*senses, *new[:_REVERSE_WORDS]])
            added[head] = set(new[:_REVERSE_WORDS])
    return added


# --- Cognates: a guess from the spelling, for words no dictionary has ----------------------

# Dutch endings and the English ones they correspond to, by the Dutch word's CGN tag; the
# empty ending is the loanword spelled alike (video, app). Longest ending first.
_COGNATE_ENDINGS = {
    "N": [
        ("grafie", ("graphy",)), ("logie", ("logy",)), ("iteit", ("ity",)), ("atie", ("ation",)),
        ("isering", ("ization", "isation")), ("iering", ("ing", "ation")),
        ("itie", ("ition", "ice")), ("isme", ("ism",)), ("teit", ("ty",)), ("ment", ("ment",)),
        ("entie", ("ence",)), ("antie", ("ance",)), ("tie", ("tion", "cy")), ("sie", ("sion",)),
        ("iek", ("ic", "ics", "ique")),
        ("uur", ("ure",)), ("eur", ("or", "er")), ("aat", ("ate",)), ("ist", ("ist",)),
        ("ode", ("od",)), ("ine", ("in",)), ("ie", ("y",)), ("", ("",)),
    ],
    "ADJ": [
        ("isch", ("ic", "ical")), ("ieel", ("ial",)), ("abel", ("able",)), ("ibel", ("ible",)),
        ("iek", ("ic",)), ("eel", ("al",)), ("aal", ("al",)), ("ief", ("ive",)),
        ("air", ("ary", "ar")), ("eus", ("ous",)), ("", ("",)),
    ],
    "WW": [("eren", ("ate", "e", "", "ize", "ise"))],
}  # fmt: skip
_COGNATE_WORDNET = {"N": "n", "ADJ": "a", "WW": "v"}
# The English word must be common (a learner meets it) and long enough not to be chance.
_COGNATE_MIN_ZIPF = 3.0
_COGNATE_MIN_LENGTH = 4
# ... unless spelled exactly alike and at least this long.
_SAME_SPELLING_MIN_LENGTH = 6
_SAME_SPELLING_MIN_ZIPF = 1.5
# ... or made by a regular ending and at least this long.
_LONG_COGNATE_MIN_LENGTH = 9
_LONG_COGNATE_MIN_ZIPF = 2.0


def _without_diaeresis(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def cognate(wordnet: WordNet, form: str, tag: str) -> str | None:
    """The English word a Dutch word of that tag is spelled like, or None: diplomatiek ->
    diplomatic, organiseren -> organize, elektrisch -> electric. English WordNet must know
    it in the same part of speech."""
    plain = _without_diaeresis(form)  # coördinator, intuïtie: English writes no trema
    spellings = dict.fromkeys((form, form.replace("k", "c"), plain, plain.replace("k", "c")))
    for dutch, english_endings in _COGNATE_ENDINGS.get(tag, ()):
        for spelling in spellings:
            if not spelling.endswith(dutch):
                continue
            stem = spelling[: len(spelling) - len(dutch)]
            for ending in english_endings:
                english = stem + ending
                # A word spelled exactly alike and long is no chance match, however rare in
                # English (polder, bottleneck): English writes it for the same thing.
                same = english == form and len(form) >= _SAME_SPELLING_MIN_LENGTH
                # So is a long word whose ending English makes regularly (quantificatie:
                # quantification, commutativiteit: commutativity).
                regular = bool(dutch) and len(english) >= _LONG_COGNATE_MIN_LENGTH
                minimum = (
                    _SAME_SPELLING_MIN_ZIPF
                    if same
                    else _LONG_COGNATE_MIN_ZIPF
                    if regular
                    else _COGNATE_MIN_ZIPF
                )
                if (
                    len(english) >= _COGNATE_MIN_LENGTH
                    and _COGNATE_WORDNET[tag] in wordnet.lemmas.get(english, ())
                    and _english_zipf(english) >= minimum
                ):
                    return english
    return None


def cognate_entries(
    wordnet: WordNet, forms: dict[str, str], dictionary: dict[str, list[str]]
) -> dict[str, str]:
    """Form -> 'TAG:1.000:english' for the lemma forms Frog's corpus knows (more than once,
    as a noun, verb or adjective) that no dictionary has, and for the nouns spelled like a
    common English word (`loanword_entries`)."""
    known = set(dictionary) | {head.lower() for head in dictionary}
    loanwords = loanword_entries(wordnet, forms, dictionary)
    found = dict(loanwords)
    for form, encoded in forms.items():
        if form in known or not form.isalpha() or not form.islower():
            continue
        readings = [reading.split(":") for reading in encoded.split(";")]
        tag, feature, number, count = readings[0]
        lemma_form = (tag == "N" and number == "ev") or (tag == "WW" and feature == "inf")
        if int(count) < 2 or not (lemma_form or tag == "ADJ"):
            continue
        english = cognate(wordnet, form, tag)
        # A verb reading the corpus saw once or twice is noise (sprint, scan), not a verb.
        native = tag != "WW" and any(r[0] == "WW" and int(r[3]) > 2 for r in readings)
        if english is not None and not (english == form and native):  # sleep: to drag
            found[form] = f"{tag}:1.000:{english}"
            loanwords.pop(form, None)
    return _plurals_as_singular(wordnet, forms, found, loanwords)


# A loanword: a noun spelled like a common English word and used in Dutch text too (app,
# fan, job), however short.
_LOAN_ENGLISH_ZIPF = 4.0
_SHORT_LOAN_ENGLISH_ZIPF = 4.5  # three letters are easily a chance match
_LOAN_DUTCH_ZIPF = 3.0
_LOAN_MIN_LENGTH = 3


def loanword_entries(
    wordnet: WordNet, forms: dict[str, str], dictionary: dict[str, list[str]]
) -> dict[str, str]:
    """Form -> 'N:1.000:form' for the words no dictionary has that are common in Dutch text
    and spelled like a common English word that is not only a verb (app, fan, job). The
    corpus must read the form as a noun more than once (a single reading is noise: col|lie
    is no "lie"; grenen is no "green"), or never have seen it (app, twitter: Frog's corpus
    is older) unless it read it capitalised as a name English WordNet lacks (Tim, Samsung:
    tim would be taken for the lemma of a stray timmen)."""
    candidates = {form for form in forms if form.islower()}
    for word in iter_wordlist("nl"):  # most frequent first
        if word.isalpha() and zipf_frequency(word, "nl") < _LOAN_DUTCH_ZIPF:
            break
        if word not in forms and not (_is_name(forms, word) and not wordnet.base_forms(word)):
            candidates.add(word)
    found = {}
    for form in sorted(candidates):
        if not form.isalpha() or len(form) < _LOAN_MIN_LENGTH or form in dictionary:
            continue
        readings = [r.split(":") for r in forms[form].split(";")] if form in forms else []
        if readings and sum(int(r[3]) for r in readings if r[0] == "N") < 2:
            continue
        minimum = _SHORT_LOAN_ENGLISH_ZIPF if len(form) == 3 else _LOAN_ENGLISH_ZIPF
        if _english_zipf(form) < minimum or zipf_frequency(form, "nl") < _LOAN_DUTCH_ZIPF:
            continue
        english_pos = wordnet.lemmas.get(form, set())
        if "v" in english_pos and "n" not in english_pos:
            continue  # an English verb only
        found[form] = "N:1.000:" + form
    return found


def _is_name(forms: dict[str, str], word: str) -> bool:
    """Frog's corpus reads the word capitalised (Tim, NAVO) as a name."""
    return any(
        reading.startswith("NAME:")
        for spelling in (word.capitalize(), word.upper())
        for reading in forms.get(spelling, "").split(";")
    )


def _plurals_as_singular(
    wordnet: WordNet, forms: dict[str, str], cognates: dict[str, str], loanwords: dict[str, str]
) -> dict[str, str]:
    """A plural in -s whose singular has a noun entry means the singular, as a dictionary's
    plural means its lemma (fans: fan, coaches: coach), unless English WordNet has the
    plural as a noun of its own (news, heights) and the singular is a loanword too."""
    found = {}
    for form, encoded in cognates.items():
        readings = forms.get(form)
        plural = readings is None or any(r.startswith("N::mv:") for r in readings.split(";"))
        for singular in (form[:-1], form[:-2]) if form.endswith("s") and plural else ():
            english = cognates.get(singular, "")
            own = singular in loanwords and "n" in wordnet.lemmas.get(form, ())
            if encoded.startswith("N:") and english.startswith("N:") and not own:
                encoded = english
                break
        found[form] = encoded
    return found


# --- Frog ----------------------------------------------------------------------------------

# CGN tag -> the few features the app shows; everything else in the tag is dropped.
_NAME_TAGS = {"SPEC(deeleigen)", "N(eigen"}


def reduce_cgn_tag(tag: str) -> tuple[str, str, str]:
    """('N', 'de'|'het'|'', 'ev'|'mv'|'') / ('WW', form, number) / (POS, '', '')."""
    pos, _, rest = tag.partition("(")
    features = rest.rstrip(")").split(",") if rest else []
    if pos == "N":
        if features and features[0] == "eigen":
            return "NAME", "", ""
        gender = "het" if "onz" in features else "de" if "zijd" in features else ""
        number = "mv" if "mv" in features else "ev" if "ev" in features else ""
        return "N", gender, number
    if pos == "SPEC":
        kind = features[0] if features else ""
        return ("NAME", "", "") if kind == "deeleigen" else ("SPEC", kind, "")
    if pos == "WW" and features:
        form = features[0]
        if form == "pv":
            tense = features[1] if len(features) > 1 else ""
            number = "mv" if "mv" in features else "ev"
            return "WW", f"pv-{tense}", number
        return "WW", form, ""
    return pos, "", ""


def read_frog(path: Path) -> dict[str, str]:
    """Word form -> 'POS:a:b:count' readings joined by ';', most frequent first.

    A string per form (parsed lazily by the app) keeps the file small and json.load fast.
    """
    forms: dict[str, str] = {}
    for form, readings in frog_entries(path):
        counts: dict[tuple[str, str, str], int] = defaultdict(int)
        for tag, count in readings:
            reduced = reduce_cgn_tag(tag)
            if reduced[0] in {"LET"}:
                continue
            counts[reduced] += count
        if not counts:
            continue
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        encoded = ";".join(f"{p}:{a}:{b}:{n}" for (p, a, b), n in ordered)
        forms.setdefault(form, encoded)  # ĳ and ij spellings of a word: the first wins
    return forms


def frog_entries(path: Path) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    """(form, [(CGN tag, corpus count)]) of each line of Frog's lexicon that has letters."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.split()
            if len(fields) < 3 or not any(c.isalpha() for c in fields[1]):
                continue
            readings = [reading.rpartition(":") for reading in fields[2:]]
            yield normalise_dutch(fields[1]), [(tag, int(count)) for tag, _, count in readings]


_SENSE_TAGS = frozenset({"N", "WW", "ADJ", "BW", "VZ", "VG", "VNW", "TW", "TSW", "LID"})


def read_frog_tags(path: Path) -> tuple[dict[str, dict[str, float]], set[str]]:
    """(Dutch form -> CGN main tag -> share of its corpus uses, forms read as past
    participles). Names, foreign words and dialect readings are left out."""
    shares: dict[str, dict[str, float]] = {}
    participles: set[str] = set()
    for form, readings in frog_entries(path):
        counts: dict[str, float] = defaultdict(float)
        for tag, count in readings:
            main = tag.partition("(")[0]
            if main not in _SENSE_TAGS or "dial" in tag:
                continue
            if tag.startswith("ADJ(vrij"):
                counts["BW"] += _FREE_ADJECTIVE_AS_ADVERB * count
                counts["ADJ"] += (1 - _FREE_ADJECTIVE_AS_ADVERB) * count
            else:
                counts[main] += count
            if tag.startswith("WW(vd"):
                participles.add(form)
        total = sum(counts.values())
        if total and form not in shares:
            shares[form] = {tag: n / total for tag, n in sorted(counts.items())}
    return shares, participles


def _repaired(translations: dict[str, list[list[str]]]) -> dict[str, list[list[str]]]:
    vocabulary = english_vocabulary()
    return {
        word: [[vocabulary.repair_gloss(e) for e in sense] for sense in senses]
        for word, senses in translations.items()
    }


# Wiktionary through a pivot language: nld-X (WikDict) and X-eng, with the reader of X-eng's
# format (FreeDict's Ergane-built files, or WikDict's); whether the language may speak alone
# (Evidence.speaking_alone) and whether its X-eng lists a word's senses commonest first
# (Evidence.ordered_routes).
WIKTIONARY_PIVOTS = [
    ("spa", read_translations, True, True),
    ("pol", read_wikdict_senses, True, True),
    ("por", read_translations, False, False),
    ("swe", read_translations, False, False),
    ("ita", read_translations, False, False),
    ("fin", read_wikdict_senses, False, True),
]


def load_evidence(frog_path: Path) -> Evidence:
    frog_tags, participles = read_frog_tags(frog_path)
    return Evidence(
        wordnet=english_vocabulary().wordnet,
        frog_tags=frog_tags,
        participles=participles,
        reverse=read_reverse(*dictd_paths("eng-nld"))[0],
        wiktionary=[
            (
                read_wikdict(
                    *dictd_paths(f"nld-{language}"), bracketed_definitions=language == "ita"
                ),
                _repaired(reader(*dictd_paths(f"{language}-eng"))),
            )
            for language, reader, _, _ in WIKTIONARY_PIVOTS
        ],
        speaking_alone=frozenset(n for n, pivot in enumerate(WIKTIONARY_PIVOTS) if pivot[2]),
        ordered_routes=frozenset(n for n, pivot in enumerate(WIKTIONARY_PIVOTS) if pivot[3]),
        german=read_translations(*dictd_paths("nld-deu")),
        ding=DictdLookup(*dictd_paths("deu-eng")),
        latin_names=read_latin_names(WORDNET),
        routes=[read_reverse_route(*route) for route in REVERSE_ROUTES],
    )


@dataclass
class RepairCount:
    senses: int = 0
    repaired: int = 0
    unknown_before: int = 0
    unknown_after: int = 0


def repair_senses(dictionary: dict[str, tuple[str, list[str]]], count: RepairCount) -> None:
    """Repair every sense in place, counting what changed."""
    vocabulary = english_vocabulary()
    for head, (ipa, senses) in dictionary.items():
        repaired = []
        for sense in senses:
            fixed = vocabulary.repair_gloss(sense)
            count.senses += 1
            count.repaired += fixed != sense.translate(_PLAIN_HYPHENS)  # spaces restored
            count.unknown_before += len(unknown_tokens(vocabulary, sense))
            count.unknown_after += len(unknown_tokens(vocabulary, fixed))
            if fixed not in repaired:
                repaired.append(fixed)
        dictionary[head] = (ipa, repaired)


# Dutch articles and pronouns: Dutch marks no case, so FreeDict's dative "to the" beside
# "the" (de, het), "to me" beside "me", is no equivalent of the word itself (aan de is).
_CASELESS_TAGS = frozenset({"LID", "VNW"})


def drop_datives(evidence: Evidence, dictionary: dict[str, tuple[str, list[str]]]) -> None:
    """Drop from a one-word article's or pronoun's senses an item "to X" beside X."""
    for head, (ipa, senses) in dictionary.items():
        if " " in head or _main_frog_tag(evidence, head) not in _CASELESS_TAGS:
            continue
        kept = []
        for sense in senses:
            items = [item.strip() for item in sense.split(",")]
            plain = [i for i in items if not (i.startswith("to ") and i[3:] in items)]
            text = ", ".join(plain) if len(plain) < len(items) else sense
            if text not in kept:
                kept.append(text)
        dictionary[head] = (ipa, kept)


def unknown_tokens(vocabulary: EnglishVocabulary, gloss: str) -> list[str]:
    """Lowercase words of a gloss that are not English words but split into English words:
    the debris of lost spaces. The build leaves none; tests check that."""
    return [
        word
        for word in re.findall(r"[^\W\d_]+", gloss)
        if (word.islower() or word[1:].islower())
        and not vocabulary.is_known(word.lower())
        and not vocabulary.is_name(word)
        and vocabulary.split(word.lower(), articles=word.islower()) is not None
    ]


def english_participles(wordnet: WordNet) -> dict[str, str]:
    """English verb -> its past participle, from WordNet's list of the verb forms English
    does not make regularly (break: broken, pay: paid, stop: stopped); the app makes the
    others with -ed. The list gives the past tense too: the participle is the one with a u
    the verb lacks (sung, not sang; begun, not began), else the form in -n (broken, not
    broke; done, not did), and a past
    that only changes the verb's o or u to a (came, ran) has the verb itself for its
    participle."""
    forms: dict[str, list[str]] = defaultdict(list)
    for (form, pos), lemmas in wordnet.exceptions.items():
        if pos != "v" or " " in form or form.endswith(("ing", "ies")):
            continue  # the present participle, the third person (carries)
        for lemma in lemmas:
            if form not in {lemma + "s", lemma + "es"}:
                forms[lemma].append(form)
    participles = {}
    for verb, found in sorted(forms.items()):
        found = sorted(found)
        picked = (
            next((f for f in found if "u" in f and "u" not in verb and len(found) > 1), None)
            or next((f for f in found if f.endswith(("n", "ne"))), None)
            or found[0]
        )
        if len(found) == 1 and _past_only(verb, picked):
            picked = verb
        participles[verb] = picked
    return participles


def _past_only(verb: str, past: str) -> bool:
    """came for come, ran for run: one vowel changed to a, which English uses for the past
    tense alone (sat for sit and hung for hang are participles too)."""
    changed = [(a, b) for a, b in zip(verb, past, strict=False) if a != b]
    return len(verb) == len(past) and len(changed) == 1 and changed[0] in {("o", "a"), ("u", "a")}


def render_lexicon(
    dictionary: dict[str, list[str]],
    forms: dict[str, str],
    cognates: dict[str, str],
    participles: dict[str, str],
    reversed_heads: set[str] = frozenset(),
    listed: dict[str, str] | None = None,
) -> str:
    """Tab-separated sections, lines sorted by key: the app bisects the lines instead of
    building a dict of 250,000 entries, so loading takes a fraction of what JSON would.
    A dictionary line is headword, IPA, then senses as 'TAG:weight:text', heaviest first;
    the entries read backwards from dictionaries into Dutch (`reversed_heads`) have their
    own section of such lines, and the guesses from one such dictionary (`listed`) theirs."""
    lines = [f"{HEADER}\t{LEXICON_VERSION}", DICTIONARY_SECTION]
    lines += [
        "\t".join([head, *dictionary[head]])
        for head in sorted(dictionary)
        if head not in reversed_heads
    ]
    lines.append(FORMS_SECTION)
    lines += [f"{form}\t{forms[form]}" for form in sorted(forms)]
    lines.append(COGNATES_SECTION)
    lines += [f"{form}\t{cognates[form]}" for form in sorted(cognates)]
    lines.append(PARTICIPLES_SECTION)
    lines += [f"{verb}\t{participles[verb]}" for verb in sorted(participles)]
    lines.append(REVERSED_SECTION)
    lines += ["\t".join([head, *dictionary[head]]) for head in sorted(reversed_heads)]
    lines.append(LISTED_SECTION)
    lines += [f"{form}\t{sense}" for form, sense in sorted((listed or {}).items())]
    return "\n".join(lines) + "\n"


def build(
    index_path: Path = FREEDICT_INDEX,
    dict_path: Path = FREEDICT_DICT,
    frog_path: Path = FROG_LEXICON,
    count: RepairCount | None = None,
) -> bytes:
    freedict = read_freedict(index_path, dict_path)
    evidence = load_evidence(frog_path)
    pivots = pivot_entries(evidence, freedict)
    added = pivot_additions(evidence, freedict)
    freedict.update(pivots)
    routes = evidence.routes
    known = set(freedict) | {head.lower() for head in freedict}
    lemmas = lemma_forms(frog_path)
    reversed_entries = reverse_route_entries(evidence, routes, known, lemmas)
    freedict.update(reversed_entries)
    repair_senses(freedict, count or RepairCount())
    drop_datives(evidence, freedict)
    # after the repair: "first of all" is known once "firstofall" is split
    backwards = reverse_additions(evidence, routes, freedict)
    for head, texts in backwards.items():
        added.setdefault(head, set()).update(texts)
    forms = read_frog(frog_path)
    dictionary = {
        head: [
            ipa,
            *build_senses(
                evidence,
                head,
                senses,
                frozenset(added.get(head, ())),
                frozenset(backwards.get(head, ())),
            ),
        ]
        for head, (ipa, senses) in freedict.items()
    }
    cognates = cognate_entries(evidence.wordnet, forms, dictionary)
    meant = set(dictionary) | {head.lower() for head in dictionary} | set(cognates)
    text = render_lexicon(
        dictionary,
        forms,
        cognates,
        english_participles(evidence.wordnet),
        set(reversed_entries),
        listed_entries(evidence, routes, meant, lemmas),
    )
    return gzipped(text)


def gzipped(text: str) -> bytes:
    """The text gzipped the same way every time (no timestamp, no name): a rebuild of the
    data the app ships is byte for byte the file committed."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0, filename="") as out:
        out.write(text.encode("utf-8"))
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="compare with --output, write nothing")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    count = RepairCount()
    built = build(count=count)
    print(
        f"glosses whose lost spaces were restored: {count.repaired} of {count.senses} senses"
        f" ({count.repaired / max(count.senses, 1):.1%}); glued words"
        f" {count.unknown_before} -> {count.unknown_after};"
        f" built in {time.perf_counter() - started:.0f} s"
    )
    return write_or_check(args.output, built, "lexicon", args.check)


def write_or_check(output: Path, built: bytes, what: str, check: bool) -> int:
    """Write a build to `output`, or with `check` only say whether it reproduces the file
    there (exit status 1 when not): the data the app ships must rebuild byte for byte."""
    if check:
        same = output.exists() and output.read_bytes() == built
        print(f"{what} reproduced" if same else f"{output} differs from a fresh build")
        return 0 if same else 1
    output.write_bytes(built)
    print(f"wrote {output} ({len(built) / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
