"""Meaning questions: a word in its sentence -> its English meaning, and the reverse."""

from __future__ import annotations

import random
import re
from typing import Any

from wordfreq import zipf_frequency

from quizapp.language.lexicon import load_lexicon

from .article import Article, Sentence, level_rank, slug
from .cloze import MAX_SENTENCE_WORDS
from .words import (
    CONTENT_POS,
    STOP_WORDS,
    fold,
    is_person_noun,
    is_spelling_variant,
    is_unsuitable,
    sense_items,
    senses_of,
    senses_overlap,
    shares_lemma,
    word_bank,
)

_PARENTHESES = re.compile(r"\s*\([^)]*\)")
# A meaning longer than this reads as a definition next to one-word options: a giveaway.
_MAX_MEANING = 40
_BASE_CLASSES = {
    "NOUN": (("NOUN", "ev", "de"), ("NOUN", "ev", "het")),
    "VERB": (("VERB", "inf", ""),),
    "ADJ": (("ADJ", "base"),),
    "ADV": (("ADV",),),
}


def meaning_of(token: dict[str, Any]) -> tuple[str, str] | None:
    """(short meaning for an option, full gloss for feedback), when the meaning is sure:
    the teacher's glossary, or a dictionary entry with a single sense."""
    gloss = token.get("gloss") or []
    source = token.get("gloss_source")
    sure = (source == "glossary" and gloss) or (source in ("lexicon", "lemma") and len(gloss) == 1)
    if not sure:
        return None
    full = gloss[0]
    short = _PARENTHESES.sub("", full).split(";")[0].strip()
    # One equivalent, as in a learner's word list: a second is often another sense of the
    # word than the text's ("optie: choice, election"), and a longer right option stands out.
    short = re.sub(r"^to ", "", short.split(",")[0].strip())
    if not short or len(short) > _MAX_MEANING or not short.isascii():
        return None
    return short, full


# Every English word of a distractor meaning should be one a learner knows.
_MIN_ENGLISH_ZIPF = 3.0


def plain_english(meaning: str) -> bool:
    """A meaning fit to show as an option: short, every word common English, and none of
    the dictionary's lost-space artefacts ("a bet, aid" for "abet, aid")."""
    if len(meaning) > _MAX_MEANING or not meaning.isascii() or "(" in meaning:
        return False
    for item in re.split(r"[,;]", meaning):
        words = item.split()
        if not words or words[0] in ("a", "an"):
            return False
        if any(zipf_frequency(w, "en") < _MIN_ENGLISH_ZIPF for w in words):
            return False
    return True


def _is_cognate(word: str, meaning: str) -> bool:
    """invasie/invasion, detail/detail: the meaning gives itself away."""
    head = fold(word)[:5]
    return any(fold(item).startswith(head[:4]) for item in sense_items([meaning]))


def _target(token: dict[str, Any], sentence: Sentence) -> bool:
    word = token["text"]
    if not token["is_word"] or token.get("proper_name") or token.get("pos") not in CONTENT_POS:
        return False
    if token.get("phrase") or not word.isalpha() or len(word) < 3 or sentence.heading:
        return False
    if "separable" in (token.get("gloss_note") or ""):
        return False  # "riep" means "called"; "appeal to" is "riep ... op"
    if word.lower() in STOP_WORDS or (token.get("lemma") or "").lower() in STOP_WORDS:
        return False
    if word[0].isupper() and sentence.words[0] is not token:
        return False
    return not is_unsuitable(word) and len(sentence.words) <= MAX_SENTENCE_WORDS


def _article_pool(article: Article, pos: str) -> list[tuple[str, str, float]]:
    """(word, meaning, zipf) of the article's words of this part of speech with a sure
    meaning."""
    pool: dict[str, tuple[str, str, float]] = {}
    for sentence in article.sentences:
        for token in sentence.words:
            lemma = (token.get("lemma") or token["text"]).lower()
            if token.get("pos") != pos or not _target(token, sentence) or lemma in pool:
                continue
            meaning = meaning_of(token)
            if meaning and plain_english(meaning[0]):
                pool[lemma] = (lemma, meaning[0], token.get("zipf") or 0.0)
    return sorted(pool.values())


