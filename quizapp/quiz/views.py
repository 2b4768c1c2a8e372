"""Taking an article's quiz and seeing the results."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from quizapp import regrading
from quizapp.db import get_session
from quizapp.inputs import parse_int
from quizapp.library.articles import visible_article
from quizapp.models import Attempt
from quizapp.quiz import forms
from quizapp.quiz import service as attempts
from quizapp.web.views import found_or_404, wants_json

bp = Blueprint("quiz", __name__)


def _own_attempt(attempt_id: int) -> Attempt:
    attempt = get_session().get(Attempt, attempt_id)
    return found_or_404(attempt if attempt and attempt.user_id == current_user.id else None)


@bp.post("/articles/<pack_id>/quiz")
@login_required
def start(pack_id: str):
    db = get_session()
    article = found_or_404(visible_article(db, pack_id))
    attempt = attempts.start_or_resume(db, current_user.id, article)
    db.commit()
    return redirect(url_for("quiz.attempt", attempt_id=attempt.id), code=303)


@bp.get("/attempts/<int:attempt_id>")
@login_required
def attempt(attempt_id: int):
    db = get_session()
    current = _own_attempt(attempt_id)
    if current.state == "finished":
        return redirect(url_for("quiz.results", attempt_id=current.id))
    questions = attempts.attempt_questions(db, current)
    views, values = [], {}
    for n, question in enumerate(questions):
        name = attempts.field_name(n)
        views.append(forms.question_view(question.payload, name, current.seed))
        saved = current.draft.get(str(question.id))
        values.update(
            forms.form_values(
                question.payload, name, current.seed, forms.from_json(question.payload, saved)
            )
        )
    return render_template(
        "quiz/attempt.html",
        attempt=current,
        questions=views,
        sections=attempts.sections(questions),
        values=values,
        chosen=forms.chosen_options(values),
    )


@bp.post("/attempts/<int:attempt_id>")
@login_required
def submit(attempt_id: int):
    db = get_session()
    current = _own_attempt(attempt_id)
    seq = parse_int(request.form.get("seq"))
    action = request.form.get("action", "finish")
    if seq is None or action not in ("save", "finish"):
        abort(400, description=_("This form is incomplete. Reload the quiz page and try again."))
    # A hand-in that leaves questions unanswered is first saved as a draft and confirmed
    # (quiz.js asks in a dialog and posts confirm=1); the confirm step's own form carries no
    # answers, so it hands in the draft it confirmed.
    confirmed = request.form.get("confirm") == "1"
    from_draft = confirmed and request.form.get("source") == "draft"
    try:
        if action == "save":
            attempts.save_draft(db, current, seq, request.form)
        elif not confirmed and (missing := attempts.unanswered(db, current, request.form)):
            attempts.save_draft(db, current, seq, request.form)
            db.commit()
            return render_template("quiz/confirm.html", attempt=current, unanswered=missing)
        else:
            attempts.finish(db, current, seq, request.form, from_draft=from_draft)
    except attempts.StalePost:
        db.rollback()
        if wants_json():
            return jsonify(error="stale", state=current.state), 409
        return render_template("quiz/stale.html", attempt=current), 409
    db.commit()
    if action == "save" and wants_json():
        return jsonify(seq=current.seq)  # the autosave script's next form carries this
    if action == "save":
        flash(_("Your answers are saved. You can come back and finish later."))
        return redirect(url_for("quiz.attempt", attempt_id=current.id), code=303)
    return redirect(url_for("quiz.results", attempt_id=current.id), code=303)


@bp.get("/attempts/<int:attempt_id>/results")
@login_required
def results(attempt_id: int):
    current = _own_attempt(attempt_id)
    if current.state != "finished":
        return redirect(url_for("quiz.attempt", attempt_id=current.id))
    show = request.args.get("show", "all")
    if show not in ("all", "mistakes"):
        abort(400, description=_("Show “all” answers or only the “mistakes”."))
    db = get_session()
    history = regrading.regrades_of(db, [current.id]).get(current.id, [])
    rows = attempts.results(db, current, history)
    return render_template(
        "quiz/results.html", attempt=current, rows=rows, history=history, show=show
    )
