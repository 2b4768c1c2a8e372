"""Analysed sample packs, shared by the generator tests (the analysis is the slow part)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from quizapp.generate import GenerateOptions
from quizapp.language import analyse_text
from quizapp.packs import load_pack
from tests.conftest import QUESTIONS

PACK_FILES = sorted(QUESTIONS.glob("*.yaml"))
from quizapp.generate.cli import KIND_COUNTS  # noqa: E402

ALL_KINDS = KIND_COUNTS


@cache
def analysed(path: Path):
    pack, problems = load_pack(path)
    assert pack is not None, problems
    return pack, analyse_text(pack.text, pack.glossary or None)


def pack_options(pack, analysis, counts=None) -> GenerateOptions:
    return GenerateOptions(
        counts=counts or ALL_KINDS,
        level=pack.generate.get("level") or pack.level or analysis.stats["level"],
        seed=pack.id,
    )