def _lexicon_pool(pos: str) -> list[tuple[str, str, float]]:
    pool: dict[str, tuple[str, str, float]] = {}
    lexicon = load_lexicon()
    for word_class in _BASE_CLASSES[pos]:
        for word in word_bank().near(word_class, 4.25, 1.25):
            entry = lexicon.entry(word.text)
            if word.text in pool or entry is None or len(entry.senses) != 1:
                continue
            meaning = re.sub(r"^to ", "", entry.senses[0].text.split(",")[0].strip())
            if plain_english(meaning):
                pool[word.text] = (word.text, meaning, word.zipf)
    return sorted(pool.values())


def _candidates(
    article: Article, level: str, avoid: frozenset[str]
) -> list[tuple[tuple, Sentence, dict, str, str]]:
    found = []
    seen: set[str] = set()
    for sentence in article.sentences:
        for token in sentence.words:
            lemma = (token.get("lemma") or token["text"]).lower()
            if not _target(token, sentence) or fold(lemma) in seen:
                continue
            meaning = meaning_of(token)
            if meaning is None:
                continue
            seen.add(fold(lemma))
            rank = (
                fold(lemma) in avoid,  # asked about in another kind already
                token.get("gloss_source") != "glossary",  # the teacher chose these words
                _is_cognate(lemma, meaning[0]),
                level_rank(token.get("level")) < level_rank(level),
                abs(level_rank(token.get("level")) - level_rank(level)),
                token["start"],
            )
            found.append((rank, sentence, token, meaning[0], meaning[1]))
    found.sort(key=lambda c: c[0])
    return found


