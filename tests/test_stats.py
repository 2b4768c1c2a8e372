"""Item statistics against values worked out by hand."""

from __future__ import annotations

import math

import pytest

from quizapp import stats

# Six attempts at three one-point items A, B, C (1 = right). Totals: 3, 2, 2, 1, 1, 0.
HAND_FIXTURE = [
    {"A": (1, 1), "B": (1, 1), "C": (1, 1)},
    {"A": (1, 1), "B": (1, 1), "C": (0, 1)},
    {"A": (1, 1), "B": (0, 1), "C": (1, 1)},
    {"A": (0, 1), "B": (1, 1), "C": (0, 1)},
    {"A": (1, 1), "B": (0, 1), "C": (0, 1)},
    {"A": (0, 1), "B": (0, 1), "C": (0, 1)},
]


def test_facility_is_the_share_right():
    result = stats.item_statistics(HAND_FIXTURE)
    # A right in 4 of 6, B in 3 of 6, C in 2 of 6.
    assert result["A"].facility == pytest.approx(4 / 6)
    assert result["B"].facility == pytest.approx(0.5)
    assert result["C"].facility == pytest.approx(2 / 6)
    assert result["A"].n == result["B"].n == result["C"].n == 6


def test_discrimination_is_the_item_rest_correlation():
    result = stats.item_statistics(HAND_FIXTURE)
    # A: x = [1,1,1,0,1,0], rest = total - A = [2,1,1,1,0,0]; means 2/3 and 5/6.
    #   dx = [1/3,1/3,1/3,-2/3,1/3,-2/3], dy = [7/6,1/6,1/6,1/6,-5/6,-5/6]
    #   Sxy = (7+1+1-2-5+10)/18 = 2/3; Sxx = 4/9+8/9 = 4/3; Syy = (49+1+1+1+25+25)/36 = 17/6
    #   r = (2/3) / sqrt(4/3 * 17/6) = (2/3) / (sqrt(34)/3) = 2/sqrt(34) = 0.3430
    assert result["A"].discrimination == pytest.approx(2 / math.sqrt(34))
    assert result["A"].discrimination == pytest.approx(0.3430, abs=1e-4)
    # B: x = [1,1,0,1,0,0], rest = [2,1,2,0,1,0]; means 1/2 and 1.
    #   Sxy = .5*1 + .5*0 - .5*1 + .5*(-1) - .5*0 - .5*(-1) = 0 -> r = 0
    assert result["B"].discrimination == pytest.approx(0.0)
    # C: x = [1,0,1,0,0,0], rest = [2,2,1,1,1,0]; means 1/3 and 7/6.
    #   dx = [2/3,-1/3,2/3,-1/3,-1/3,-1/3], dy = [5/6,5/6,-1/6,-1/6,-1/6,-7/6]
    #   Sxy = (10-5-2+1+1+7)/18 = 2/3; Sxx = 4/3; Syy = (25+25+1+1+1+49)/36 = 17/6
    #   r = 2/sqrt(34) as for A
    assert result["C"].discrimination == pytest.approx(2 / math.sqrt(34))


def test_top_minus_bottom_third():
    result = stats.item_statistics(HAND_FIXTURE)
    # Thirds of 6 attempts are 2 attempts. Ranked by total (ties in input order):
    # bottom = attempts 6 (0) and 4 (1); top = attempts 3 (2) and 1 (3).
    # A: top 1,1 - bottom 0,0 = 1 - 0 = 1
    # B: top 0,1 - bottom 0,1 = .5 - .5 = 0
    # C: top 1,1 - bottom 0,0 = 1
    assert result["A"].top_bottom == pytest.approx(1.0)
    assert result["B"].top_bottom == pytest.approx(0.0)
    assert result["C"].top_bottom == pytest.approx(1.0)


def test_partial_credit_counts_as_a_share_of_the_points():
    attempts = [{"M": (2, 2)}, {"M": (1, 2)}, {"M": (0, 2)}]
    # (1 + 0.5 + 0) / 3 = 0.5
    assert stats.item_statistics(attempts)["M"].facility == pytest.approx(0.5)


