"""Where in the text a question is about: the sentence a learner should reread.

A hand-written question does not say which sentence it tests, but its prompt, answers and
explanation usually quote or paraphrase it; the sentence sharing the most of their content
words is the one. Pure functions over the stored analysis tokens."""

from __future__ import annotations

import re
from typing import Any

from quizapp.normalise import normalise_answer

_WORD = re.compile(r"\w[\w-]*")
# Short words (de, het, een, in, op...) say nothing about which sentence is meant.
_MIN_LENGTH = 4
_MIN_SHARED = 2


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(normalise_answer(text)) if len(w) >= _MIN_LENGTH}


def question_words(payload: dict[str, Any]) -> set[str]:
    parts = [payload.get("prompt") or "", payload.get("explanation") or ""]
    parts += [str(a) for a in payload.get("answers") or []]
    parts += [o["text"] for o in payload.get("options") or [] if o.get("correct")]
    parts += [payload.get("text") or ""]  # a cloze text is the sentence, gaps and all
    parts += [f"{left} {right}" for left, right in payload.get("pairs") or []]
    parts += payload.get("items") or []
    return _words(" ".join(parts))


def sentence_words(tokens: list[dict[str, Any]]) -> dict[int, set[str]]:
    """Content words per sentence, numbered from 1."""
    found: dict[int, set[str]] = {}
    for token in tokens:
        if token.get("is_word"):
            found.setdefault(token["sentence"] + 1, set()).update(_words(token["text"]))
    return found


def best_sentence(payload: dict[str, Any], sentences: dict[int, set[str]]) -> int | None:
    """The sentence sharing most content words with the question, or None when none shares
    enough to be sure (a question about the whole text points nowhere)."""
    wanted = question_words(payload)
    scored = sorted(((len(wanted & words), -number) for number, words in sentences.items()))
    if not scored or scored[-1][0] < _MIN_SHARED:
        return None
    return -scored[-1][1]
