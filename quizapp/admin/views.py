"""The admin's user list and role changes."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from quizapp.admin import service as admin
from quizapp.admin.forms import RoleForm
from quizapp.db import get_session
from quizapp.models import User
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
        "teacher/users.html", users=admin.all_users(get_session()), form=RoleForm(formdata=None)
    )


@bp.post("/admin/users/<int:user_id>/role")
@admin_required
def set_role(user_id: int):
    db = get_session()
    target = found_or_404(db.get(User, user_id))
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
    return redirect(url_for("admin.users"), code=303)
