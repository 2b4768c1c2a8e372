"""Service functions for saved words and reviews. Each takes a session and never commits:
the view commits at the request's boundary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import bindparam, case, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from quizapp.language.function_words import AUXILIARY_VERBS
from quizapp.language.glosses import gloss_in
from quizapp.levels import LEVELS
from quizapp.library.articles import analysis_fits
from quizapp.models import (
    DEFAULT_RETENTION,
    DIRECTIONS,
    Answer,
    Article,
    ArticleAnalysis,
    Attempt,
    Question,
    VocabCard,
    VocabItem,
    VocabReview,
    VocabSettings,
    utcnow,
)
from quizapp.questions.cloze_syntax import cloze_gaps
from quizapp.vocab import scheduling, wordlist
from quizapp.vocab.export import ExportRow
from quizapp.vocab.wordlist import KeyWord

SORTS = ("date", "level", "due", "word")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
MAX_FIELD = 500


class WordNotInText(ValueError):
    """The posted word does not occur in the article it was said to come from."""


class StaleReview(Exception):
    """The grade form was not rendered from the card's current state (replay, back button,
    a second tab): accepting it would review the card twice."""


# --------------------------------------------------------------------------- articles


def article_tokens(session: Session, article: Article) -> list[dict[str, Any]]:
    """The article's analysed tokens as import stored them; none when there is no analysis
    or it no longer fits the text (library.articles.analysis_fits), as on the reading page."""
    analysis = session.get(ArticleAnalysis, article.id)
    tokens = analysis.tokens if analysis is not None and analysis.tokens else []
    return tokens if analysis_fits(article.text, tokens) else []


def article_key_words(session: Session, article: Article, above: str | None) -> list[KeyWord]:
    return wordlist.key_words(article.text, article_tokens(session, article), above)


# --------------------------------------------------------------------------- saving


@dataclass(frozen=True)
class Saved:
    item: VocabItem
    created: bool


def _new_cards(item: VocabItem, now: datetime) -> None:
    for direction in DIRECTIONS:
        card = VocabCard(direction=direction, due=now, seq=0)
        item.cards.append(card)


def meaning_in(word: KeyWord, language: str) -> str:
    """What a saved word means, for its review and exports: in the learner's gloss language
    with the English after it ("rozmowa (conversation)"), or the English alone where that
    language has no meaning for it."""
    return meaning_and_language(word, language)[0]


def meaning_and_language(word: KeyWord, language: str) -> tuple[str, str]:
    """meaning_in, and the language it is in ("en" where it fell back to English): a page
    marks it so, for screen readers and for a page in another language."""
    if language == "en" or word.token is None:
        return word.meaning, "en"
    found = gloss_in(word.token, language)
    if found.source in {"english", "none"} or not found.texts:
        return word.meaning, "en"
    english = word.meaning.split("; ")[0]
    return (f"{found.texts[0]} ({english})" if english else found.texts[0]), language


def save_key_word(
    session: Session,
    user_id: int,
    article: Article | None,
    word: KeyWord,
    now: datetime,
    language: str = "en",
) -> Saved:
    """Save a word once per learner: a second save returns the saved one, unchanged. Its
    meaning is kept in the learner's gloss language `language` (see meaning_in)."""
    existing = find_saved(session, user_id, word.lemma)
    if existing is not None:
        return Saved(existing, False)
    item = VocabItem(
        user_id=user_id,
        lemma=word.lemma[:100],
        form=word.form[:100],
        meaning=meaning_in(word, language),
        note=None,
        gender=word.gender,
        level=word.level,
        sentence=word.sentence,
        sentence_index=word.sentence_index,
        article_id=article.id if article else None,
        created_at=now,
    )
    _new_cards(item, now)
    try:
        # A savepoint: if a concurrent request saved the same lemma first, the unique
        # constraint refuses ours and the outer transaction goes on.
        with session.begin_nested():
            session.add(item)
            session.flush()
    except IntegrityError:
        existing = find_saved(session, user_id, word.lemma)
        if existing is None:
            raise
        return Saved(existing, False)
    # The card ids exist only now; FSRS keeps its own copy of the id in the state.
    for card in item.cards:
        card.state = scheduling.new_card(card.id, now)
    session.flush()
    return Saved(item, True)


