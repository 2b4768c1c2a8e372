"""Gap-fill sentences: one content word gapped, three distractors that cannot also fit."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from quizapp.questions.cloze_syntax import escape_gap, escape_text

from .article import Article, Sentence, level_rank, slug, tidy_quotes
from .words import (
    STOP_WORDS,
    describe_class,
    fold,
    is_person_noun,
    is_spelling_variant,
    is_unsuitable,
    senses_of,
    senses_overlap,
    shares_lemma,
    token_class,
    word_bank,
)

_POS_ORDER = {"NOUN": 0, "VERB": 1, "ADJ": 2, "ADV": 3}
# Zipf windows tried in turn: near in frequency first, a little wider when the class is small.
_WINDOWS = (0.4, 0.8, 1.2)
_GAP_MARK = "\x00"
# Enough context to decide, short enough to read in one go.
MIN_SENTENCE_WORDS, MAX_SENTENCE_WORDS = 6, 30


@dataclass(frozen=True)
class Distractor:
    text: str
    zipf: float
    source: str  # "article" or "lexicon"
    sentence: int | None = None


def gap_target(token: dict[str, Any], level: str) -> tuple[str, ...] | None:
    """The token's inflection class when it may be gapped at this target level, else None."""
    word = token["text"]
    if not token["is_word"] or token.get("proper_name") or token.get("pos") not in _POS_ORDER:
        return None
    if not word.isalpha() or not word.islower() or len(word) < 3:
        return None  # capitals are names or sentence starts; hyphenated forms are compounds
    lemma = (token.get("lemma") or word).lower()
    if word in STOP_WORDS or lemma in STOP_WORDS or is_unsuitable(word):
        return None
    if level_rank(token.get("level")) < level_rank(level):
        return None
    if token.get("phrase") or "separable" in (token.get("gloss_note") or ""):
        return None  # part of a multi-word expression: one word alone is not the point
    word_class = token_class(token)
    if word_class is not None and word_class[:2] in (("VERB", "vd"), ("VERB", "inf")):
        # "zijn zorg {uitgesproken}", "het {afsluiten} van": after an auxiliary or as a
        # noun, a verb's slot takes almost any verb; finite verbs are held by their subject.
        return None
    return word_class


def _held_tight(words: list[dict[str, Any]], index: int) -> bool:
    """A word its neighbours hold in place: followed by the preposition it governs
    ("kiest voor", "bereid tot") or by a name ("het dossier Iran"). Random words of the same
    class rarely fit such a slot; a noun after "het eerste" takes almost any noun."""
    following = words[index + 1] if index + 1 < len(words) else None
    if following is None:
        return False
    if following.get("proper_name"):
        return True
    # A noun before "sinds" or "voor" is not held by it ("een test voor Biden" takes
    # "een afspraak" as well); a verb or adjective usually governs its preposition.
    return following.get("pos") == "ADP" and words[index].get("pos") in ("VERB", "ADJ")


def distractor_allowed(
    candidate: str, answer: dict[str, Any], sentence_words: set[str], answer_senses: tuple
) -> bool:
    answer_text = answer["text"]
    if fold(candidate) in sentence_words:
        return False
    if answer.get("pos") == "NOUN" and is_person_noun(candidate):
        return False  # people fit wherever people or institutions act
    if is_spelling_variant(candidate, answer_text) or shares_lemma(candidate, answer_text):
        return False
    return not senses_overlap(senses_of(candidate), answer_senses)


def choose_distractors(
    article: Article,
    sentence: Sentence,
    answer: dict[str, Any],
    word_class: tuple[str, ...],
    rng: random.Random,
) -> list[Distractor]:
    zipf = answer.get("zipf") or 0.0
    sentence_words = {fold(t["text"]) for t in sentence.words}
    sentence_words |= {fold(t["lemma"]) for t in sentence.words if t.get("lemma")}
    answer_senses = tuple(answer.get("gloss") or ()) + senses_of(answer["text"])
    if answer.get("gloss_source") == "glossary":
        answer_senses += senses_of(answer["text"])

    from_article: dict[str, Distractor] = {}
    for other in article.sentences:
        if other.number == sentence.number or other.heading:
            continue
        for token in other.words:
            if token["text"] in from_article or token.get("proper_name"):
                continue
            if token_class(token) == word_class and gap_target(token, "A1") is not None:
                from_article[token["text"]] = Distractor(
                    token["text"], token.get("zipf") or 0.0, "article", other.number
                )
    chosen: list[Distractor] = []
    for width in _WINDOWS:
        pool = [d for d in from_article.values() if abs(d.zipf - zipf) <= width]
        pool += [
            Distractor(w.text, w.zipf, "lexicon")
            for w in word_bank().near(word_class, zipf, width)
            if w.text not in from_article
        ]
        # Ties in closeness broken by the seeded draw, so a new seed gives other words.
        keyed = sorted(pool, key=lambda d: d.text)
        draws = {d.text: rng.random() for d in keyed}
        # The lexicon first: the article's words share its topic, so they are the likeliest
        # to fit the gap too ("het eerste overleg" for "het eerste onderhoud").
        keyed.sort(
            key=lambda d: (d.source == "article", round(abs(d.zipf - zipf) / 0.2), draws[d.text])
        )
        for candidate in keyed:
            if len(chosen) == 3:
                break
            if any(candidate.text == c.text for c in chosen):
                continue
            if not distractor_allowed(candidate.text, answer, sentence_words, answer_senses):
                continue
            # Three different words, not three forms of one word.
            if any(
                shares_lemma(candidate.text, c.text) or is_spelling_variant(candidate.text, c.text)
                for c in chosen
            ):
                continue
            chosen.append(candidate)
        if len(chosen) == 3:
            return chosen
    return []


