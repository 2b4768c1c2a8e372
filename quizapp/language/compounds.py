"""Compounds: where a word no dictionary has splits into a modifier and a head it has
(videogesprek: video + gesprek), and where it must not (door|braken, ge|gevens, werk|sters).

The meaning a compound is guessed to have is the analysis's business (reading.describe reads
the head as the whole word is tagged); here only the split, from the lexicon's words.
"""

from __future__ import annotations

from functools import cache

from .lemmas import SEPARABLE_PARTICLES, infinitives_from_stem, is_infinitive
from .lexicon import Lexicon, Reading, load_lexicon

_LINKS = ("s", "en", "e", "er")
CONTENT_TAGS = frozenset({"N", "ADJ", "WW"})


def main_reading(readings: tuple[Reading, ...]) -> Reading | None:
    """The reading a word is taken in without context: its commonest, not a name's or a
    dialect's when it has another."""
    usable = [r for r in readings if r.pos not in {"NAME", "SPEC"} and r.feature != "dial"]
    return usable[0] if usable else (readings[0] if readings else None)


@cache
def split_compound(word: str, depth: int = 0) -> tuple[str, str] | None:
    """(modifier, head) of a compound whose head is a known word: videogesprek -> (video,
    gesprek); the longest known head wins, as the head carries gender and meaning."""
    lexicon = load_lexicon()
    if "-" in word:
        modifier, _, head = word.rpartition("-")
        return (modifier, head) if head else None
    lowered = word.lower()
    # A verb's stem as the modifier only where no other split is found, and only before a
    # noun: wer|kweek is no compound of weren, ontman|telen none of ontmannen.
    # A word the dictionary has in another case (romeins: Romeins) is none either.
    known = lexicon.entry(lowered) or lexicon.entry(lowered.capitalize())
    for verb_stems in (False, True) if depth == 0 and not known else (False,):
        found = _split(lexicon, word, lowered, depth, verb_stems)
        if found is not None:
            return found
    return None


def _split(
    lexicon: Lexicon, word: str, lowered: str, depth: int, verb_stems: bool
) -> tuple[str, str] | None:
    for cut in range(2, len(lowered) - 2):
        modifier, head = lowered[:cut], lowered[cut:]
        if head in _NOT_HEADS:
            continue  # werk|sters: a derivation
        if modifier in _PLACE_MODIFIERS:
            if not _place_compound(lexicon, modifier, head):
                continue  # voor|stel, onder|handeling: the noun of a particle verb
        elif modifier in _NOT_MODIFIERS:
            continue  # door|braken, ge|gevens: a prefix or a particle
        if modifier[:-1] in _NOT_MODIFIERS and _is_a_word(lexicon, lowered[cut - 1 :]):
            continue  # toet|rekken, los|s|taande: toe|trekken, los|staande misread
        head_reading = main_reading(lexicon.readings(head))
        if head_reading is None or head_reading.pos not in CONTENT_TAGS:
            continue  # "woordvoer|der": an article or preposition is never a compound's head
        if verb_stems:
            noun = head_reading.pos == "N" and lexicon.entry(head) is not None
            if noun and verb_of_stem(lexicon, modifier) is not None:
                return word[:cut], word[cut:]
        elif modifier_base(lexicon, modifier, depth) is not None:
            return word[:cut], word[cut:]
    return None


_VERB_STEM_MIN = 3  # shorter stems are chance: "ga" in ga|rage


def verb_of_stem(lexicon: Lexicon, modifier: str) -> str | None:
    """The verb a compound's first part is the stem of (weef|zaal: a room for weaving,
    inlog|code: a code to log in with), or None."""
    if len(modifier) < _VERB_STEM_MIN or modifier in _NOT_MODIFIERS:
        return None
    verbs = [verb for verb in infinitives_from_stem(lexicon, modifier) if lexicon.entry(verb)]
    return verbs[0] if verbs else None


# A compound's first part is never a prefix or a verb's particle (door+braken is the
# plural of doorbraak, ge+gevens the plural of gegeven), and its last part never a suffix
# that happens to be a word (werk+ster is a derivation, vrij+heid not a heath).
_NOT_MODIFIERS = SEPARABLE_PARTICLES | {"ge", "be", "ver", "ont", "her", "er", "mis", "on", "te"}
_NOT_HEADS = frozenset(
    {"ster", "sters", "heid", "heden", "schap", "schappen", "dom", "baar", "lijk", "loos"}
    | {"bare", "loze", "lozen"}
    | {"zaam", "achtig", "ing", "ingen", "nis", "sel", "ling", "lingen", "erij", "ij", "aar"}
    | {"ares", "ist", "isten", "iteit", "atie", "tje", "je", "pje", "kje", "lijke", "baarheid"}
)


# Particles that also say where a thing is, and so make noun compounds (binnen|kant,
# achter|grond, boven|verdieping) besides the nouns of particle verbs (voor|stel).
_PLACE_MODIFIERS = frozenset({"binnen", "buiten", "boven", "onder", "achter", "voor", "tussen"})


def _place_compound(lexicon: Lexicon, modifier: str, head: str) -> bool:
    """binnen|kant is the inside's side; voor|stel, onder|zoek, voor|zitter and
    onder|handeling are nouns of the verbs voorstellen, onderzoeken, voorzitten and
    onderhandelen, and no compounds."""
    reading = main_reading(lexicon.readings(head))
    if reading is None or reading.pos != "N":
        return False
    stems = [head]
    for ending in ("ers", "er", "ingen", "ing"):
        if head.endswith(ending) and len(head) - len(ending) >= 2:
            stems.append(head[: -len(ending)])
    verbs = [
        verb for stem in stems for verb in (*infinitives_from_stem(lexicon, stem), stem + "en")
    ]
    return not any(is_infinitive(lexicon, modifier + verb) for verb in verbs)


def modifier_base(lexicon: Lexicon, modifier: str, depth: int = 0) -> str | None:
    """The word a compound's first part stands for, its linking -s-/-en-/-er- stripped
    (identiteits- -> identiteit, kinder- -> kind), or None when it is no word."""
    bases = [
        base
        for link in _LINKS
        if modifier.endswith(link)
        and (base := modifier[: -len(link)]) not in _NOT_MODIFIERS
        and (link != "er" or _is_noun(lexicon, base))
    ]
    candidates = [base for base in (modifier, *bases) if len(base) >= 2]
    # A word the dictionary translates before one only Frog's corpus knows: "dorps" is read
    # as an adjective there, but the modifier of dorps|huis is dorp, "village".
    for base in candidates:
        if lexicon.entry(base) is not None:
            return base
    for base in candidates:
        if _is_a_word(lexicon, base):
            return base
    if depth < 1 and len(modifier) >= 6 and split_compound(modifier, depth + 1) is not None:
        return modifier
    return None


def _is_noun(lexicon: Lexicon, word: str) -> bool:
    """-er- links only a noun's plural stem (kind|er|boek, ei|er|dooier): uit|er|waard is
    no compound of uit."""
    reading = main_reading(lexicon.readings(word))
    return reading is not None and reading.pos == "N"


def _is_a_word(lexicon: Lexicon, word: str) -> bool:
    """In the dictionary, or read as a content word more than once in Frog's corpus: a
    single reading ("vi" as an adverb, once) is noise, and vi+deo no compound."""
    if lexicon.entry(word) is not None:
        return True
    return any(r.pos in CONTENT_TAGS and r.count > 1 for r in lexicon.readings(word))
