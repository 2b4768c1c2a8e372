"""What every question type provides, and the pieces several of them share.

A question is stored as the payload dict the pack reader makes from the pack YAML (that is
also what the database keeps); a type reads it into its own typed object with `parse`. The
form posts display positions, never pack indices: otherwise the HTML of an `order` or
`match` question would give the answer away (item 0 first, item 1 second...). The same
seeded permutation maps the positions back when grading and forward when showing a draft.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

import yaml

from quizapp.inputs import parse_int
from quizapp.normalise import answer_readings, edit_distance, normalise_answer
from quizapp.translatable import Message

# A typed answer this close to an accepted one earns "almost — check your spelling".
ALMOST_DISTANCE = 2

PICKED = "picked"
NOT_PICKED = "not picked"

Payload = Mapping[str, Any]
Entries = dict[str, tuple[yaml.Node, yaml.Node]]
Note = Callable[[str], None]


# --------------------------------------------------------------------------- grading


@dataclass(frozen=True)
class PartResult:
    """One option, gap, pair or position of a question, as the learner left it."""

    # The pack's own text for an option or a match item; the app's name for a gap, a
    # position or a typed answer, as a Message the page translates.
    label: str | Message
    given: str | None
    expected: str
    right: bool
    # A typed answer a few letters off an accepted one: that answer, for "almost: X" —
    # shown whether or not the teacher's typo allowance credited it.
    near: str | None = None


@dataclass(frozen=True)
class Outcome:
    """A type's verdict before points: the fraction right (clamped by the caller)."""

    fraction: float
    parts: list[PartResult] = field(default_factory=list)
    feedback: list[str] = field(default_factory=list)
    almost: bool = False


