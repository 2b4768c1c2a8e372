"""Escaping for cloze texts reads back, through the parser, as the text it escaped."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from quizapp.normalise import normalise_answer
from quizapp.questions.cloze_syntax import escape_gap, escape_text, parse_cloze

MARKS = "{}|=~\\ ab"
pieces = st.text(alphabet=st.sampled_from(MARKS), max_size=12)
answers = pieces.map(str.strip).filter(bool)


@given(before=pieces, answer=answers, after=pieces)
def test_a_typed_gap_and_the_text_around_it_read_back(before, answer, after):
    # A backslash right before a gap would escape its brace: the syntax has no way to
    # write one there, so the literal text is followed by a space.
    text = escape_text(before) + " {" + escape_gap(answer) + "}" + escape_text(after)
    segments = parse_cloze(text)
    gaps = [segment for segment in segments if segment.is_gap]
    assert [gap.answers for gap in gaps] == [[answer]]
    literal = "".join(segment.text for segment in segments if not segment.is_gap)
    assert literal == before + " " + after


@given(right=answers, wrong=answers)
def test_drop_down_options_read_back(right, wrong):
    assume(normalise_answer(right) != normalise_answer(wrong))
    (gap,) = parse_cloze("{=" + escape_gap(right) + " ~" + escape_gap(wrong) + "}")
    assert gap.options == [right, wrong] and gap.answers == [right]
