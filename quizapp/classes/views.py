"""Classes: a teacher's classes, the dashboard with item statistics and CSV; and the
learner's side, joining a class with the code their teacher gave them."""

from __future__ import annotations

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
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from quizapp import accounts, charts, regrading, stats
from quizapp.classes import assignments, dashboard
from quizapp.classes import service as classes
from quizapp.classes.forms import (
    ArchiveForm,
    AssignForm,
    ConfirmForm,
    CreateClassForm,
    JoinClassForm,
    RenameClassForm,
)
from quizapp.db import get_session
from quizapp.inputs import parse_int
from quizapp.models import Article, SchoolClass
from quizapp.web.i18n import translated
from quizapp.web.views import csv_download, found_or_404, teacher_required

bp = Blueprint("classes", __name__)


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
            abort(400, description=_("The class filter must be one of your classes."))
        selected = _own_class(class_id)
    elif mine:
        selected = mine[0]
    dates, errors = _dates()
    results = chart = None
    if selected is not None and not errors:
        results = dashboard.class_results(db, selected, dates)
        chart = charts.histogram_chart(
            "class-histogram",
            _("Scores of every finished attempt in %(name)s", name=selected.name),
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
            reason = translated(error.args[0]) if isinstance(error, classes.ClassError) else None
            flash(
                _("The class was not created. %(reason)s", reason=reason)
                if reason
                else _("The class was not created. Try again.")
            )
        else:
            flash(
                _(
                    "Class “%(name)s” created. Learners join with the code %(code)s.",
                    name=created.name,
                    code=classes.display_code(created.join_code),
                )
            )
            return redirect(url_for("classes.home", **{"class": created.id}), code=303)
    else:
        for error in form.name.errors or [_("The form expired; try again.")]:
            flash(_("The class was not created: %(reason)s", reason=error))
    return redirect(url_for("classes.home"), code=303)


@bp.get("/teacher/classes/<int:class_id>/results.csv")
@teacher_required
def results_csv(class_id: int):
    selected = _own_class(class_id)
    dates, errors = _dates()
    if errors:
        abort(400, description=" ".join(translated(error) for error in errors))
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
            _("Scores on “%(title)s” in %(name)s", title=found.title, name=selected.name),
            report.histogram,
            stats.bin_labels(),
        )
    return render_template(
        "teacher/article.html",
        min_answers=stats.MIN_ANSWERS_TO_FLAG,
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
        abort(400, description=" ".join(translated(error) for error in errors))
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
            form.code.errors.append(translated(error.args[0]))
        except IntegrityError:
            # Two tabs joining at once: the other one won, and that is the same result.
            db.rollback()
            flash(_("You are in the class."))
            return redirect(url_for("progress.home"), code=303)
        else:
            flash(
                _("You joined %(name)s.", name=joined.name)
                if added
                else _("You are already in %(name)s.", name=joined.name)
            )
            return redirect(url_for("progress.home"), code=303)
    status = 400 if form.errors else 200
    return render_template("teacher/join.html", form=form), status


# Managing a class: its name, archiving, its learners and their passwords.


def _back_to_manage(school_class: SchoolClass):
    return redirect(url_for("classes.manage", class_id=school_class.id), code=303)


@bp.get("/teacher/classes/<int:class_id>/manage")
@teacher_required
def manage(class_id: int):
    selected = _own_class(class_id)
    db = get_session()
    return render_template(
        "teacher/manage.html",
        selected=selected,
        learners=classes.learners_of(db, selected.id),
        rename_form=RenameClassForm(formdata=None, name=selected.name),
        archive_form=ArchiveForm(formdata=None),
        confirm_form=ConfirmForm(formdata=None),
        display_code=classes.display_code,
        stand_in_prefix=accounts.STAND_IN_PREFIX,
    )


@bp.post("/teacher/classes/<int:class_id>/rename")
@teacher_required
def rename(class_id: int):
    selected = _own_class(class_id)
    form = RenameClassForm()
    if not form.validate_on_submit():
        abort(
            400,
            description=_(
                "Give the class a name of at most %(count)s characters.",
                count=classes.MAX_CLASS_NAME,
            ),
        )
    db = get_session()
    try:
        classes.rename_class(db, selected, form.name.data)
    except classes.ClassError as error:
        db.rollback()
        abort(400, description=translated(error.args[0]))
    db.commit()
    flash(_("The class is now called “%(name)s”.", name=selected.name))
    return _back_to_manage(selected)


@bp.post("/teacher/classes/<int:class_id>/archive")
@teacher_required
def archive(class_id: int):
    selected = _own_class(class_id)
    form = ArchiveForm()
    if not form.validate_on_submit():
        abort(400, description=_("Archive or bring back: nothing else."))
    db = get_session()
    classes.set_archived(db, selected, form.archived.data == "1")
    db.commit()
    flash(
        _("“%(name)s” is archived: its results stay, nobody new can join.", name=selected.name)
        if selected.archived_at
        else _("“%(name)s” is back in use.", name=selected.name)
    )
    return _back_to_manage(selected)


def _learner_in(selected: SchoolClass, user_id: int):
    return found_or_404(classes.learner_of(get_session(), selected.id, user_id))


@bp.post("/teacher/classes/<int:class_id>/learners/<int:user_id>/remove")
@teacher_required
def remove_learner(class_id: int, user_id: int):
    selected = _own_class(class_id)
    learner = _learner_in(selected, user_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    db = get_session()
    classes.remove_learner(db, selected.id, learner.id)
    db.commit()
    flash(_("%(learner)s is no longer in %(name)s.", learner=learner.username, name=selected.name))
    return _back_to_manage(selected)


@bp.post("/teacher/classes/<int:class_id>/learners/<int:user_id>/password")
@teacher_required
def reset_password(class_id: int, user_id: int):
    selected = _own_class(class_id)
    learner = _learner_in(selected, user_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if learner.role != "learner":
        abort(403, description=_("Only a learner's password is reset here; ask an admin."))
    db = get_session()
    temporary = accounts.reset_password(db, learner)
    db.commit()
    # Shown once, in this response: never stored in a flash message or the session.
    return render_template(
        "teacher/password_reset.html",
        learner=learner,
        temporary=temporary,
        back=url_for("classes.manage", class_id=selected.id),
    )


@bp.get("/teacher/classes/<int:class_id>/code")
@teacher_required
def join_code(class_id: int):
    selected = _own_class(class_id)
    return render_template(
        "teacher/code.html", selected=selected, code=classes.display_code(selected.join_code)
    )


# Assignments, their results, each learner's answers, and regrading.


@bp.get("/teacher/classes/<int:class_id>/assignments")
@teacher_required
def assignment_list(class_id: int, form: AssignForm | None = None):
    selected = _own_class(class_id)
    db = get_session()
    if form is None:
        form = AssignForm(formdata=None)
    form.article.choices = [(a.pack_id, a.title) for a in assignments.assignable_articles(db)]
    return render_template(
        "teacher/assignments.html",
        selected=selected,
        assignments=assignments.assignments_of(db, selected.id),
        form=form,
    ), (400 if form.errors else 200)


@bp.post("/teacher/classes/<int:class_id>/assignments")
@teacher_required
def assign(class_id: int):
    selected = _own_class(class_id)
    db = get_session()
    form = AssignForm()
    form.article.choices = [(a.pack_id, a.title) for a in assignments.assignable_articles(db)]
    if not form.validate_on_submit():
        return assignment_list(class_id, form)
    article = found_or_404(db.scalar(select(Article).where(Article.pack_id == form.article.data)))
    try:
        made, new = assignments.assign(db, selected, article, form.due.data, current_user)
        db.commit()
    except classes.ClassError as error:
        db.rollback()
        form.article.errors.append(translated(error.args[0]))
        return assignment_list(class_id, form)
    except IntegrityError:  # two tabs assigning the same text at once: the other won
        db.rollback()
        return redirect(url_for("classes.assignment_list", class_id=selected.id), code=303)
    flash(_assigned_message(article.title, made.due, new))
    return redirect(url_for("classes.assignment", class_id=selected.id, assignment_id=made.id), 303)


def _assigned_message(title: str, due, new: bool) -> str:
    """One sentence per case: a translation cannot be glued together from pieces. The
    day stays ISO (YYYY-MM-DD), as typed in the form."""
    if due is None:
        if new:
            return _("“%(title)s” assigned, no due date.", title=title)
        return _("“%(title)s” updated, no due date.", title=title)
    if new:
        return _("“%(title)s” assigned, due %(day)s.", title=title, day=due.isoformat())
    return _("“%(title)s” updated, due %(day)s.", title=title, day=due.isoformat())


def _own_assignment(class_id: int, assignment_id: int):
    selected = _own_class(class_id)
    found = assignments.assignment_in(get_session(), selected.id, assignment_id)
    return selected, found_or_404(found)


@bp.get("/teacher/classes/<int:class_id>/assignments/<int:assignment_id>")
@teacher_required
def assignment(class_id: int, assignment_id: int):
    selected, found = _own_assignment(class_id, assignment_id)
    db = get_session()
    learners = assignments.progress(db, found)
    attempt_ids = [a.id for row in learners for a in row.attempts]
    return render_template(
        "teacher/assignment.html",
        selected=selected,
        assignment=found,
        learners=learners,
        regrades=regrading.regrades_of(db, attempt_ids),
        states=(assignments.FINISHED, assignments.IN_PROGRESS, assignments.NOT_STARTED),
        form=ConfirmForm(formdata=None),
    )


@bp.post("/teacher/classes/<int:class_id>/assignments/<int:assignment_id>/regrade")
@teacher_required
def regrade(class_id: int, assignment_id: int):
    selected, found = _own_assignment(class_id, assignment_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    db = get_session()
    learner_ids = [learner.id for learner in classes.learners_of(db, selected.id)]
    summary = assignments.regrade(db, found.article_id, learner_ids, current_user)
    db.commit()
    flash(
        ngettext(
            "Regraded %(num)d finished attempt against the current key: %(changed)s changed "
            "score. Earlier scores are kept in each attempt's history.",
            "Regraded %(num)d finished attempts against the current key: %(changed)s changed "
            "score. Earlier scores are kept in each attempt's history.",
            summary.attempts,
            changed=len(summary.changed),
        )
    )
    if summary.kept:
        flash(
            ngettext(
                "%(num)d answer kept its mark: the fixed question no longer has what the "
                "learner chose.",
                "%(num)d answers kept their mark: the fixed questions no longer have what the "
                "learners chose.",
                summary.kept,
            )
        )
    return redirect(
        url_for("classes.assignment", class_id=selected.id, assignment_id=found.id), code=303
    )


@bp.post("/teacher/classes/<int:class_id>/assignments/<int:assignment_id>/remove")
@teacher_required
def unassign(class_id: int, assignment_id: int):
    selected, found = _own_assignment(class_id, assignment_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    db = get_session()
    title = found.article.title
    db.delete(found)
    db.commit()
    flash(_("“%(title)s” is no longer assigned; the results stay.", title=title))
    return redirect(url_for("classes.assignment_list", class_id=selected.id), code=303)


@bp.get("/teacher/classes/<int:class_id>/attempts/<int:attempt_id>")
@teacher_required
def learner_attempt(class_id: int, attempt_id: int):
    selected = _own_class(class_id)
    db = get_session()
    attempt = found_or_404(assignments.attempt_in_class(db, selected.id, attempt_id))
    history = regrading.regrades_of(db, [attempt.id]).get(attempt.id, [])
    finished = attempt.state == "finished"
    rows = regrading.marked_answers(db, attempt, history) if finished else []
    return render_template(
        "teacher/attempt.html",
        selected=selected,
        attempt=attempt,
        rows=rows,
        history=history,
        assignment=db.scalar(
            select(assignments.Assignment).where(
                assignments.Assignment.class_id == selected.id,
                assignments.Assignment.article_id == attempt.article_id,
            )
        ),
    )
