"""The admin's user list, role changes, password resets and learners' data on request."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from quizapp import accounts
from quizapp.admin import service as admin
from quizapp.admin.forms import ROLE_LABELS, ConfirmForm, RoleForm
from quizapp.db import get_session
from quizapp.models import User
from quizapp.web.i18n import translated
from quizapp.web.views import found_or_404

bp = Blueprint("admin", __name__)


def admin_required(view: Callable) -> Callable:
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if current_user.role != "admin":
            abort(403)
        return view(*args, **kwargs)

    return wrapped


@bp.get("/admin/users")
@admin_required
def users():
    return render_template(
        "teacher/users.html",
        users=admin.all_users(get_session()),
        form=RoleForm(formdata=None),
        role_labels=ROLE_LABELS,
        confirm_form=ConfirmForm(formdata=None),
    )


@bp.post("/admin/users/<int:user_id>/role")
@admin_required
def set_role(user_id: int):
    db = get_session()
    target = found_or_404(db.get(User, user_id))
    form = RoleForm()
    if not form.validate_on_submit():
        abort(400, description=_("Choose one of the roles in the list."))
    try:
        changed = admin.set_role(db, target, form.role.data)
        db.commit()
    except admin.RoleError as error:
        db.rollback()
        flash(translated(error.args[0]))
    else:
        if changed:
            flash(
                _(
                    "%(name)s is now %(role)s.",
                    name=target.username,
                    role=ROLE_LABELS.get(target.role, target.role),
                )
            )
    return redirect(url_for("admin.users"), code=303)


def _someone_else(user_id: int) -> User:
    """Another user's row; an admin's own account is handled on their Account page."""
    target = found_or_404(get_session().get(User, user_id))
    if target.id == current_user.id:
        abort(400, description=_("Use your Account page for your own account."))
    return target


@bp.post("/admin/users/<int:user_id>/password")
@admin_required
def reset_password(user_id: int):
    target = _someone_else(user_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    db = get_session()
    temporary = accounts.reset_password(db, target)
    db.commit()
    return render_template(
        "teacher/password_reset.html",
        learner=target,
        temporary=temporary,
        back=url_for("admin.users"),
    )


@bp.get("/admin/users/<int:user_id>/data.json")
@admin_required
def export_data(user_id: int):
    target = found_or_404(get_session().get(User, user_id))
    data = accounts.export_user(get_session(), target.id)
    return Response(
        json.dumps(data, ensure_ascii=False, indent=1),
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="quizapp-{target.username}.json"'},
    )


@bp.route("/admin/users/<int:user_id>/delete", methods=["GET", "POST"])
@admin_required
def delete_user(user_id: int):
    target = _someone_else(user_id)
    db = get_session()
    problem = accounts.deletable_problem(db, target)
    form = ConfirmForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        if problem:
            abort(409, description=translated(problem))
        name = target.username
        accounts.delete_user(db, target.id)
        db.commit()
        flash(
            _(
                "%(name)s's account is deleted; their answers stay in the statistics, nameless.",
                name=name,
            )
        )
        return redirect(url_for("admin.users"), code=303)
    return render_template("teacher/delete_user.html", target=target, problem=problem, form=form)
