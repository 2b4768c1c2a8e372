"""True/false statements about the text: one of its sentences with one fact changed (a
number, date, name or place, a negation taken away, a word turned into its opposite), and
some sentences as they stand."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from .facts import (
    KIND_ORDER,
    Fact,
    fact_sentences,
    number_value,
    owner,
    stand_ins,
    text_facts,
)
from .source import Sentence, SourceText, item_rng, tidy_quotes

_PAIRS = [
    "groot",
    "klein",
    "grote",
    "kleine",
    "groter",
    "kleiner",
    "grootste",
    "kleinste",
    "hoog",
    "laag",
    "hoge",
    "lage",
    "hoger",
    "lager",
    "hoogste",
    "laagste",
    "duur",
    "goedkoop",
    "dure",
    "goedkope",
    "duurder",
    "goedkoper",
    "veel",
    "weinig",
    "meer",
    "minder",
    "vroeg",
    "laat",
    "lang",
    "kort",
    "lange",
    "korte",
    "langer",
    "korter",
    "warm",
    "koud",
    "warme",
    "koude",
    "warmer",
    "kouder",
    "snel",
    "langzaam",
    "snelle",
    "langzame",
    "sneller",
    "langzamer",
    "eerste",
    "laatste",
    "stijgt",
    "daalt",
    "stijgen",
    "dalen",
    "steeg",
    "daalde",
    "stegen",
    "daalden",
    "gestegen",
    "gedaald",
    "wint",
    "verliest",
    "winnen",
    "verliezen",
    "won",
    "verloor",
    "wonnen",
    "verloren",
    "gewonnen",
    "verloren",
    "open",
    "dicht",
    "makkelijk",
    "moeilijk",
    "makkelijke",
    "moeilijke",
    "sterk",
    "zwak",
    "sterke",
    "zwakke",
    "rijk",
    "arm",
    "rijke",
    "arme",
    "altijd",
    "nooit",
    "vaak",
    "zelden",
    "positief",
    "negatief",
    "positieve",
    "negatieve",
    "goed",
    "slecht",
    "goede",
    "slechte",
    "beter",
    "slechter",
    "beste",
    "slechtste",
    "zwaar",
    "licht",
    "zware",
    "lichte",
    "nat",
    "droog",
    "natte",
    "droge",
    "begint",
    "eindigt",
    "begon",
    "eindigde",
    "vol",
    "leeg",
    "volle",
    "lege",
]
ANTONYMS = {a: b for a, b in zip(_PAIRS[::2], _PAIRS[1::2], strict=True)}
ANTONYMS |= {b: a for a, b in ANTONYMS.items()}
# "niet" in these phrases is not a plain negation: taking it away breaks the sentence.
_NOT_PLAIN = {"alleen", "meer", "eens", "zo", "veel", "minder", "langer", "pas", "even"}
# The share of statements left true: enough that "niet waar" is not always right.
TRUE_SHARE = 0.35


def _changes(
    source: SourceText,
    sentence: Sentence,
    facts: list[Fact],
    all_facts,
    rng,
    per_fact: int = 1,
    places: bool = True,
):
    """(start, end, new text, what changed) for each way to make the sentence false; up to
    `per_fact` stand-ins for each fact."""
    full = source.sentence_text(sentence)
    found = []
    for fact in sorted(facts, key=lambda f: KIND_ORDER.index(f.kind)):
        if fact.kind == "name":
            continue  # another name of the text may do another thing in this sentence
        if fact.kind == "number" and _in_number_list(source, fact):
            continue  # "groep 5 en 6" -> "groep 25 en 6": silly, and half of it still true
        if fact.kind == "place" and (not places or _coordinated(source, fact)):
            # "In Groningen en Friesland" -> "In Assen en Friesland": half true, and the
            # new place is often of another kind (a city among provinces, an island among
            # countries); the text does not decide it.
            continue
        for other, _why in stand_ins(fact, all_facts, full, rng, per_fact):
            found.append((fact.start, fact.end, other, f"the {fact.kind} „{fact.text}”"))
    words = sentence.words
    for index, token in enumerate(words):
        lower = token["text"].lower()
        after = words[index + 1]["text"].lower() if index + 1 < len(words) else ""
        before = words[index - 1]["text"].lower() if index else ""
        if lower == "niet" and after not in _NOT_PLAIN and before not in ("nog", "of"):
            if sum(t["text"].lower() in ("niet", "geen", "nooit") for t in words) == 1:
                found.append((token["start"], token["end"], "", "the negation „niet” left out"))
        elif lower in ANTONYMS and token.get("pos") in ("ADJ", "ADV", "VERB", "NUM", "PRON"):
            if before in ("niet", "geen", "des", "te", "nog") or after in ("dan", "of", "te"):
                continue  # "niet meer", "te laat", "meer dan": the opposite changes the idiom
            if index and words[index - 1].get("pos") == "ADP":
                continue  # "onder meer", "op zijn minst"
            following = words[index + 1].get("pos") if index + 1 < len(words) else None
            if token.get("pos") == "ADV" and following in ("ADJ", "ADV"):
                continue  # a degree word: "veel minder", "zelden maar" turn into nonsense
            measure = index > 1 and words[index - 2].get("pos") == "NUM"
            if measure and words[index - 1].get("pos") == "NOUN":
                continue  # "vijfhonderd kilometer lang" -> "... kilometer kort": odd Dutch
            if lower in _PHASE_VERBS and any(
                w["text"].lower() in ("aan", "met") for w in words[index + 1 :]
            ):
                continue  # "begon aan haar studie" -> "eindigde aan": odd, not false
            if lower in ("lang", "kort") and index and words[index - 1].get("pos") == "NOUN":
                continue  # "een nacht lang" names a duration, not a length: "kort" is odd
            if any(w["text"].lower() in _BECAUSE for w in words):
                continue  # the other clause follows from the word: the opposite contradicts it
            if _resultative(words, index):
                continue  # "maak de bouillon warm" -> "koud": odd, not false
            if following and (words[index + 1].get("tag") or "").startswith("WW-vd"):
                continue  # "sterk gestegen" -> "zwak gestegen": the opposite is not idiomatic
            new = ANTONYMS[lower]
            if token["text"][:1].isupper():
                new = new[:1].upper() + new[1:]
            found.append(
                (token["start"], token["end"], new, f"„{token['text']}” turned into „{new}”")
            )
    return found


_PHASE_VERBS = {"begint", "begon", "eindigt", "eindigde"}
_POINTING = {"die", "dat", "deze", "dit"}
# A clause of cause or consequence: its other half often follows from the word changed
# ("het hooi bleef kort smeulen, waardoor de brandweer pas woensdagmiddag klaar was").
_BECAUSE = {"waardoor", "omdat", "doordat", "zodat", "want", "dus", "daardoor"}
_JOINING = {"maar", "en", "want", "dus", "of", "toch"}
_RESULT_VERBS = {"maken", "houden", "krijgen", "laten"}


def _states_something(sentence: Sentence, full: str) -> bool:
    """A sentence that reads as a statement on its own: it has a verb ("Hartelijk dank voor
    uw sollicitatie" is a formula), does not lean on the sentence before ("Maar de sleutel
    was er niet"), and holds no list after a colon ("Je hebt nodig: een kilo tomaten, ...",
    where one changed item makes a long, silly statement)."""
    words = sentence.words
    if not any(t.get("pos") in ("VERB", "AUX") for t in words):
        return False
    if words and words[0]["text"].lower() in _JOINING:
        return False
    if (
        len(words) > 1
        and words[0]["text"].lower() in _POINTING
        and words[1].get("pos")
        in (
            "VERB",
            "AUX",
        )
    ):
        return False  # "Die was binnen tien minuten ter plaatse": who? the sentence before says
    return ":" not in full


def _resultative(words: list[dict[str, Any]], index: int) -> bool:
    """An adjective that is the result of its verb ("maak de bouillon warm", "houd het
    droog"): its opposite ("koud maken") is odd Dutch rather than a false fact."""
    token = words[index]
    if token.get("pos") != "ADJ":
        return False
    following = words[index + 1].get("pos") if index + 1 < len(words) else None
    if following in ("NOUN", "ADJ"):
        return False  # attributive: "een warme jas"
    return any((t.get("lemma") or "").lower() in _RESULT_VERBS for t in words)


def _in_number_list(source: SourceText, fact: Fact) -> bool:
    """A number joined to another by "en", "of" or a comma: "5 en 6", "twee of drie"."""
    before = source.text[max(0, fact.start - 20) : fact.start].replace(",", " , ").split()
    after = source.text[fact.end : fact.end + 20].replace(",", " , ").split()
    joined_before = len(before) >= 2 and before[-1] in ("en", "of", ",")
    joined_after = len(after) >= 2 and after[0] in ("en", "of", ",")
    return (joined_before and number_value(before[-2]) is not None) or (
        joined_after and number_value(after[1]) is not None
    )


def _coordinated(source: SourceText, fact: Fact) -> bool:
    """A fact in a list: "en", "of" or a comma right before or after it."""
    before = source.text[max(0, fact.start - 5) : fact.start].split()
    after = source.text[fact.end : fact.end + 5].split()
    near = {(before[-1] if before else ""), (after[0] if after else "")}
    return bool(near & {"en", "of"}) or source.text[fact.end : fact.end + 1] == ","


def _rewrite(source: SourceText, sentence: Sentence, start: int, end: int, new: str) -> str:
    before = source.text[sentence.start : start]
    after = source.text[end : sentence.end]
    text = tidy_quotes(before + new + after)
    text = " ".join(text.split()).replace(" ,", ",").replace(" .", ".")
    return text[:1].upper() + text[1:]


def statement_sentences(source: SourceText) -> Iterator[tuple[Sentence, list[Fact]]]:
    """(sentence, its facts) of every sentence a statement may be made of, best first: the
    content kinds' share of the sentences with a fact (`owner`), numbers and dates first,
    then sentences without a fact, which can still turn false by a negation or an opposite."""
    with_facts = {s.number for s, _f in fact_sentences(source)}
    ranked = []
    for sentence, facts in fact_sentences(source):
        if owner(source, sentence) != "statements":
            continue
        ranked.append((min(KIND_ORDER.index(f.kind) for f in facts), sentence, facts))
    for sentence in source.sentences:
        if (
            sentence.number not in with_facts
            and not sentence.heading
            and 5 <= len(sentence.words) <= 30
        ):
            ranked.append((len(KIND_ORDER), sentence, []))
    ranked.sort(key=lambda r: (r[0], r[1].number))
    for _rank, sentence, facts in ranked:
        full = source.sentence_text(sentence)
        first = sentence.words[0] if sentence.words else {}
        if full.endswith("?") or first.get("pos") == "VERB":
            continue  # a question or an instruction ("Drink genoeg water") states nothing
        if _states_something(sentence, full):
            yield sentence, facts


def variants(
    source: SourceText, sentence: Sentence, facts: list[Fact], all_facts, rng, count: int
) -> list[tuple[str, str]] | None:
    """`count` versions of the sentence, each with one fact changed, (text, what changed),
    changing another fact first; None unless the sentence has two facts to change or more
    (with one, every version asks the same fact) and `count` versions."""
    full = source.sentence_text(sentence)
    # No place: beside "in Nederland", "in Groningen" is not false (a province is in the
    # country), and three versions of one sentence put the two side by side.
    changes = _changes(source, sentence, facts, all_facts, rng, per_fact=count - 1, places=False)
    spans: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for start, end, new, what in changes:
        spans.setdefault((start, end), []).append((new, what))
    if len(spans) < 2:
        return None
    made: list[tuple[str, str]] = []
    for depth in range(count):
        for (start, end), alternatives in sorted(spans.items()):
            if depth < len(alternatives) and len(made) < count:
                new, what = alternatives[depth]
                text = _rewrite(source, sentence, start, end, new)
                if text != full and text not in (m[0] for m in made):
                    made.append((text, f"{what} changed: false by sentence {sentence.number}"))
    return made if len(made) == count else None


# The wrong options of a "which statement matches the text" item.
WHICH_WRONG = 3


def asked_by_which(source: SourceText, sentence: Sentence, facts: list[Fact], all_facts) -> bool:
    """A sentence with two facts or more to change is asked as "which statement matches the
    text", not as a true/false statement (the two would give each other away). Decided by
    the sentence alone: the draws only pick stand-ins, never whether there are any."""
    probe = random.Random(0)
    return variants(source, sentence, facts, all_facts, probe, WHICH_WRONG) is not None


def generate_statements(source: SourceText, level: str, seed: str) -> Iterator[dict[str, Any]]:
    """One statement per sentence, the sentences with numbers and dates first."""
    all_facts = text_facts(source)
    for sentence, facts in statement_sentences(source):
        if asked_by_which(source, sentence, facts, all_facts):
            continue
        full = source.sentence_text(sentence)
        rng = item_rng(seed, "statements", full, "")
        changes = _changes(source, sentence, facts, all_facts, rng)
        if not changes:
            continue
        keep_true = rng.random() < TRUE_SHARE
        if keep_true:
            yield _payload(sentence, full, full, True, "the sentence as it stands")
            continue
        start, end, new, what = changes[0]
        statement = _rewrite(source, sentence, start, end, new)
        if statement == full:
            continue
        yield _payload(sentence, statement, full, False, what + " changed", start, end)


def _payload(
    sentence: Sentence,
    statement: str,
    full: str,
    true: bool,
    why: str,
    start: int | None = None,
    end: int | None = None,
) -> dict[str, Any]:
    return {
        "id": f"gen-tf-{sentence.number}",
        "type": "truefalse",
        "prompt": f"Klopt dit volgens de tekst? „{statement}”",
        "points": 1.0,
        "hint": f"Lees zin {sentence.number} van de tekst.",
        "explanation": f"In zin {sentence.number} staat: „{full}”",
        "shuffle": False,
        "line": None,
        "answer": true,
        "kind": "statements",
        "explain": {
            "answer": "waar" if true else "niet waar",
            "statement": statement,
            "sentence": sentence.number,
            "start": start if start is not None else sentence.start,
            "end": end if end is not None else sentence.end,
            "why": why,
            "distractors": [],
        },
    }
