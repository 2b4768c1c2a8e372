"""The question types, one module each, registered in TYPES.

Pure code: no Flask, no database. Each type (see base.QuestionType) knows how its pack
entry is checked, what the quiz page shows of it and reads back from the form, how it is
graded, and how it is written as and read from Moodle GIFT; its template partial is
`templates/quiz/types/<name>.html`. The pack checker, the quiz form, grading, item
statistics and the GIFT converter look a question's type up here instead of branching on
its name. docs/adding-a-question-type.md walks through adding one.
"""

from __future__ import annotations

from .base import QuestionType
from .choice import ChoiceType
from .cloze import ClozeType
from .match import MatchType
from .multi import MultiType
from .order import OrderType
from .short import ShortType
from .truefalse import TrueFalseType

# In the order the pack checker lists them to a teacher.
TYPES: dict[str, QuestionType] = {
    kind.name: kind
    for kind in (
        ChoiceType(),
        MultiType(),
        TrueFalseType(),
        ShortType(),
        ClozeType(),
        MatchType(),
        OrderType(),
    )
}

__all__ = ["TYPES", "QuestionType"]
