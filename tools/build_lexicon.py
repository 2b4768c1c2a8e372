"""Build quizapp/data/lexicon.tsv.gz from Debian's FreeDict nld-eng and Frog's lexicon.

    python tools/build_lexicon.py            # writes quizapp/data/lexicon.tsv.gz
    python tools/build_lexicon.py --check    # exit 1 unless the committed file is reproduced

Needs the Debian packages `dict-freedict-nld-eng` and `frogdata`, and `wordfreq` (English
frequencies repair glosses whose spaces were lost). The output is deterministic: sorted
keys, no whitespace variation, gzip with mtime 0, so a rebuild is byte-for-byte identical.
"""

from __future__ import annotations

import argparse
import gzip
import io
import re
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

from wordfreq import zipf_frequency

# Bump when the file's layout or the conversion rules change: the app stores it with analyses.
LEXICON_VERSION = "1"

FREEDICT_INDEX = Path("/usr/share/dictd/freedict-nld-eng.index")
FREEDICT_DICT = Path("/usr/share/dictd/freedict-nld-eng.dict.dz")
FROG_LEXICON = Path("/usr/share/frog/nld/Frog.mbt.1.0.lex")
OUTPUT = Path(__file__).resolve().parent.parent / "quizapp" / "data" / "lexicon.tsv.gz"
# The file layout, shared with quizapp/language/lexicon.py which reads it.
HEADER = "quizapp-lexicon"
DICTIONARY_SECTION = "[dictionary]"
FORMS_SECTION = "[forms]"

_B64_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64 = {c: i for i, c in enumerate(_B64_DIGITS)}
_HYPHENS = "\u2010\u2011"


def decode_dictd_number(text: str) -> int:
    """dictd writes offsets and lengths in its own base64 digits, most significant first."""
    value = 0
    for char in text:
        value = value * 64 + _B64[char]
    return value


def normalise_dutch(word: str) -> str:
    word = word.replace("\u0133", "ij").replace("\u0132", "IJ")
    return word.replace("\u2010", "-").replace("\u2011", "-")


# --- English gloss repair -------------------------------------------------------------------

# Only a token rarer than this may have lost its spaces; a well-known word ("takeoff") stays.
_WELL_KNOWN_ENGLISH_ZIPF = 3.0
_MIN_PART_ZIPF = 2.5
# Short pieces are where false splits hide ("deaden" -> "dead en"): allow only real short words.
_SHORT_ENGLISH_WORDS = frozenset(
    {"a", "i", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it"}
    | {"me", "my", "no", "of", "on", "or", "so", "to", "up", "us", "we"}
)


@cache
def _english_zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def split_glued_word(token: str) -> str:
    """Re-insert lost spaces by the most probable split into English words, or keep the token.

    Unigram model: log10 P(word) = zipf - 9. A split is taken only when the words in sequence
    are more probable than the token as one word, so rare but real words survive.
    """
    if len(token) < 4 or not token.islower():
        return token
    whole = _english_zipf(token)
    if whole >= _WELL_KNOWN_ENGLISH_ZIPF:
        return token
    best: list[tuple[float, tuple[str, ...]] | None] = [None] * (len(token) + 1)
    best[0] = (0.0, ())
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - 20), end):
            prefix = best[start]
            part = token[start:end]
            if prefix is None or (len(part) <= 2 and part not in _SHORT_ENGLISH_WORDS):
                continue
            zipf = _english_zipf(part)
            if zipf < _MIN_PART_ZIPF:
                continue
            score = prefix[0] + (zipf - 9.0)
            current = best[end]
            if current is None or score > current[0]:
                best[end] = (score, (*prefix[1], part))
    found = best[len(token)]
    if found is None or len(found[1]) < 2:
        return token
    if whole > 0 and found[0] <= whole - 9.0:
        return token
    return " ".join(found[1])


def repair_gloss(gloss: str) -> str:
    for hyphen in _HYPHENS:
        gloss = gloss.replace(hyphen, "-")
    gloss = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", gloss.strip())  # "TheHague"
    return re.sub(r"[^\W\d_]+", lambda m: split_glued_word(m.group()), gloss)