def generate_vocabulary(
    article: Article, count: int, level: str, seed: str, avoid: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    """Alternately word -> meaning and meaning -> word, best candidates first."""
    items: list[tuple[int, int, dict[str, Any]]] = []
    reverse_count = 0
    for _rank, sentence, token, meaning, full in _candidates(article, level, avoid):
        if len(items) == count:
            break
        lemma = (token.get("lemma") or token["text"]).lower()
        want_reverse = reverse_count < len(items) - reverse_count
        builders = [_reverse, _forward] if want_reverse else [_forward, _reverse]
        for builder in builders:
            payload = builder(article, sentence, token, lemma, meaning, full, seed)
            if payload is not None:
                reverse = builder is _reverse
                reverse_count += reverse
                items.append((token["start"], reverse, payload))
                break
    return [payload for _start, _rev, payload in sorted(items, key=lambda i: (i[0], i[1]))]


def _exclusive(candidates, answer_lemma, answer_meanings, rng, count=3, chosen=()):
    """Up to `count` candidates (word, meaning, zipf) whose words and meanings are all
    different from the answer's, from each other's and from those already `chosen`."""
    draws = {c[0]: rng.random() for c in candidates}
    taken = list(chosen)
    chosen = []
    person = is_person_noun(answer_lemma)
    for candidate in sorted(candidates, key=lambda c: (draws[c[0]], c[0])):
        word, meaning, _zipf = candidate
        if shares_lemma(word, answer_lemma) or is_spelling_variant(word, answer_lemma):
            continue
        if senses_overlap([meaning], answer_meanings) or senses_overlap(
            senses_of(word), answer_meanings
        ):
            continue
        if person and is_person_noun(word):
            continue  # "leader": not "president", which a learner could defend
        if any(
            senses_overlap([meaning], [c[1]])
            or shares_lemma(word, c[0])
            or fold(meaning) == fold(c[1])
            for c in [*taken, *chosen]
        ):
            continue
        chosen.append(candidate)
        if len(chosen) == count:
            break
    return chosen


def _forward(article, sentence, token, lemma, meaning, full, seed) -> dict[str, Any] | None:
    item_id = f"gen-vocab-{slug(lemma)}-{sentence.number}"
    rng = random.Random(f"{seed}|{item_id}")
    answer_meanings = [meaning, full, *senses_of(token["text"])]
    # Meanings of words from elsewhere first: the article's words share its topic, and in
    # context their meanings come close ("onderhoud": conversation / summit talks).
    zipf = token.get("zipf") or 0.0
    pool = [c for c in _lexicon_pool(token["pos"]) if abs(c[2] - zipf) <= 1.0]
    distractors = _exclusive(pool, lemma, answer_meanings, rng)
    if len(distractors) < 3:
        distractors += _exclusive(
            _article_pool(article, token["pos"]),
            lemma,
            answer_meanings,
            rng,
            3 - len(distractors),
            chosen=distractors,
        )
    if len(distractors) < 3:
        return None
    word = token["text"]
    return {
        "id": item_id,
        "type": "choice",
        "prompt": f"Wat betekent „{word}” in deze zin? {article.sentence_text(sentence)}",
        "points": 1.0,
        "hint": f"De basisvorm is „{lemma}”." if lemma != word.lower() else None,
        "explanation": f"„{word}” betekent hier: {full}.",
        "shuffle": True,
        "line": None,
        "options": [
            {"text": meaning, "correct": True, "feedback": None},
            *(
                {"text": d[1], "correct": False, "feedback": f"Nee, dat betekent „{d[0]}”."}
                for d in distractors
            ),
        ],
        "kind": "vocabulary",
        "explain": {
            "direction": "word to meaning",
            "answer": meaning,
            "word": word,
            "lemma": lemma,
            "sentence": sentence.number,
            "start": token["start"],
            "end": token["end"],
            "distractors": [
                {
                    "text": d[1],
                    "why": f"the meaning of „{d[0]}”, also a {token['pos'].lower()}; "
                    "no meaning shared with the answer",
                }
                for d in distractors
            ],
        },
    }


def _reverse(article, sentence, token, lemma, meaning, full, seed) -> dict[str, Any] | None:
    item_id = f"gen-vocab-rev-{slug(lemma)}-{sentence.number}"
    rng = random.Random(f"{seed}|{item_id}")
    answer_meanings = [meaning, full, *senses_of(token["text"]), *senses_of(lemma)]
    if not load_lexicon().is_known(lemma):
        return None  # the option must be a real dictionary form
    in_sentence = {fold(t["text"]) for t in sentence.words}
    pool = [c for c in _article_pool(article, token["pos"]) if fold(c[0]) not in in_sentence]
    distractors = _exclusive(pool, lemma, answer_meanings, rng)
    if len(distractors) < 3:
        zipf = token.get("zipf") or 0.0
        pool = [c for c in _lexicon_pool(token["pos"]) if abs(c[2] - zipf) <= 1.0]
        distractors += _exclusive(
            pool, lemma, answer_meanings, rng, 3 - len(distractors), chosen=distractors
        )
    if len(distractors) < 3:
        return None
    return {
        "id": item_id,
        "type": "choice",
        "prompt": f"Welk woord betekent „{meaning}”?",
        "points": 1.0,
        "hint": f"Het woord staat in zin {sentence.number} van de tekst.",
        "explanation": (
            f"„{lemma}” betekent {full}. In de tekst: „{article.sentence_text(sentence)}”"
        ),
        "shuffle": True,
        "line": None,
        "options": [
            {"text": lemma, "correct": True, "feedback": None},
            *(
                {"text": d[0], "correct": False, "feedback": f"Nee, „{d[0]}” betekent {d[1]}."}
                for d in distractors
            ),
        ],
        "kind": "vocabulary",
        "explain": {
            "direction": "meaning to word",
            "answer": lemma,
            "word": token["text"],
            "lemma": lemma,
            "sentence": sentence.number,
            "start": token["start"],
            "end": token["end"],
            "distractors": [
                {
                    "text": d[0],
                    "why": f"also a {token['pos'].lower()}, meaning „{d[1]}”, which is not "
                    f"„{meaning}”",
                }
                for d in distractors
            ],
        },
    }
