"""Questions generated from an analysed text: about its content (true/false statements and
key facts) and about its words (cloze, vocabulary, gender, word order).

Every generator is a pure function of the source text (text plus the Dutch pipeline's
tokens), the target level and the seed; the output is the pack's normalised question format
plus `kind` and `explain` (why the item and each distractor were chosen, and the sentence that
proves the answer). Nothing depends on hash order or the clock.

A teacher's review must settle, so an item depends only on its own sentence and target:
each generator yields its candidates best first, already free of conflicts (one gap per
sentence, one item per lemma) *before* any exclusion, and each item draws its distractors from
a generator seeded with its own sentence and target. Excluding an item then only lets the next
candidate in, and editing the glossary only changes the items about the edited words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from quizapp.language import Analysis
from quizapp.levels import DEFAULT_LEVEL
from quizapp.packs.schema import GENERATE_KINDS as KINDS

from .cloze import generate_cloze, typed_gap
from .collocations import generate_collocations
from .endings import generate_endings
from .events import generate_events
from .facts import generate_facts
from .gender import generate_gender, select_gender
from .order import generate_order
from .source import SourceText
from .statements import generate_statements
from .verbs import generate_verbs
from .vocabulary import generate_matching, generate_vocabulary
from .which import generate_which

# KINDS lists content first: the quiz of a text should test what it says, not only its words.
CONTENT_KINDS = ("statements", "facts", "which", "events")
# Bump when generated questions change for the same text, so imports regenerate them.
GENERATOR_VERSION = 5
# Fields the generators add for the command line's JSON; not part of a stored question.
EXTRA_FIELDS = ("kind", "explain")

Generator = Callable[[SourceText, str, str], Iterable[dict[str, Any]]]
_GENERATORS: dict[str, Generator] = {
    "statements": generate_statements,
    "facts": generate_facts,
    "which": generate_which,
    "events": generate_events,
    "cloze": generate_cloze,
    "verbs": generate_verbs,
    "collocations": generate_collocations,
    "endings": generate_endings,
    "vocabulary": generate_vocabulary,
    "match": generate_matching,
    "gender": generate_gender,
    "order": generate_order,
}


def _take_first(made: Iterable[dict[str, Any]], count: int, excluded: set[str]):
    return list(islice((q for q in made if q["id"] not in excluded), count))


_SELECTORS: dict[str, Callable[[Iterable[dict[str, Any]], int, set[str]], list]] = {
    "gender": select_gender,
}


@dataclass(frozen=True)
class GenerateOptions:
    counts: dict[str, int] = field(default_factory=dict)
    level: str = DEFAULT_LEVEL
    seed: str = ""
    exclude: tuple[str, ...] = ()
    typed: bool = False  # cloze gaps to type, not to choose

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
            level=generate.get("level") or pack_level or stats_level or DEFAULT_LEVEL,
            seed=seed,
            exclude=tuple(generate.get("exclude") or ()),
            typed=bool(generate.get("typed")),
        )


def candidates(
    text: str, analysis: Analysis | dict[str, Any] | list[dict[str, Any]], kind: str, level: str
) -> Iterator[dict[str, Any]]:
    """Every item of one kind the text allows, best first (for `check` and the tests); for
    vocabulary and matching, those of a quiz with both and those of a quiz with one."""
    source = SourceText.of(text, analysis)
    seen: set[str] = set()
    for shared in (True, False) if kind in _SHARING else (True,):
        for question in _made(kind, source, level, "", shared):
            if question["id"] not in seen:
                seen.add(question["id"])
                yield question


# Kinds that share the text's words when a quiz asks for both (`vocabulary.word_owner`):
# a quiz with only one of them has all the words for it.
_SHARING = ("vocabulary", "match")


def _made(kind: str, source: SourceText, level: str, seed: str, shared: bool):
    if kind in _SHARING:
        return _GENERATORS[kind](source, level, seed, shared)  # type: ignore[call-arg]
    return _GENERATORS[kind](source, level, seed)


def generate_questions(
    text: str,
    analysis: Analysis | dict[str, Any] | list[dict[str, Any]],
    options: GenerateOptions,
) -> list[dict[str, Any]]:
    """Questions in kind order (content first), each kind in text order."""
    source = SourceText.of(text, analysis)
    excluded = set(options.exclude)
    shown: set[int] = set()  # sentences an earlier kind's items show
    gapped: set[tuple[int, int]] = set()  # words an earlier kind's items gap
    questions: list[dict[str, Any]] = []
    for kind in KINDS:
        count = options.counts.get(kind, 0)
        if count <= 0:
            continue
        shared = all(options.counts.get(k, 0) > 0 for k in _SHARING)
        taken, asked = frozenset(shown), frozenset(gapped)

        def made(kind=kind, shared=shared, taken=taken, asked=asked):
            # A sentence one item shows is shown by no other: "De bouw duurde … jaar"
            # beside "duurde twee jaar en kostte achttien {miljoen} euro" answers both.
            for question in _made(kind, source, options.level, options.seed, shared):
                if _shows(question) & taken:
                    continue
                if kind == "vocabulary" and _slot(question) in asked:
                    continue  # "Welk woord betekent last?" beside a gap on duurde
                yield question

        select = _SELECTORS.get(kind, _take_first)
        kept = select(made(), count, excluded)
        # The sentences claimed are those of the quiz with nothing excluded, so that
        # switching an item off changes no item of another kind.
        unexcluded = kept if not excluded else select(made(), count, set())
        shown |= {n for question in unexcluded for n in _shows(question)}
        if kind in _GAP_KINDS:
            gapped |= {_slot(question) for question in unexcluded}
        if kind == "cloze" and options.typed:
            kept = [typed_gap(q) for q in kept]
        questions += sorted(kept, key=lambda q: (q["explain"]["start"], q["id"]))
    return questions


# Kinds that gap a word of a sentence (all before vocabulary in KINDS): a meaning item on the
# same word would give their answer away, and they give its answer away.
_GAP_KINDS = ("cloze", "verbs")


def _shows(question: dict[str, Any]) -> set[int]:
    """The sentences of the text an item shows the learner (whole, gapped or as a statement):
    a gender, matching or meaning-to-word item shows none."""
    explain = question["explain"]
    if question["kind"] in ("gender", "match") or explain.get("direction") == "meaning to word":
        return set()
    return {explain["sentence"], *(explain.get("sentences") or ())}


def _slot(question: dict[str, Any]) -> tuple[int, int]:
    return question["explain"]["sentence"], question["explain"]["start"]


def pack_payload(question: dict[str, Any]) -> dict[str, Any]:
    """A generated question as stored and served: the pack format's fields only."""
    return {key: value for key, value in question.items() if key not in EXTRA_FIELDS}


__all__ = [
    "CONTENT_KINDS",
    "GENERATOR_VERSION",
    "KINDS",
    "GenerateOptions",
    "candidates",
    "generate_questions",
    "pack_payload",
]
