"""What the teacher dashboard reads: a class's results and an article's item statistics.

Every function here runs a fixed number of queries, however many learners, articles or
attempts there are: the grouping happens in SQL or in one pass over one result set,
never a query per row."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from sqlalchemy import case, func, or_, select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from quizapp import stats
from quizapp.classes.service import learners_of
from quizapp.models import Answer, Article, Attempt, ClassMembership, Question, SchoolClass, User
from quizapp.spreadsheet import text_cell
from quizapp.translatable import N_

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class DateRange:
    """Finished between the start of `start` and the end of `end` (UTC), both optional."""

    start: date | None = None
    end: date | None = None

    def conditions(self) -> list[Any]:
        found = []
        if self.start is not None:
            found.append(Attempt.finished_at >= datetime.combine(self.start, time.min, UTC))
        # The last day there is has no next day to stop before (9999-12-31 + 1 overflows).
        if self.end is not None and self.end < date.max:
            next_day = datetime.combine(self.end + timedelta(days=1), time.min, UTC)
            found.append(Attempt.finished_at < next_day)
        return found

    def query_args(self, **extra: Any) -> dict[str, Any]:
        """The range as URL query arguments, to keep it on links (plus `extra`)."""
        args = dict(extra)
        if self.start:
            args["start"] = self.start.isoformat()
        if self.end:
            args["end"] = self.end.isoformat()
        return args


def parse_date_range(start: str | None, end: str | None) -> tuple[DateRange, list[str]]:
    # The errors are English marked with N_: the page shows them with |translated.
    """Dates from the filter form (YYYY-MM-DD, empty for open-ended) and what was wrong."""
    errors: list[str] = []
    parsed: dict[str, date | None] = {}
    not_a_date = {
        "start": N_("“From” must be a date written as YYYY-MM-DD, like 2026-03-01."),
        "end": N_("“To” must be a date written as YYYY-MM-DD, like 2026-03-01."),
    }
    for name, raw in (("start", start), ("end", end)):
        raw = (raw or "").strip()
        parsed[name] = None
        if not raw:
            continue
        try:
            if not _ISO_DATE.match(raw):
                raise ValueError
            parsed[name] = date.fromisoformat(raw)
        except ValueError:
            errors.append(not_a_date[name])
    first, last = parsed["start"], parsed["end"]
    if first and last and first > last:
        errors.append(N_("The “From” date is after the “To” date."))
    if errors:
        return DateRange(), errors
    return DateRange(first, last), errors


def _share():
    return case((Attempt.max_score > 0, Attempt.score / Attempt.max_score), else_=0.0)


def _class_attempts(class_id: int, dates: DateRange) -> list[Any]:
    """Where-clauses: finished attempts by the class's learners in the date range. The
    caller joins ClassMembership on the attempt's user."""
    return [
        ClassMembership.class_id == class_id,
        ClassMembership.role == "learner",
        Attempt.state == "finished",
        *dates.conditions(),
    ]


@dataclass(frozen=True)
class Cell:
    best: float | None  # 0..1
    attempts: int
    last: datetime | None
    before_joining: int = 0  # of `attempts`, finished before the learner joined the class


def _not_taken(label: str) -> str:
    return (
        '<td class="empty"><span aria-hidden="true">–</span>'
        f'<span class="visually-hidden">{escape(label)}</span></td>'
    )


def _english_before_joining(count: int) -> str:
    return f"{count} before joining"


