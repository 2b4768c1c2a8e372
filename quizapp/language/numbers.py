"""Dutch numbers written as one word, read as numbers: vijfentwintig, tweeduizend,
eenentwintigste, tienduizenden, and a number with a unit before its noun (vijfdaags: five-day,
driejarig: three-year-old). No dictionary lists every such word, and a compound guess reads
them wrongly (vijf + daags: "daily"; drie + jarige: "birthday boy")."""

from __future__ import annotations

from functools import cache

_UNITS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
    "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
}  # fmt: skip
_BELOW_TWENTY = {
    **_UNITS, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
}  # fmt: skip
_TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50,
    "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90,
}  # fmt: skip
_POWERS = (("miljard", 10**9), ("miljoen", 10**6), ("duizend", 1000), ("honderd", 100))

_ENGLISH_BELOW_TWENTY = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
)
_ENGLISH_TENS = (
    *("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty"),
    "ninety",
)
_ENGLISH_POWERS = ((10**9, "billion"), (10**6, "million"), (1000, "thousand"), (100, "hundred"))
_ENGLISH_ORDINALS = {
    "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
    "nine": "ninth", "twelve": "twelfth",
}  # fmt: skip

# honderden, tienduizenden, honderdduizenden: hundreds, tens of thousands, ...
_ROUND_PLURALS = {1: "{}", 10: "tens of {}", 100: "hundreds of {}"}

# A number and a unit make an adjective before a noun (een vijfdaagse werkweek): the unit
# as English writes it after the number ("a five-day week", "a three-year-old son").
_UNIT_ADJECTIVES = {
    "daags": "day", "weeks": "week", "maands": "month", "jarig": "year-old", "jaars": "year",
    "urig": "hour", "delig": "part", "voudig": "fold", "talig": "language",
    "persoons": "person", "kamer": "room", "baans": "lane", "sterren": "star",
}  # fmt: skip


def _below_hundred(word: str) -> int | None:
    if word in _BELOW_TWENTY:
        return _BELOW_TWENTY[word]
    if word in _TENS:
        return _TENS[word]
    for unit, value in _UNITS.items():  # vijfentwintig, tweeëntwintig
        for link in ("en", "ën"):
            if word.startswith(unit + link) and word[len(unit) + len(link) :] in _TENS:
                return value + _TENS[word[len(unit) + len(link) :]]
    return None


@cache
def cardinal(word: str) -> int | None:
    """The value of a Dutch cardinal written as one word, or None: "tweeduizendvijf" 2005,
    "negentienhonderd" 1900, "honderdduizend" 100000."""
    word = word.lower()
    for name, power in _POWERS:
        left, found, right = word.partition(name)
        if not found:
            continue
        times = cardinal(left) if left else 1
        rest = cardinal(right) if right else 0
        if times is None or rest is None or rest >= power or times >= 1000:
            return None
        if power == 100 and times >= 100:
            return None  # "honderdhonderd" is no number
        return times * power + rest
    return _below_hundred(word)


def english_cardinal(value: int) -> str:
    """25 -> "twenty-five", 2005 -> "two thousand and five" (British "and" dropped)."""
    if value < 20:
        return _ENGLISH_BELOW_TWENTY[value]
    if value < 100:
        tens, unit = divmod(value, 10)
        return _ENGLISH_TENS[tens] + (f"-{_ENGLISH_BELOW_TWENTY[unit]}" if unit else "")
    for power, name in _ENGLISH_POWERS:
        if value >= power:
            times, rest = divmod(value, power)
            head = f"{english_cardinal(times)} {name}"
            return f"{head} {english_cardinal(rest)}" if rest else head
    raise ValueError(value)  # pragma: no cover - every value >= 100 has a power


def english_ordinal(value: int) -> str:
    """21 -> "twenty-first", 100 -> "hundredth" (written "one hundredth")."""
    words = english_cardinal(value)
    stem, sep, last = words.rpartition("-" if "-" in words.split()[-1] else " ")
    if last in _ENGLISH_ORDINALS:
        last = _ENGLISH_ORDINALS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{stem}{sep}{last}"


def _ordinal(word: str) -> int | None:
    if word in {"eerste", "derde"}:
        return {"eerste": 1, "derde": 3}[word]
    for ending in ("ste", "de"):
        if word.endswith(ending) and (value := cardinal(word[: -len(ending)])) is not None:
            # achtste, twintigste take -ste; tweede, vierde, zevende -de (not *tweeste)
            below = value % 100
            takes_ste = below in {1, 8} or below >= 20 or (below == 0 and value > 0)
            if takes_ste == (ending == "ste"):
                return value
    return None


@cache
def number_meaning(word: str) -> str | None:
    """The English meaning of a Dutch number word built from parts, or None: only words
    that are compounds of number words (a word the dictionary has as a single number, such
    as twee or dertig, is left to the dictionary)."""
    lowered = word.lower()
    if len(lowered) < 6:
        return None
    value = cardinal(lowered)
    if value is not None:
        return english_cardinal(value)
    value = _ordinal(lowered)
    if value is not None:
        return english_ordinal(value)
    if lowered.endswith("tallen"):  # tientallen, honderdtallen: groups of ten, of a hundred
        value = cardinal(lowered[: -len("tallen")])
        if value == 10:
            return "tens, dozens"  # English counts loosely by dozens where Dutch has tens
        if value in {10**n for n in range(2, 10)}:
            return f"{english_cardinal(value).removeprefix('one ')}s"
    if lowered.endswith("en"):  # tienduizenden, honderden: tens of thousands, hundreds
        stem = lowered[:-2]
        for name, power in _POWERS:
            value = cardinal(stem) if stem.endswith(name) else None
            if value is not None and value // power in _ROUND_PLURALS and not value % power:
                plural = f"{english_cardinal(power).removeprefix('one ')}s"
                return _ROUND_PLURALS[value // power].format(plural)
    adjective = lowered[:-1] if lowered.endswith("e") else lowered
    for unit, english in _UNIT_ADJECTIVES.items():
        if adjective.endswith(unit) and (value := cardinal(adjective[: -len(unit)])):
            return f"{english_cardinal(value)}-{english}"
    return None
