"""Gap-fill sentences: one content word gapped, three distractors that cannot also fit."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from quizapp.language.categories import slot_neighbours
from quizapp.language.readability import ZIPF_BANDS
from quizapp.questions.cloze_syntax import escape_gap, escape_text

from .source import (
    Sentence,
    SourceText,
    candidate_draws,
    complete,
    in_unit,
    item_rng,
    level_rank,
    slug,
    tidy_quotes,
)
from .words import (
    STOP_WORDS,
    adjective_form,
    categories_from,
    categories_of,
    describe_class,
    fold,
    is_agent_noun,
    is_person_noun,
    is_spelling_variant,
    is_unsuitable,
    lemmas_of,
    looks_english,
    main_categories,
    main_pos,
    senses_of,
    senses_overlap,
    shares_lemma,
    token_class,
    word_bank,
    words_of,
)

_POS_ORDER = {"NOUN": 0, "VERB": 1, "ADJ": 2, "ADV": 3}
_CGN_OF = {"NOUN": "N", "VERB": "WW", "ADJ": "ADJ", "ADV": "BW"}
# Zipf windows tried in turn: near in frequency first, a little wider when the class is small.
_WINDOWS = (0.4, 0.8, 1.2)
_GAP_MARK = "\x00"
# Enough context to decide, short enough to read in one go.
MIN_SENTENCE_WORDS, MAX_SENTENCE_WORDS = 6, 30


@dataclass(frozen=True)
class Distractor:
    text: str
    zipf: float
    source: str = "lexicon"


def gap_target(token: dict[str, Any], level: str, sentence: Sentence) -> tuple[str, ...] | None:
    """The token's inflection class when it may be gapped at this target level, else None."""
    word = token["text"]
    if not token["is_word"] or token.get("proper_name") or token.get("pos") not in _POS_ORDER:
        return None
    if not word.isalpha() or not word.islower() or len(word) < 3:
        return None  # capitals are names or sentence starts; hyphenated forms are compounds
    lemma = (token.get("lemma") or word).lower()
    if word in STOP_WORDS or lemma in STOP_WORDS or is_unsuitable(word) or looks_english(word):
        return None
    if level_rank(token.get("level")) < level_rank(level):
        return None
    if in_unit(sentence, token):
        return None  # part of a multi-word unit: one word alone is not the point
    if main_pos(word) != _CGN_OF[token["pos"]]:
        return None  # the tagger's reading is not the form's usual one ("het moe zijn")
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


def _held_by_its_verb_only(words: list[dict[str, Any]], index: int) -> bool:
    """A noun with only an article, a number or a quantity before it and its verb right
    after it: "De {route ~regen} kostte acht miljoen", "Sommige {boeren ~getuigen} klagen",
    "weinig {spullen ~insecten} had". The verb takes any subject or object of its kind."""
    before = words[index - 1] if index else None
    following = [w for w in words[index + 1 : index + 3]]
    while following and following[0].get("pos") in ("ADV", "ADJ"):
        following = following[1:]  # "hoe de {molenaar ~marine} vroeger werkte"
    after = following[0] if following else None
    if before is None or after is None or after.get("pos") not in ("VERB", "AUX"):
        return False
    if before.get("pos") in ("DET", "NUM"):
        return True
    return before["text"].lower() in _QUANTITIES


_QUANTITIES = words_of("weinig veel meer minder genoeg sommige enkele alle elke iedere geen")

_MODALS = words_of(
    """kan kun kunt kunnen kon konden moet moeten moest moesten mag mogen mocht mochten
    wil wilt willen wilde wilden zal zult zullen zou zouden ga gaat gaan ging gingen"""
)


def after_modal(words: list[dict[str, Any]], index: int) -> bool:
    """A verb within three words after a modal or "gaan": an infinitive in the verb cluster
    (the tagger sometimes reads "kunt u zwemmen" as a finite plural)."""
    return any(w["text"].lower() in _MODALS for w in words[max(index - 3, 0) : index])


def _object_follows(words: list[dict[str, Any]], index: int) -> bool:
    """A noun phrase right after the verb (after a subject pronoun, if any): an object or an
    inverted subject that the verb must fit ("Er {rijdt} elke dag een bus")."""
    following = words[index + 1 : index + 4]
    if following and following[0].get("pos") == "PRON":
        following = following[1:]
    if not following or following[0].get("pos") not in ("DET", "NOUN", "NUM", "ADJ"):
        return False
    return not _measure_phrase(following)


