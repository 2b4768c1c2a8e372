"""Turning a quiz form into canonical responses, and back.

Each question type (quizapp.questions) says what its form shows and posts; this module
looks the type up and hands it the parsed question. Options are shown in an order shuffled
per attempt, and the form posts display positions, never pack indices (see
quizapp.questions.base).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quizapp.questions import TYPES
from quizapp.questions.base import Choice, QuestionView, permutation

__all__ = [
    "Choice",
    "QuestionView",
    "answered",
    "chosen_options",
    "form_values",
    "from_json",
    "parse_response",
    "permutation",
    "question_view",
    "to_json",
]


def question_view(payload: dict[str, Any], name: str, seed: str) -> QuestionView:
    kind = TYPES[payload["type"]]
    view = QuestionView(
        name=name,
        type=kind.name,
        template=kind.template,
        prompt=payload.get("prompt"),
        points=payload.get("points", 1),
        hint=payload.get("hint"),
    )
    kind.view(kind.parse(payload), view, seed)
    return view


def parse_response(payload: dict[str, Any], name: str, seed: str, form: Mapping) -> Any:
    """The learner's answer to one question in the grader's canonical form.

    Forged or missing values become "no answer", never an error: a learner's odd post is
    graded, not crashed on."""
    kind = TYPES.get(payload["type"])
    if kind is None:
        return None
    return kind.response(kind.parse(payload), name, seed, form)


def form_values(payload: dict[str, Any], name: str, seed: str, response: Any) -> dict[str, Any]:
    """A saved response as the form's field values, to show a draft again."""
    kind = TYPES.get(payload["type"])
    if response is None or kind is None:
        return {}
    return kind.form_values(kind.parse(payload), name, seed, response)


def chosen_options(values: dict[str, Any]) -> set[tuple[str, str]]:
    """(field, value) for every option a draft chose (a "multi" field chooses several): the
    page marks hundreds of options, and a set answers each in one look."""
    return {
        (field, option)
        for field, value in values.items()
        for option in (value if isinstance(value, list) else [value])
        if option is not None
    }


def answered(response: Any) -> bool:
    """Whether a canonical response answers anything: an order, match or cloze counts once
    any one position, pair or gap is filled."""
    if response is None:
        return False
    if isinstance(response, str):
        return bool(response.strip())
    if isinstance(response, dict):
        return any(value is not None for value in response.values())
    if isinstance(response, list | tuple):
        return any(value is not None for value in response)
    return True


def to_json(response: Any) -> Any:
    """Canonical responses as JSON (dict keys become strings)."""
    if isinstance(response, dict):
        return {str(k): v for k, v in response.items()}
    return response


def from_json(payload: dict[str, Any], stored: Any) -> Any:
    kind = TYPES.get(payload["type"])
    return stored if kind is None else kind.from_json(stored)
