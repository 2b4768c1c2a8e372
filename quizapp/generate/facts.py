"""Key facts of a text (numbers, dates, places, names) and the multiple-choice questions
that ask a learner to find them: "Hoeveel? De bouw heeft … jaar geduurd." with other numbers
of the text as the wrong options."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .source import Sentence, SourceText, complete, item_rng, quoted, slug, tidy_quotes
from .words import words_of

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        [
            "nul",
            "_",
            "twee",
            "drie",
            "vier",
            "vijf",
            "zes",
            "zeven",
            "acht",
            "negen",
            "tien",
            "elf",
            "twaalf",
            "dertien",
            "veertien",
            "vijftien",
            "zestien",
            "zeventien",
            "achttien",
            "negentien",
            "twintig",
        ]
    )
    if word != "_"  # "een" is the article far more often than the number
}
NUMBER_WORDS |= {"dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "honderd": 100}
NUMBER_WORDS |= {"duizend": 1000, "miljoen": 10**6, "miljard": 10**9}
_PLACE_BEFORE = words_of("in uit naar te bij nabij rond richting")
# A four-digit number is a year after these (in 2030, sinds 1998), not before a noun (2000 euro).
_YEAR_BEFORE = words_of("in sinds vanaf tot van voor na uit rond begin eind medio jaar")
_DIGITS = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")
# Fact kinds in the order learners most need to find them: numbers and dates first.
KIND_ORDER = ("number", "date", "place", "name")
QUESTION_WORDS = {"number": "Hoeveel?", "date": "Wanneer?", "place": "Waar?", "name": "Wie of wat?"}
MIN_WORDS, MAX_WORDS = 5, 30


@dataclass(frozen=True)
class Fact:
    kind: str  # number, date, place, name
    form: str  # digits, word, year, month, weekday, name: what a stand-in must look like
    text: str
    start: int
    end: int
    sentence: int
    value: int | None = None


_CLOCK_BEFORE = words_of("half kwart over")
# Before "<number> uur", these make it a time of day ("rond drie uur"), not a duration
# ("twee uur op het perron").
_TIME_OF_DAY = words_of("om rond tegen tot vanaf van voor na omstreeks")


def _clock_time(tokens: list[dict[str, Any]], index: int) -> bool:
    """A number that names a time of day: "rond drie uur", "tot vier uur", and the first
    of "van tien tot vier uur" or "10-16 uur"."""
    before = tokens[index - 1]["text"].lower() if index else ""
    rest = [t["text"].lower() for t in tokens[index + 1 : index + 4]]
    if rest[:1] == ["uur"]:
        return before in _TIME_OF_DAY
    return len(rest) >= 3 and rest[0] in ("tot", "-", "–") and rest[2] == "uur"


def _code_part(tokens: list[dict[str, Any]], index: int) -> bool:
    """A number that is part of a code: a leading zero, a digit group right before or after
    it, or a name right before it (a street and its house number)."""
    text = tokens[index]["text"]
    if text.startswith("0") and len(text) > 1:
        return True
    neighbours = [tokens[i] for i in (index - 1, index + 1) if 0 <= i < len(tokens)]
    if any(_DIGITS.fullmatch(t["text"]) for t in neighbours):
        return True
    previous = tokens[index - 1] if index else None
    return bool(previous and (previous.get("proper_name") or previous.get("pos") == "PROPN"))


def number_value(text: str) -> int | None:
    if _DIGITS.fullmatch(text):
        return int(text.replace(".", ""))
    return NUMBER_WORDS.get(text.lower())


def sentence_facts(source: SourceText, sentence: Sentence) -> list[Fact]:
    """The facts of one sentence, in text order; a run of name tokens is one name."""
    facts: list[Fact] = []
    tokens = sentence.tokens
    index = 0
    while index < len(tokens):
        token = tokens[index]
        text = token["text"]
        lower = text.lower()
        before = tokens[index - 1]["text"].lower() if index else ""
        if token.get("proper_name") or token.get("pos") == "PROPN":
            end = index
            while end + 1 < len(tokens) and (
                tokens[end + 1].get("proper_name") or tokens[end + 1].get("pos") == "PROPN"
            ):
                end += 1
            span = source.text[token["start"] : tokens[end]["end"]]
            is_month = lower in MONTHS
            if not is_month and not any(c in span for c in "\"'“”„"):
                kind = "place" if before in _PLACE_BEFORE else "name"
                if kind == "name" and end == index:
                    # One word could be a person, a firm, a country or a thing (Nord Stream,
                    # Iran, VS): only full names (Henk Jansen) are asked as "who".
                    index = end + 1
                    continue
                facts.append(
                    Fact(kind, "name", span, token["start"], tokens[end]["end"], sentence.number)
                )
                index = end + 1
                continue
        value = number_value(text)
        if value is not None and token.get("pos") == "NUM" or _DIGITS.fullmatch(text):
            value = number_value(text)
            following = tokens[index + 1]["text"].lower() if index + 1 < len(tokens) else ""
            after_next = tokens[index + 2]["text"] if index + 2 < len(tokens) else ""
            if following in MONTHS or following == "uur" and before == "om":
                pass  # a date or a clock time: asked about as a whole below
            elif before in _CLOCK_BEFORE or _clock_time(tokens, index):
                pass  # "voor half acht", "rond drie uur", "van tien tot vier uur": a time
            elif _code_part(tokens, index) or after_next in ("'s", "’s"):
                # "bel 14 0513", "Havenweg 12": a phone number, an address or a code is no
                # quantity to find (and "half acht 's ochtends" lost its clitic once gapped)
                pass
            elif (
                _DIGITS.fullmatch(text)
                and 1000 <= (value or 0) <= 2100
                and len(text) == 4
                and (
                    not following.isalpha()
                    or before in _YEAR_BEFORE
                    and tokens[index + 1].get("pos") != "NOUN"
                )
            ):
                facts.append(
                    Fact("date", "year", text, token["start"], token["end"], sentence.number, value)
                )
            elif value is not None:
                form = "digits" if _DIGITS.fullmatch(text) else "word"
                facts.append(
                    Fact("number", form, text, token["start"], token["end"], sentence.number, value)
                )
        elif lower in MONTHS:
            facts.append(Fact("date", "month", text, token["start"], token["end"], sentence.number))
        elif lower in WEEKDAYS:
            facts.append(
                Fact("date", "weekday", text, token["start"], token["end"], sentence.number)
            )
        index += 1
    return facts


def text_facts(source: SourceText) -> dict[int, list[Fact]]:
    return {s.number: sentence_facts(source, s) for s in source.sentences if not s.heading}


def _synthetic(fact: Fact, rng) -> list[str]:
    """Stand-ins when the text has too few facts of the kind: neighbouring years, other
    months and weekdays, numbers of the same size. Never invented names or places."""
    if fact.form == "year" and fact.value:
        return [str(fact.value + d) for d in (-2, -1, 1, 2, 3)]
    if fact.form == "month":
        return [m for m in MONTHS if m != fact.text.lower()]
    if fact.form == "weekday":
        return [d for d in WEEKDAYS if d != fact.text.lower()]
    if fact.form == "word" and fact.value is not None:
        # Never "nul": zero times a day is a silly option, not a fact to find.
        near = sorted(NUMBER_WORDS, key=lambda w: (abs(NUMBER_WORDS[w] - fact.value), w))
        return [w for w in near[1:6] if NUMBER_WORDS[w] not in (fact.value, 0)]
    if fact.form == "digits" and fact.value:
        n = fact.value
        made = {n * 2, n + max(1, n // 2), n - max(1, n // 3), n * 3}
        if n >= 10 and n % 10 == 0:
            # A round number (300 meldingen) gets round stand-ins: 301 next to 300 is silly.
            step = 10 ** (len(str(n)) - len(str(n).rstrip("0")))
            made = {n - step, n + step, n + 2 * step, n * 2} if n > step else {2 * n, 3 * n, 4 * n}
        made = {m for m in made if m > 0 and m != n}
        if "." in fact.text:
            return [f"{m:,}".replace(",", ".") for m in sorted(made)]
        return [str(m) for m in sorted(made)]
    return []


def stand_ins(
    fact: Fact, facts: dict[int, list[Fact]], sentence_text: str, rng, count: int
) -> list[tuple[str, str]]:
    """(text, why) of up to `count` facts of the same kind and form from other sentences of
    the text, topped up with made-up ones of the same form (not for names)."""
    own = sentence_text.lower()
    seen = {fact.text.lower()}
    from_text = []
    for number in sorted(facts):
        for other in facts[number]:
            if other.kind != fact.kind or other.form != fact.form or number == fact.sentence:
                continue
            if other.text.lower() in seen or other.text.lower() in own:
                continue
            seen.add(other.text.lower())
            from_text.append((other.text, f"a {fact.kind} from sentence {number} of the text"))
    rng.shuffle(from_text)
    chosen = from_text[:count]
    if len(chosen) < count and fact.kind != "name" and fact.kind != "place":
        made = [m for m in _synthetic(fact, rng) if m.lower() not in seen and m.lower() not in own]
        rng.shuffle(made)
        chosen += [(m, f"a {fact.kind} of the same form, not in the text") for m in made][
            : count - len(chosen)
        ]
    if fact.kind not in ("name", "place"):
        # A number word at the start of its sentence has a capital; its stand-ins do not.
        chosen = [(t.lower(), why) for t, why in chosen]
        if fact.text[:1].isupper():
            chosen = [(t[:1].upper() + t[1:], why) for t, why in chosen]
    return chosen


def fact_sentences(source: SourceText) -> Iterator[tuple[Sentence, list[Fact]]]:
    for sentence in source.sentences:
        if sentence.heading or not (MIN_WORDS <= len(sentence.words) <= MAX_WORDS):
            continue
        if not complete(sentence) or quoted(source.sentence_text(sentence)):
            continue
        facts = sentence_facts(source, sentence)
        if facts:
            yield sentence, facts


def owner(source: SourceText, sentence: Sentence) -> str:
    """Which content kind asks about a sentence with a fact: the same sentence as a statement
    and as a fact question is one item twice. Taken in turn by sentence number, which neither
    an exclusion nor a glossary entry changes, so the two kinds share the facts evenly."""
    return "facts" if sentence.number % 2 else "statements"


def generate_facts(source: SourceText, level: str, seed: str) -> Iterator[dict[str, Any]]:
    """One fact question per sentence, numbers and dates first, then places and names."""
    facts = text_facts(source)
    ranked = []
    for sentence, found in fact_sentences(source):
        if owner(source, sentence) != "facts":
            continue
        for fact in sorted(found, key=lambda f: KIND_ORDER.index(f.kind)):
            full = source.sentence_text(sentence)
            rng = item_rng(seed, "facts", full, fact.text)
            wrong = stand_ins(fact, facts, full, rng, 3)
            if len(wrong) < 2:
                continue
            ranked.append((KIND_ORDER.index(fact.kind), sentence.number, sentence, fact, wrong))
            break
    ranked.sort(key=lambda r: (r[0], r[1]))
    asked: set[str] = set()  # one item per fact: "1 mei" twice is the same question twice
    for _kind, _number, sentence, fact, wrong in ranked:
        if fact.text.lower() in asked:
            continue
        asked.add(fact.text.lower())
        yield _payload(source, sentence, fact, wrong)


def _masked(source: SourceText, sentence: Sentence, fact: Fact) -> str:
    raw = source.text[sentence.start : fact.start] + "…" + source.text[fact.end : sentence.end]
    return tidy_quotes(raw)


def _payload(source, sentence, fact: Fact, wrong: list[tuple[str, str]]) -> dict[str, Any]:
    full = source.sentence_text(sentence)
    return {
        "id": f"gen-fact-{slug(fact.text)}-{sentence.number}",
        "type": "choice",
        "prompt": f"{QUESTION_WORDS[fact.kind]} Lees de tekst: „{_masked(source, sentence, fact)}”",
        "points": 1.0,
        "hint": f"Het antwoord staat in zin {sentence.number} van de tekst.",
        "explanation": f"In zin {sentence.number} staat: „{full}”",
        "shuffle": True,
        "line": None,
        "options": [
            {"text": fact.text, "correct": True, "feedback": None},
            *({"text": text, "correct": False, "feedback": None} for text, _why in wrong),
        ],
        "kind": "facts",
        "explain": {
            "answer": fact.text,
            "fact": fact.kind,
            "sentence": sentence.number,
            "start": fact.start,
            "end": fact.end,
            "why": f"a {fact.kind} the text states; the learner must find it",
            "distractors": [{"text": text, "why": why} for text, why in wrong],
        },
    }