def _measure_phrase(words: list[dict[str, Any]]) -> bool:
    """A number and a noun that measure rather than take part: "wachtte {twintig minuten}",
    "woonde {drie straten} verderop" -- an adverbial that almost any verb without an object
    takes, not an object the verb must fit."""
    if len(words) < 2 or words[0].get("pos") != "NUM" or words[1].get("pos") != "NOUN":
        return False
    unit = bool(categories_of(words[1]["text"], "N") & {"time", "quantity"})
    return unit or (len(words) > 2 and words[2].get("pos") == "ADV")


def answer_categories(answer: dict[str, Any]) -> frozenset[str]:
    """The WordNet categories a distractor must not have: those of the meaning chosen in
    this sentence and of every meaning the form has as the slot's part of speech, and the
    neighbours of what the chosen meaning usually is (slot_neighbours: "vielen {bomen
    ~gebouwen} om", "twee {ploegen ~honden} kwamen erbij" -- things fall, beings come)."""
    cgn = _CGN_OF.get(answer.get("pos") or "", "")
    gloss = tuple(answer.get("gloss") or ())
    return (
        categories_from(gloss, cgn)
        | categories_of(answer["text"], cgn)
        | slot_neighbours(main_categories(gloss, cgn))
    )


def distractor_allowed(
    candidate: str,
    answer: dict[str, Any],
    sentence_words: set[str],
    answer_senses: tuple,
    answer_kinds: frozenset[str] = frozenset(),
    text_lemmas: frozenset[str] = frozenset(),
) -> bool:
    answer_text = answer["text"]
    if fold(candidate) in sentence_words:
        return False
    if text_lemmas and any(fold(lemma) in text_lemmas for lemma in lemmas_of(candidate)):
        return False  # "Na twintig {minuten ~wedstrijden}": a word of the text shares its topic
    if answer_kinds & categories_of(candidate, _CGN_OF.get(answer.get("pos") or "", "")):
        # "twee {maanden ~weken}", "Hij {woonde ~zat} verderop": a word of the answer's own
        # category (time, place, being somewhere) often fits the slot as well.
        return False
    if answer.get("pos") == "NOUN" and is_person_noun(candidate):
        return False  # people fit wherever people or institutions act
    if answer.get("pos") == "NOUN" and is_person_noun(answer_text) and is_agent_noun(candidate):
        return False  # "Sommige {boeren ~naties} klagen": groups act as people do
    if is_spelling_variant(candidate, answer_text) or shares_lemma(candidate, answer_text):
        return False
    return not senses_overlap(senses_of(candidate), answer_senses)


def band_floor(level: str) -> float:
    """The lowest Zipf frequency of a word a learner at `level` may be expected to know:
    words up to one band above the level."""
    rank = min(level_rank(level) + 1, len(ZIPF_BANDS))
    return ZIPF_BANDS[rank][0] if rank < len(ZIPF_BANDS) else ZIPF_BANDS[-1][0] - 0.5


def choose_distractors(
    sentence: Sentence,
    answer: dict[str, Any],
    word_class: tuple[str, ...],
    level: str,
    rng: random.Random,
    text_lemmas: frozenset[str] = frozenset(),
) -> list[Distractor]:
    """Three words of the answer's part of speech and inflection (so each fits the slot's
    form), from the lexicon's bank, not rarer than the learner's band, near the answer in
    frequency. Never from the text itself: its words share its topic and may fit, and they
    would tie this item to every other sentence."""
    floor = band_floor(level)
    zipf = max(answer.get("zipf") or 0.0, floor + 0.2)
    sentence_words = {fold(t["text"]) for t in sentence.words}
    sentence_words |= {fold(t["lemma"]) for t in sentence.words if t.get("lemma")}
    answer_senses = tuple(answer.get("gloss") or ()) + senses_of(answer["text"])
    answer_kinds = answer_categories(answer)

    chosen: list[Distractor] = []
    for width in _WINDOWS:
        pool = [
            Distractor(w.text, w.zipf)
            for w in word_bank().near(word_class, zipf, width)
            if w.zipf >= floor
        ]
        # Ties in closeness broken by the seeded draw, so a new seed gives other words.
        keyed = sorted(pool, key=lambda d: d.text)
        draws = candidate_draws(rng, [d.text for d in keyed])
        keyed.sort(key=lambda d: (round(abs(d.zipf - zipf) / 0.2), draws[d.text]))
        for candidate in keyed:
            if len(chosen) == 3:
                break
            if any(candidate.text == c.text for c in chosen):
                continue
            if not distractor_allowed(
                candidate.text, answer, sentence_words, answer_senses, answer_kinds, text_lemmas
            ):
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


