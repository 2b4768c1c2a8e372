"""Classes: a teacher's classes, the dashboard with item statistics and CSV; and the
learner's side, joining a class with the code their teacher gave them."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from quizapp import charts, stats
from quizapp.classes import dashboard
from quizapp.classes import service as classes
from quizapp.classes.forms import CreateClassForm, JoinClassForm
from quizapp.db import get_session
from quizapp.inputs import parse_int
from quizapp.models import Article, SchoolClass
from quizapp.web.views import csv_download, found_or_404

bp = Blueprint("classes", __name__)


def teacher_required(view: Callable) -> Callable:
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.is_teacher:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def _own_class(class_id: int) -> SchoolClass:
    return found_or_404(classes.class_for_teacher(get_session(), current_user, class_id))


def _dates() -> tuple[dashboard.DateRange, list[str]]:
    return dashboard.parse_date_range(request.args.get("start"), request.args.get("end"))


@bp.get("/teacher")
@teacher_required
def home():
    db = get_session()
    mine = classes.classes_for(db, current_user)
    raw_class = request.args.get("class", "").strip()
    selected = None
    if raw_class:
        class_id = parse_int(raw_class)
        if class_id is None:
            abort(400, description="The class filter must be one of your classes.")
        selected = _own_class(class_id)
    elif mine:
        selected = mine[0]
    dates, errors = _dates()
    results = chart = None
    if selected is not None and not errors:
        results = dashboard.class_results(db, selected, dates)
        chart = charts.histogram_chart(
            "class-histogram",
            f"Scores of every finished attempt in {selected.name}",
            stats.histogram(results.shares),
            stats.bin_labels(),
        )
    status = 400 if errors else 200
    return render_template(
        "teacher/dashboard.html",
        classes=mine,
        selected=selected,
        results=results,
        chart=chart,
        errors=errors,
        dates=dates,
        raw_start=request.args.get("start", ""),
        raw_end=request.args.get("end", ""),
        create_form=CreateClassForm(formdata=None),
        display_code=classes.display_code,
    ), status


@bp.post("/teacher/classes")
@teacher_required
def create_class():
    db = get_session()
    form = CreateClassForm()
    if form.validate_on_submit():
        try:
            created = classes.create_class(db, current_user, form.name.data)
            db.commit()
        except (classes.ClassError, IntegrityError) as error:
            db.rollback()
            message = str(error) if isinstance(error, classes.ClassError) else "Try again."
            flash(f"The class was not created. {message}")
        else:
            flash(
                f"Class “{created.name}” created. Learners join with the code "
                f"{classes.display_code(created.join_code)}."
            )
            return redirect(url_for("classes.home", **{"class": created.id}), code=303)
    else:
        for error in form.name.errors or ["The form expired; try again."]:
            flash(f"The class was not created: {error}")
    return redirect(url_for("classes.home"), code=303)


@bp.get("/teacher/classes/<int:class_id>/results.csv")
@teacher_required
def results_csv(class_id: int):
    selected = _own_class(class_id)
    dates, errors = _dates()
    if errors:
        abort(400, description=" ".join(errors))
    results = dashboard.class_results(get_session(), selected, dates)
    return csv_download(dashboard.results_csv_rows(results), f"class-{selected.id}-results.csv")


def _article_report(class_id: int, pack_id: str):
    db = get_session()
    selected = _own_class(class_id)
    article = found_or_404(db.scalar(select(Article).where(Article.pack_id == pack_id)))
    dates, errors = _dates()
    report = None
    if not errors:
        report = dashboard.article_report(
            db, selected, article, dates, current_app.config.get("PACKS_DIR")
        )
    return selected, article, dates, errors, report


@bp.get("/teacher/classes/<int:class_id>/articles/<pack_id>")
@teacher_required
def article(class_id: int, pack_id: str):
    selected, found, dates, errors, report = _article_report(class_id, pack_id)
    chart = None
    if report is not None:
        chart = charts.histogram_chart(
            "article-histogram",
            f"Scores on “{found.title}” in {selected.name}",
            report.histogram,
            stats.bin_labels(),
        )
    return render_template(
        "teacher/article.html",
        selected=selected,
        article=found,
        report=report,
        chart=chart,
        errors=errors,
        dates=dates,
        raw_start=request.args.get("start", ""),
        raw_end=request.args.get("end", ""),
    ), (400 if errors else 200)


@bp.get("/teacher/classes/<int:class_id>/articles/<pack_id>/items.csv")
@teacher_required
def items_csv(class_id: int, pack_id: str):
    selected, found, _dates_used, errors, report = _article_report(class_id, pack_id)
    if errors or report is None:
        abort(400, description=" ".join(errors))
    return csv_download(
        dashboard.items_csv_rows(report), f"class-{selected.id}-{found.pack_id}-questions.csv"
    )


@bp.route("/classes/join", methods=["GET", "POST"])
@login_required
def join():
    form = JoinClassForm()
    if form.validate_on_submit():
        db = get_session()
        try:
            joined, added = classes.join_class(db, current_user, form.code.data)
            db.commit()
        except classes.ClassError as error:
            db.rollback()
            form.code.errors.append(str(error))
        except IntegrityError:
            # Two tabs joining at once: the other one won, and that is the same result.
            db.rollback()
            flash("You are in the class.")
            return redirect(url_for("progress.home"), code=303)
        else:
            flash(f"You joined {joined.name}." if added else f"You are already in {joined.name}.")
            return redirect(url_for("progress.home"), code=303)
    status = 400 if form.errors else 200
    return render_template("teacher/join.html", form=form), status
