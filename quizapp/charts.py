"""Small charts as inline SVG, drawn on the server: readable without JavaScript, no chart
library, nothing from a CDN. Pure functions: data in, markup out.

Every chart is an image with a title and a description for screen readers, and comes
with the same figures as table rows for a text alternative. Colours come from CSS
classes (the page's light and dark themes); no inline style attributes, which the
Content-Security-Policy would block anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape


def _english(text: str, **values: object) -> str:
    return text % values if values else text


def _english_plural(singular: str, plural: str, num: int, **values: object) -> str:
    return (singular if num == 1 else plural) % {"num": num, **values}


# The words a chart writes itself (its summary, its table's headings, "no data"), in the
# page's language: the web layer hands in its gettext and ngettext at start-up (this module
# stays pure and below it); until then, and in tests of this module alone, English.
gettext: Callable[..., str] = _english
ngettext: Callable[..., str] = _english_plural


def use_translations(gettext_: Callable[..., str], ngettext_: Callable[..., str]) -> None:
    global gettext, ngettext
    gettext, ngettext = gettext_, ngettext_


WIDTH = 640
HEIGHT = 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 14, 40


@dataclass(frozen=True)
class Chart:
    svg: Markup
    summary: str  # one sentence saying what the chart shows
    columns: tuple[str, str]  # headings of the text-alternative table
    rows: list[tuple[str, str]]


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _open(chart_id: str, title: str, summary: str) -> list[str]:
    cid = escape(chart_id)
    return [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{cid}-title {cid}-desc" focusable="false" '
        f'preserveAspectRatio="xMidYMid meet">',
        f'<title id="{cid}-title">{escape(title)}</title>',
        f'<desc id="{cid}-desc">{escape(summary)}</desc>',
    ]


def _frame(lines: list[str], y_ticks: Sequence[tuple[float, str]]) -> None:
    """Axes and horizontal grid lines; y values are 0..1 of the plot height."""
    plot_h = HEIGHT - TOP - BOTTOM
    for value, label in y_ticks:
        y = TOP + plot_h * (1 - value)
        lines.append(
            f'<line class="chart-grid" x1="{LEFT}" y1="{_fmt(y)}" x2="{WIDTH - RIGHT}" '
            f'y2="{_fmt(y)}" stroke-width="1"/>'
        )
        lines.append(
            f'<text class="chart-label" x="{LEFT - 6}" y="{_fmt(y + 4)}" '
            f'text-anchor="end" font-size="12">{escape(label)}</text>'
        )
    lines.append(
        f'<line class="chart-axis" x1="{LEFT}" y1="{HEIGHT - BOTTOM}" '
        f'x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}" stroke-width="1"/>'
    )


def _empty(lines: list[str], message: str) -> None:
    lines.append(
        f'<text class="chart-label" x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" '
        f'font-size="14">{escape(message)}</text>'
    )


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def _scores(count: int, **values: str) -> str:
    return ngettext(
        "%(num)s score from %(start)s to %(end)s; the latest is %(latest)s, the best %(best)s.",
        "%(num)s scores from %(start)s to %(end)s; the latest is %(latest)s, the best %(best)s.",
        count,
        **values,
    )


def line_chart(
    chart_id: str, title: str, points: Sequence[tuple[str, float]], empty: str | None = None
) -> Chart:
    """Shares (0..1) in order, e.g. scores over time; x is the order, labelled at the ends."""
    empty = empty or gettext("No data yet.")
    if points:
        summary = _scores(
            len(points),
            start=points[0][0],
            end=points[-1][0],
            latest=_percent(points[-1][1]),
            best=_percent(max(v for _, v in points)),
        )
    else:
        summary = empty
    lines = _open(chart_id, title, summary)
    _frame(lines, [(0, "0%"), (0.5, "50%"), (1, "100%")])
    if not points:
        _empty(lines, empty)
    else:
        plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
        step = plot_w / (len(points) - 1) if len(points) > 1 else 0
        xy = []
        for i, (_, value) in enumerate(points):
            x = LEFT + (step * i if len(points) > 1 else plot_w / 2)
            y = TOP + plot_h * (1 - min(max(value, 0.0), 1.0))
            xy.append((x, y))
        if len(xy) > 1:
            coords = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in xy)
            lines.append(
                f'<polyline class="chart-line" points="{coords}" fill="none" stroke-width="2.5"/>'
            )
        for x, y in xy:
            lines.append(f'<circle class="chart-dot" cx="{_fmt(x)}" cy="{_fmt(y)}" r="4"/>')
        first_x, last_x = xy[0][0], xy[-1][0]
        lines.append(
            f'<text class="chart-label" x="{_fmt(first_x)}" y="{HEIGHT - BOTTOM + 18}" '
            f'text-anchor="start" font-size="12">{escape(points[0][0])}</text>'
        )
        if len(points) > 1:
            lines.append(
                f'<text class="chart-label" x="{_fmt(last_x)}" y="{HEIGHT - BOTTOM + 18}" '
                f'text-anchor="end" font-size="12">{escape(points[-1][0])}</text>'
            )
    lines.append("</svg>")
    rows = [(label, _percent(value)) for label, value in points]
    columns = (gettext("When"), gettext("Score"))
    # Every text that went into `lines` was escaped above; the rest is our own markup.
    return Chart(Markup("".join(lines)), summary, columns, rows)  # nosec B704


def _and(labels: Sequence[str]) -> str:
    if len(labels) <= 1:
        return "".join(labels)
    return gettext("%(first)s and %(last)s", first=", ".join(labels[:-1]), last=labels[-1])


# A bar chart's sentence: (total, peak, the labels at the peak) to the summary.
Summary = Callable[[int, int, str], str]


def _in_total(total: int, peak: int, labels: str) -> str:
    return ngettext(
        "%(num)s in total; the most (%(peak)s) at %(labels)s.",
        "%(num)s in total; the most (%(peak)s) at %(labels)s.",
        total,
        peak=peak,
        labels=labels,
    )


def _attempts(total: int, peak: int, labels: str) -> str:
    return ngettext(
        "%(num)s attempt; the most (%(peak)s) at %(labels)s.",
        "%(num)s attempts; the most (%(peak)s) at %(labels)s.",
        total,
        peak=peak,
        labels=labels,
    )


def count_ticks(scale_max: int) -> list[tuple[float, str]]:
    """Grid lines for counts: whole numbers only (half an attempt means nothing), at 0,
    the top, and the whole number nearest the middle when there is one between."""
    ticks = [(0.0, "0")]
    middle = scale_max // 2
    if 0 < middle < scale_max:
        ticks.append((middle / scale_max, str(middle)))
    ticks.append((1.0, str(scale_max)))
    return ticks


def bar_chart(
    chart_id: str,
    title: str,
    bars: Sequence[tuple[str, int]],
    columns: tuple[str, str] | None = None,
    summary: Summary | None = None,
    empty: str | None = None,
) -> Chart:
    """Counts per label (per day, per score bin); every label is written under its bar
    when there is room, else only the first and last. `summary` writes the sentence from
    the total, the peak and the labels at the peak ("6 words; the most (4) at 2 Mar.")."""
    columns = columns or (gettext("Day"), gettext("Count"))
    empty = empty or gettext("No data yet.")
    total = sum(count for _, count in bars)
    if bars and total:
        peak = max(count for _, count in bars)
        # Every bar that shares the peak is named: "the most" of a tie is all of them.
        tied = [label for label, count in bars if count == peak]
        said = (summary or _in_total)(total, peak, _and(tied))
    else:
        said = empty
    lines = _open(chart_id, title, said)
    top = max((count for _, count in bars), default=0)
    scale_max = max(top, 1)
    _frame(lines, count_ticks(scale_max))
    if not bars or not total:
        _empty(lines, empty)
    else:
        plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
        slot = plot_w / len(bars)
        gap = min(slot * 0.2, 8)
        label_all = len(bars) <= 12
        for i, (label, count) in enumerate(bars):
            h = plot_h * count / scale_max
            x = LEFT + slot * i + gap / 2
            y = TOP + plot_h - h
            lines.append(
                f'<rect class="chart-bar" x="{_fmt(x)}" y="{_fmt(y)}" '
                f'width="{_fmt(slot - gap)}" height="{_fmt(h)}"><title>{escape(label)}: '
                f"{count}</title></rect>"
            )
            if label_all or i in (0, len(bars) - 1):
                lines.append(
                    f'<text class="chart-label" x="{_fmt(x + (slot - gap) / 2)}" '
                    f'y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" font-size="11">'
                    f"{escape(label)}</text>"
                )
    lines.append("</svg>")
    rows = [(label, str(count)) for label, count in bars]
    # Every text that went into `lines` was escaped above; the rest is our own markup.
    return Chart(Markup("".join(lines)), said, columns, rows)  # nosec B704


def histogram_chart(
    chart_id: str, title: str, counts: Sequence[int], labels: Sequence[str]
) -> Chart:
    return bar_chart(
        chart_id,
        title,
        list(zip(labels, counts, strict=True)),
        columns=(gettext("Score"), gettext("Attempts")),
        summary=_attempts,
        empty=gettext("No finished attempts in this selection."),
    )
