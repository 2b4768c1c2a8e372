"""Property tests: the rules hold for any slice of the sample texts, not only whole packs."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.generate import GenerateOptions, generate_questions
from quizapp.generate.source import SourceText
from quizapp.language import analyse_text
from tests.generate.conftest import PACK_FILES, analysed
from tests.generate.rules import check_rules

TEXTS = [analysed(path)[0].text for path in PACK_FILES]


@st.composite
def slices(draw):
    """A run of whole lines (paragraphs, headings) of one sample text, cut at a space."""
    text = draw(st.sampled_from(TEXTS))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + 1500)))
    start = text.rfind(" ", 0, start) + 1
    stop = text.find(" ", end)
    return text[start : stop if stop != -1 else len(text)]


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    text=slices(),
    level=st.sampled_from(["A1", "A2", "B1", "B2", "C1"]),
    seed=st.text(max_size=5),
)
def test_rules_hold_on_any_slice_of_the_sample_texts(text, level, seed):
    analysis = analyse_text(text)
    options = GenerateOptions({"cloze": 4, "vocabulary": 4, "gender": 3, "order": 2}, level, seed)
    questions = generate_questions(text, analysis, options)
    check_rules(SourceText.of(text, analysis), questions)
    assert generate_questions(text, analysis.to_json(), options) == questions