def cloze_text(source: SourceText, sentence: Sentence, answer: dict[str, Any], gap: str) -> str:
    raw = (
        source.text[sentence.start : answer["start"]]
        + _GAP_MARK
        + source.text[answer["end"] : sentence.end]
    )
    before, _, after = tidy_quotes(raw).partition(_GAP_MARK)
    return escape_text(before) + gap + escape_text(after)


# Adjectives that govern their preposition: the slot before "van" takes only these.
_GOVERNED = {
    "afhankelijk": "van",
    "bang": "voor",
    "trots": "op",
    "gek": "op",
    "dol": "op",
    "jaloers": "op",
    "boos": "op",
    "verliefd": "op",
    "geïnteresseerd": "in",
    "gewend": "aan",
    "verantwoordelijk": "voor",
    "geschikt": "voor",
    "benieuwd": "naar",
    "verbaasd": "over",
    "tevreden": "over met",
    "blij": "met",
    "bekend": "met om",
    "bereid": "tot om",
    "schuldig": "aan",
    "zeker": "van",
    "vol": "van",
    "rijk": "aan",
    "allergisch": "voor",
    "gevoelig": "voor",
    "bezorgd": "over",
    "enthousiast": "over",
    "kwaad": "op",
}


def governs(words: list[dict[str, Any]], index: int) -> bool:
    """An adjective followed by the preposition it governs: "afhankelijk van", "bang voor"."""
    following = words[index + 1]["text"].lower() if index + 1 < len(words) else ""
    base = adjective_form(words[index]["text"].lower())[1]
    return following in _GOVERNED.get(base, "").split()


def text_lemma_set(source: SourceText) -> frozenset[str]:
    """The text's content words and their lemmas, folded: distractors never come from them."""
    found = set()
    for token in source.words():
        if token.get("pos") in _POS_ORDER:
            found.add(fold(token["text"]))
            if token.get("lemma"):
                found.add(fold(token["lemma"]))
    return frozenset(found)


def verb_owner(seed: str, source: SourceText, sentence: Sentence, token: dict) -> str:
    """Whether a finite verb is gapped with options (cloze) or with its infinitive (verbs),
    drawn from the verb and its sentence (not the seed, which changes only distractors):
    asking both is one item twice."""
    draw = item_rng("", "verb-owner", source.sentence_text(sentence), token["text"]).random()
    return "verbs" if draw < 0.5 else "cloze"


def gap_sentences(source: SourceText) -> Iterator[Sentence]:
    """Sentences long enough to decide a gap and short enough to read in one go."""
    for sentence in source.sentences:
        if (
            not sentence.heading
            and complete(sentence)
            and (MIN_SENTENCE_WORDS <= len(sentence.words) <= MAX_SENTENCE_WORDS)
        ):
            yield sentence