@dataclass
class ClassResults:
    school_class: SchoolClass
    learners: list[User]
    articles: list[Row]  # id, pack_id, title
    cells: dict[tuple[int, int], Cell]
    shares: list[float] = field(default_factory=list)  # every attempt's share, for the histogram

    def cell(self, user_id: int, article_id: int) -> Cell | None:
        return self.cells.get((user_id, article_id))

    def grid(
        self,
        not_taken: str = "not taken",
        before_joining: Callable[[int], str] = _english_before_joining,
        shown_day: Callable[[date], str] = date.isoformat,
    ) -> list[tuple[User, Markup]]:
        """The table ready to print: per learner, their row's cells as HTML (best %,
        attempts, day of the last; or "not taken"). Built here, not in the template: at a
        school's 500 texts a class's table has 12,500 cells, and a Jinja loop over them
        was two thirds of the page's time (bench_scale). The page's words and its way of
        writing a day come from the template (its language); each is asked once per
        distinct count or day."""
        article_ids = [article.id for article in self.articles]
        find = self.cells.get
        empty = _not_taken(not_taken)
        befores: dict[int, str] = {}
        days: dict[date, str] = {}
        rows = []
        for learner in self.learners:
            cells = []
            for article_id in article_ids:
                cell = find((learner.id, article_id))
                if cell is None:
                    cells.append(empty)
                    continue
                # Numbers and an ISO date need no escaping; the page's words are escaped.
                day = cell.last.date() if cell.last else None
                iso = day.isoformat() if day else ""
                shown = ""
                if day is not None:
                    if day not in days:
                        days[day] = str(escape(shown_day(day)))
                    shown = days[day]
                before = ""
                if cell.before_joining:
                    count = cell.before_joining
                    if count not in befores:
                        befores[count] = str(escape(before_joining(count)))
                    before = f'<br><span class="before-joining">{befores[count]}</span>'
                cells.append(
                    f"<td><strong>{round((cell.best or 0) * 100)}%</strong>"
                    f' <span class="muted">{cell.attempts}×</span><br>'
                    f'<time datetime="{iso}" class="muted">{shown}</time>{before}</td>'
                )
            rows.append((learner, Markup("".join(cells))))  # nosec B704
        return rows


def class_results(session: Session, school_class: SchoolClass, dates: DateRange) -> ClassResults:
    learners = learners_of(session, school_class.id)
    where = _class_attempts(school_class.id, dates)
    grouped = session.execute(
        select(
            Attempt.user_id,
            Attempt.article_id,
            func.max(_share()),
            func.count(Attempt.id),
            func.max(Attempt.finished_at),
            func.sum(case((Attempt.finished_at < ClassMembership.joined_at, 1), else_=0)),
        )
        .join(ClassMembership, ClassMembership.user_id == Attempt.user_id)
        .where(*where)
        .group_by(Attempt.user_id, Attempt.article_id)
    ).all()
    cells = {
        (user_id, article_id): Cell(best, count, last, int(before or 0))
        for user_id, article_id, best, count, last, before in grouped
    }
    attempted = {article_id for _, article_id in cells}
    # Only what the table shows, as plain rows: a school's 500 texts, glossaries and tags
    # were read and decoded from JSON on every dashboard for nothing, and ORM objects even
    # with load_only cost a deferred loader per column per article (bench_scale).
    articles = list(
        session.execute(
            select(Article.id, Article.pack_id, Article.title)
            .where(or_(Article.hidden.is_(False), Article.id.in_(attempted)))
            .order_by(Article.title)
        )
    )
    shares = list(
        session.scalars(
            select(_share())
            .select_from(Attempt)
            .join(ClassMembership, ClassMembership.user_id == Attempt.user_id)
            .where(*where)
        )
    )
    return ClassResults(school_class, learners, articles, cells, shares)


def shown_pack_path(pack_path: str, packs_dir: str | None = None) -> str:
    """The pack path as the teacher knows it: relative to the packs folder's parent when
    it lies inside it (`questions/file.yaml`)."""
    path = Path(pack_path)
    if packs_dir:
        base = Path(packs_dir).resolve()
        if path.resolve().is_relative_to(base):
            path = Path(base.name) / path.resolve().relative_to(base)
    return str(path)


def pack_location(shown_path: str, line: int | None) -> str:
    """`questions/file.yaml:58`, from shown_pack_path's answer."""
    return f"{shown_path}:{line}" if line else shown_path


@dataclass(frozen=True)
class ItemRow:
    question: Question
    stats: stats.ItemStats
    picks: list[stats.OptionPick] | None
    blank: int  # answered with nothing
    location: str


