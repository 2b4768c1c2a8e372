"""Verb forms: a finite verb of the text gapped, its infinitive given, the tense named
("De NS {kampt} (kampen) met problemen." — tegenwoordige tijd). The subject and the tense
decide the form, so one answer is right."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from quizapp.language.lexicon import load_lexicon
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
    if word_class[1] == "pv-verl" and not past_fits(word, lemma):
        return None  # "reden" (rijden) read as a past of redden, whose past is "redde(n)"
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


def weak_pasts(lemma: str) -> set[str]:
    """The past forms a weak verb could have (stem + de/te, plural + n), spelled every way
    the stem may be: werken -> werkte(n), redden -> redde(n), maken -> maakte(n), leven ->
    leefde(n)."""
    if not lemma.endswith("en") or len(lemma) < 4:
        return set()
    stem = lemma[:-2]
    stems = {stem}
    if len(stem) > 1 and stem[-1] == stem[-2]:
        stems.add(stem[:-1])  # redd -> red
    if len(stem) > 2 and stem[-2] in "aeou" and stem[-3] not in "aeiou" and stem[-1] not in "aeiou":
        # An open syllable: kopen -> koop (kop is the stem of koppen), but openen -> open.
        long = stem[:-1] + stem[-2] + stem[-1]
        stems = {stem, long} if stem.endswith(("el", "en", "er")) else {long}
    stems |= {s[:-1] + {"v": "f", "z": "s"}[s[-1]] for s in set(stems) if s[-1] in "vz"}
    return {s + end for s in stems for end in ("de", "te", "den", "ten")}


def past_fits(form: str, lemma: str) -> bool:
    """A past tense form the lemma can have: a verb whose weak past the corpus knows has
    that past and no other (reden is not a past of redden: redde, redden). Forms seen
    once or twice (draagde) are slips in the corpus, not the verb's past."""
    lexicon = load_lexicon()
    known = {
        f
        for f in weak_pasts(lemma)
        if any(
            r.pos == "WW" and r.feature == "pv-verl" and r.count >= 5 for r in lexicon.readings(f)
        )
    }
    return not known or form in known


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