def generate_cloze(source: SourceText, level: str, seed: str) -> Iterator[dict[str, Any]]:
    """Gap-fill items best first: one gap per sentence, one lemma per quiz, decided before any
    exclusion so that switching one item off only lets the next one in."""
    candidates = []
    for sentence in gap_sentences(source):
        words = sentence.words
        for index, token in enumerate(words):
            word_class = gap_target(token, level, sentence)
            if word_class is None:
                continue
            tight = _held_tight(words, index)
            if token["pos"] in ("ADJ", "ADV") and not governs(words, index):
                # "een {anonieme ~strenge} twitteraar", "{aantrekkelijker ~leuker}": an
                # adjective or adverb slot takes many words of its class, unless the word
                # governs the preposition after it (afhankelijk van, bang voor).
                continue
            if source.text[token["end"] : token["end"] + 1] == "-":
                continue  # "{groente}-, fruit- en tuinafval": half of a compound in a list
            at = next(i for i, t in enumerate(sentence.tokens) if t is token)
            neighbours = {t["text"].lower() for t in sentence.tokens[max(at - 1, 0) : at + 2]}
            if token["pos"] == "NOUN" and neighbours & {",", "en", "of"}:
                continue  # an item of a list: any thing of the kind fits ("fietsen en kleding")
            if token["pos"] == "NOUN" and not tight and _held_by_its_verb_only(words, index):
                continue
            last = index == len(words) - 1
            if token["pos"] == "NOUN" and last and words[index - 1].get("pos") != "ADJ":
                # "wachten op het {station ~besluit}", "begin ik met de {keuken
                # ~presentatie}": at the end of its sentence nothing after a noun holds it,
                # and its verb or preposition takes almost any noun; an adjective before it
                # may ("ernstige klachten").
                continue
            if sum(fold(w["text"]) == fold(token["text"]) for w in words) > 1:
                continue  # "tegen griep, want {griep} komt": the sentence gives it away
            if token["pos"] == "VERB" and after_modal(words, index):
                continue  # "kunt u {zwemmen}": an infinitive, whatever the tagger says
            if token["pos"] == "VERB" and not tight and not _object_follows(words, index):
                # "Ook {hoest ~reist} u veel": with only a pronoun and adverbs around it, a
                # verb's slot takes any verb without an object.
                continue
            if token["pos"] == "VERB" and verb_owner(seed, source, sentence, token) != "cloze":
                continue  # the verb-form item asks about this verb
            rank = (
                not tight,
                abs(level_rank(token.get("level")) - level_rank(level)),
                _POS_ORDER[token["pos"]],
                token["start"],
            )
            candidates.append((rank, sentence, token, word_class))
    candidates.sort(key=lambda c: c[0])
    # Verbs and nouns in turn: a quiz of eight noun gaps tests one thing eight times, and a
    # finite verb with its subject and object is the most tightly held word of a sentence.
    by_pos = {pos: [c for c in candidates if c[2]["pos"] == pos] for pos in _POS_ORDER}
    interleaved = []
    while any(by_pos.values()):
        for pos in ("VERB", "NOUN", "ADJ", "VERB", "NOUN", "ADV"):
            if by_pos[pos]:
                interleaved.append(by_pos[pos].pop(0))

    used_lemmas: set[str] = set()
    used_sentences: set[int] = set()
    lemmas = text_lemma_set(source)
    for _rank, sentence, token, word_class in interleaved:
        lemma = (token.get("lemma") or token["text"]).lower()
        if sentence.number in used_sentences or fold(lemma) in used_lemmas:
            continue
        item_id = f"gen-cloze-{slug(lemma)}-{sentence.number}"
        full = source.sentence_text(sentence)
        rng = item_rng(seed, "cloze", full, token["text"])
        distractors = choose_distractors(sentence, token, word_class, level, rng, lemmas)
        if len(distractors) < 3:
            continue
        used_lemmas.add(fold(lemma))
        used_sentences.add(sentence.number)
        yield _payload(source, sentence, token, word_class, distractors, item_id)


def _payload(
    source: SourceText,
    sentence: Sentence,
    token: dict[str, Any],
    word_class: tuple[str, ...],
    distractors: list[Distractor],
    item_id: str,
) -> dict[str, Any]:
    answer = token["text"]
    gap = "{=" + " ~".join([escape_gap(answer), *(escape_gap(d.text) for d in distractors)]) + "}"
    full = source.sentence_text(sentence)
    kind_text = describe_class(word_class)
    return {
        "id": item_id,
        "type": "cloze",
        "prompt": "Kies het woord dat past.",
        "points": 1.0,
        "hint": f"Het woord staat in zin {sentence.number} van de tekst.",
        "explanation": f"In de tekst staat: „{full}”",
        "shuffle": False,
        "line": None,
        "text": cloze_text(source, sentence, token, gap),
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
            "why": "governs the preposition after it"
            if token["pos"] in ("ADJ", "ADV")
            else f"a {kind_text} at or above the target level",
            "distractors": [
                {
                    "text": d.text,
                    "source": d.source,
                    "zipf": round(d.zipf, 2),
                    "why": (
                        f"{kind_text} like „{answer}” (the same slot and form), similar "
                        f"frequency (Zipf {d.zipf:.2f} vs {token.get('zipf') or 0:.2f}), "
                        "within the learner's band, from the lexicon; not in this sentence, "
                        "no shared lemma, spelling or meaning"
                    ),
                }
                for d in distractors
            ],
        },
    }


def typed_gap(question: dict[str, Any]) -> dict[str, Any]:
    """The same item with a gap to type (`typed: true` under `generate:`): no options, the
    first letter given so that the sentence holds one word; the id stays, so a teacher's
    `exclude:` keeps working."""
    explain = question["explain"]
    answer = explain["answer"]
    options = [answer, *(d["text"] for d in explain["distractors"])]
    choice = "{=" + " ~".join(escape_gap(o) for o in options) + "}"
    return {
        **question,
        "prompt": "Vul het woord in dat past.",
        "hint": f"Het woord begint met „{answer[0]}” en staat in zin {explain['sentence']} "
        "van de tekst.",
        "text": question["text"].replace(choice, "{" + escape_gap(answer) + "}"),
        "explain": {**explain, "typed": True},
    }
