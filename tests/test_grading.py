"""Grading: one definition of "right" for every question type."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.grading import Grade, PartResult, Unmatched, carry, grade
from quizapp.normalise import edit_distance, normalise_answer
from quizapp.questions.cloze_syntax import ClozeSyntaxError, parse_cloze, scan_cloze
from quizapp.translatable import Message


def choice(**extra):
    return {
        "id": "duur",
        "type": "choice",
        "points": 1.0,
        "options": [
            {"text": "een uur", "correct": False, "feedback": "Nee, langer."},
            {"text": "twee uur", "correct": True, "feedback": "Klopt."},
            {"text": "drie uur", "correct": False, "feedback": None},
        ],
        **extra,
    }


def multi(**extra):
    return {
        "id": "landen",
        "type": "multi",
        "points": 2.0,
        "options": [
            {"text": "Rusland", "correct": True, "feedback": None},
            {"text": "Oekraïne", "correct": True, "feedback": "Ja, Oekraïne."},
            {"text": "Frankrijk", "correct": False, "feedback": "Nee."},
            {"text": "China", "correct": False, "feedback": None},
        ],
        **extra,
    }


TRUEFALSE = {"id": "tf", "type": "truefalse", "answer": False, "points": 1.0}
SHORT = {
    "id": "stad",
    "type": "short",
    "answers": ["Den Haag", "'s-Gravenhage"],
    "case_sensitive": False,
    "typos": 0,
    "points": 1.0,
}
CLOZE = {
    "id": "gat",
    "type": "cloze",
    "points": 3.0,
    "text": "Biden {=vreest ~hoopt ~weet} een {invasie|inval} van {Oekraïne}.",
}
MATCH = {
    "id": "paar",
    "type": "match",
    "points": 1.0,
    "pairs": [["Biden", "VS"], ["Poetin", "Rusland"], ["Zelensky", "Oekraïne"], ["Rutte", "NL"]],
}
ORDER = {"id": "volg", "type": "order", "points": 1.0, "items": ["a", "b", "c", "d"]}


# --------------------------------------------------------------------------- normalising


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Den   Haag ", "den haag"),
        ("Den\tHaag\n", "den haag"),
        ("ĳs", "ijs"),
        ("Ĳsland", "ijsland"),
        ("e\u0301e\u0301n", "één"),  # decomposed accents compose
        ("ÉÉN", "één"),
    ],
)
def test_normalise_answer(raw, expected):
    assert normalise_answer(raw) == expected


# Invisible characters come in with copied text: a zero-width space or a soft hyphen from a
# web page, a bidi mark from a phone keyboard, a byte-order mark from a file.
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("één\u200b", "één"),
        ("\u200féén", "één"),
        ("\u200eeen\u200e", "een"),
        ("ijs\u00adje", "ijsje"),
        ("\ufeffja", "ja"),
        ("wo\u2060rd", "word"),
        ("\u202aOekraïne\u202c", "oekraïne"),
        ("\u2066Den Haag\u2069", "den haag"),
        ("e\u200b\u0301en", "\u00e9en"),  # the accent still composes with its letter
    ],
)
def test_normalise_drops_invisible_characters(raw, expected):
    assert normalise_answer(raw) == expected


def test_normalise_keeps_diacritics_significant():
    assert normalise_answer("één") != normalise_answer("een")
    assert normalise_answer("Oekraïne") != normalise_answer("Oekraine")


def test_normalise_case_sensitive_keeps_case_but_fixes_ligature():
    assert normalise_answer(" Ĳsland  ", case_sensitive=True) == "IJsland"
    assert normalise_answer("Den Haag", case_sensitive=True) != "den haag"


text_strategy = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
dutch_letters = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéëïöüèĳ", min_size=0, max_size=20)


@settings(max_examples=300, deadline=None)
@given(text_strategy, st.booleans())
def test_normalise_is_idempotent(text, case_sensitive):
    once = normalise_answer(text, case_sensitive)
    assert normalise_answer(once, case_sensitive) == once


@settings(max_examples=200, deadline=None)
@given(st.lists(dutch_letters, min_size=1, max_size=4), st.sampled_from([" ", "  ", "\t", "\n "]))
def test_normalise_ignores_spacing(words, gap):
    assert normalise_answer(gap + gap.join(words) + gap) == normalise_answer(" ".join(words))


@settings(max_examples=200, deadline=None)
@given(dutch_letters)
def test_normalise_ignores_case(word):
    assert normalise_answer(word.upper()) == normalise_answer(word.lower())


@settings(max_examples=200, deadline=None)
@given(dutch_letters)
def test_normalise_ligature_equals_ij(word):
    assert normalise_answer(word.replace("ij", "ĳ")) == normalise_answer(word.replace("ĳ", "ij"))


invisible = st.characters(whitelist_categories=("Cf",))


@settings(max_examples=200, deadline=None)
@given(dutch_letters, st.lists(st.tuples(st.integers(0, 20), invisible), max_size=4))
def test_invisible_characters_anywhere_change_nothing(word, insertions):
    marked = word
    for position, char in insertions:
        marked = marked[:position] + char + marked[position:]
    assert normalise_answer(marked) == normalise_answer(word)


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("", "", 0), ("abc", "", 3), ("kitten", "sitting", 3), ("invasie", "invasei", 2)],
)
def test_edit_distance(a, b, distance):
    assert edit_distance(a, b) == distance == edit_distance(b, a)


# --------------------------------------------------------------------------- cloze parsing


def test_parse_cloze_segments():
    segments = parse_cloze("Biden {=vreest ~hoopt ~weet} een {invasie|inval}; \\{ok\\}")
    assert [s.is_gap for s in segments] == [False, True, False, True, False]
    assert segments[0].text == "Biden "
    assert segments[1].options == ["vreest", "hoopt", "weet"]
    assert segments[1].answers == ["vreest"]
    assert segments[3].answers == ["invasie", "inval"]
    assert segments[3].options is None
    assert segments[4].text == "; {ok}"
    assert [s.index for s in segments if s.is_gap] == [0, 1]


def test_parse_cloze_options_keep_pack_order_and_spaces():
    (_, gap, _) = parse_cloze("Het duurde {~een uur =twee uur ~drie uur} lang.")
    assert gap.options == ["een uur", "twee uur", "drie uur"]
    assert gap.answers == ["twee uur"]


@pytest.mark.parametrize(
    ("text", "message_part", "offset"),
    [
        ("geen gaten hier", "no gaps", 0),
        ("een {gat zonder eind", "never closed", 4),
        ("een gat} te veel {x}", "without an opening", 7),
        ("kies {=a =b ~c}", "exactly one right option", 5),
        ("kies {~a ~b}", "exactly one right option", 5),
        ("leeg {}", "empty answer", 6),
        ("leeg {a|}", "empty answer", 8),
    ],
)
def test_scan_cloze_errors(text, message_part, offset):
    _, errors = scan_cloze(text)
    assert errors, text
    assert message_part in errors[0].message
    assert errors[0].offset == offset
    with pytest.raises(ClozeSyntaxError):
        parse_cloze(text)


# --------------------------------------------------------------------------- grading


def test_choice_right_with_feedback():
    result = grade(choice(), 1)
    assert result == Grade(
        score=1.0,
        max_score=1.0,
        correct=True,
        almost=False,
        parts=[
            PartResult("een uur", None, "not picked", True),
            PartResult("twee uur", "picked", "picked", True),
            PartResult("drie uur", None, "not picked", True),
        ],
        feedback=["Klopt."],
    )


def test_choice_wrong_scores_zero_and_shows_that_options_feedback():
    result = grade(choice(), 0)
    assert (result.score, result.correct, result.feedback) == (0.0, False, ["Nee, langer."])
    assert [p.right for p in result.parts] == [False, False, True]


@pytest.mark.parametrize("response", [None, 3, -1, True, "1", 1.0, [1]])
def test_choice_odd_responses_score_zero(response):
    result = grade(choice(), response)
    assert result.score == 0 and not result.correct


def test_points_scale_the_score():
    assert grade(choice(points=4.0), 1).score == 4.0
    assert grade(choice(points=4.0), 1).max_score == 4.0


@pytest.mark.parametrize(
    ("picked", "score"),
    [
        ({0, 1}, 2.0),
        ({0}, 1.0),
        ({0, 1, 2}, 1.0),  # (2 right - 1 wrong) / 2 correct = 0.5 of 2 points
        ({0, 2}, 0.0),
        ({2, 3}, 0.0),  # never below zero
        (set(), 0.0),
        ([1, 0], 2.0),
        ([1, 1, 0], 2.0),  # a repeated pick counts once
    ],
)
def test_multi_partial_credit(picked, score):
    result = grade(multi(), picked)
    assert result.score == pytest.approx(score)
    assert result.correct == (score == 2.0)


def test_multi_feedback_for_each_picked_option():
    assert grade(multi(), {1, 2}).feedback == ["Ja, Oekraïne.", "Nee."]


@pytest.mark.parametrize(("response", "right"), [(False, True), (True, False), (None, False)])
def test_truefalse(response, right):
    result = grade(TRUEFALSE, response)
    assert result.correct is right
    assert result.parts[0].expected == "false"


def test_truefalse_zero_is_not_false():
    assert grade(TRUEFALSE, 0).score == 0


@pytest.mark.parametrize(
    ("response", "right", "almost"),
    [
        ("Den Haag", True, False),
        ("  den   haag ", True, False),
        ("'s-gravenhage", True, False),
        ("Den Hag", False, True),
        ("Dn Hag", False, True),
        ("Dn Hg", False, False),
        ("Amsterdam", False, False),
        ("", False, False),
        (None, False, False),
        (42, False, False),
    ],
)
def test_short(response, right, almost):
    result = grade(SHORT, response)
    assert (result.correct, result.almost) == (right, almost)


def test_short_typos_allowance_and_almost_beyond_it():
    question = {**SHORT, "typos": 1}
    assert grade(question, "Den Hag").correct
    assert grade(question, "Dn Hag").almost
    assert not grade(question, "Dn Hg").almost  # three edits: simply wrong
    assert not grade({**SHORT, "typos": 2}, "Dn Hag").almost
    assert grade({**SHORT, "typos": 2}, "Dn Hag").correct


@pytest.mark.parametrize(
    ("typos", "typed", "correct", "near"),
    [
        (1, "Russich gas", True, "Russisch gas"),  # credited by the allowance, still noted
        (0, "Russich gas", False, "Russisch gas"),
        (0, "russisch gas", True, None),  # case is not a misspelling
        (0, "Russisch", False, None),  # a word missing is not "almost"
        (0, "Rusich gs", False, None),  # three edits: simply wrong
        (3, "Rusich gs", True, "Russisch gas"),  # unless the teacher allows that many
    ],
)
def test_short_notes_the_answer_a_typed_one_misspells(typos, typed, correct, near):
    question = {**SHORT, "answers": ["Russisch gas", "het Russische gas"], "typos": typos}
    result = grade(question, typed)
    assert (result.correct, result.parts[0].near) == (correct, near)


def test_the_near_miss_note_never_changes_the_score():
    question = {**SHORT, "answers": ["Russisch gas"], "typos": 1}
    assert grade(question, "Russich gas").score == grade(question, "Russisch gas").score == 1.0
    assert grade({**question, "typos": 0}, "Russich gas").score == 0.0


def test_short_case_sensitive():
    question = {**SHORT, "answers": ["Den Haag"], "case_sensitive": True}
    assert grade(question, "Den Haag").correct
    assert not grade(question, "den haag").correct


def test_short_ligature_and_diacritics():
    question = {**SHORT, "answers": ["ijs", "één"]}
    assert grade(question, "ĳs").correct
    assert not grade(question, "een").correct


@pytest.mark.parametrize(
    ("answer", "typed"),
    [
        ("één", "één\u200b"),
        ("één", "\u200féén"),
        ("ijsje", "ijs\u00adje"),
        ("de bakker", "de\u200bbakker"),  # a zero-width space where the space was
        ("bakkerij", "bakker\u200bij"),  # or one a web page put inside a word
    ],
)
def test_invisible_characters_do_not_make_a_right_answer_wrong(answer, typed):
    assert grade({**SHORT, "answers": [answer]}, typed).correct
    cloze = {"id": "c", "type": "cloze", "points": 1.0, "text": f"Het is {{{answer}}}."}
    assert grade(cloze, [typed]).correct


def test_a_zero_width_space_is_no_licence_for_other_mistakes():
    assert not grade({**SHORT, "answers": ["de bakker"]}, "de\u200bbakkers").correct
    assert not grade({**SHORT, "answers": ["de bakker"]}, "\u200b").correct


def test_cloze_per_gap():
    result = grade(CLOZE, ["vreest", "INVAL", "Oekraine"])
    assert result.score == pytest.approx(2.0)
    assert [p.right for p in result.parts] == [True, True, False]
    assert result.almost  # Oekraine is one edit from Oekraïne
    assert result.parts[2] == PartResult(
        Message("gap %(number)s", {"number": 3}), "Oekraine", "Oekraïne", False, near="Oekraïne"
    )
    assert [p.near for p in result.parts] == [None, None, "Oekraïne"]


def test_cloze_all_right_and_missing_gaps():
    assert grade(CLOZE, ["vreest", "invasie", "Oekraïne"]).correct
    assert grade(CLOZE, ["hoopt"]).score == 0
    assert grade(CLOZE, None).score == 0
    assert grade(CLOZE, [None, 5, "invasie"]).score == 0


def test_match_per_pair():
    result = grade(MATCH, {0: 0, 1: 2, 2: 1, 3: 3})
    assert result.score == pytest.approx(0.5)
    assert result.parts[1] == PartResult("Poetin", "Oekraïne", "Rusland", False)
    assert grade(MATCH, {0: 0, 1: 1, 2: 2, 3: 3}).correct
    assert grade(MATCH, {0: None, 9: 1, 1: "1"}).score == 0


def test_order_fraction_in_place():
    assert grade(ORDER, [0, 1, 2, 3]).correct
    assert grade(ORDER, [1, 0, 2, 3]).score == pytest.approx(0.5)
    assert grade(ORDER, [0, 0, 0, 0]).score == pytest.approx(0.25)
    result = grade(ORDER, [3, None])
    assert result.score == 0
    assert result.parts[0] == PartResult(
        Message("position %(number)s", {"number": 1}), "d", "a", False
    )


def test_unknown_type_and_broken_payload_score_zero():
    assert grade({"type": "essay"}, "x").score == 0
    assert grade({"type": "choice"}, 0).score == 0
    assert grade({"type": "cloze", "text": "{kapot"}, ["kapot"]).score == 0


QUESTIONS = [choice(points=2.5), multi(), TRUEFALSE, SHORT, CLOZE, MATCH, ORDER]
any_response = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 6) | st.text(max_size=8) | st.floats(),
    lambda inner: (
        st.lists(inner, max_size=6)
        | st.sets(st.integers(-2, 6), max_size=6)
        | st.dictionaries(st.integers(-1, 5), st.integers(-1, 5) | st.none(), max_size=6)
    ),
    max_leaves=10,
)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(QUESTIONS), any_response)
def test_score_stays_within_points_for_any_response(question, response):
    result = grade(question, response)
    assert 0.0 <= result.score <= result.max_score == question["points"]
    assert result.correct == (result.score == result.max_score)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.booleans(), min_size=2, max_size=8).filter(any),
    st.sets(st.integers(0, 7)),
    st.floats(0.5, 10),
)
def test_multi_bounds_for_any_options_and_picks(correct_flags, picked, points):
    question = {
        "type": "multi",
        "points": points,
        "options": [{"text": str(i), "correct": c} for i, c in enumerate(correct_flags)],
    }
    result = grade(question, picked)
    assert 0.0 <= result.score <= points


# --------------------------------------------------------------------------- carrying to a fix


def _options(question, *texts, correct=()):
    """`question` with these options (by text, from its own), `correct` the right ones."""
    own = {option["text"]: option for option in question["options"]}
    return {
        **question,
        "options": [
            {**own.get(text, {"feedback": None}), "text": text, "correct": text in correct}
            for text in texts
        ],
    }


def test_a_choice_is_carried_to_where_the_fix_put_that_option():
    fixed = _options(choice(), "drie uur", "twee uur", "een uur", correct=("een uur",))
    # "een uur" (index 0 when answered) is index 2 in the fix, and right there.
    assert carry(choice(), fixed, 0) == 2
    assert grade(fixed, carry(choice(), fixed, 0)).correct
    assert not grade(fixed, carry(choice(), fixed, 1)).correct  # twee uur, no longer the key
    assert carry(choice(), fixed, None) is None


def test_a_choice_whose_option_was_taken_out_cannot_be_carried():
    fixed = _options(choice(), "twee uur", "drie uur", correct=("twee uur",))
    with pytest.raises(Unmatched):
        carry(choice(), fixed, 0)  # een uur is gone
    assert carry(choice(), fixed, 2) == 1  # another option going moves nothing chosen


def test_a_capital_or_a_space_fixed_is_still_the_option_chosen():
    fixed = _options(choice(), "Een  uur", "twee uur", "drie uur", correct=("Een  uur",))
    assert grade(fixed, carry(choice(), fixed, 0)).correct


def test_multi_picks_are_carried_and_one_taken_out_stops_the_carry():
    reordered = _options(
        multi(), "China", "Frankrijk", "Oekraïne", "Rusland", correct=("Rusland", "Oekraïne")
    )
    assert carry(multi(), reordered, [0, 1]) == [2, 3]
    assert grade(reordered, carry(multi(), reordered, [0, 1])).correct
    fewer = _options(multi(), "Rusland", "Oekraïne", "China", correct=("Rusland", "Oekraïne"))
    with pytest.raises(Unmatched):
        carry(multi(), fewer, [0, 2])  # Frankrijk is gone
    assert carry(multi(), fewer, [0, 3]) == [0, 2]


def test_an_order_is_carried_among_the_same_items_only():
    fixed = {**ORDER, "items": ["b", "a", "c", "d"]}  # the key: b comes first
    # The learner placed b, a, c, d (indices into the version they answered).
    assert grade(fixed, carry(ORDER, fixed, [1, 0, 2, 3])).correct
    assert carry(ORDER, fixed, [0, None]) == [1, None]
    with pytest.raises(Unmatched):
        carry(ORDER, {**ORDER, "items": ["a", "b", "c", "d", "e"]}, [0, 1, 2, 3])
    with pytest.raises(Unmatched):
        carry(ORDER, {**ORDER, "items": ["a", "b", "c", "x"]}, [0, 1, 2, 3])


def test_a_match_is_carried_among_the_same_items_only():
    # The key answered paired Zelensky with NL and Rutte with Oekraïne; the fix pairs them
    # right, in another order.
    answered = {**MATCH, "pairs": [["Biden", "VS"], ["Poetin", "Rusland"]]}
    answered["pairs"] += [["Zelensky", "NL"], ["Rutte", "Oekraïne"]]
    fixed = {**MATCH, "pairs": [["Rutte", "NL"], ["Biden", "VS"]]}
    fixed["pairs"] += [["Zelensky", "Oekraïne"], ["Poetin", "Rusland"]]
    # The learner matched Zelensky with Oekraïne (pair 3 answered) and Rutte with NL (2).
    response = {0: 0, 1: 1, 2: 3, 3: 2}
    assert grade(answered, response).score == pytest.approx(0.5)
    assert grade(fixed, carry(answered, fixed, response)).correct
    with pytest.raises(Unmatched):
        carry(answered, {**MATCH, "pairs": answered["pairs"][:3]}, response)


def test_a_response_to_the_same_version_or_an_unindexed_type_is_unchanged():
    assert carry(choice(), choice(), 7) == 7
    assert carry(SHORT, {**SHORT, "answers": ["Den Haag"]}, "den haag") == "den haag"
    assert carry(TRUEFALSE, {**TRUEFALSE, "answer": True}, False) is False


def test_another_type_or_a_broken_fix_cannot_be_carried():
    with pytest.raises(Unmatched):
        carry(choice(), {**choice(), "type": "multi"}, 1)
    with pytest.raises(Unmatched):
        carry(choice(), {"type": "choice", "options": [{"correct": True}]}, 1)


FIXES = [
    (choice(), _options(choice(), "drie uur", "een uur", "twee uur", correct=("een uur",))),
    (multi(), _options(multi(), "China", "Rusland", "Frankrijk", "Oekraïne", correct=("China",))),
    (ORDER, {**ORDER, "items": ["d", "c", "b", "a"]}),
    (MATCH, {**MATCH, "pairs": [[left, right] for left, right in reversed(MATCH["pairs"])]}),
]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(FIXES), any_response)
def test_any_response_is_carried_or_refused_never_crashes(fix, response):
    answered, fixed = fix
    try:
        carried = carry(answered, fixed, response)
    except Unmatched:
        return
    assert 0.0 <= grade(fixed, carried).score <= fixed["points"]
