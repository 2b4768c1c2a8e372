"""The SVG charts: accessible images with a text alternative, no inline styles."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from quizapp import charts

SVG = "{http://www.w3.org/2000/svg}"


def _words(total: int, peak: int, labels: str) -> str:
    return charts.ngettext(
        "%(num)s word; the most (%(peak)s) at %(labels)s.",
        "%(num)s words; the most (%(peak)s) at %(labels)s.",
        total,
        peak=peak,
        labels=labels,
    )


def _parse(chart: charts.Chart) -> ET.Element:
    # Valid XML once the namespace is declared: a stray "<" or "&" would fail here.
    return ET.fromstring(str(chart.svg).replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))


def test_line_chart_has_title_description_and_points():
    chart = charts.line_chart(
        "scores", "Scores <over> time", [("2026-01-02", 0.5), ("2026-01-09", 1.0)]
    )
    root = _parse(chart)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "scores-title scores-desc"
    assert root.find(f"{SVG}title").text == "Scores <over> time"
    assert "the latest is 100%" in root.find(f"{SVG}desc").text
    assert len(root.findall(f"{SVG}circle")) == 2
    # Plot area is y 14..200: 100% is drawn at the top, 50% half-way (107).
    assert root.find(f"{SVG}polyline").get("points") == "44,107 628,14"
    assert chart.rows == [("2026-01-02", "50%"), ("2026-01-09", "100%")]


def test_bar_chart_heights_are_proportional():
    chart = charts.bar_chart(
        "b", "Words", [("1 Mar", 2), ("2 Mar", 4), ("3 Mar", 0)], summary=_words
    )
    bars = _parse(chart).findall(f"{SVG}rect")
    heights = [float(bar.get("height")) for bar in bars]
    assert heights == [93, 186, 0]  # plot height 186 for the peak of 4
    assert chart.summary == "6 words; the most (4) at 2 Mar."


def test_empty_charts_say_so():
    chart = charts.line_chart("e", "Scores", [], empty="No finished quizzes yet.")
    assert "No finished quizzes yet." in str(chart.svg)
    assert chart.summary == "No finished quizzes yet." and chart.rows == []
    bars = charts.bar_chart("z", "Words", [("1 Mar", 0)], empty="Nothing reviewed.")
    assert "Nothing reviewed." in str(bars.svg)


def test_no_inline_style_or_script():
    for chart in (
        charts.line_chart("a", "t", [("x", 0.3)]),
        charts.histogram_chart("h", "t", [1] * 10, [str(i) for i in range(10)]),
    ):
        markup = str(chart.svg)
        assert not re.search(r"\sstyle=|<script|\son\w+=", markup)


def _tick_labels(chart) -> list[str]:
    return [t.text for t in _parse(chart).findall(f"{SVG}text") if t.get("text-anchor") == "end"]


def test_count_axes_have_whole_numbers_only():
    for top in range(1, 12):
        chart = charts.bar_chart("w", "Attempts", [("a", top), ("b", 0)])
        labels = _tick_labels(chart)
        assert all(label.isdigit() for label in labels), (top, labels)
        assert labels[0] == "0" and labels[-1] == str(top)
    assert _tick_labels(charts.bar_chart("w", "t", [("a", 1)])) == ["0", "1"]
    assert _tick_labels(charts.bar_chart("w", "t", [("a", 3)])) == ["0", "1", "3"]


def test_a_tie_for_the_most_names_every_bar_in_it():
    chart = charts.bar_chart(
        "t", "Words", [("1 Mar", 3), ("2 Mar", 1), ("3 Mar", 3)], summary=_words
    )
    assert chart.summary == "7 words; the most (3) at 1 Mar and 3 Mar."
    three = charts.bar_chart("t", "W", [("a", 2), ("b", 2), ("c", 2)], summary=_words)
    assert three.summary == "6 words; the most (2) at a, b and c."
