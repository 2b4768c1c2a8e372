"""How typed answers are compared: the one definition of "the same answer" that the quiz,
the pack checker, vocabulary review and the question generators share."""

from __future__ import annotations

import unicodedata

ZERO_WIDTH_SPACE = "\u200b"


def normalise_answer(text: str, case_sensitive: bool = False) -> str:
    """The form in which two typed answers are compared.

    Drops invisible characters (Unicode's format characters: zero-width spaces and joiners,
    the soft hyphen, bidi marks, the byte-order mark), trims and collapses whitespace, folds
    case unless asked not to, spells the ligature `ĳ` as `ij`, and composes accents (NFC) so
    that `é` typed as e + combining accent equals the precomposed `é`. Accents stay
    significant: `één` is not `een`.
    """
    value = _normalise_once(text, case_sensitive)
    # Case folding can produce sequences NFC composes differently (and vice versa); a second
    # pass settles them so the result is a fixed point (normalise(normalise(x)) == normalise(x)).
    again = _normalise_once(value, case_sensitive)
    while again != value:
        value, again = again, _normalise_once(again, case_sensitive)
    return value


def answer_readings(text: str, case_sensitive: bool = False) -> list[str]:
    """The normalised forms a typed answer may stand for. A zero-width space is a word break
    nobody sees: it may stand where the learner's space was (text copied from a page that
    breaks words with it) or inside a word, so both readings count."""
    readings = [normalise_answer(text, case_sensitive)]
    if ZERO_WIDTH_SPACE in text:
        spaced = normalise_answer(text.replace(ZERO_WIDTH_SPACE, " "), case_sensitive)
        if spaced != readings[0]:
            readings.append(spaced)
    return readings


def _visible(text: str) -> str:
    if text.isascii():  # the common case, and ASCII has no format characters
        return text
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


def _normalise_once(text: str, case_sensitive: bool) -> str:
    value = unicodedata.normalize("NFC", _visible(text))
    value = value.replace("ĳ", "ij").replace("Ĳ", "IJ")
    if not case_sensitive:
        value = value.casefold()
        value = value.replace("ĳ", "ij")
    value = unicodedata.normalize("NFC", value)
    return " ".join(value.split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: insertions, deletions and substitutions each cost one."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(
                    previous[j] + 1,
                    current[j - 1] + 1,
                    previous[j - 1] + (char_a != char_b),
                )
            )
        previous = current
    return previous[-1]
