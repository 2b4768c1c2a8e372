"""What a pack is once read: the Pack itself and the Problems found on the way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    """Something a teacher must fix, at a 1-based line and column of the file."""

    path: str
    line: int
    column: int
    message: str

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
