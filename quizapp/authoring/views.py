"""My packs: teachers write, upload, check, preview, review, publish and version packs in
the browser. The preview is the reading page and the quiz's questions as a learner gets
them, rendered by those areas' own code and templates."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from quizapp.authoring import service
from quizapp.authoring.forms import ActionForm, FromTextForm, SourceForm, UploadForm
from quizapp.db import get_session, read_session
from quizapp.language.store import pipeline_for_import
from quizapp.library import importer
from quizapp.models import WebPack
from quizapp.packs.model import Pack, Problem
from quizapp.quiz import forms as quiz_forms
from quizapp.quiz import service as quiz_service
from quizapp.reading import page as reading_page
from quizapp.reading import service as reading_service
from quizapp.reading.views import reader_level
from quizapp.translatable import N_, Message
from quizapp.web.compression import joined_response
from quizapp.web.views import download, found_or_404, teacher_required

bp = Blueprint("authoring", __name__, url_prefix="/packs")

# The preview quiz's options are shuffled as for one learner; any fixed seed will do.
PREVIEW_SEED = "preview"


def _editable(pack_id: str) -> WebPack:
    return found_or_404(service.editable(get_session(), current_user, pack_id))


@bp.get("")
@teacher_required
def index():
    db = get_session()
    return render_template(
        "authoring/index.html",
        packs=service.packs_for(db, current_user),
        file_packs=service.file_packs(db),
        upload=UploadForm(),
    )


def _editor(form: SourceForm, web_pack: WebPack | None, problems: list[Problem], status: int):
    source = form.source.data or ""
    by_line: dict[int, list[Problem]] = {}
    for problem in problems:
        by_line.setdefault(problem.line, []).append(problem)
    return render_template(
        "authoring/editor.html",
        form=form,
        web_pack=web_pack,
        problems=problems,
        lines=source.split("\n") if problems else [],
        by_line=by_line,
    ), status


def _store(source: str, web_pack: WebPack | None, note: str) -> tuple[Pack | None, list[Problem]]:
    """Check `source` and, when it is a valid pack, store it as the next version. The
    analysis runs before the write transaction, as `quizapp import` does it."""
    app = current_app._get_current_object()
    analyser = pipeline_for_import()
    web_pack_id = web_pack.id if web_pack is not None else None
    db = get_session()
    db.rollback()  # no write lock while the text is analysed
    with read_session(app) as session:
        editing = session.get(WebPack, web_pack_id) if web_pack_id is not None else None
        pack, problems = service.check_source(session, source, editing)
        if pack is None:
            return None, problems
        prepared = importer.prepare_import(session, pack, analyser)
    try:
        editing = db.get(WebPack, web_pack_id) if web_pack_id is not None else None
        _stored, changed = service.save(
            db, current_user, pack, source, note, editing, analyser, prepared
        )
        db.commit()
    except (IntegrityError, importer.MadeInTheBrowser):
        # Another request took this id while the text was analysed.
        db.rollback()
        message = Message(
            N_("the pack id `%(id)s` was just taken by another pack; choose another id"),
            {"id": pack.id},
        )
        return None, [Problem(service.DRAFT_PATH, 1, 1, message)]
    flash(_("Saved.") if changed else _("Nothing changed."))
    return pack, []


@bp.route("/new", methods=["GET", "POST"])
@teacher_required
def new():
    form = SourceForm()
    if request.method == "GET":
        return _editor(form, None, [], 200)
    if not form.validate_on_submit():
        return _editor(form, None, [], 400)
    source = service.normalised(form.source.data)
    form.source.data = source
    pack, problems = _store(source, None, N_("written in the browser"))
    if pack is None:
        return _editor(form, None, problems, 400)
    return redirect(url_for("authoring.pack", pack_id=pack.id), code=303)


@bp.post("/upload")
@teacher_required
def upload():
    upload_form = UploadForm()
    form = SourceForm(formdata=None)
    if not upload_form.validate_on_submit():
        db = get_session()
        return render_template(
            "authoring/index.html",
            packs=service.packs_for(db, current_user),
            file_packs=service.file_packs(db),
            upload=upload_form,
        ), 400
    data = upload_form.pack_file.data.read(service.MAX_UPLOAD + 1)
    source = service.normalised(data.decode("utf-8", "replace"))
    form.source.data = source
    if len(data) > service.MAX_UPLOAD:
        problem = Problem(
            service.DRAFT_PATH, 1, 1, Message(N_("this pack would be larger than 1 MB"))
        )
        return _editor(form, None, [problem], 400)
    pack, problems = _store(source, None, N_("uploaded"))
    if pack is None:
        return _editor(form, None, problems, 400)
    return redirect(url_for("authoring.pack", pack_id=pack.id), code=303)


@bp.route("/from-text", methods=["GET", "POST"])
@teacher_required
def from_text():
    form = FromTextForm()
    if request.method == "GET" or not form.validate_on_submit():
        status = 200 if request.method == "GET" else 400
        return render_template("authoring/from_text.html", form=form), status
    if not form.text.data.strip():
        form.text.errors = [_("Paste a text.")]
        return render_template("authoring/from_text.html", form=form), 400
    source = service.new_from_text(form.text.data, form.title.data, form.level.data)
    editor = SourceForm(formdata=None)
    editor.source.data = source
    return _editor(editor, None, [], 200)


@bp.get("/<pack_id>")
@teacher_required
def pack(pack_id: str):
    web_pack = _editable(pack_id)
    db = get_session()
    return render_template(
        "authoring/pack.html",
        web_pack=web_pack,
        article=service.article_of(db, web_pack),
        current=service.latest(web_pack),
        action=ActionForm(),
        version_note=service.version_note,
    )


@bp.route("/<pack_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit(pack_id: str):
    web_pack = _editable(pack_id)
    if request.method == "GET":
        form = SourceForm(formdata=None)
        form.source.data = service.latest(web_pack).source
        return _editor(form, web_pack, [], 200)
    form = SourceForm()
    if not form.validate_on_submit():
        return _editor(form, web_pack, [], 400)
    source = service.normalised(form.source.data)
    form.source.data = source
    pack, problems = _store(source, web_pack, N_("edited in the browser"))
    if pack is None:
        return _editor(form, web_pack, problems, 400)
    return redirect(url_for("authoring.pack", pack_id=pack.id), code=303)


@bp.get("/<pack_id>/preview")
@teacher_required
def preview(pack_id: str):
    web_pack = _editable(pack_id)
    db = get_session()
    row = found_or_404(reading_service.article_for_preview(db, web_pack.pack_id))
    g.pack_preview = web_pack  # base.html shows the preview banner
    return joined_response(reading_page.reading_page(db, row, reader_level(), True, {}))


@bp.get("/<pack_id>/preview/quiz")
@teacher_required
def preview_quiz(pack_id: str):
    web_pack = _editable(pack_id)
    db = get_session()
    article = found_or_404(service.article_of(db, web_pack))
    questions = quiz_service.current_questions(db, article)
    views = [
        quiz_forms.question_view(q.payload, quiz_service.field_name(n), PREVIEW_SEED)
        for n, q in enumerate(questions)
    ]
    g.pack_preview = web_pack
    return render_template(
        "authoring/preview_quiz.html",
        web_pack=web_pack,
        article=article,
        questions=views,
        generated={n: q.key for n, q in enumerate(questions) if q.origin == "generated"},
    )


@bp.route("/<pack_id>/review", methods=["GET", "POST"])
@teacher_required
def review(pack_id: str):
    web_pack = _editable(pack_id)
    db = get_session()
    current = service.latest(web_pack)
    pack, _problems = service.check_source(db, current.source, web_pack)
    items = service.review_items(db, web_pack, pack) if pack is not None else []
    form = ActionForm()
    if request.method == "GET":
        return render_template("authoring/review.html", web_pack=web_pack, items=items, form=form)
    if not form.validate_on_submit():
        abort(400, description=_("This form is out of date. Reload the page and try again."))
    known = {item.id for item in items}
    excluded = list(dict.fromkeys(request.form.getlist("exclude")))
    if not items or any(item_id not in known for item_id in excluded):
        abort(400, description=_("Choose among the questions on the review page."))
    source = service.with_excluded(current.source, excluded)
    count = len(excluded)
    note = service.review_note(count)
    stored, problems = _store(source, web_pack, note)
    if stored is None:
        abort(400, description="; ".join(str(problem) for problem in problems))
    return redirect(url_for("authoring.review", pack_id=web_pack.pack_id), code=303)


def _publish(pack_id: str, published: bool):
    web_pack = _editable(pack_id)
    if not ActionForm().validate_on_submit():
        abort(400, description=_("This form is out of date. Reload the page and try again."))
    db = get_session()
    service.set_published(db, web_pack, published)
    db.commit()
    flash(_("Published: learners see it in the library.") if published else _("Unpublished."))
    return redirect(url_for("authoring.pack", pack_id=web_pack.pack_id), code=303)


@bp.post("/<pack_id>/publish")
@teacher_required
def publish(pack_id: str):
    return _publish(pack_id, True)


@bp.post("/<pack_id>/unpublish")
@teacher_required
def unpublish(pack_id: str):
    return _publish(pack_id, False)


@bp.get("/<pack_id>/download")
@teacher_required
def download_yaml(pack_id: str):
    web_pack = _editable(pack_id)
    source = service.latest(web_pack).source
    return download(source, "application/yaml", f"{web_pack.pack_id}.yaml")


@bp.get("/<pack_id>/versions")
@teacher_required
def versions(pack_id: str):
    web_pack = _editable(pack_id)
    return render_template(
        "authoring/versions.html", web_pack=web_pack, version_note=service.version_note
    )


@bp.get("/<pack_id>/versions/<int:number>")
@teacher_required
def version(pack_id: str, number: int):
    web_pack = _editable(pack_id)
    db = get_session()
    shown = found_or_404(service.version(db, web_pack, number))
    before = service.version(db, web_pack, number - 1)
    changes = service.diff_lines(before.source if before else "", shown.source)
    return render_template(
        "authoring/version.html",
        web_pack=web_pack,
        shown=shown,
        before=before,
        changes=changes,
        version_note=service.version_note,
    )
