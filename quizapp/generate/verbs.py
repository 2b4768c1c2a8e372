"""Verb forms: a finite verb of the text gapped, its infinitive given, the tense named
("De NS {kampt} (kampen) met problemen." — tegenwoordige tijd). The subject and the tense
decide the form, so one answer is right."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from quizapp.questions.cloze_syntax import escape_gap, escape_text

from .cloze import after_modal, cloze_text, gap_sentences, verb_owner
from .source import Sentence, SourceText, in_unit, level_rank, slug
from .words import STOP_WORDS, fold, lemmas_of, looks_english, token_class

_DETERMINERS = frozenset(
    "de het een geen deze dit die dat elke ieder mijn zijn haar ons onze".split()  # noqa: SIM905
)
_TENSES = {"pv-tgw": "tegenwoordige tijd", "pv-verl": "verleden tijd"}


def _target(sentence: Sentence, token: dict[str, Any]) -> str | None:
    word, lemma = token["text"], (token.get("lemma") or "").lower()
    if token.get("pos") != "VERB" or not word.isalpha() or not word.islower():
        return None
    if not lemma.isalpha() or lemma == word or lemma in STOP_WORDS or word in STOP_WORDS:
        return None
    if in_unit(sentence, token) or looks_english(word):
        return None
    word_class = token_class(token)
    if word_class is None or word_class[1] not in _TENSES:
        return None
    if lemma not in lemmas_of(word):
        return None  # the tagger's lemma is not one the form can have: "geen reden" (redden)
    index = next(i for i, t in enumerate(sentence.words) if t is token)
    if after_modal(sentence.words, index):
        return None  # "kunt u zwemmen": an infinitive the tagger read as finite
    before = sentence.words[index - 1] if index else None
    if before is not None and (
        before.get("pos") in ("DET", "ADJ", "NUM") or before["text"].lower() in _DETERMINERS
    ):
        return None  # after "geen", "een", "de": a noun the tagger read as a verb
    return _TENSES[word_class[1]]


def generate_verbs(source: SourceText, level: str, seed: str) -> Iterator[dict[str, Any]]:
    """One verb per sentence and per lemma; past tenses and irregular verbs first (where
    learners make mistakes), then the verbs at the level."""
    ranked = []
    for sentence in gap_sentences(source):
        for token in sentence.words:
            tense = _target(sentence, token)
            if tense is None or verb_owner(seed, source, sentence, token) != "verbs":
                continue
            lemma = token["lemma"].lower()
            regular = word_is_regular(token["text"], lemma)
            rank = (
                tense != "verleden tijd",
                regular,
                abs(level_rank(token.get("level")) - level_rank(level)),
                token["start"],
            )
            ranked.append((rank, sentence, token, tense))
            break
    ranked.sort(key=lambda r: r[0])
    used: set[str] = set()
    for _rank, sentence, token, tense in ranked:
        lemma = token["lemma"].lower()
        if fold(lemma) in used:
            continue
        used.add(fold(lemma))
        yield _payload(source, sentence, token, lemma, tense)


def word_is_regular(form: str, lemma: str) -> bool:
    """A form made from the stem by the rules (werk, werkt, werkte, werkten)."""
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    return form.startswith(stem[: max(2, len(stem) - 1)])


def _payload(source, sentence, token, lemma: str, tense: str) -> dict[str, Any]:
    answer = token["text"]
    gap = "{" + escape_gap(answer) + "} (" + escape_text(lemma) + ")"
    full = source.sentence_text(sentence)
    return {
        "id": f"gen-verb-{slug(lemma)}-{sentence.number}",
        "type": "cloze",
        "prompt": f"Vul de goede vorm van het werkwoord in ({tense}).",
        "points": 1.0,
        "hint": f"Het is zin {sentence.number} van de tekst.",
        "explanation": f"In de tekst staat: „{full}”",
        "shuffle": False,
        "line": None,
        "text": cloze_text(source, sentence, token, gap),
        "kind": "verbs",
        "explain": {
            "answer": answer,
            "lemma": lemma,
            "word": answer,
            "sentence": sentence.number,
            "start": token["start"],
            "end": token["end"],
            "why": f"a finite verb in the {tense}; the subject and the tense decide its form",
            "distractors": [],
        },
    }
