"""Build quizapp/data/glosses.tsv.gz: meanings of Dutch words in the learner's own language,
from Debian's FreeDict Dutch dictionaries into 13 languages, and Dutch explanations.

    python tools/build_glosses.py            # writes quizapp/data/glosses.tsv.gz
    python tools/build_glosses.py --check    # exit 1 unless the committed file is reproduced

Needs the Debian packages `dict-freedict-nld-{bul,deu,ell,fin,fra,ind,ita,lit,pol,por,rus,
spa,swe}`, and for triangulation `dict-freedict-spa-eng`, `-pol-eng` and `-deu-eng`.

Most of these files come from Wiktionary (WikDict): each sense is a line of translations
followed by its Dutch definition, and the same definition names the same sense in every
language. Through Spanish, Polish and German, whose dictionaries into English we have, a
sense gets English words; the app then puts first the sense whose English words are the
meaning it chose for the sentence (the meaning-in-context work), in every language, also
those with no dictionary into English. The Dutch definitions are the "Nederlands" glosses.

Layout, one sense per line, sorted:  language TAB headword TAB CGN tag TAB translations TAB
English words (;) -- and for the three pivot languages `@en` rows: English word TAB the
language's words whose first meaning it is, the fallback for a Dutch word the language's
dictionary lacks.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_lexicon import (  # noqa: E402
    _NUMBERED,
    _PARENTHESES,
    _WIKDICT_HEADLINE,
    _WIKDICT_TAGS,
    DictdLookup,
    _headed_articles,
    _repaired,
    dictd_paths,
    ding_translations,
    gzipped,
    normalise_dutch,
    read_translations,
    read_wikdict_senses,
    sense_items,
    write_or_check,
)
from wordfreq import zipf_frequency  # noqa: E402

OUTPUT = Path(__file__).resolve().parent.parent / "quizapp" / "data" / "glosses.tsv.gz"
HEADER = "quizapp-glosses\t1"

# FreeDict's file code for each ISO 639-1 code the app uses; "nl" is the Dutch definitions.
LANGUAGES = {
    "bg": "bul", "de": "deu", "el": "ell", "es": "spa", "fi": "fin", "fr": "fra",
    "id": "ind", "it": "ita", "lt": "lit", "pl": "pol", "pt": "por", "ru": "rus", "sv": "swe",
}  # fmt: skip
# Ergane files: one sense per (numbered) line, no part of speech, no definitions.
ERGANE = frozenset({"deu", "fra"})
PIVOTS = ("spa", "pol", "deu")  # the languages with a dictionary into English
_TRAILING_NUMBER = re.compile(r"\s*\d+\.$")  # "orbita 2.": the next sense's number
_BRACKETED = re.compile(r"^\[(?:\d+\.\s*)?(?P<definition>[^\]]*)\]\s*(?P<words>.*)$")
# A pivot language's word counts for an English word when it is among the first two words
# of that word's first sense: further down, the English is a loose equivalent.
_PIVOT_ITEMS = 2
_REVERSE_WORDS = 3


class Sense:
    __slots__ = ("tag", "words", "definition", "english")

    def __init__(self, tag: str, words: str, definition: str = "") -> None:
        self.tag, self.words, self.definition = tag, words, definition
        self.english: list[str] = []


def read_wikdict_glosses(code: str) -> dict[str, list[Sense]]:
    """Headword -> senses, each its translations and Dutch definition. A numbered line right
    after a line of translations is their definition; elsewhere it is translations (nld-spa
    numbers some)."""
    entries: dict[str, list[Sense]] = defaultdict(list)
    for match, body in _headed_articles(*dictd_paths(f"nld-{code}"), _WIKDICT_HEADLINE):
        tag = _WIKDICT_TAGS.get(match["pos"] or "", "")
        senses = entries[normalise_dutch(match["head"].strip())]
        after_words = False
        for line in body:
            bracketed = _BRACKETED.match(line)  # nld-ita: "[1. definition] translations"
            if bracketed:
                senses.append(Sense(tag, bracketed["words"].strip(), bracketed["definition"]))
                after_words = False
            elif _NUMBERED.match(line) and after_words:
                senses[-1].definition = _NUMBERED.sub("", line).strip()
                after_words = False
            else:
                senses.append(Sense(tag, _TRAILING_NUMBER.sub("", _NUMBERED.sub("", line))))
                after_words = True
    return {
        head: kept for head, senses in entries.items() if (kept := [s for s in senses if _real(s)])
    }


def _real(sense: Sense) -> bool:
    """Not a stray sense number or list of them ("1, 2, 3, 4", "1.2")."""
    return any(char.isalpha() for char in sense.words)


def read_ergane_glosses(code: str) -> dict[str, list[Sense]]:
    return {
        head: [Sense("", ", ".join(words)) for words in senses]
        for head, senses in read_translations(*dictd_paths(f"nld-{code}")).items()
    }


def _words(sense: Sense) -> list[str]:
    return [w.strip() for w in _PARENTHESES.sub(" ", sense.words).split(",") if w.strip()]


class Pivots:
    """The three languages with a dictionary into English: each word's English items."""

    def __init__(self) -> None:
        self._spanish = _repaired(read_translations(*dictd_paths("spa-eng")))
        self._polish = _repaired(read_wikdict_senses(*dictd_paths("pol-eng")))
        self._ding = DictdLookup(*dictd_paths("deu-eng"))

    def english(self, code: str, word: str) -> list[str]:
        """English items of a word, first sense first."""
        if code == "deu":
            return list(ding_translations(self._ding, word))
        table = self._spanish if code == "spa" else self._polish
        senses = table.get(word) or table.get(word.lower()) or []
        return [item for sense in senses for text in sense for item in sense_items(text)]

    def first_items(self, code: str, word: str) -> list[str]:
        if code == "deu":
            return list(ding_translations(self._ding, word))[:_PIVOT_ITEMS]
        table = self._spanish if code == "spa" else self._polish
        senses = table.get(word) or table.get(word.lower()) or []
        first = [item for text in senses[0] for item in sense_items(text)] if senses else []
        return first[:_PIVOT_ITEMS]