def save_from_article(
    session: Session,
    user_id: int,
    article: Article,
    lemma: str,
    form: str = "",
    sentence_index: int | None = None,
    now: datetime | None = None,
    language: str = "en",
) -> Saved:
    word = wordlist.find_word(
        article.text, article_tokens(session, article), lemma, form, sentence_index
    )
    if word is None:
        raise WordNotInText(lemma)
    return save_key_word(session, user_id, article, word, now or utcnow(), language)


def find_saved(session: Session, user_id: int, lemma: str) -> VocabItem | None:
    return session.scalar(
        select(VocabItem).where(
            VocabItem.user_id == user_id, VocabItem.lemma == lemma.strip().lower()
        )
    )


_SAVED_WORDS = select(VocabItem.lemma).where(VocabItem.user_id == bindparam("user_id"))


def saved_lemmas(session: Session, user_id: int) -> set[str]:
    """The learner's saved lemmas (the reading page reads them with its article row)."""
    return set(session.connection().scalars(_SAVED_WORDS, {"user_id": user_id}))


# --------------------------------------------------------------------------- my words


def own_item(session: Session, user_id: int, item_id: int) -> VocabItem | None:
    """The learner's word, or None — also when it is someone else's."""
    item = session.get(VocabItem, item_id)
    return item if item is not None and item.user_id == user_id else None


def list_words(
    session: Session, user_id: int, search: str = "", sort: str = "date"
) -> list[VocabItem]:
    next_due = (
        select(func.min(VocabCard.due))
        .where(VocabCard.item_id == VocabItem.id)
        .correlate(VocabItem)
        .scalar_subquery()
    )
    query = (
        select(VocabItem)
        .where(VocabItem.user_id == user_id)
        .options(selectinload(VocabItem.cards), selectinload(VocabItem.article))
    )
    search = search.strip()
    if search:
        pattern = f"%{search.lower()}%"
        query = query.where(
            or_(
                func.lower(VocabItem.lemma).like(pattern),
                func.lower(VocabItem.form).like(pattern),
                func.lower(VocabItem.meaning).like(pattern),
                func.lower(func.coalesce(VocabItem.own_meaning, "")).like(pattern),
                func.lower(func.coalesce(VocabItem.note, "")).like(pattern),
            )
        )
    level_order = case(
        {level: n for n, level in enumerate(LEVELS)}, value=VocabItem.level, else_=len(LEVELS)
    )
    order = {
        "date": (VocabItem.created_at.desc(), VocabItem.id.desc()),
        "level": (level_order.desc(), VocabItem.lemma),
        "due": (next_due, VocabItem.lemma),
        "word": (VocabItem.lemma,),
    }[sort if sort in SORTS else "date"]
    return list(session.scalars(query.order_by(*order)))


def update_item(item: VocabItem, own_meaning: str, note: str) -> None:
    item.own_meaning = own_meaning.strip()[:MAX_FIELD] or None
    item.note = note.strip()[:MAX_FIELD] or None


def remove_item(session: Session, item: VocabItem) -> None:
    session.delete(item)
    session.flush()


def next_due(item: VocabItem) -> datetime | None:
    dues = [scheduling.as_utc(card.due) for card in item.cards]
    return min(dues) if dues else None


# --------------------------------------------------------------------------- review


# FSRS's learning steps are minutes long (1 and 10 by default): a word failed at 23:55 must
# come back in this session, not vanish until tomorrow.
LEARN_AHEAD = timedelta(hours=1)


def session_end(now: datetime) -> datetime:
    """Cards due before this are today's: like Anki, a word due this evening can be reviewed
    this morning, and a word in its learning steps stays in the session across midnight
    (UTC)."""
    now = scheduling.as_utc(now)
    midnight = datetime.combine(now.date() + timedelta(days=1), time(), tzinfo=now.tzinfo)
    return max(midnight, now + LEARN_AHEAD)


def due_cards(session: Session, user_id: int, now: datetime, limit: int = 200) -> list[VocabCard]:
    # Cards due now before cards due later today (a word just failed waits its minute);
    # among those due now, recognition before recall, so a word is seen before it must be
    # typed and its two cards do not follow each other.
    now = scheduling.as_utc(now)
    later_today = case((VocabCard.due <= now, 0), else_=1)
    direction_order = case({"recognition": 0}, value=VocabCard.direction, else_=1)
    return list(
        session.scalars(
            select(VocabCard)
            .join(VocabItem)
            .where(VocabItem.user_id == user_id, VocabCard.due < session_end(now))
            .options(selectinload(VocabCard.item))
            .order_by(later_today, direction_order, VocabCard.due, VocabCard.id)
            .limit(limit)
        )
    )


