"""Meaning questions: a word in its sentence -> its English meaning, and the reverse."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from wordfreq import zipf_frequency

from quizapp.language.glosses import GLOSS_LANGUAGES, load_glosses
from quizapp.language.lexicon import load_lexicon
from quizapp.normalise import edit_distance

from .cloze import MAX_SENTENCE_WORDS, band_floor
from .facts import MONTHS, WEEKDAYS
from .source import (
    Sentence,
    SourceText,
    candidate_draws,
    in_unit,
    item_rng,
    level_rank,
    slug,
)
from .words import (
    CONTENT_POS,
    STOP_WORDS,
    categories_from,
    categories_of,
    fold,
    is_person_noun,
    is_spelling_variant,
    is_unsuitable,
    looks_english,
    main_pos,
    sense_items,
    senses_of,
    senses_overlap,
    shares_lemma,
    word_bank,
)

CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
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
    short = main_equivalent(short, (token.get("lemma") or token["text"]).lower())
    # "scheidt" glossed "separates": the option names the verb, as the lemma does.
    third_person = token.get("pos") == "VERB" and short.endswith("s") and " " not in short
    if third_person and zipf_frequency(short[:-1], "en") >= _MIN_ENGLISH_ZIPF:
        short = short[:-1]
    if not short or len(short) > _MAX_MEANING or not short.isascii():
        return None
    return short, full


def main_equivalent(sense: str, dutch: str = "") -> str:
    """The English word a learner knows best among a sense's equivalents. The dictionary
    lists them alphabetically ("continue, endure, keep on, last" for duren, "float, swim"
    for zwemmen), so the first is often a rarer or another meaning; the most frequent one
    names the sense."""
    items = [
        re.sub(r"^(?:to|the|a|an) ", "", item.strip())
        for item in _PARENTHESES.sub("", sense).split(";")[0].split(",")
    ]
    items = [item for item in items if item]
    if not items:
        return ""

    def known(item: str) -> float:
        return min(zipf_frequency(word, "en") for word in item.split())

    if dutch:
        # The equivalent spelled like the Dutch word is its meaning, not another sense of a
        # more frequent English word: groep "bevy, collection, group, heap, herd, set" is
        # group, not set.
        twins = [i for i in items if known(i) >= _MIN_ENGLISH_ZIPF and _twin(dutch, i)]
        others = [i for i in items if i not in twins]
        if twins and (not others or _alike(twins[0], others)):
            return twins[0]
        # griep "flu, grip, influenza": a twin far in meaning from every other equivalent
        # (grip is holding, flu an illness) is a look-alike, not the meaning.
        items = others or items
    return max(items, key=lambda item: (len(item.split()) == 1, known(item), -items.index(item)))


def _alike(item: str, others: list[str]) -> bool:
    """An English equivalent of the same WordNet category as one of the others (as a noun
    or a verb), or one WordNet cannot place."""
    for pos in ("N", "WW"):
        own = categories_from((item,), pos)
        if own and own & categories_from(tuple(others), pos):
            return True
    return not (categories_from((item,), "N") or categories_from((item,), "WW"))


def _twin(dutch: str, english: str) -> bool:
    a, b = fold(dutch), fold(english)
    return len(a) >= 4 and len(b) >= 4 and edit_distance(a, b) <= max(1, len(a) // 4)


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


def _corroborated(lemma: str, meaning: str, cgn_pos: str) -> bool:
    """The dictionaries of the other languages agree with the English meaning: read back
    into English, the word's German, Spanish, Polish, ... translations give the same English
    word, or one of the same WordNet category (spectator: observer). "sollicitatie =
    ambition" (FreeDict) against application, candidacy, request: not sure. A word the
    other dictionaries lack is left to the English one."""
    back: set[str] = set()
    table = load_glosses()
    for language in GLOSS_LANGUAGES:
        for sense in table.senses(language, lemma):
            back |= {e.lower() for e in sense.english}
    if not back:
        return True
    items = sense_items([meaning])
    if items & back:
        return True
    own = categories_from(tuple(items), cgn_pos)
    return not own or bool(own & categories_from(tuple(back), cgn_pos))


def _false_twin(word: str, lemma: str, meaning: str) -> bool:
    """A Dutch word spelled like an English one shown with another meaning ("keeper" =
    porter, where the text means the goalkeeper): the learner reads the English word, and the
    dictionary's one sense is often not the text's."""
    if any(fold(item) in (fold(word), fold(lemma)) for item in sense_items([meaning])):
        return False
    return zipf_frequency(word.lower(), "en") >= 3.0 or zipf_frequency(lemma, "en") >= 3.0


# The share of sure-meaning words asked one by one; the rest are left to the matching
# item, so that matching never repeats the vocabulary items' words.
VOCABULARY_SHARE = 0.3


def word_owner(lemma: str) -> str:
    """Whether a word is asked as a vocabulary item or in a matching item, drawn from the
    word alone (not from what other items took, so a review settles)."""
    draw = item_rng("", "word-owner", "", fold(lemma)).random()
    return "vocabulary" if draw < VOCABULARY_SHARE else "match"


# A form read as another content word this often is two words; its meaning is not sure.
_OTHER_READING_SHARE = 0.2


def _ambiguous(word: str, cgn_pos: str) -> bool:
    """A form with a frequent reading as another content part of speech: vroeg is early
    (an adjective) and asked (a verb)."""
    readings = [r for r in load_lexicon().readings(word.lower()) if r.pos in _CGN_OF.values()]
    total = sum(r.count for r in readings)
    other = sum(r.count for r in readings if r.pos != cgn_pos)
    return bool(total) and other >= _OTHER_READING_SHARE * total


def _target(token: dict[str, Any], sentence: Sentence) -> bool:
    word = token["text"]
    if not token["is_word"] or token.get("proper_name") or token.get("pos") not in CONTENT_POS:
        return False
    if not word.isalpha() or len(word) < 3 or sentence.heading:
        return False
    if in_unit(sentence, token):
        return False  # "riep" means "called"; "appeal to" is "riep ... op"; 's "avonds"
    if word.lower() in STOP_WORDS or (token.get("lemma") or "").lower() in STOP_WORDS:
        return False
    if word[0].isupper() and sentence.words[0] is not token:
        return False
    if looks_english(word) or word.lower() in CALENDAR_WORDS:
        return False  # "juni" = June: a month or day name is no meaning worth asking
    if token.get("pos") == "NOUN" and _after_a_number(token, sentence):
        # "om vier uur" is o'clock, "vier uur" also four hours, "twee keer" twice: a unit
        # after a number means what the number makes of it, not its dictionary sense.
        return False
    if main_pos(word) not in (None, _CGN_OF[token["pos"]]):
        return False  # the tagger's reading is not the form's usual one
    teacher = token.get("gloss_source") == "glossary"  # the teacher says what it means here
    if not teacher and _ambiguous(word, _CGN_OF[token["pos"]]):
        return False  # "vroeg hij": early or asked? the tagger's choice decides the meaning
    if token.get("pos") in ("ADJ", "ADV") and token.get("gloss_source") != "glossary":
        # An adjective means what its noun makes of it: "makkelijke schoenen" are
        # comfortable, "vier meter breed" is wide; an adverb what its verb or adjective
        # makes of it ("helemaal verwoest" is completely, not quite; "twaalf kilometer
        # verderop" is further on and ahead): the dictionary's one sense is not sure.
        return False
    return not is_unsuitable(word) and len(sentence.words) <= MAX_SENTENCE_WORDS


_UNIT_CATEGORIES = frozenset({"time", "quantity"})


def _after_a_number(token: dict[str, Any], sentence: Sentence) -> bool:
    """A unit of time or measure right after a number (vier uur, drie dagen, 25 euro); "een"
    before a unit counts it as well (een uur, een kilo)."""
    at = next(i for i, t in enumerate(sentence.tokens) if t is token)
    before = sentence.tokens[at - 1] if at else None
    if before is None:
        return False
    number = before.get("pos") == "NUM" or before["text"].isdigit()
    if not (number or before["text"].lower() == "een"):
        return False
    return bool(categories_of(token["text"], "N") & _UNIT_CATEGORIES)


@cache
def _lexicon_pool(pos: str) -> tuple[tuple[str, str, float], ...]:
    """(word, meaning, zipf) of frequent dictionary words of this part of speech whose
    dictionary entry has a single sense: their meaning is sure without a context."""
    pool: dict[str, tuple[str, str, float]] = {}
    lexicon = load_lexicon()
    for word_class in _BASE_CLASSES[pos]:
        for word in word_bank().near(word_class, 4.25, 1.25):
            entry = lexicon.entry(word.text)
            if word.text in pool or entry is None or len(entry.senses) != 1:
                continue
            meaning = main_equivalent(entry.senses[0].text)
            if plain_english(meaning):
                pool[word.text] = (word.text, meaning, word.zipf)
    return tuple(sorted(pool.values()))


def _near(pos: str, zipf: float, level: str) -> list[tuple[str, str, float]]:
    floor = band_floor(level)
    return [c for c in _lexicon_pool(pos) if abs(c[2] - zipf) <= 1.0 and c[2] >= floor]


def vocabulary_targets(source: SourceText, level: str) -> list[tuple[Sentence, dict, str, str]]:
    """(sentence, token, short meaning, full meaning) of the words worth asking, best first,
    one per lemma: the teacher's glossary words, then words whose meaning in this sentence is
    sure, words that are not cognates, at the level."""
    found = []
    seen: set[str] = set()
    for sentence in source.sentences:
        for token in sentence.words:
            lemma = (token.get("lemma") or token["text"]).lower()
            if not _target(token, sentence) or fold(lemma) in seen:
                continue
            meaning = meaning_of(token)
            teacher = token.get("gloss_source") == "glossary"
            if meaning is None or (not teacher and _false_twin(token["text"], lemma, meaning[0])):
                continue
            if _is_cognate(lemma, meaning[0]) and token.get("gloss_source") != "glossary":
                continue  # "Welk woord betekent euro?": the meaning gives the word away
            if token.get("gloss_source") != "glossary" and not _corroborated(
                lemma, meaning[0], _CGN_OF[token["pos"]]
            ):
                continue  # "sollicitatie = ambition": one dictionary's error
            seen.add(fold(lemma))
            rank = (
                token.get("gloss_source") != "glossary",  # the teacher chose these words
                _is_cognate(lemma, meaning[0]),
                level_rank(token.get("level")) < level_rank(level),
                abs(level_rank(token.get("level")) - level_rank(level)),
                token["start"],
            )
            found.append((rank, sentence, token, meaning[0], meaning[1]))
    found.sort(key=lambda c: c[0])
    return [(sentence, token, short, full) for _rank, sentence, token, short, full in found]


def generate_vocabulary(
    source: SourceText, level: str, seed: str, shared: bool = True
) -> Iterator[dict[str, Any]]:
    """Word -> meaning or meaning -> word, best candidates first. Which way an item asks is
    drawn from its own word and sentence, not from how many items came before it."""
    for sentence, token, meaning, full in vocabulary_targets(source, level):
        lemma = (token.get("lemma") or token["text"]).lower()
        if shared and word_owner(lemma) != "vocabulary":
            continue  # left to the matching item of the same quiz
        text = source.sentence_text(sentence)
        reverse_first = item_rng(seed, "vocabulary-direction", text, lemma).random() < 0.5
        builders = [_reverse, _forward] if reverse_first else [_forward, _reverse]
        for builder in builders:
            payload = builder(source, sentence, token, lemma, meaning, full, level, seed)
            if payload is not None:
                yield payload
                break


def _exclusive(candidates, answer_lemma, answer_meanings, rng, count=3, chosen=()):
    """Up to `count` candidates (word, meaning, zipf) whose words and meanings are all
    different from the answer's, from each other's and from those already `chosen`."""
    draws = candidate_draws(rng, [c[0] for c in candidates])
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


def _forward(source, sentence, token, lemma, meaning, full, level, seed) -> dict[str, Any] | None:
    item_id = f"gen-vocab-{slug(lemma)}-{sentence.number}"
    rng = item_rng(seed, "vocabulary", source.sentence_text(sentence), lemma)
    answer_meanings = [meaning, full, *senses_of(token["text"])]
    # Meanings of words from elsewhere first: the article's words share its topic, and in
    # context their meanings come close ("onderhoud": conversation / summit talks).
    zipf = max(token.get("zipf") or 0.0, band_floor(level) + 0.2)
    distractors = _exclusive(_near(token["pos"], zipf, level), lemma, answer_meanings, rng)
    if len(distractors) < 3:
        return None
    word = token["text"]
    return {
        "id": item_id,
        "type": "choice",
        "prompt": f"Wat betekent „{word}” in deze zin? {source.sentence_text(sentence)}",
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


def _reverse(source, sentence, token, lemma, meaning, full, level, seed) -> dict[str, Any] | None:
    item_id = f"gen-vocab-rev-{slug(lemma)}-{sentence.number}"
    rng = item_rng(seed, "vocabulary-rev", source.sentence_text(sentence), lemma)
    answer_meanings = [meaning, full, *senses_of(token["text"]), *senses_of(lemma)]
    if not load_lexicon().is_known(lemma):
        return None  # the option must be a real dictionary form
    in_sentence = {fold(t["text"]) for t in sentence.words}
    zipf = max(token.get("zipf") or 0.0, band_floor(level) + 0.2)
    pool = [c for c in _near(token["pos"], zipf, level) if fold(c[0]) not in in_sentence]
    distractors = _exclusive(pool, lemma, answer_meanings, rng)
    if len(distractors) < 3:
        return None
    return {
        "id": item_id,
        "type": "choice",
        "prompt": f"Welk woord betekent „{meaning}”?",
        "points": 1.0,
        "hint": f"Het woord staat in zin {sentence.number} van de tekst.",
        "explanation": (
            f"„{lemma}” betekent {full}. In de tekst: „{source.sentence_text(sentence)}”"
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


MATCH_PAIRS = 4
_CGN_OF = {"NOUN": "N", "VERB": "WW", "ADJ": "ADJ", "ADV": "BW"}


def _one_word(a: str, b: str) -> bool:
    """Two forms of one word, or one inside the other (brandweer, brandweerman)."""
    fa, fb = fold(a), fold(b)
    inside = min(len(fa), len(fb)) > 4 and (fa in fb or fb in fa)
    return inside or is_spelling_variant(a, b)


def generate_matching(
    source: SourceText, level: str, seed: str, shared: bool = True
) -> Iterator[dict[str, Any]]:
    """Match words to their meanings: the text's best four words with a sure meaning that
    no vocabulary item asks (`word_owner`), no two meanings alike; then the next four. Best
    first: the teacher's glossary words, then the rest in the vocabulary's order."""
    made = []
    chosen: list[tuple[Sentence, dict, str, str]] = []
    for target in vocabulary_targets(source, level):
        token = target[1]
        lemma = (token.get("lemma") or token["text"]).lower()
        if shared and word_owner(lemma) != "match":
            continue  # asked on its own by a vocabulary item
        meaning = target[2]
        easy = level_rank(token.get("level")) < level_rank(level) or _is_cognate(lemma, meaning)
        if easy and token.get("gloss_source") != "glossary":
            continue  # "vrijdag = Friday, meter = metre": four easy pairs test nothing
        if not plain_english(meaning) and token.get("gloss_source") != "glossary":
            continue
        if any(senses_overlap([meaning], [c[2]]) or fold(meaning) == fold(c[2]) for c in chosen):
            continue
        if any(_one_word(lemma, (c[1].get("lemma") or c[1]["text"]).lower()) for c in chosen):
            # "fietsen = cycle, fietser = cyclist", "brandweer, brandweerman": one pair gives
            # the other away
            continue
        chosen.append(target)
        if len(chosen) == MATCH_PAIRS:
            made.append((len(made), min(t[1]["paragraph"] for t in chosen), chosen))
            chosen = []
    made.sort(key=lambda m: (m[0], m[1]))
    for _glossary, paragraph, chosen in made:
        chosen.sort(key=lambda t: t[1]["start"])
        lemmas = [(t[1].get("lemma") or t[1]["text"]).lower() for t in chosen]
        first = chosen[0][1]
        yield {
            "id": f"gen-match-{slug(lemmas[0])}-{chosen[0][0].number}",
            "type": "match",
            "prompt": "Verbind de woorden uit de tekst met hun betekenis.",
            "points": 1.0,
            "hint": f"De woorden staan in de tekst, het eerste in alinea {paragraph + 1}.",
            "explanation": "; ".join(f"{w} = {t[3]}" for w, t in zip(lemmas, chosen, strict=True)),
            "shuffle": True,
            "line": None,
            "pairs": [[w, t[2]] for w, t in zip(lemmas, chosen, strict=True)],
            "kind": "match",
            "explain": {
                "answer": "; ".join(f"{w} = {t[2]}" for w, t in zip(lemmas, chosen, strict=True)),
                "words": lemmas,
                "forms": [t[1]["text"] for t in chosen],
                "sentence": chosen[0][0].number,
                "start": first["start"],
                "end": chosen[-1][1]["end"],
                "why": "words of one paragraph whose meaning is sure (the teacher's glossary, "
                "or a dictionary entry with one sense), no two meanings alike",
                "distractors": [],
            },
        }