@dataclass
class ArticleReport:
    article: Article
    attempts: int
    histogram: list[int]
    items: list[ItemRow]


def _blank(response: Any) -> bool:
    if isinstance(response, dict):
        parts = list(response.values())
    elif isinstance(response, list):
        parts = response
    else:
        return response is None or response == ""
    return all(part is None for part in parts)


def article_report(
    session: Session,
    school_class: SchoolClass,
    article: Article,
    dates: DateRange,
    packs_dir: str | None = None,
) -> ArticleReport:
    """Item statistics per question version for one article, over the class's finished
    attempts in the date range (every attempt counts, not only each learner's first)."""
    where = [*_class_attempts(school_class.id, dates), Attempt.article_id == article.id]
    shares = list(
        session.scalars(
            select(_share())
            .select_from(Attempt)
            .join(ClassMembership, ClassMembership.user_id == Attempt.user_id)
            .where(*where)
        )
    )
    answers = session.execute(
        select(
            Answer.attempt_id, Answer.question_id, Answer.score, Answer.max_score, Answer.response
        )
        .join(Attempt, Attempt.id == Answer.attempt_id)
        .join(ClassMembership, ClassMembership.user_id == Attempt.user_id)
        .where(*where)
    ).all()
    by_attempt: dict[int, dict[int, tuple[float, float]]] = defaultdict(dict)
    responses: dict[int, list[Any]] = defaultdict(list)
    for attempt_id, question_id, score, max_score, response in answers:
        by_attempt[attempt_id][question_id] = (score, max_score)
        responses[question_id].append((response or {}).get("value"))
    item_stats = stats.item_statistics(list(by_attempt.values()))

    questions = session.scalars(
        select(Question)
        .where(Question.id.in_(list(item_stats)))
        .order_by(Question.position, Question.key, Question.version)
    ).all()
    # Once per article, not per question: resolving the paths (a system call per folder)
    # for each of 40 questions was a fifth of the page (bench_scale).
    shown_path = shown_pack_path(article.pack_path, packs_dir)
    items = [
        ItemRow(
            question=q,
            stats=item_stats[q.id],
            picks=stats.option_picks(q.payload, responses[q.id]),
            blank=sum(1 for r in responses[q.id] if _blank(r)),
            location=pack_location(shown_path, q.payload.get("line")),
        )
        for q in questions
    ]
    return ArticleReport(article, len(shares), stats.histogram(shares), items)


def _percent(share: float | None) -> str:
    return "" if share is None else str(round(share * 100))


def results_csv_rows(results: ClassResults) -> list[list[str]]:
    rows = [["learner", "article", "best_score_percent", "attempts", "last_activity_utc"]]
    for learner in results.learners:
        for article in results.articles:
            cell = results.cell(learner.id, article.id)
            if cell is None:
                continue
            rows.append(
                [
                    text_cell(learner.username),
                    text_cell(article.pack_id),
                    _percent(cell.best),
                    str(cell.attempts),
                    cell.last.strftime("%Y-%m-%d %H:%M") if cell.last else "",
                ]
            )
    return rows


def _figure(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def items_csv_rows(report: ArticleReport) -> list[list[str]]:
    rows = [
        [
            "question",
            "version",
            "type",
            "pack_location",
            "answers",
            "facility",
            "discrimination",
            "top_minus_bottom_third",
            "flags",
            "option_picks",
        ]
    ]
    for item in report.items:
        picks = (
            "; ".join(f"{p.label}{' (right)' if p.correct else ''}: {p.count}" for p in item.picks)
            if item.picks
            else ""
        )
        rows.append(
            [
                text_cell(item.question.key),
                str(item.question.version),
                item.question.type,
                text_cell(item.location),
                str(item.stats.n),
                _figure(item.stats.facility),
                _figure(item.stats.discrimination),
                _figure(item.stats.top_bottom),
                "too few answers" if item.stats.too_few else "; ".join(item.stats.flags),
                text_cell(picks),
            ]
        )
    return rows