def triangulate(dictionaries: dict[str, dict[str, list[Sense]]], pivots: Pivots) -> None:
    """Give each sense English words: its own through a pivot language, or those of the pivot
    senses with the same Dutch definition (Wiktionary's same sense in another language)."""
    by_definition: dict[tuple[str, str], list[str]] = defaultdict(list)
    for code in PIVOTS:
        for head, senses in dictionaries[code].items():
            for sense in senses:
                for word in _words(sense)[:_PIVOT_ITEMS]:
                    sense.english += pivots.english(code, word)[:4]
                sense.english = list(dict.fromkeys(sense.english))
                if sense.definition:
                    by_definition[(head, sense.definition)] += sense.english
    for dictionary in dictionaries.values():
        for head, senses in dictionary.items():
            for sense in senses:
                shared = by_definition.get((head, sense.definition), ()) if sense.definition else ()
                sense.english = list(dict.fromkeys([*sense.english, *shared]))


def reverse_rows(code: str, dictionary: dict[str, list[Sense]], pivots: Pivots) -> list[str]:
    """English word -> the pivot language's words whose first meaning it is, for the words
    that language's Dutch dictionary uses (so the words are ones it writes)."""
    language = next(iso for iso, c in LANGUAGES.items() if c == code)
    candidates: dict[str, set[tuple[int, float, str]]] = defaultdict(set)
    if code in PIVOTS:
        words = sorted({w for senses in dictionary.values() for s in senses for w in _words(s)})
        pairs = [(word, pivots.first_items(code, word)) for word in words]
    else:  # no dictionary into English: the English its senses share with a pivot's
        # only a sense's first English word, and no names (Людвиг for "file"): this English
        # is a pivot word's, a step further from the sense than a pivot language's own
        pairs = [
            (word, sense.english[:1])
            for senses in dictionary.values()
            for sense in senses
            for word in _words(sense)[:1]
            if word[:1].islower()
        ]
    for word, items in pairs:
        for position, item in enumerate(items):
            # the word it names first, then the commoner word (Seite before Bord for "side")
            candidates[item].add((position, -zipf_frequency(word, language), word))
    return [
        f"@en\t{item}\t{', '.join(word for *_, word in sorted(found)[:_REVERSE_WORDS])}\t"
        for item, found in sorted(candidates.items())
        if "\t" not in item
    ]


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def build() -> bytes:
    codes = dict(LANGUAGES)
    dictionaries = {
        code: (read_ergane_glosses(code) if code in ERGANE else read_wikdict_glosses(code))
        for code in codes.values()
    }
    pivots = Pivots()
    triangulate(dictionaries, pivots)
    rows = []
    for iso, code in sorted(codes.items()):
        for head in sorted(dictionaries[code]):
            for sense in dictionaries[code][head]:
                english = ";".join(_clean(e) for e in sense.english[:8])
                rows.append(f"{iso}\t{_clean(head)}\t{sense.tag}\t{_clean(sense.words)}\t{english}")
        rows += [f"{iso}\t{row}" for row in reverse_rows(code, dictionaries[code], pivots)]
    # head -> definition -> (tag, English words of the senses it defines)
    definitions: dict[str, dict[str, tuple[str, list[str]]]] = defaultdict(dict)
    for code in sorted(dictionaries):
        for head, senses in dictionaries[code].items():
            for sense in senses:
                if sense.definition:
                    tag, english = definitions[head].setdefault(
                        _clean(sense.definition), (sense.tag, [])
                    )
                    english += [e for e in sense.english if e not in english]
    for head in sorted(definitions):
        for definition, (tag, english) in definitions[head].items():
            words = ";".join(_clean(e) for e in english[:8])
            rows.append(f"nl\t{_clean(head)}\t{tag}\t{definition}\t{words}")
    return gzipped("\n".join([HEADER, *rows]) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="compare with --output, write nothing")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    built = build()
    print(f"built in {time.perf_counter() - started:.0f} s")
    return write_or_check(args.output, built, "glosses", args.check)


if __name__ == "__main__":
    sys.exit(main())