def as_index(value: Any, size: int) -> int | None:
    """An index into a list of `size`, or None for anything else (bools, negatives, text)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 <= value < size else None


def typed_match(
    given: str, accepted: list[str], case_sensitive: bool, typos: int
) -> tuple[bool, bool]:
    """(right, almost) for a typed answer against the accepted ones."""
    readings = [typed for typed in answer_readings(given, case_sensitive) if typed]
    if not readings:
        return False, False
    best = min(
        (
            edit_distance(typed, normalise_answer(answer, case_sensitive))
            for answer in accepted
            for typed in readings
        ),
        default=None,
    )
    if best is None:
        return False, False
    return best <= typos, typos < best <= ALMOST_DISTANCE


def near_answer(given: str, accepted: list[str], case_sensitive: bool, typos: int) -> str | None:
    """The accepted answer a typed one misspells: not the same once normalised, but within
    the near-miss distance (or the teacher's larger typo allowance). None for an exact
    answer, a wrong one, or nothing typed."""
    readings = [typed for typed in answer_readings(given, case_sensitive) if typed]
    scored = [
        (edit_distance(typed, normalise_answer(answer, case_sensitive)), n, answer)
        for n, answer in enumerate(accepted)
        for typed in readings
    ]
    if not scored:
        return None
    distance, _n, answer = min(scored)
    return answer if 0 < distance <= max(ALMOST_DISTANCE, typos) else None


# --------------------------------------------------------------------------- regrading


class Unmatched(Exception):
    """A response cannot be carried to another version of its question: that version lacks
    what the learner chose (an option taken out, items or pairs not the ones they placed)."""


def places(before: Sequence[str], after: Sequence[str]) -> dict[int, int]:
    """index in `before` -> the index of the same text in `after`, for each text `after`
    holds once. Texts compare as the pack checker tells two options apart
    (normalise_answer), so a capital or a space fixed is still the option chosen."""
    found: dict[str, list[int]] = {}
    for index, text in enumerate(after):
        found.setdefault(normalise_answer(text), []).append(index)
    return {
        index: at[0]
        for index, text in enumerate(before)
        if len(at := found.get(normalise_answer(text), [])) == 1
    }


def reordering(before: Sequence[str], after: Sequence[str]) -> dict[int, int]:
    """places(before, after) when `after` holds exactly the texts of `before`, in any
    order; raises Unmatched otherwise."""
    found = places(before, after)
    if len(before) != len(after) or len(set(found.values())) != len(after):
        raise Unmatched
    return found


@dataclass(frozen=True)
class OptionPick:
    """How often learners picked one option, for the teacher's item statistics."""

    label: str
    correct: bool
    count: int


# --------------------------------------------------------------------------- the quiz form


@dataclass
class Choice:
    value: str
    text: str


@dataclass
class QuestionView:
    """What the quiz page needs to show one question; holds no answer."""

    name: str  # form field prefix, e.g. "q3"
    type: str
    template: str  # the type's partial, with a `fields` macro
    prompt: str | None
    points: float
    hint: str | None
    choices: list[Choice] = field(default_factory=list)  # choice, multi, match right side, order
    lefts: list[str] = field(default_factory=list)  # match
    segments: list[dict[str, Any]] = field(default_factory=list)  # cloze
    slots: int = 0  # order: number of positions


def permutation(seed: str, name: str, count: int, shuffle: bool = True) -> list[int]:
    """perm[display position] = pack index."""
    order = list(range(count))
    if shuffle:
        random.Random(f"{seed}:{name}").shuffle(order)
    return order


def position(raw: str | None, perm: list[int]) -> int | None:
    """The pack index a posted display position stands for; None for anything forged."""
    pos = parse_int(raw)
    return perm[pos] if pos is not None and pos < len(perm) else None


def display(index: int | None, perm: list[int]) -> str | None:
    """The display position of a pack index, as the form posts it."""
    return None if index is None else str(perm.index(index))


def typed_text(raw: str | None, limit: int = 500) -> str | None:
    if raw is None:
        return None
    return raw[:limit] if raw.strip() else None


# --------------------------------------------------------------------------- checking


class Reader(Protocol):
    """What a type's `check` may ask of the pack reader (quizapp.packs.schema.PackReader):
    reporting a problem at a node's FILE:LINE:COL, and reading a value while reporting what
    is wrong with it."""

    def report(self, where: yaml.Node | yaml.Mark, message: str) -> None: ...
    def report_at(self, line: int, column: int, message: str) -> None: ...
    def kind_of(self, node: yaml.Node) -> str: ...
    def mapping(
        self, node: yaml.Node, what: str, duplicate: str = "`{key}` appears twice"
    ) -> Entries | None: ...
    def unknown_keys(
        self, entries: Entries, allowed: tuple[str, ...], what: str, elsewhere: str = ""
    ) -> None: ...
    def require(
        self, entries: Entries, node: yaml.Node, keys: tuple[str, ...], what: str
    ) -> None: ...
    def text(self, node: yaml.Node, key: str, required: bool = False) -> str | None: ...
    def optional_text(self, entries: Entries, key: str, required: bool = False) -> str | None: ...
    def boolean(self, node: yaml.Node, key: str) -> bool | None: ...
    def bool_value(self, node: yaml.Node) -> bool | None: ...
    def integer(self, node: yaml.Node, key: str, minimum: int = 0) -> int | None: ...
    def text_list(self, node: yaml.Node, key: str, example: str) -> list[tuple[yaml.Node, str]]: ...
    def scalar_position(self, node: yaml.ScalarNode, offset: int) -> tuple[int, int]: ...


# --------------------------------------------------------------------------- the type


class QuestionType:
    """One question type: everything the app does differently for it, in one place.

    A subclass sets the class attributes and overrides the methods its type needs; the
    defaults are what a type without that feature does. Register an instance in
    `quizapp.questions.TYPES`.
    """

    name: ClassVar[str]
    keys: ClassVar[tuple[str, ...]]  # the pack keys of this type, besides the common ones
    required: ClassVar[tuple[str, ...]]  # which of them a pack must give
    # Where the learner decides the order anyway, showing items shuffled is the sensible default.
    shuffled_by_default: ClassVar[bool] = False
    # Set where `shuffle: false` cannot be honoured: the problem a pack with it gets.
    always_shuffled: ClassVar[str | None] = None
    # GIFT: the note for a type GIFT cannot express (then it is never exported), and the
    # order in which GIFT answer blocks are offered to `reads_gift` (None: never read).
    gift_unsupported: ClassVar[str | None] = None
    gift_rank: ClassVar[int | None] = None

    @property
    def template(self) -> str:
        """The partial with this type's `fields` (quiz page) and `parts` (results) macros."""
        return f"quiz/types/{self.name}.html"

    # ------------------------------------------------------------------ the pack entry

    def check(self, reader: Reader, entries: Entries, question: dict[str, Any]) -> None:
        """Read this type's keys from a pack entry into `question`, reporting problems."""

    def parse(self, payload: Payload) -> Any:
        """The payload as this type's typed object; raises on a payload of the wrong shape."""
        raise NotImplementedError

    # ------------------------------------------------------------------ the quiz form

    def view(self, question: Any, view: QuestionView, seed: str) -> None:
        """Fill in what the quiz page shows of a parsed question (never its answer)."""

    def response(self, question: Any, name: str, seed: str, form: Mapping) -> Any:
        """The learner's answer in the grader's canonical form; forged values are no answer."""
        return None

    def form_values(self, question: Any, name: str, seed: str, response: Any) -> dict[str, Any]:
        """A canonical response as the form's field values, to show a draft again."""
        return {}

    def from_json(self, stored: Any) -> Any:
        """A response back from JSON, where it was stored."""
        return stored

    def right_response(self, question: Any) -> Any:
        """The canonical response that earns full marks."""
        raise NotImplementedError

    # ------------------------------------------------------------------ grading

    def grade(self, question: Any, response: Any) -> Outcome:
        raise NotImplementedError

    def carry(self, answered: Any, key: Any, response: Any) -> Any:
        """A response to the `answered` version of a question as the same choice in its
        `key` version (a fixed key, regraded): a type whose responses are indices maps
        what the learner chose, wherever it now stands. Raises Unmatched when the key
        lacks it. By default a response means the same in both: typed text, true or
        false, a cloze's gaps (whose drop-downs store the option's text)."""
        return response

    def option_picks(self, payload: Payload, responses: Iterable[Any]) -> list[OptionPick] | None:
        """How often each option was picked, for types with options; None for the others."""
        return None

    # ------------------------------------------------------------------ GIFT and pack YAML

    def reads_gift(self, answer_text: str) -> bool:
        """Whether a GIFT answer block (escapes protected) is a question of this type."""
        return False

    def read_gift(
        self, question: dict[str, Any], answer_text: str, text_format: str, note: Note
    ) -> bool:
        """Fill in `question` from a GIFT answer block; False (with a note) to skip it."""
        return False

    def missing_word_gap(self, question: dict[str, Any], note: Note) -> str | None:
        """The cloze gap a GIFT "missing word" question of this type becomes, or None."""
        return None

    def gift_lost(self, question: dict[str, Any], note: Note) -> None:
        """Note the settings of this type that GIFT cannot keep."""

    def write_gift(
        self, question: dict[str, Any], name: str, prompt: str, explanation: str | None, note: Note
    ) -> str | None:
        """The question as GIFT, given its `::name::` and `[plain]prompt` written out."""
        return None

    def pack_entry(self, question: dict[str, Any]) -> dict[str, Any]:
        """This type's keys as a teacher would write them, defaults left out."""
        return {}
