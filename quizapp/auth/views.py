"""Register, log in, log out."""

from __future__ import annotations

import json

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash

from quizapp import accounts as account_data
from quizapp.auth import service as accounts
from quizapp.auth import throttle
from quizapp.auth.forms import (
    AccountForm,
    ChangePasswordForm,
    DeleteAccountForm,
    InterfaceLanguageForm,
    LoginForm,
    RegisterForm,
)
from quizapp.db import get_session, read_session
from quizapp.inputs import parse_int
from quizapp.models import SignedInUser, User
from quizapp.web import i18n, login_manager
from quizapp.web.views import safe_next

bp = Blueprint("auth", __name__, url_prefix="/auth")

# Where the session cookie keeps the user's session version (quizapp.auth.service): a
# cookie is good while its version is the user's, so raising the user's version (logout,
# password change) ends every session issued before, in every browser, at once.
SESSION_VERSION_KEY = "session_version"


def log_in(user: User | SignedInUser) -> None:
    session.clear()  # a fresh session at login: no fixation
    login_user(user)
    session[SESSION_VERSION_KEY] = user.session_version


@login_manager.user_loader
def _load_user(user_id: str) -> SignedInUser | None:
    user_key = parse_int(user_id)
    version = session.get(SESSION_VERSION_KEY)
    user = None
    if user_key is not None and type(version) is int:
        user = accounts.signed_in_user(get_session(), user_key, version)
    if user is None:
        # An ended session, a deleted user or a cookie from before session versions: a
        # visitor from now on, with a fresh cookie instead of the replayed one.
        session.clear()
    return user


# What a user with a temporary password (a reset) may open before choosing their own.
_BEFORE_A_NEW_PASSWORD = {"auth.change_password", "auth.logout", "static"}


@bp.before_app_request
def _new_password_first():
    # The endpoint first: a static file must not cost the user's row.
    if request.endpoint in _BEFORE_A_NEW_PASSWORD:
        return None
    if current_user.is_authenticated and current_user.must_change_password:
        return redirect(url_for("auth.change_password"))
    return None


@bp.route("/register", methods=["GET", "POST"])
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        db = get_session()
        try:
            user = accounts.create_user(db, form.username.data, form.password.data)
            user.gloss_language = form.gloss_language.data
            db.commit()
        except accounts.AccountError as error:
            db.rollback()
            form.username.errors.append(i18n.translated(error.args[0]))
        except IntegrityError:
            db.rollback()
            form.username.errors.append(_("That username is taken."))
        else:
            log_in(user)
            flash(_("Welcome! Pick an article to start reading."))
            return redirect(url_for("reading.library"))
    status = 400 if form.errors else 200
    return render_template("auth/register.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        username, address = form.username.data, request.remote_addr or "unknown"
        # Checking a password takes a tenth of a second on purpose. On SQLite a POST's
        # transaction holds the write lock from its first statement, so the check runs
        # in a read-only look first: a class logging in at once on threaded workers
        # would otherwise queue past the busy timeout ("database is locked", 500). The
        # price: guesses sent in parallel are counted after each other is checked, so a
        # burst can try a few more than five before the lock.
        with read_session() as reading:
            wait = throttle.retry_after(reading, username, address)
            user = None if wait else accounts.authenticate(reading, username, form.password.data)
        if wait:
            minutes = max(1, round(wait / 60))
            page = render_template("auth/throttled.html", minutes=minutes)
            return page, 429, {"Retry-After": str(wait)}
        db = get_session()
        if user is not None:
            throttle.forget_failures(db, username, address)
            db.commit()
            log_in(user)
            if user.must_change_password:
                flash(_("Your password was reset. Choose a new one to go on."))
                return redirect(url_for("auth.change_password"))
            return redirect(safe_next(request.args.get("next"), url_for("reading.library")))
        throttle.prune(db)
        throttle.record_failure(db, username, address)
        db.commit()
        form.password.errors.append(_("Wrong username or password."))
    status = 400 if form.errors else 200
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
def logout():
    # A POST (CSRF-checked like every POST), so a link or image cannot log anyone out.
    if current_user.is_authenticated:
        # Ends this session everywhere: a copy of the cookie (a shared classroom
        # computer, a stolen backup) opens nothing after this.
        db = get_session()
        accounts.end_sessions(db, current_user.id)
        db.commit()
        logout_user()
    session.clear()
    return redirect(url_for("reading.library"))


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    form = AccountForm(
        level=current_user.level,
        gloss_language=current_user.gloss_language,
        interface_language=current_user.interface_language or "",
    )
    if form.validate_on_submit():
        db = get_session()
        accounts.set_level(db, current_user.id, form.level.data)
        accounts.set_gloss_language(db, current_user.id, form.gloss_language.data)
        accounts.set_interface_language(db, current_user.id, form.interface_language.data or None)
        db.commit()
        # Said in the language just chosen: the next page is in it.
        chosen = form.interface_language.data or request.accept_languages.best_match(
            i18n.INTERFACE_LANGUAGES, default="en"
        )
        with force_locale(chosen):
            flash(
                _(
                    "Saved: words above %(level)s are now marked when you read.",
                    level=form.level.data,
                )
            )
        return redirect(url_for("auth.account"), code=303)
    status = 400 if form.errors else 200
    return render_template("auth/account.html", form=form), status


@bp.post("/language")
def interface_language():
    """The footer's language choice: a visitor's is kept in their session, a user's in
    their account (the same as choosing it under Account). Back to the page it came from."""
    form = InterfaceLanguageForm()
    if not form.validate_on_submit():
        abort(400)
    if current_user.is_authenticated:
        db = get_session()
        accounts.set_interface_language(db, current_user.id, form.language.data)
        db.commit()
    else:
        session[i18n.SESSION_KEY] = form.language.data
    return redirect(safe_next(request.args.get("next"), url_for("reading.library")), code=303)


def _password_is(user: User, password: str) -> bool:
    return check_password_hash(user.password_hash, password)


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm(current_user.username)
    if form.validate_on_submit():
        db = get_session()
        user = db.get_one(User, current_user.id)
        if _password_is(user, form.current_password.data):
            account_data.set_password(db, user, form.password.data)
            db.commit()
            # Every other browser is logged out; this one goes on, on the new version.
            log_in(user)
            flash(_("Your password is changed. You are logged out everywhere else."))
            return redirect(url_for("auth.account"), code=303)
        db.rollback()
        form.current_password.errors.append(_("That is not your current password."))
    status = 400 if form.errors else 200
    return render_template(
        "auth/password.html", form=form, forced=current_user.must_change_password
    ), status


@bp.get("/account/data.json")
@login_required
def export_data():
    data = account_data.export_user(get_session(), current_user.id)
    return Response(
        json.dumps(data, ensure_ascii=False, indent=1),
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="quizapp-{current_user.username}.json"'
        },
    )


@bp.route("/account/delete", methods=["GET", "POST"])
@login_required
def delete_account():
    db = get_session()
    user = db.get_one(User, current_user.id)
    problem = account_data.deletable_problem(db, user)
    form = DeleteAccountForm()
    if problem is None and form.validate_on_submit():
        if _password_is(user, form.current_password.data):
            account_data.delete_user(db, user.id)
            db.commit()
            logout_user()
            session.clear()
            flash(_("Your account and everything stored about you are deleted."))
            return redirect(url_for("reading.library"), code=303)
        form.current_password.errors.append(_("That is not your password."))
    status = 400 if form.errors else (409 if problem and request.method == "POST" else 200)
    return render_template("auth/delete.html", form=form, problem=problem), status
