"""The vendored lexicon (quizapp/data/lexicon.tsv.gz): FreeDict senses, Frog tag readings,
cognates (a guessed English word for a word no dictionary has), the English past
participles not made with -ed (WordNet's), the entries read backwards from dictionaries
into Dutch for words no dictionary into English has, and the guesses from one such
dictionary for words that only it lists.

Built by tools/build_lexicon.py; lines are sorted by key, so look-ups bisect the lines of a
section instead of building dicts of 250,000 entries at start-up. A dictionary line is
headword, IPA, then one field per sense, "TAG:weight:text", heaviest first.
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from itertools import chain
from pathlib import Path

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "lexicon.tsv.gz"
_HEADER = "quizapp-lexicon"
_DICTIONARY_SECTION = "\n[dictionary]\n"
_FORMS_SECTION = "\n[forms]\n"
_COGNATES_SECTION = "\n[cognates]\n"
_PARTICIPLES_SECTION = "\n[participles]\n"
_REVERSED_SECTION = "\n[reversed]\n"
_LISTED_SECTION = "\n[listed]\n"


@dataclass(frozen=True, slots=True)
class Reading:
    """One tag of a word form in Frog's corpus: pos is a CGN main tag (N, WW, ADJ, NAME...).

    For nouns `feature` is the gender (de/het) and `number` ev/mv; for verbs `feature` is the
    form (pv-tgw, pv-verl, inf, vd, od) and `number` ev/mv for finite forms.
    """

    pos: str
    feature: str
    number: str
    count: int


@dataclass(frozen=True, slots=True)
class Sense:
    """One FreeDict sense: its English text, the CGN main tag of the Dutch word it translates
    (N, WW, ADJ, BW, VZ, VG, VNW, TW, TSW, LID, or "" when unknown), and its weight, which
    compares with the other senses of the same entry only (they sum to about 1)."""

    text: str
    pos: str
    weight: float


@dataclass(frozen=True, slots=True)
class Entry:
    ipa: str
    senses: tuple[Sense, ...]  # heaviest first: the order a learner sees without context
    # Read backwards from dictionaries into Dutch (bondgenoot: "ally"): no dictionary into
    # English has the word, and Frog's corpus reads it (the build makes no other such entry).
    reversed: bool = False


class _SortedLines:
    """Tab-separated lines sorted by their first field; tab sorts before every other
    character in a key, so the lines' order is the keys' order."""

    def __init__(self, block: str) -> None:
        self._lines = block.split("\n")

    def lines(self) -> list[str]:
        return self._lines

    def get(self, key: str) -> str | None:
        probe = key + "\t"
        index = bisect_left(self._lines, probe)
        if index < len(self._lines) and self._lines[index].startswith(probe):
            return self._lines[index][len(probe) :]
        return None


class Lexicon:
    def __init__(self, text: str) -> None:
        header, _, rest = text.partition(_DICTIONARY_SECTION)
        name, _, version = header.partition("\t")
        if name != _HEADER:
            raise ValueError("not a quizapp lexicon")
        dictionary, _, rest = rest.rstrip("\n").partition(_FORMS_SECTION)
        forms, _, rest = rest.partition(_COGNATES_SECTION)
        cognates, _, rest = rest.partition(_PARTICIPLES_SECTION)
        participles, _, rest = rest.partition(_REVERSED_SECTION)
        reversed_entries, _, listed = rest.partition(_LISTED_SECTION)
        self.version = version
        self._dictionary = _SortedLines(dictionary)
        self._forms = _SortedLines(forms)
        self._cognates = _SortedLines(cognates)
        self._participles = _SortedLines(participles)
        self._reversed = _SortedLines(reversed_entries)
        self._listed = _SortedLines(listed)
        self._verbs_of_participles: dict[str, str] | None = None
        self._entries: dict[str, Entry | None] = {}
        self._readings: dict[str, tuple[Reading, ...]] = {}
        self._units: dict[str, tuple[tuple[str, ...], ...]] | None = None

    def entry(self, headword: str) -> Entry | None:
        """The dictionary entry spelled exactly so (case matters: 'Rus' vs 'rus')."""
        if headword not in self._entries:
            line = self._dictionary.get(headword)
            reversed_line = None if line is not None else self._reversed.get(headword)
            if line is None and reversed_line is None:
                self._entries[headword] = None
            else:
                ipa, *senses = (line or reversed_line or "").split("\t")
                self._entries[headword] = Entry(
                    ipa, tuple(_parse_sense(s) for s in senses), reversed_line is not None
                )
        return self._entries[headword]

    def senses_for(self, headword: str, pos: str) -> tuple[Sense, ...]:
        """The entry's senses for a token read as CGN tag `pos`: those of that part of speech
        first, then those whose part of speech is unknown, then the rest; by weight within each."""
        entry = self.entry(headword)
        if entry is None:
            return ()
        return tuple(
            sorted(entry.senses, key=lambda s: 0 if s.pos == pos else 1 if not s.pos else 2)
        )

    def cognate(self, form: str) -> Sense | None:
        """For a word no dictionary has, the English word it is spelled like (video,
        diplomatiek: diplomatic): a guess, to be shown as one."""
        line = self._cognates.get(form)
        return None if line is None else _parse_sense(line)

    def listed(self, form: str) -> Sense | None:
        """For a word no dictionary has, the English words one language's dictionary into
        Dutch gives it (lukken: "succeed"): a guess, to be shown as one."""
        line = self._listed.get(form)
        return None if line is None else _parse_sense(line)

    def english_participle(self, verb: str) -> str | None:
        """The past participle of an English verb that English does not make with a plain
        -ed (broken, paid, stopped; come for come), or None."""
        return self._participles.get(verb)

    def verb_of_participle(self, participle: str) -> str | None:
        """The English verb of a past participle in the list (broken: break), or None."""
        if self._verbs_of_participles is None:
            self._verbs_of_participles = {}
            for line in self._participles.lines():
                verb, _, form = line.partition("\t")
                if form and form != verb:
                    self._verbs_of_participles.setdefault(form, verb)
        return self._verbs_of_participles.get(participle)

    def readings(self, form: str) -> tuple[Reading, ...]:
        """Frog's readings of the form spelled exactly so, most frequent first."""
        found = self._readings.get(form)
        if found is None:
            line = self._forms.get(form)
            found = () if line is None else tuple(_parse_reading(r) for r in line.split(";"))
            self._readings[form] = found
        return found

    def units(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """The dictionary's multi-word headwords (bestaan uit, met klem, ten eerste; and
        those read backwards from dictionaries into Dutch: openbaar vervoer) by their first
        word, each as its words, longest first."""
        if self._units is None:
            found: dict[str, list[tuple[str, ...]]] = {}
            for line in chain(self._dictionary.lines(), self._reversed.lines()):
                head = line.partition("\t")[0]
                words = tuple(head.split())
                if len(words) > 1:
                    found.setdefault(words[0].lower(), []).append(words)
            self._units = {
                first: tuple(sorted(units, key=lambda u: (-len(u), u)))
                for first, units in found.items()
            }
        return self._units

    def is_known(self, word: str) -> bool:
        return self.entry(word) is not None or bool(self.readings(word))

    def has_reading(self, form: str, pos: str, feature: str | None = None) -> bool:
        return any(
            r.pos == pos and (feature is None or r.feature == feature) for r in self.readings(form)
        )


def _parse_sense(text: str) -> Sense:
    pos, weight, sense = text.split(":", 2)
    return Sense(sense, pos, float(weight))


def _parse_reading(text: str) -> Reading:
    pos, feature, number, count = text.split(":")
    return Reading(pos, feature, number, int(count))


@cache
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    return Lexicon(gzip.decompress(path.read_bytes()).decode("utf-8"))