# Asked on every library page: built once.
_DUE_COUNT = (
    select(func.count(func.distinct(VocabCard.item_id)))
    .join(VocabItem)
    .where(VocabItem.user_id == bindparam("user_id"), VocabCard.due < bindparam("end"))
)


def due_count(session: Session, user_id: int, now: datetime) -> int:
    """Words (not cards) with a card due today."""
    return session.connection().scalar(_DUE_COUNT, {"user_id": user_id, "end": session_end(now)})


def own_card(session: Session, user_id: int, card_id: int) -> VocabCard | None:
    card = session.get(VocabCard, card_id)
    return card if card is not None and card.item.user_id == user_id else None


def retention(session: Session, user_id: int) -> float:
    settings = session.get(VocabSettings, user_id)
    return settings.desired_retention if settings else DEFAULT_RETENTION


def set_retention(session: Session, user_id: int, value: float) -> None:
    if not scheduling.valid_retention(value):
        raise ValueError(value)
    settings = session.get(VocabSettings, user_id)
    if settings is None:
        session.add(VocabSettings(user_id=user_id, desired_retention=value))
    else:
        settings.desired_retention = value
    session.flush()


def accepted_answers(item: VocabItem) -> list[str]:
    """A recall card accepts the lemma or the form as met in the text."""
    return [item.lemma, item.form]


