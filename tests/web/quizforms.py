"""Filling in a quiz form the way a learner who knows every answer would."""

from __future__ import annotations

from quizapp.cloze import cloze_gaps
from quizapp.quiz.forms import permutation


def right_answers(payload: dict, name: str, seed: str) -> dict[str, str | list[str]]:
    kind = payload["type"]
    shuffle = payload.get("shuffle", True)
    if kind in ("choice", "multi"):
        perm = permutation(seed, name, len(payload["options"]), shuffle)
        picks = [str(pos) for pos, i in enumerate(perm) if payload["options"][i]["correct"]]
        return {name: picks[0] if kind == "choice" else picks}
    if kind == "truefalse":
        return {name: "true" if payload["answer"] else "false"}
    if kind == "short":
        return {name: payload["answers"][0]}
    if kind == "cloze":
        return {f"{name}-g{i}": gap.answers[0] for i, gap in enumerate(cloze_gaps(payload["text"]))}
    if kind == "match":
        perm = permutation(seed, name, len(payload["pairs"]))
        return {f"{name}-{i}": str(perm.index(i)) for i in range(len(payload["pairs"]))}
    if kind == "order":
        perm = permutation(seed, name, len(payload["items"]))
        return {f"{name}-{p}": str(perm.index(p)) for p in range(len(payload["items"]))}
    raise AssertionError(kind)
