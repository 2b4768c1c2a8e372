"""Marking English text for translation in the layers that do not know about pages.

Grading, packs and language are pure: they do not import Flask-Babel. A message they give
a learner or teacher is written `N_("...")`, which extraction (`make translations`) finds
and which returns the English unchanged; the template shows it with `_(message)`, which
translates it for the reader. A message with values is a Message: its English text with
`%(name)s` placeholders and the values, translated and filled where it is shown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


def N_(message: str) -> str:
    return message


@dataclass(frozen=True, slots=True)
class Message:
    text: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.text % self.values if self.values else self.text
