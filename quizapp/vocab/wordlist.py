"""An article's key words, computed from its stored analysis. Pure functions: tokens in
(the JSON of `quizapp.language.Analysis`), plain values out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from quizapp.levels import LEVELS, is_level, level_rank

CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
Token = Mapping[str, Any]


@dataclass(frozen=True)
class KeyWord:
    lemma: str  # what a saved word is keyed on: the glossary phrase or the lemma, lower case
    form: str  # as written in the text
    meaning: str
    note: str | None
    gender: str | None
    level: str | None
    sentence: str
    sentence_index: int
    from_glossary: bool
    headword: str = ""  # the dictionary form in its own case: "Russisch", not "russisch"
    meaning_language: str = "en"  # what `meaning` is written in
    # The stored token it was first met as: its meaning in other languages is found from it.
    token: dict | None = field(default=None, compare=False, repr=False)

    @property
    def dictionary_form(self) -> str:
        return self.headword or self.lemma


def word_key(token: Token) -> str:
    """The lemma a token is saved under: a glossary phrase as a whole, else its lemma."""
    return headword(token).lower()


def headword(token: Token) -> str:
    """A token's dictionary form as the analysis gives it, case kept (a proper adjective
    such as "Russisch" is capitalised in the dictionary, "bedenken" is not)."""
    return (token.get("phrase") or token.get("lemma") or token["text"]).strip()


def headwords(tokens: Iterable[Token]) -> dict[str, str]:
    """Saved-word key → the dictionary form in its case, for the words of a text."""
    found: dict[str, str] = {}
    for token in tokens:
        if token.get("is_word"):
            found.setdefault(word_key(token), headword(token))
    return found


def sentences(text: str, tokens: Iterable[Token]) -> dict[int, str]:
    """Sentence index → the sentence as it stands in the text, whitespace collapsed."""
    spans: dict[int, tuple[int, int]] = {}
    for token in tokens:
        n = token["sentence"]
        start, end = spans.get(n, (token["start"], token["end"]))
        spans[n] = (min(start, token["start"]), max(end, token["end"]))
    return {n: " ".join(text[start:end].split()) for n, (start, end) in spans.items()}


def _groups(tokens: list[Token]) -> Iterable[list[Token]]:
    """Word tokens, with the consecutive tokens of one glossary phrase as one group."""
    words = [t for t in tokens if t.get("is_word")]
    i = 0
    while i < len(words):
        group = [words[i]]
        phrase = words[i].get("phrase")
        while (
            phrase
            and i + len(group) < len(words)
            and words[i + len(group)].get("phrase") == phrase
            and words[i + len(group)]["sentence"] == words[i]["sentence"]
        ):
            group.append(words[i + len(group)])
        yield group
        i += len(group)


def _key_word(text: str, group: list[Token], sentence_text: dict[int, str]) -> KeyWord:
    first, last = group[0], group[-1]
    nouns = [t for t in group if t.get("gender") in ("de", "het")]
    return KeyWord(
        lemma=word_key(first),
        form=" ".join(text[first["start"] : last["end"]].split()),
        meaning="; ".join(first.get("gloss") or []),
        note=first.get("gloss_note"),
        gender=nouns[0]["gender"] if len(group) == 1 and nouns else None,
        level=max(
            (t["level"] for t in group if is_level(t.get("level"))), key=level_rank, default=None
        ),
        sentence=sentence_text.get(first["sentence"], ""),
        sentence_index=first["sentence"],
        from_glossary=first.get("gloss_source") == "glossary",
        headword=headword(first),
        token=first,
    )


def key_words(text: str, tokens: list[Token], above: str | None) -> list[KeyWord]:
    """The teacher's glossary words, plus glossed content words above level `above`
    (None: glossary only), each once, where first met, in text order."""
    floor = level_rank(above) if above in LEVELS else len(LEVELS)
    sentence_text = sentences(text, tokens)
    seen: set[str] = set()
    result = []
    for group in _groups(tokens):
        first = group[0]
        glossary = first.get("gloss_source") == "glossary"
        hard = (
            first.get("pos") in CONTENT_POS
            and not first.get("proper_name")
            and bool(first.get("gloss"))
            and is_level(first.get("level"))
            and level_rank(first.get("level")) > floor
        )
        if not (glossary or hard) or word_key(first) in seen:
            continue
        seen.add(word_key(first))
        result.append(_key_word(text, group, sentence_text))
    return result


def find_word(
    text: str, tokens: list[Token], lemma: str, form: str = "", sentence_index: int | None = None
) -> KeyWord | None:
    """The word a learner asked to save, as it occurs in the text: preferably in the given
    sentence, else its first occurrence anywhere. None when the text does not have it."""
    lemma, form = lemma.strip().lower(), form.strip().lower()
    groups = [g for g in _groups(tokens) if not g[0].get("proper_name")]

    def matches(group: list[Token]) -> bool:
        written = " ".join(t["text"].lower() for t in group)
        return word_key(group[0]) == lemma or (bool(form) and written == form)

    found = [g for g in groups if matches(g)]
    if not found:
        return None
    in_sentence = [g for g in found if g[0]["sentence"] == sentence_index]
    group = (in_sentence or found)[0]
    return _key_word(text, group, sentences(text, tokens))


def gapped(sentence: str, *words: str) -> str:
    """The sentence with each whole-word occurrence of `words` replaced by a gap."""
    result = sentence
    for word in sorted({w for w in words if w}, key=len, reverse=True):
        result = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", "_____", result, flags=re.IGNORECASE)
    return result
