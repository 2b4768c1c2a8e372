"""Teachers and admins: classes, the dashboard with item statistics, CSV, user roles.
Learners join a class here too, with the code their teacher gave them."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from functools import wraps

from flask import (
    Blueprint,
    Response,
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
from quizapp.db import get_session
from quizapp.inputs import parse_int
from quizapp.models import Article, User
from quizapp.teacher import admin, classes, dashboard
from quizapp.teacher.forms import CreateClassForm, JoinClassForm, RoleForm
from quizapp.teacher.models import SchoolClass

bp = Blueprint("teacher", __name__)


def teacher_required(view: Callable) -> Callable:
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.is_teacher:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def admin_required(view: Callable) -> Callable:
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if current_user.role != "admin":
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def _own_class(class_id: int) -> SchoolClass:
    found = classes.class_for_teacher(get_session(), current_user, class_id)
    # Another teacher's class is "not found": its existence is not this teacher's to know.
    if found is None:
        abort(404)
    return found


def _dates() -> tuple[dashboard.DateRange, list[str]]:
    return dashboard.parse_date_range(request.args.get("start"), request.args.get("end"))


def _csv(rows: list[list[str]], filename: str) -> Response:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return Response(
        buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


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
            return redirect(url_for("teacher.home", **{"class": created.id}), code=303)
    else:
        for error in form.name.errors or ["The form expired; try again."]:
            flash(f"The class was not created: {error}")
    return redirect(url_for("teacher.home"), code=303)


@bp.get("/teacher/classes/<int:class_id>/results.csv")
@teacher_required
def results_csv(class_id: int):
    selected = _own_class(class_id)
    dates, errors = _dates()
    if errors:
        abort(400, description=" ".join(errors))
    results = dashboard.class_results(get_session(), selected, dates)
    return _csv(dashboard.results_csv_rows(results), f"class-{selected.id}-results.csv")


def _article_report(class_id: int, pack_id: str):
    db = get_session()
    selected = _own_class(class_id)
    article = db.scalar(select(Article).where(Article.pack_id == pack_id))
    if article is None:
        abort(404)
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
    return _csv(
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


@bp.get("/admin/users")
@admin_required
def users():
    return render_template(
        "teacher/users.html", users=admin.all_users(get_session()), form=RoleForm(formdata=None)
    )


@bp.post("/admin/users/<int:user_id>/role")
@admin_required
def set_role(user_id: int):
    db = get_session()
    target = db.get(User, user_id)
    if target is None:
        abort(404)
    form = RoleForm()
    if not form.validate_on_submit():
        abort(400, description="Choose one of the roles in the list.")
    try:
        changed = admin.set_role(db, target, form.role.data)
        db.commit()
    except admin.RoleError as error:
        db.rollback()
        flash(str(error))
    else:
        if changed:
            flash(f"{target.username} is now {target.role}.")
    return redirect(url_for("teacher.users"), code=303)
