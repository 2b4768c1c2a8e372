"""Questions generated from an analysed text: cloze, vocabulary, gender and word order.

Every generator is a pure function of the article (text plus the Dutch pipeline's tokens)
and the options; the output is the pack's normalised question format plus `kind` and
`explain` (why the item and each distractor were chosen). Nothing depends on hash order or
the clock, so the same pack and options give byte-identical questions on every machine,
and ids say what is tested (gen-cloze-<lemma>-<sentence>), so answers stay attached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quizapp.language import Analysis
from quizapp.packs.schema import GENERATE_KINDS as KINDS

from .article import Article
from .cloze import generate_cloze
from .gender import generate_gender
from .order import generate_order
from .vocabulary import generate_vocabulary
from .words import fold

# Bump when generated questions change for the same text, so imports regenerate them.
GENERATOR_VERSION = 1
# Fields the generators add for the command line's JSON; not part of a stored question.
EXTRA_FIELDS = ("kind", "explain")
_GENERATORS = {
    "cloze": generate_cloze,
    "vocabulary": generate_vocabulary,
    "gender": generate_gender,
    "order": generate_order,
}


@dataclass(frozen=True)
class GenerateOptions:
    counts: dict[str, int] = field(default_factory=dict)
    level: str = "B1"
    seed: str = ""
    exclude: tuple[str, ...] = ()

    @classmethod
    def from_pack(
        cls,
        generate: dict[str, Any],
        pack_level: str | None,
        stats_level: str | None,
        seed: str = "",
    ) -> GenerateOptions:
        """The options a pack's `generate:` block asks for; the level falls back to the
        pack's level, then to the level the analysis estimated."""
        return cls(
            counts={kind: int(generate[kind]) for kind in KINDS if generate.get(kind)},
            level=generate.get("level") or pack_level or stats_level or "B1",
            seed=seed,
            exclude=tuple(generate.get("exclude") or ()),
        )


def generate_questions(
    text: str,
    analysis: Analysis | dict[str, Any] | list[dict[str, Any]],
    options: GenerateOptions,
) -> list[dict[str, Any]]:
    """Questions in kind order (cloze, vocabulary, gender, order), each kind in text order."""
    article = Article.of(text, analysis)
    excluded = set(options.exclude)
    questions: list[dict[str, Any]] = []
    asked: set[str] = set()
    for kind in KINDS:
        count = options.counts.get(kind, 0)
        if count <= 0:
            continue
        # Ask for the excluded ones too, so switching an item off does not shrink the quiz;
        # words already asked about by an earlier kind come last, for variety.
        made = _GENERATORS[kind](
            article, count + len(excluded), options.level, options.seed, frozenset(asked)
        )
        kept = [q for q in made if q["id"] not in excluded][:count]
        asked.update(fold(q["explain"]["lemma"]) for q in kept if q["explain"].get("lemma"))
        questions += kept
    return questions


def pack_payload(question: dict[str, Any]) -> dict[str, Any]:
    """A generated question as stored and served: the pack format's fields only."""
    return {key: value for key, value in question.items() if key not in EXTRA_FIELDS}


__all__ = ["KINDS", "GENERATOR_VERSION", "GenerateOptions", "generate_questions", "pack_payload"]