def review_card(
    session: Session,
    user_id: int,
    card: VocabCard,
    seq: int,
    rating: int,
    now: datetime,
    typed: str | None = None,
) -> VocabReview:
    """Apply the learner's grade through FSRS, store the new state and log the review.

    The UPDATE that stores the state also checks and bumps `seq`, so of two posts of the
    same form only the first changes anything, on SQLite and PostgreSQL alike."""
    reviewed = scheduling.review(card.state, rating, now, retention(session, user_id))
    due_before = card.due
    result = session.execute(
        update(VocabCard)
        .where(VocabCard.id == card.id, VocabCard.seq == seq)
        .values(
            seq=VocabCard.seq + 1,
            state=reviewed.state,
            due=reviewed.due,
            last_review=reviewed.last_review,
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise StaleReview
    session.refresh(card)
    log = VocabReview(
        user_id=user_id,
        card_id=card.id,
        lemma=card.item.lemma,
        direction=card.direction,
        rating=rating,
        typed=typed[:200] if typed is not None else None,
        reviewed_at=now,
        due_before=due_before,
        due_after=reviewed.due,
    )
    session.add(log)
    session.flush()
    return log


def reviews_logged_per_day(session: Session, user_id: int) -> list[tuple[str, int]]:
    """(ISO date, number of reviews) for each day the learner reviewed, oldest first."""
    day = func.date(VocabReview.reviewed_at)
    rows = session.execute(
        select(day, func.count(VocabReview.id))
        .where(VocabReview.user_id == user_id)
        .group_by(day)
        .order_by(day)
    )
    return [(str(d), n) for d, n in rows]


# --------------------------------------------------------------------------- quiz results


# Verbs that carry the sentence rather than the meaning ("De correspondent zegt...", "zij
# spreken van..."): listed only when the missed answer itself was one of them.
FUNCTION_VERBS = AUXILIARY_VERBS | frozenset(
    [
        "gaan",
        "komen",
        "doen",
        "maken",
        "laten",
        "zeggen",
        "spreken",
        "vertellen",
        "vinden",
        "staan",
        "zitten",
        "liggen",
        "krijgen",
        "geven",
        "houden",
        "blijven",
        "lijken",
        "heten",
        "noemen",
    ]
)


def _answer_texts(payload: dict[str, Any]) -> list[str]:
    """The words the learner had to give: the right options, accepted answers, the gaps'
    words. (An order or match question asks who did what when, not for words.)"""
    texts = [
        option.get("text")
        for option in payload.get("options") or []
        if isinstance(option, dict) and option.get("correct")
    ]
    texts += [str(a) for a in payload.get("answers") or []]
    if isinstance(payload.get("text"), str) and payload.get("type") == "cloze":
        texts += [a for gap in cloze_gaps(payload["text"]) for a in gap.answers]
    return [t for t in texts if isinstance(t, str)]


def _context_texts(payload: dict[str, Any]) -> list[str]:
    """Where the question says it: prompt, explanation, hint, the cloze text around the gaps
    (not the wrong options, which are not words the learner missed)."""
    texts = [payload.get(k) for k in ("prompt", "explanation", "hint", "text")]
    texts += [str(i) for i in payload.get("items") or []]
    for pair in payload.get("pairs") or []:
        texts += [str(p) for p in pair]
    return [t for t in texts if isinstance(t, str)]


def _words_in(texts: list[str]) -> set[str]:
    return {w.lower() for text in texts for w in _WORD.findall(text)}


@dataclass(frozen=True)
class MissedWord:
    word: KeyWord
    # Ticked at first: a content word of what the learner had to answer or was asked.
    ticked: bool


def attempts_with_misses(session: Session, user_id: int, limit: int = 5) -> list[Attempt]:
    """The learner's latest finished attempts that got something wrong, newest first."""
    missed = select(Answer.attempt_id).where(Answer.correct.is_(False))
    return list(
        session.scalars(
            select(Attempt)
            .where(
                Attempt.user_id == user_id,
                Attempt.state == "finished",
                Attempt.id.in_(missed),
            )
            .options(selectinload(Attempt.article))
            .order_by(Attempt.finished_at.desc(), Attempt.id.desc())
            .limit(limit)
        )
    )


def missed_words(session: Session, attempt: Attempt, level: str | None) -> list[MissedWord]:
    """The article's key words (glossary, and glossed content words above `level`) that
    occur in the questions the learner got wrong: those of the answers and prompts first and
    ticked, those only in an explanation or hint after, unticked. Function verbs (zeggen,
    spreken...) only when the answer itself was one."""
    wrong = session.scalars(
        select(Question)
        .join(Answer, Answer.question_id == Question.id)
        .where(Answer.attempt_id == attempt.id, Answer.correct.is_(False))
    ).all()
    if not wrong:
        return []
    answers = _words_in([t for q in wrong for t in _answer_texts(q.payload)])
    prompts = _words_in([str(q.payload.get("prompt") or "") for q in wrong])
    context = _words_in([t for q in wrong for t in _context_texts(q.payload)])
    article = attempt.article
    tokens = article_tokens(session, article)
    lemma_forms: dict[str, set[str]] = {}
    for token in tokens:
        if token.get("is_word"):
            lemma_forms.setdefault(wordlist.word_key(token), set()).add(token["text"].lower())

    def occurs(word: KeyWord, words: set[str]) -> bool:
        return set(word.lemma.split()) <= words or bool(lemma_forms.get(word.lemma, set()) & words)

    found = []
    for word in wordlist.key_words(article.text, tokens, level):
        in_answer = occurs(word, answers)
        if word.lemma in FUNCTION_VERBS and not in_answer:
            continue
        if in_answer or occurs(word, prompts):
            found.append(MissedWord(word, True))
        elif occurs(word, context):
            found.append(MissedWord(word, False))
    return sorted(found, key=lambda missed: not missed.ticked)


def headwords(session: Session, items: list[VocabItem]) -> dict[int, str]:
    """Each saved word's dictionary form in its own case ("Russisch"), from the analysis of
    the text it was met in; the saved key (lower case) where that text is gone."""
    found: dict[int, str] = {}
    by_article: dict[int, list[VocabItem]] = {}
    for item in items:
        found[item.id] = item.lemma
        if item.article_id is not None:
            by_article.setdefault(item.article_id, []).append(item)
    for article_id, group in by_article.items():
        article = session.get(Article, article_id)
        forms = wordlist.headwords(article_tokens(session, article)) if article else {}
        for item in group:
            found[item.id] = forms.get(item.lemma, item.lemma)
    return found


# --------------------------------------------------------------------------- export


def export_rows_for_items(session: Session, items: list[VocabItem]) -> list[ExportRow]:
    rows = []
    forms = headwords(session, items)
    for item in items:
        due = next_due(item)
        rows.append(
            ExportRow(
                lemma=forms[item.id],
                word=item.form,
                meaning=item.shown_meaning,
                gender=item.gender or "",
                level=item.level or "",
                sentence=item.sentence,
                article=item.article.title if item.article else "",
                note=item.note or "",
                due=due.date().isoformat() if due else "",
            )
        )
    return rows


def export_rows_for_article(article: Article, words: list[KeyWord]) -> list[ExportRow]:
    return [
        ExportRow(
            lemma=w.dictionary_form,
            word=w.form,
            meaning=w.meaning,
            gender=w.gender or "",
            level=w.level or "",
            sentence=w.sentence,
            article=article.title,
            note=w.note or "",
            due="",
        )
        for w in words
    ]