def test_undefined_figures_are_none_not_errors():
    # One attempt: no correlation and no thirds. Everyone right: no spread, no correlation.
    one = stats.item_statistics([{"A": (1, 1), "B": (0, 1)}])
    assert one["A"].discrimination is None and one["A"].top_bottom is None
    same = stats.item_statistics([{"A": (1, 1), "B": (i % 2, 1)} for i in range(10)])
    assert same["A"].discrimination is None
    assert same["A"].facility == 1.0 and same["A"].flags == (stats.FLAG_TOO_EASY,)


def test_flags_too_easy_too_hard_misleading_and_a_normal_item():
    # Twelve learners of rising ability k = 0..11. N1/N2/N3 are right for the stronger ones,
    # EASY for all, HARD for none, MISLEADING only for the weaker ones.
    attempts = []
    for k in range(12):
        attempts.append(
            {
                "N1": (int(k >= 3), 1),
                "N2": (int(k >= 4), 1),
                "N3": (int(k >= 5), 1),
                "EASY": (1, 1),
                "HARD": (0, 1),
                "MISLEADING": (int(k <= 4), 1),
            }
        )
    result = stats.item_statistics(attempts)
    assert result["EASY"].flags == (stats.FLAG_TOO_EASY,)
    assert result["HARD"].flags == (stats.FLAG_TOO_HARD,)
    assert result["MISLEADING"].flags == (stats.FLAG_NEGATIVE,)
    assert result["MISLEADING"].discrimination < 0 and result["MISLEADING"].top_bottom < 0
    for normal in ("N1", "N2", "N3"):
        assert result[normal].flags == (), normal
        assert result[normal].discrimination > 0


def test_flag_thresholds_are_strict():
    assert stats.flags_for(0.2, 0.1) == ()
    assert stats.flags_for(0.95, 0.0) == ()
    assert stats.flags_for(0.19, None) == (stats.FLAG_TOO_HARD,)
    assert stats.flags_for(0.96, -0.01) == (stats.FLAG_TOO_EASY, stats.FLAG_NEGATIVE)


def test_option_picks_for_choice_multi_and_truefalse():
    choice = {
        "type": "choice",
        "options": [{"text": "a", "correct": False}, {"text": "b", "correct": True}],
    }
    picks = stats.option_picks(choice, [1, 1, 0, None, 7, True])
    # 7 is out of range and True is not an index: neither counts.
    assert [(p.label, p.correct, p.count) for p in picks] == [("a", False, 1), ("b", True, 2)]

    multi = {
        "type": "multi",
        "options": [{"text": "x", "correct": True}, {"text": "y", "correct": True}, {"text": "z"}],
    }
    picks = stats.option_picks(multi, [[0, 1], [0], [], [2, 0]])
    assert [p.count for p in picks] == [3, 1, 1]

    truefalse = {"type": "truefalse", "answer": False}
    picks = stats.option_picks(truefalse, [True, False, False, None])
    assert [(p.label, p.correct, p.count) for p in picks] == [
        ("true", False, 1),
        ("false", True, 2),
    ]

    assert stats.option_picks({"type": "short"}, ["juli"]) is None


def test_histogram_bins_edges():
    counts = stats.histogram([0.0, 0.09, 0.1, 0.7, 0.95, 1.0, 1.2, -0.1])
    # 0-9%: 0.0, 0.09, -0.1 (clamped); 10-19%: 0.1; 70-79%: 0.7; 90-100%: 0.95, 1.0, 1.2.
    assert counts == [3, 1, 0, 0, 0, 0, 0, 1, 0, 3]
    assert stats.bin_labels()[0] == "0–9%" and stats.bin_labels()[-1] == "90–100%"


def test_no_flag_below_ten_answers_and_the_item_says_so():
    nine = stats.item_statistics([{"A": (1, 1), "B": (0, 1)} for _ in range(9)])
    assert nine["A"].flags == () and nine["B"].flags == ()
    assert nine["A"].too_few and not nine["A"].looks_broken
    ten = stats.item_statistics([{"A": (1, 1), "B": (0, 1)} for _ in range(10)])
    assert ten["A"].flags == (stats.FLAG_TOO_EASY,) and not ten["A"].too_few
    assert ten["B"].flags == (stats.FLAG_TOO_HARD,)
