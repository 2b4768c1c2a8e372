"""What a pack is once read: the Pack itself and the Problems found on the way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quizapp.translatable import Message


@dataclass(frozen=True)
class Problem:
    """Something a teacher must fix, at a 1-based line and column of the file.

    `message` is English, as the command line prints it. Given a Message (or marked with
    N_), the page shows it in its own language: `said` keeps the Message, `shown` is what
    a page translates."""

    path: str
    line: int
    column: int
    message: str
    said: Message | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.message, Message):
            object.__setattr__(self, "said", self.message)
            object.__setattr__(self, "message", str(self.message))

    @property
    def shown(self) -> Message | str:
        return self.said if self.said is not None else self.message

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    source: str | None
    published: str | None
    level: str | None
    tags: list[str]
    text: str
    glossary: dict[str, dict[str, str | None]]
    generate: dict[str, Any]
    questions: list[dict[str, Any]]
    path: str
    content_hash: str
    # language code -> one translation per paragraph (None: left out)
    translations: dict[str, list[str | None]] = field(default_factory=dict)
