"""Review with FSRS: the learner's grade drives the scheduler, state and log are stored,
stale posts are refused."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from flask_babel import force_locale
from sqlalchemy import select

from quizapp.db import write_session
from quizapp.models import VocabCard, VocabItem, VocabReview, VocabSettings, utcnow
from quizapp.vocab import scheduling
from quizapp.vocab.scheduling import as_utc
from quizapp.vocab.service import session_end
from quizapp.vocab.views import interval_label
from quizapp.web import i18n
from tests.conftest import rows
from tests.vocab.conftest import PACK, save


def card_of(app, lemma: str, direction: str) -> VocabCard:
    with write_session(app) as session:
        return session.scalar(
            select(VocabCard)
            .join(VocabItem)
            .where(VocabItem.lemma == lemma, VocabCard.direction == direction)
        )


def grade(client, card: VocabCard, rating: int | None = None, **form):
    data = {"seq": str(card.seq)} | form
    if rating is not None:
        data["rating"] = str(rating)
    return client.post(f"/review/{card.id}", data=data)


@pytest.fixture
def spy(monkeypatch):
    """Records every call to the scheduling wrapper and lets it do its real work."""
    calls = []
    real = scheduling.review

    def recording(state, rating, now, desired_retention=0.9, fuzz=True):
        result = real(state, rating, now, desired_retention, fuzz)
        calls.append(
            {"state": state, "rating": rating, "retention": desired_retention, "result": result}
        )
        return result

    monkeypatch.setattr(scheduling, "review", recording)
    return calls


def test_review_page_shows_a_due_card_with_keyboard_hints(learner, a_word):
    save(learner, a_word)
    page = learner.get("/review").get_data(as_text=True)
    assert "2</span> cards due now" in page
    assert "What does this mean?" in page  # recognition comes before recall
    assert 'data-vocab-rating="1"' in page and "<kbd>space</kbd>" in page
    assert re.search(r'src="/static/js/vocab(\.\w+)?\.js"', page)


def test_show_answer_works_without_javascript(learner, seeded_app, a_word):
    save(learner, a_word)
    card = card_of(seeded_app, a_word["lemma"], "recognition")
    hidden = learner.get("/review").get_data(as_text=True)
    assert "data-vocab-back hidden" in hidden
    shown = learner.get(f"/review?card={card.id}&reveal=1").get_data(as_text=True)
    assert "data-vocab-back hidden" not in shown and "data-vocab-back>" in shown


def test_grade_drives_the_scheduler_and_state_is_stored(learner, seeded_app, a_word, spy):
    save(learner, a_word)
    card = card_of(seeded_app, a_word["lemma"], "recognition")
    response = grade(learner, card, 4)
    assert response.status_code == 303
    [call] = spy
    assert call["rating"] == 4 and call["retention"] == 0.9
    assert call["state"]["card_id"] == card.id
    stored = card_of(seeded_app, a_word["lemma"], "recognition")
    assert stored.state == call["result"].state
    assert as_utc(stored.due) == call["result"].due
    assert stored.seq == 1 and stored.last_review is not None
    [log] = rows(seeded_app, VocabReview)
    assert (log.card_id, log.rating, log.direction) == (card.id, 4, "recognition")
    assert as_utc(log.due_after) == call["result"].due


def test_again_and_easy_move_the_due_date_as_fsrs_says(learner, seeded_app, seed_tokens):
    from quizapp.vocab.wordlist import key_words

    text, tokens = seed_tokens
    first, second = [w for w in key_words(text, tokens, "B1") if not w.from_glossary][:2]
    for word in (first, second):
        save(learner, {"pack_id": PACK, "lemma": word.lemma, "sentence": word.sentence_index})
    before = utcnow()
    grade(learner, card_of(seeded_app, first.lemma, "recognition"), 1)
    grade(learner, card_of(seeded_app, second.lemma, "recognition"), 4)
    again = as_utc(card_of(seeded_app, first.lemma, "recognition").due)
    easy = as_utc(card_of(seeded_app, second.lemma, "recognition").due)
    # A new card: Again → its first learning step (1 minute); Easy → straight to review,
    # days away (FSRS-6 default weights give 8 days, ±fuzz).
    assert before + timedelta(seconds=50) <= again <= utcnow() + timedelta(minutes=2)
    assert easy - before >= timedelta(days=5)
    assert easy > again


def test_desired_retention_is_per_learner_and_reaches_the_scheduler(
    learner, seeded_app, a_word, spy
):
    response = learner.post("/review/settings", data={"desired_retention": "0.85"})
    assert response.status_code == 303
    [settings] = rows(seeded_app, VocabSettings)
    assert settings.desired_retention == pytest.approx(0.85)
    save(learner, a_word)
    grade(learner, card_of(seeded_app, a_word["lemma"], "recognition"), 3)
    assert spy[0]["retention"] == pytest.approx(0.85)


def test_out_of_range_retention_is_refused(learner, seeded_app):
    for bad in ("1.5", "0.2", "lots", ""):
        response = learner.post("/review/settings", data={"desired_retention": bad})
        assert response.status_code == 400
    assert rows(seeded_app, VocabSettings) == []


@pytest.mark.parametrize(
    ("typed", "rating"),
    [("{lemma}", 3), ("  {LEMMA} ", 3), ("{form}", 3), ("{typo}", 2), ("iets anders", 1), ("", 1)],
)
def test_recall_is_graded_like_a_quiz_answer(learner, seeded_app, a_word, spy, typed, rating):
    save(learner, a_word)
    card = card_of(seeded_app, a_word["lemma"], "recall")
    lemma = a_word["lemma"]
    answer = typed.format(
        lemma=lemma, LEMMA=lemma.upper(), form=a_word["form"], typo=lemma[:-1] + "q"
    )
    # Checking shows the suggested grade in the card's frame and stores nothing yet.
    checked = grade(learner, card, answer=answer)
    page = checked.get_data(as_text=True)
    assert checked.status_code == 200 and "data-vocab-card" in page
    assert f"Grade it {scheduling.RATINGS[rating]}, or choose another grade" in page
    assert re.search(rf'value="{rating}" class="[^"]* primary"[^>]*autofocus', page)
    assert rows(seeded_app, VocabReview) == []
    assert card_of(seeded_app, lemma, "recall").seq == card.seq
    response = grade(learner, card, rating, answer=answer)
    assert response.status_code == 303
    assert spy[-1]["rating"] == rating
    [log] = rows(seeded_app, VocabReview)
    assert log.rating == rating and log.typed == answer
    page = learner.get(response.headers["Location"]).get_data(as_text=True)
    assert scheduling.RATINGS[rating] in page and lemma in page


def test_a_typed_cards_grade_can_be_overridden(learner, seeded_app, a_word, spy):
    save(learner, a_word)
    card = card_of(seeded_app, a_word["lemma"], "recall")
    page = grade(learner, card, answer="iets anders").get_data(as_text=True)
    assert "Grade it Again, or choose another grade" in page
    # The learner knows it was a slip of the keyboard and grades it Good after all.
    assert grade(learner, card, 3, answer="iets anders").status_code == 303
    [log] = rows(seeded_app, VocabReview)
    assert (log.rating, log.typed) == (3, "iets anders")
    # A stale check (the card was graded since) is refused like a stale grade.
    assert grade(learner, card, answer="x").status_code == 409


def test_each_grade_button_shows_when_the_card_comes_back(learner, seeded_app, a_word):
    save(learner, a_word)
    page = learner.get("/review").get_data(as_text=True)
    labels = re.findall(
        r'<span class="interval"><span aria-hidden="true">([^<]+)</span>'
        r'<span class="visually-hidden">comes back in \1</span></span>',
        page,
    )
    # A new card: Again and Hard a few minutes, Good ten, Easy days away.
    assert len(labels) == 4 and labels[0].endswith("min") and labels[3].endswith("days")
    assert labels[2] == "10 min"


def test_the_due_count_goes_down_as_cards_are_graded(learner, seeded_app, a_word):
    save(learner, a_word)
    assert "2</span> cards due now" in learner.get("/review").get_data(as_text=True)
    grade(learner, card_of(seeded_app, a_word["lemma"], "recognition"), 3)
    page = learner.get("/review").get_data(as_text=True)
    assert "1</span> card due now, 1 more later today" in page


@pytest.fixture(scope="module")
def babel_app():
    app = Flask(__name__)
    i18n.init_app(app)
    return app


@pytest.mark.parametrize(
    ("seconds", "english", "dutch"),
    [(30, "1 min", "1 min"), (600, "10 min", "10 min"), (3 * 3600, "3 h", "3 u")]
    + [(86400, "1 day", "1 dag"), (4 * 86400, "4 days", "4 dagen"), (61 * 86400, "2 mo", "2 mnd")]
    + [(365 * 86400, "1 yr", "1 jr"), (548 * 86400, "1.5 yr", "1,5 jr")],
)
def test_interval_labels_are_short_in_each_language(babel_app, seconds, english, dutch):
    with babel_app.test_request_context():
        with force_locale("en"):
            assert interval_label(seconds) == english
        with force_locale("nl"):
            assert interval_label(seconds) == dutch


def test_stale_grade_is_409_and_changes_nothing(learner, seeded_app, a_word):
    save(learner, a_word)
    card = card_of(seeded_app, a_word["lemma"], "recognition")
    assert grade(learner, card, 3).status_code == 303
    after_first = card_of(seeded_app, a_word["lemma"], "recognition")
    replay = grade(learner, card, 1)  # same form: seq 0 again
    assert replay.status_code == 409
    assert "already reviewed" in replay.get_data(as_text=True)
    now = card_of(seeded_app, a_word["lemma"], "recognition")
    assert (now.seq, now.state, now.due) == (after_first.seq, after_first.state, after_first.due)
    assert len(rows(seeded_app, VocabReview)) == 1


@pytest.mark.parametrize(
    "form", [{"rating": "5"}, {"rating": "0"}, {"rating": "good"}, {}, {"rating": "3", "seq": ""}]
)
def test_bad_grade_posts_are_400(learner, seeded_app, a_word, form):
    save(learner, a_word)
    card = card_of(seeded_app, a_word["lemma"], "recognition")
    data = {"seq": "0"} | form
    assert learner.post(f"/review/{card.id}", data=data).status_code == 400
    assert card_of(seeded_app, a_word["lemma"], "recognition").seq == 0
    assert rows(seeded_app, VocabReview) == []


def test_recall_post_without_answer_is_400(learner, seeded_app, a_word):
    save(learner, a_word)
    card = card_of(seeded_app, a_word["lemma"], "recall")
    assert learner.post(f"/review/{card.id}", data={"seq": "0"}).status_code == 400
    assert rows(seeded_app, VocabReview) == []


def test_reviewed_cards_leave_todays_session(learner, seeded_app, a_word):
    save(learner, a_word)
    grade(learner, card_of(seeded_app, a_word["lemma"], "recognition"), 4)
    # A typed recall is at best Good: a new card then takes its 10-minute learning step
    # (still today) and graduates to days away on the second Good.
    grade(learner, card_of(seeded_app, a_word["lemma"], "recall"), 3, answer=a_word["lemma"])
    assert "Type the Dutch word" in learner.get("/review").get_data(as_text=True)
    grade(learner, card_of(seeded_app, a_word["lemma"], "recall"), 3, answer=a_word["lemma"])
    page = learner.get("/review").get_data(as_text=True)
    assert "All done for today" in page
    library = learner.get("/").get_data(as_text=True)
    assert "No words due for review today" in library


def test_todays_session_ends_at_midnight_but_keeps_the_learning_steps():
    morning = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    assert session_end(morning) == datetime(2026, 12, 2, tzinfo=UTC)
    # A word failed at 23:55 is due again in minutes: it stays in tonight's session.
    late = datetime(2026, 12, 1, 23, 55, tzinfo=UTC)
    assert session_end(late) > late + timedelta(minutes=10)
    # SQLite's naive datetimes are UTC.
    assert session_end(morning.replace(tzinfo=None)) == datetime(2026, 12, 2, tzinfo=UTC)


def test_library_shows_words_due_today(learner, a_word):
    save(learner, a_word)
    page = learner.get("/").get_data(as_text=True)
    assert "<strong>1</strong> word due for review today" in page


def test_empty_review_says_what_to_do(learner):
    page = learner.get("/review").get_data(as_text=True)
    assert "You have no words to review yet" in page


def test_reviews_per_day_counts_the_log(learner, seeded_app, a_word):
    from quizapp.vocab.service import reviews_logged_per_day

    save(learner, a_word)
    grade(learner, card_of(seeded_app, a_word["lemma"], "recognition"), 3)
    grade(learner, card_of(seeded_app, a_word["lemma"], "recall"), 1, answer="mis")
    [log, _] = rows(seeded_app, VocabReview)
    with write_session(seeded_app) as session:
        assert reviews_logged_per_day(session, log.user_id) == [
            (log.reviewed_at.date().isoformat(), 2)
        ]
        assert reviews_logged_per_day(session, log.user_id + 1) == []
