"""A learner's own progress page."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, render_template
from flask_babel import format_date, gettext, ngettext
from flask_login import current_user, login_required

from quizapp import charts
from quizapp.db import get_session
from quizapp.progress import service

bp = Blueprint("progress", __name__)


def _day_label(day) -> str:
    return format_date(day, "d MMM")  # "2 Mar", "2 mrt"


def _reviewed(total: int, peak: int, labels: str) -> str:
    return ngettext(
        "%(num)s word reviewed; the most (%(peak)s) at %(labels)s.",
        "%(num)s words reviewed; the most (%(peak)s) at %(labels)s.",
        total,
        peak=peak,
        labels=labels,
    )


@bp.get("/progress")
@login_required
def home():
    db = get_session()
    progress = service.learner_progress(db, current_user.id)
    score_chart = charts.line_chart(
        "score-chart",
        gettext("Your quiz scores over time"),
        # ISO dates: the same in every language, and short enough under the chart.
        [(moment.strftime("%Y-%m-%d"), share) for moment, share in progress.timeline],
        empty=gettext("No finished quizzes yet."),
    )
    per_day = service.words_reviewed_per_day(db, current_user.id, datetime.now(UTC).date())
    review_chart = charts.bar_chart(
        "review-chart",
        gettext("Words reviewed per day, last two weeks"),
        [(_day_label(day), count) for day, count in per_day],
        columns=(gettext("Day"), gettext("Words reviewed")),
        summary=_reviewed,
        empty=gettext("No words reviewed in the last two weeks."),
    )
    return render_template(
        "progress/progress.html",
        progress=progress,
        score_chart=score_chart,
        review_chart=review_chart,
        missed=service.most_missed(db, current_user.id),
        joined=service.classes_joined(db, current_user.id),
    )
