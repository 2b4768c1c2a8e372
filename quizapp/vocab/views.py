"""The vocabulary blueprint: article word lists, my words, review, exports."""

from __future__ import annotations

from dataclasses import dataclass, replace

from flask import (
    Blueprint,
    abort,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from quizapp.db import get_session
from quizapp.inputs import parse_int
from quizapp.levels import DEFAULT_LEVEL, LEVELS, is_level
from quizapp.library.articles import visible_article
from quizapp.models import Article, Attempt, VocabCard, VocabItem, VocabReview, utcnow
from quizapp.vocab import export, scheduling, wordlist
from quizapp.vocab import service as words
from quizapp.vocab.forms import EditWordForm, RetentionForm
from quizapp.web.i18n import number
from quizapp.web.views import download, found_or_404, safe_next, wants_json

bp = Blueprint("vocab", __name__)


# --------------------------------------------------------------------------- helpers


def _article_or_404(pack_id: str) -> Article:
    return found_or_404(visible_article(get_session(), pack_id))


def _own_item_or_404(item_id: int) -> VocabItem:
    return found_or_404(words.own_item(get_session(), current_user.id, item_id))


def _own_finished_attempt_or_404(attempt_id: int) -> Attempt:
    attempt = get_session().get(Attempt, attempt_id)
    mine = attempt is not None and attempt.user_id == current_user.id
    return found_or_404(attempt if mine and attempt.state == "finished" else None)


def _list_level() -> str:
    """The level the article list starts above: asked for, else the learner's, else the
    default level."""
    asked = request.args.get("level", "")
    if asked in LEVELS:
        return asked
    if asked:
        abort(
            400,
            description=_(
                "Unknown level %(level)s: use one of %(levels)s.",
                level=repr(asked),
                levels=", ".join(LEVELS),
            ),
        )
    if current_user.is_authenticated and is_level(current_user.level):
        return current_user.level
    return DEFAULT_LEVEL


def readers_saved_lemmas() -> set[str]:
    """The reader's saved lemmas, read once per request and shared by every part of the
    page that asks."""
    if not current_user.is_authenticated:
        return set()
    if "vocab_saved_lemmas" not in g:
        g.vocab_saved_lemmas = words.saved_lemmas(get_session(), current_user.id)
    return g.vocab_saved_lemmas


@bp.app_context_processor
def _vocab_helpers():
    """For pages other areas own (the library's due count) and the word lists' Save
    buttons, computed only when a template asks."""

    def due_count() -> int:
        if not current_user.is_authenticated:
            return 0
        if "vocab_due_count" not in g:
            g.vocab_due_count = words.due_count(get_session(), current_user.id, utcnow())
        return g.vocab_due_count

    return {
        "vocab_due_count": due_count,
        "vocab_saved_lemmas": readers_saved_lemmas,
    }


# --------------------------------------------------------------------------- article lists


def _key_words(article, level: str | None) -> list:
    """An article's key words, their meanings in the reader's gloss language."""
    found = words.article_key_words(get_session(), article, level)
    language = current_user.gloss_language if current_user.is_authenticated else "en"
    if language == "en":
        return found
    shown = []
    for word in found:
        meaning, meaning_language = words.meaning_and_language(word, language)
        shown.append(replace(word, meaning=meaning, meaning_language=meaning_language))
    return shown


@bp.get("/articles/<pack_id>/words")
def article_words(pack_id: str):
    article = _article_or_404(pack_id)
    level = _list_level()
    key_words = _key_words(article, level)
    return render_template(
        "vocab/article_words.html",
        article=article,
        level=level,
        levels=LEVELS,
        key_words=key_words,
    )


@bp.get("/articles/<pack_id>/words.csv")
def article_words_csv(pack_id: str):
    article = _article_or_404(pack_id)
    rows = words.export_rows_for_article(article, _key_words(article, _list_level()))
    return download(export.csv_bytes(rows), "text/csv", f"{article.pack_id}-words.csv")


@bp.get("/articles/<pack_id>/words.apkg")
def article_words_apkg(pack_id: str):
    article = _article_or_404(pack_id)
    rows = words.export_rows_for_article(article, _key_words(article, _list_level()))
    deck = _("quizapp: %(title)s", title=article.title)
    data = export.apkg_bytes(rows, deck, f"article:{article.pack_id}")
    return download(data, "application/octet-stream", f"{article.pack_id}-words.apkg")


# --------------------------------------------------------------------------- saving


@bp.post("/words/save")
@login_required
def save():
    db = get_session()
    pack_id = request.form.get("pack_id", "")
    lemma = request.form.get("lemma", "").strip()
    # Where the word was met comes in the button's formaction (see vocab/_save_button.html).
    form = request.values.get("form", "").strip()
    raw_sentence = request.values.get("sentence", "")
    sentence = parse_int(raw_sentence) if raw_sentence else None
    if not lemma or len(lemma) > 100 or len(form) > 100 or (raw_sentence and sentence is None):
        abort(400, description=_("This word could not be saved: the form is incomplete."))
    article = _article_or_404(pack_id)
    try:
        saved = words.save_from_article(
            db,
            current_user.id,
            article,
            lemma,
            form,
            sentence,
            language=current_user.gloss_language,
        )
    except words.WordNotInText:
        db.rollback()
        abort(400, description=_("“%(word)s” does not occur in this article.", word=lemma))
    db.commit()
    item = saved.item
    message = (
        _("Saved “%(word)s” to your words.", word=item.lemma)
        if saved.created
        else _("“%(word)s” is already in your words.", word=item.lemma)
    )
    if wants_json():
        return jsonify(saved=True, created=saved.created, lemma=item.lemma, message=message)
    flash(message)
    fallback = url_for("reading.article", pack_id=article.pack_id)
    return redirect(safe_next(request.form.get("next"), fallback), code=303)


@bp.get("/attempts/<int:attempt_id>/missed-words")
@login_required
def missed(attempt_id: int):
    attempt = _own_finished_attempt_or_404(attempt_id)
    found = words.missed_words(get_session(), attempt, _missed_level())
    return render_template("vocab/missed.html", attempt=attempt, missed=found)


def _missed_level() -> str:
    # One level below the learner's: words they got wrong are worth keeping even if common.
    level = current_user.level if is_level(current_user.level) else DEFAULT_LEVEL
    return LEVELS[max(LEVELS.index(level) - 1, 0)]


@bp.post("/attempts/<int:attempt_id>/missed-words")
@login_required
def save_missed(attempt_id: int):
    db = get_session()
    attempt = _own_finished_attempt_or_404(attempt_id)
    chosen = set(request.form.getlist("lemma"))
    candidates = [missed.word for missed in words.missed_words(db, attempt, _missed_level())]
    unknown = chosen - {w.lemma for w in candidates}
    if not chosen or unknown:
        abort(400, description=_("Choose words from the list to save."))
    now = utcnow()
    created = sum(
        words.save_key_word(
            db, current_user.id, attempt.article, word, now, current_user.gloss_language
        ).created
        for word in candidates
        if word.lemma in chosen
    )
    db.commit()
    already = len(chosen) - created
    # Two sentences, each with its own count (and plural) in every language.
    message = ngettext("Saved %(num)s word.", "Saved %(num)s words.", created)
    if already:
        also = ngettext(
            "%(num)s was already in your words.", "%(num)s were already in your words.", already
        )
        message = f"{message} {also}"
    flash(message)
    return redirect(url_for("vocab.my_words"), code=303)


# --------------------------------------------------------------------------- my words


@bp.get("/words")
@login_required
def my_words():
    search = request.args.get("q", "")[:100]
    sort = request.args.get("sort", "date")
    if sort not in words.SORTS:
        abort(
            400,
            description=_(
                "Unknown sort %(sort)s: use one of %(sorts)s.",
                sort=repr(sort),
                sorts=", ".join(words.SORTS),
            ),
        )
    items = words.list_words(get_session(), current_user.id, search, sort)
    return render_template(
        "vocab/my_words.html",
        items=items,
        headwords=words.headwords(get_session(), items),
        search=search,
        sort=sort,
        sorts=words.SORTS,
        next_due=words.next_due,
        now=utcnow(),
        quizzes=words.attempts_with_misses(get_session(), current_user.id),
    )


@bp.route("/words/<int:item_id>/edit", methods=["GET", "POST"])
@login_required
def edit(item_id: int):
    item = _own_item_or_404(item_id)
    form = EditWordForm(obj=item)
    if form.validate_on_submit():
        words.update_item(item, form.own_meaning.data or "", form.note.data or "")
        get_session().commit()
        flash(_("Saved your changes to “%(word)s”.", word=item.lemma))
        return redirect(url_for("vocab.my_words"), code=303)
    status = 400 if form.errors else 200
    return render_template("vocab/edit.html", item=item, form=form), status


@bp.route("/words/<int:item_id>/remove", methods=["GET", "POST"])
@login_required
def remove(item_id: int):
    item = _own_item_or_404(item_id)
    if request.method == "GET":
        return render_template("vocab/remove.html", item=item)
    lemma = item.lemma
    words.remove_item(get_session(), item)
    get_session().commit()
    flash(_("Removed “%(word)s” from your words.", word=lemma))
    return redirect(url_for("vocab.my_words"), code=303)


@bp.get("/words.csv")
@login_required
def my_words_csv():
    db = get_session()
    rows = words.export_rows_for_items(db, words.list_words(db, current_user.id))
    return download(export.csv_bytes(rows), "text/csv", "my-words.csv")


@bp.get("/words.apkg")
@login_required
def my_words_apkg():
    db = get_session()
    rows = words.export_rows_for_items(db, words.list_words(db, current_user.id))
    deck = _("quizapp: %(name)s's words", name=current_user.username)
    data = export.apkg_bytes(rows, deck, f"user:{current_user.id}")
    return download(data, "application/octet-stream", "my-words.apkg")


# --------------------------------------------------------------------------- review


@bp.get("/review")
@login_required
def review():
    db = get_session()
    form = RetentionForm(desired_retention=words.retention(db, current_user.id))
    return _review_page(form)


@dataclass(frozen=True)
class Checked:
    """A typed recall answer, checked but not yet graded: the learner sees the suggested
    grade and may choose another before anything is stored."""

    typed: str
    suggested: int


def _review_page(
    form: RetentionForm,
    status: int = 200,
    card: VocabCard | None = None,
    checked: Checked | None = None,
):
    db = get_session()
    now = utcnow()
    queue = words.due_cards(db, current_user.id, now)
    # "Due now" is what goes down as the learner grades: a card just graded waits its
    # learning step, later today, and no longer counts.
    due_now = sum(1 for queued in queue if scheduling.as_utc(queued.due) <= now)
    reveal = checked is not None
    if card is None:
        card = queue[0] if queue else None
        asked = request.args.get("card")
        if asked:
            # "Show answer" without JavaScript: the same card again, its back shown.
            card_id = parse_int(asked)
            chosen = words.own_card(db, current_user.id, card_id) if card_id is not None else None
            if chosen is None:
                abort(404)
            card, reveal = chosen, request.args.get("reveal") == "1"
    gap = wordlist.gapped(card.item.sentence, card.item.form, card.item.lemma) if card else ""
    intervals = {}
    if card is not None:
        dues = scheduling.next_dues(card.state, now, words.retention(db, current_user.id))
        intervals = {
            rating: interval_label((scheduling.as_utc(due) - now).total_seconds())
            for rating, due in dues.items()
        }
    page = render_template(
        "vocab/review.html",
        card=card,
        headword=words.headwords(db, [card.item])[card.item.id] if card else "",
        remaining=due_now,
        later=len(queue) - due_now,
        reveal=reveal,
        checked=checked,
        form=form,
        ratings=scheduling.RATINGS,
        intervals=intervals,
        gapped=gap,
        has_words=card is not None or bool(readers_saved_lemmas()),
    )
    return page, status


@bp.post("/review/<int:card_id>")
@login_required
def grade(card_id: int):
    db = get_session()
    card = words.own_card(db, current_user.id, card_id)
    if card is None:
        abort(404)
    seq = parse_int(request.form.get("seq"))
    if seq is None:
        abort(400, description=_("This review form is incomplete. Reload the page."))
    raw = request.form.get("rating")
    if raw is not None and raw not in ("1", "2", "3", "4"):
        abort(400, description=_("Grade the card with Again, Hard, Good or Easy."))
    typed = None
    if card.direction == "recall":
        typed = request.form.get("answer")
        if typed is None:
            abort(400, description=_("Type the Dutch word, then check it."))
        if raw is None:
            # Checking stores nothing: the learner grades (or overrides) on the next post.
            if card.seq != seq:
                return render_template("vocab/stale.html"), 409
            suggested = scheduling.typed_rating(typed, words.accepted_answers(card.item))
            form = RetentionForm(desired_retention=words.retention(db, current_user.id))
            return _review_page(form, card=card, checked=Checked(typed[:200], suggested))
    elif raw is None:
        abort(400, description=_("Grade the card with Again, Hard, Good or Easy."))
    rating = int(raw)
    try:
        log = words.review_card(db, current_user.id, card, seq, rating, utcnow(), typed)
    except words.StaleReview:
        db.rollback()
        return render_template("vocab/stale.html"), 409
    db.commit()
    name = words.headwords(db, [card.item])[card.item.id]
    flash(
        _(
            "%(grade)s: “%(word)s” comes back %(when)s.",
            grade=_(scheduling.RATINGS[rating]),
            word=name,
            when=_when(log.due_after),
        )
    )
    return redirect(url_for("vocab.review"), code=303)


@bp.get("/review/done/<int:review_id>")
@login_required
def reviewed(review_id: int):
    db = get_session()
    log = db.get(VocabReview, review_id)
    if log is None or log.user_id != current_user.id:
        abort(404)
    card = db.get(VocabCard, log.card_id) if log.card_id else None
    return render_template(
        "vocab/reviewed.html",
        log=log,
        item=card.item if card else None,
        rating=scheduling.RATINGS[log.rating],
        when=_when(log.due_after),
    )


@bp.post("/review/settings")
@login_required
def settings():
    db = get_session()
    form = RetentionForm()
    if not form.validate_on_submit():
        return _review_page(form, 400)
    value = float(form.desired_retention.data)
    words.set_retention(db, current_user.id, value)
    db.commit()
    flash(_("Desired retention set to %(value)s.", value=number(value, 2)))
    return redirect(url_for("vocab.review"), code=303)


def _when(due) -> str:
    """A human "when" for a due time: in N minutes / hours / days."""
    seconds = (scheduling.as_utc(due) - utcnow()).total_seconds()
    if seconds < 90:
        return _("in a minute")
    if seconds < 3600:
        return ngettext("in %(num)s minute", "in %(num)s minutes", round(seconds / 60))
    if seconds < 36 * 3600:
        return ngettext("in %(num)s hour", "in %(num)s hours", round(seconds / 3600))
    return ngettext("in %(num)s day", "in %(num)s days", round(seconds / 86400))


def interval_label(seconds: float) -> str:
    """A short "how long" for a grade button: 1 min, 10 min, 3 h, 4 days, 2 mo, 1.5 yr."""
    minutes = seconds / 60
    if minutes < 60:
        return _("%(n)s min", n=max(1, round(minutes)))
    hours = minutes / 60
    if hours < 24:
        return _("%(n)s h", n=round(hours))
    days = hours / 24
    if days < 31:
        return ngettext("%(num)s day", "%(num)s days", round(days))
    if days < 365:
        return _("%(n)s mo", n=round(days / 30.4))
    return _("%(n)s yr", n=number(days / 365))
