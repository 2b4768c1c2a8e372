"""The order of events: three sentences of the text to put in the order in which they
happened. Only where the text proves that order: each event dated by a year (the years
hidden in the items, so the learner finds them in the text), or a run of sentences each
told as coming after the one before (toen, daarna, later, vervolgens, ...)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .facts import sentence_facts
from .source import Sentence, SourceText, complete, quoted, tidy_quotes
from .words import words_of

EVENTS = 3
MIN_WORDS, MAX_WORDS = 4, 22
# Words that tell an event as coming after the one told before it.
_AFTER = words_of("toen daarna daarop vervolgens later nadien uiteindelijk slotte tenslotte")
# Words that tell it as happening at the same time or before: the chain is broken there.
_NOT_AFTER = words_of(
    "ondertussen intussen tegelijk tegelijkertijd terwijl eerder vroeger daarvoor voordat"
)


def _event(sentence: Sentence, source: SourceText) -> bool:
    """A sentence that tells something that happened: complete, not a question, no direct
    speech, with a verb, short enough to read as an item."""
    words = sentence.words
    text = source.sentence_text(sentence)
    return (
        not sentence.heading
        and complete(sentence)
        and not text.endswith("?")
        and not quoted(text)
        and MIN_WORDS <= len(words) <= MAX_WORDS
        and any(t.get("pos") in ("VERB", "AUX") for t in words)
        and words[0].get("pos") != "VERB"  # an instruction: "Snijd de tomaten"
    )


def _told_after(sentence: Sentence) -> bool:
    lowered = {t["text"].lower() for t in sentence.words}
    return bool(lowered & _AFTER) and not lowered & _NOT_AFTER


def _marked_runs(source: SourceText) -> Iterator[list[Sentence]]:
    """Runs of events in one paragraph, each after the first told as coming after the one
    before it."""
    run: list[Sentence] = []
    for sentence in source.sentences:
        same_paragraph = run and sentence.tokens[0].get("paragraph") == run[-1].tokens[0].get(
            "paragraph"
        )
        if run and same_paragraph and _event(sentence, source) and _told_after(sentence):
            run.append(sentence)
            continue
        if len(run) >= EVENTS:
            yield run
        run = [sentence] if _event(sentence, source) else []
    if len(run) >= EVENTS:
        yield run


def _dated(source: SourceText) -> list[tuple[int, Sentence, Any]]:
    """(year, sentence, fact) of the events dated by exactly one year, each year once."""
    found = []
    for sentence in source.sentences:
        if not _event(sentence, source):
            continue
        years = [f for f in sentence_facts(source, sentence) if f.form == "year"]
        if len(years) == 1 and years[0].value is not None:
            found.append((years[0].value, sentence, years[0]))
    counts: dict[int, int] = {}
    for year, _s, _f in found:
        counts[year] = counts.get(year, 0) + 1
    return [d for d in found if counts[d[0]] == 1]


def generate_events(source: SourceText, level: str, seed: str) -> Iterator[dict[str, Any]]:
    """Dated events first (their order is proved by the years, whatever the order of
    telling), then runs told in order; each item from its own sentences, in text order."""
    dated = _dated(source)
    for start in range(0, len(dated) - EVENTS + 1, EVENTS):
        chosen = sorted(dated[start : start + EVENTS], key=lambda d: d[0])
        items = [_masked(source, s, fact) for _year, s, fact in chosen]
        proof = ", ".join(f"zin {s.number}: {year}" for year, s, _f in chosen)
        yield _payload([s for _y, s, _f in chosen], items, f"dated by the years ({proof})")
    for run in _marked_runs(source):
        for start in range(0, len(run) - EVENTS + 1, EVENTS):
            chosen = run[start : start + EVENTS]
            # Without their markers: "Eerst ...", "Daarna ...", "Later ..." in the items would
            # give the order away; the learner finds it in the text.
            items = [_unmarked(source, s) for s in chosen]
            if all(items):
                yield _payload(chosen, items, "told in this order, each after the one before")


MARKERS = _AFTER | {"eerst"}


def _subject_end(words: list[dict[str, Any]], start: int) -> int | None:
    """The index after the subject that starts at `start` (a pronoun, "er", a name, or an
    article or possessive with its adjectives, noun and a name after it), or None."""
    if start >= len(words):
        return None
    first = words[start]
    pos = first.get("pos")
    if first["text"].lower() in ("er", "ze", "zij", "hij", "ik", "we", "wij", "u", "jij", "je"):
        return start + 1
    index = start
    if pos in ("DET", "PRON"):
        index += 1
        while index < len(words) and words[index].get("pos") == "ADJ":
            index += 1
        if index >= len(words) or words[index].get("pos") != "NOUN":
            return None
    elif pos not in ("NOUN", "PROPN") and not first.get("proper_name"):
        return None
    index += 1
    while index < len(words) and (
        words[index].get("pos") == "PROPN" or words[index].get("proper_name")
    ):
        index += 1
    return index


def _unmarked(source: SourceText, sentence: Sentence) -> str | None:
    """The sentence without the word that marks its order: "Daarna begonnen ze met blussen"
    is "Ze begonnen met blussen", "De groente gaat daarna in de oven" is "De groente gaat in
    de oven". None when the subject after a leading marker cannot be found."""
    words = sentence.words
    end = sentence.end
    text = source.text
    marked = [i for i, w in enumerate(words) if w["text"].lower() in MARKERS]
    if not marked:
        return source.sentence_text(sentence)
    at = marked[0]
    if at > 0:  # in the middle field: leave it out
        marker = words[at]
        raw = text[sentence.start : marker["start"]].rstrip() + text[marker["end"] : end]
        return tidy_quotes(raw)
    if len(words) < 3 or words[1].get("pos") not in ("VERB", "AUX"):
        return None
    subject_end = _subject_end(words, 2)
    if subject_end is None or subject_end >= len(words):
        return None
    verb = words[1]
    subject = text[words[2]["start"] : words[subject_end - 1]["end"]]
    rest = text[words[subject_end - 1]["end"] : end]
    raw = f"{subject[:1].upper()}{subject[1:]} {verb['text']}{rest}"
    return tidy_quotes(raw)


def _masked(source: SourceText, sentence: Sentence, fact) -> str:
    raw = source.text[sentence.start : fact.start] + "…" + source.text[fact.end : sentence.end]
    return tidy_quotes(raw)


def _payload(sentences: list[Sentence], items: list[str], why: str) -> dict[str, Any]:
    numbers = [s.number for s in sentences]
    said = ", ".join(str(n) for n in numbers[:-1]) + f" en {numbers[-1]}"
    first = min(sentences, key=lambda s: s.number)
    return {
        "id": f"gen-events-{'-'.join(str(n) for n in sorted(numbers))}",
        "type": "order",
        "prompt": "Wat gebeurde er eerst, wat daarna en wat als laatste? Zet de gebeurtenissen "
        "in de volgorde waarin ze gebeurden.",
        "points": 1.0,
        "hint": f"Lees de zinnen {said} van de tekst.",
        "explanation": f"Zo staat het in de zinnen {said}: " + " — ".join(items),
        "shuffle": True,
        "line": None,
        "items": items,
        "kind": "events",
        "explain": {
            "answer": " / ".join(items),
            "sentence": first.number,
            "sentences": numbers,
            "start": first.start,
            "end": max(s.end for s in sentences),
            "why": why,
            "distractors": [],
        },
    }