def cloze_text(article: Article, sentence: Sentence, answer: dict[str, Any], gap: str) -> str:
    raw = (
        article.text[sentence.start : answer["start"]]
        + _GAP_MARK
        + article.text[answer["end"] : sentence.end]
    )
    before, _, after = tidy_quotes(raw).partition(_GAP_MARK)
    return escape_text(before) + gap + escape_text(after)


def generate_cloze(
    article: Article,
    count: int,
    level: str,
    seed: str,
    avoid: frozenset[str] = frozenset(),
    typed: bool = False,
) -> list[dict[str, Any]]:
    candidates = []
    for sentence in article.sentences:
        if sentence.heading or not (
            MIN_SENTENCE_WORDS <= len(sentence.words) <= MAX_SENTENCE_WORDS
        ):
            continue
        words = sentence.words
        for index, token in enumerate(words):
            word_class = gap_target(token, level)
            if word_class is not None:
                rank = (
                    fold(token.get("lemma") or token["text"]) in avoid,
                    not _held_tight(words, index),
                    abs(level_rank(token.get("level")) - level_rank(level)),
                    _POS_ORDER[token["pos"]],
                    token["start"],
                )
                candidates.append((rank, sentence, token, word_class))
    candidates.sort(key=lambda c: c[0])
    # Verbs and nouns in turn: a quiz of eight noun gaps tests one thing eight times, and a
    # finite verb with its subject and object is the most tightly held word of a sentence;
    # a noun's slot more often takes another noun of the same kind as well.
    by_pos = {pos: [c for c in candidates if c[2]["pos"] == pos] for pos in _POS_ORDER}
    interleaved = []
    while any(by_pos.values()):
        for pos in ("VERB", "NOUN", "ADJ", "VERB", "NOUN", "ADV"):
            if by_pos[pos]:
                interleaved.append(by_pos[pos].pop(0))
    candidates = interleaved

    items: list[tuple[int, dict[str, Any]]] = []
    used_lemmas: set[str] = set()
    used_sentences: set[int] = set()
    for _rank, sentence, token, word_class in candidates:
        if len(items) == count:
            break
        lemma = (token.get("lemma") or token["text"]).lower()
        if sentence.number in used_sentences or fold(lemma) in used_lemmas:
            continue
        item_id = f"gen-cloze-{slug(lemma)}-{sentence.number}"
        rng = random.Random(f"{seed}|{item_id}")
        distractors = [] if typed else choose_distractors(article, sentence, token, word_class, rng)
        if not typed and len(distractors) < 3:
            continue
        used_lemmas.add(fold(lemma))
        used_sentences.add(sentence.number)
        items.append(
            (
                token["start"],
                _payload(article, sentence, token, word_class, distractors, item_id, typed),
            )
        )
    return [payload for _start, payload in sorted(items, key=lambda item: item[0])]


def _payload(
    article: Article,
    sentence: Sentence,
    token: dict[str, Any],
    word_class: tuple[str, ...],
    distractors: list[Distractor],
    item_id: str,
    typed: bool,
) -> dict[str, Any]:
    answer = token["text"]
    gap = (
        "{" + escape_gap(answer) + "}"
        if typed
        else "{="
        + " ~".join([escape_gap(answer), *(escape_gap(d.text) for d in distractors)])
        + "}"
    )
    full = article.sentence_text(sentence)
    kind_text = describe_class(word_class)
    return {
        "id": item_id,
        "type": "cloze",
        "prompt": "Kies het woord dat past." if not typed else "Vul het woord uit de tekst in.",
        "points": 1.0,
        "hint": f"Het woord staat in zin {sentence.number} van de tekst.",
        "explanation": f"In de tekst staat: „{full}”",
        "shuffle": False,
        "line": None,
        "text": cloze_text(article, sentence, token, gap),
        "kind": "cloze",
        "explain": {
            "answer": answer,
            "lemma": token.get("lemma"),
            "sentence": sentence.number,
            "start": token["start"],
            "end": token["end"],
            "class": kind_text,
            "level": token.get("level"),
            "zipf": token.get("zipf"),
            "distractors": [
                {
                    "text": d.text,
                    "source": d.source,
                    "zipf": round(d.zipf, 2),
                    "why": (
                        f"{kind_text} like „{answer}”, similar frequency (Zipf "
                        f"{d.zipf:.2f} vs {token.get('zipf') or 0:.2f}), "
                        + (
                            f"from sentence {d.sentence} of the article"
                            if d.source == "article"
                            else "from the lexicon"
                        )
                        + "; not in this sentence, no shared lemma, spelling or meaning"
                    ),
                }
                for d in distractors
            ],
        },
    }
