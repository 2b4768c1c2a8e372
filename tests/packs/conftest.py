"""Pack fixtures written inline, so each test shows the YAML it is about."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from quizapp.packs import Problem, load_pack

PACK_HEADER = """\
format: 1
id: test-pack
title: Een test
text: |
  Biden sprak met Poetin.
"""


@pytest.fixture
def write_pack(tmp_path: Path) -> Callable[..., str]:
    def write(body: str, name: str = "pack.yaml") -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(body), encoding="utf-8")
        return str(path)

    return write


@pytest.fixture
def problems_in(write_pack: Callable[..., str]) -> Callable[[str], list[Problem]]:
    def load(body: str) -> list[Problem]:
        pack, problems = load_pack(write_pack(body))
        assert (pack is None) == bool(problems)
        return problems

    return load


@pytest.fixture
def questions_problems(problems_in) -> Callable[[str], list[tuple[int, int, str]]]:
    """Problems of a pack made of the standard header plus the given `questions:` block."""

    def load(questions: str) -> list[tuple[int, int, str]]:
        # Questions sit two spaces in, whatever indentation the test wrote them with.
        body = PACK_HEADER + "questions:\n" + textwrap.indent(textwrap.dedent(questions), "  ")
        return [(p.line, p.column, p.message) for p in problems_in(body)]

    return load