# --- FreeDict ------------------------------------------------------------------------------

_HEADLINE = re.compile(r"^(?P<head>.+?)(?: /(?P<ipa>[^/]*)/)?$")
_NUMBERED = re.compile(r"^\d+\.\s+")


def parse_freedict_entry(entry: str) -> tuple[str, str, list[str]] | None:
    """One article -> (headword, ipa, senses); None for affixes and metadata."""
    lines = [line.strip() for line in entry.strip().splitlines() if line.strip()]
    if len(lines) < 2:
        return None
    match = _HEADLINE.match(lines[0])
    if match is None:
        return None
    head = normalise_dutch(match["head"].strip())
    if head.startswith("-") or head.endswith("-"):
        return None  # "-de", "ijs-": word parts, never a word in running text
    senses = [repair_gloss(_NUMBERED.sub("", line)) for line in lines[1:]]
    return head, match["ipa"] or "", [sense for sense in senses if sense]


def read_freedict(index_path: Path, dict_path: Path) -> dict[str, list[str]]:
    """Headword -> [ipa, sense, sense, ...]; lowercase entries win over capitalised twins."""
    data = gzip.decompress(dict_path.read_bytes())
    entries: dict[str, tuple[str, list[str]]] = {}
    for line in index_path.read_text(encoding="utf-8").splitlines():
        word, offset, length = line.split("\t")
        if word.startswith("00database"):
            continue
        start = decode_dictd_number(offset)
        article = data[start : start + decode_dictd_number(length)].decode("utf-8")
        parsed = parse_freedict_entry(article)
        if parsed is None:
            continue
        head, ipa, senses = parsed
        known_ipa, known_senses = entries.get(head, ("", []))
        merged = known_senses + [s for s in senses if s not in known_senses]
        entries[head] = (known_ipa or ipa, merged)
    result = {}
    for head, (ipa, senses) in entries.items():
        if head != head.lower() and head.lower() in entries:
            continue
        result[head] = [ipa, *senses]
    return result


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
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.split()
            if len(fields) < 3 or not any(c.isalpha() for c in fields[1]):
                continue
            form = normalise_dutch(fields[1])
            counts: dict[tuple[str, str, str], int] = defaultdict(int)
            for reading in fields[2:]:
                tag, _, count = reading.rpartition(":")
                reduced = reduce_cgn_tag(tag)
                if reduced[0] in {"LET"}:
                    continue
                counts[reduced] += int(count)
            if not counts:
                continue
            ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            encoded = ";".join(f"{p}:{a}:{b}:{n}" for (p, a, b), n in ordered)
            forms.setdefault(form, encoded)  # ĳ and ij spellings of a word: the first wins
    return forms


def render_lexicon(dictionary: dict[str, list[str]], forms: dict[str, str]) -> str:
    """Tab-separated sections, lines sorted by key: the app bisects the lines instead of
    building a dict of 250,000 entries, so loading takes a fraction of what JSON would."""
    lines = [f"{HEADER}\t{LEXICON_VERSION}", DICTIONARY_SECTION]
    lines += ["\t".join([head, *dictionary[head]]) for head in sorted(dictionary)]
    lines.append(FORMS_SECTION)
    lines += [f"{form}\t{forms[form]}" for form in sorted(forms)]
    return "\n".join(lines) + "\n"


def build(index_path: Path, dict_path: Path, frog_path: Path) -> bytes:
    text = render_lexicon(read_freedict(index_path, dict_path), read_frog(frog_path))
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0, filename="") as out:
        out.write(text.encode("utf-8"))
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="compare with --output, write nothing")
    args = parser.parse_args(argv)
    built = build(FREEDICT_INDEX, FREEDICT_DICT, FROG_LEXICON)
    if args.check:
        same = args.output.exists() and args.output.read_bytes() == built
        print("lexicon reproduced" if same else f"{args.output} differs from a fresh build")
        return 0 if same else 1
    args.output.write_bytes(built)
    print(f"wrote {args.output} ({len(built) / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
