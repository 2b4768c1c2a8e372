"""Attempts like Moodle's: started, saved as the learner goes, finished once.

Every post carries the `seq` the form was rendered with. The update that accepts a post
also bumps `seq`, in one conditional UPDATE, so of two racing or replayed posts only one
can win, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session

from quizapp import regrading
from quizapp.grading import Grade, grade
from quizapp.models import Answer, Article, Attempt, Question, Regrade, utcnow
from quizapp.quiz import forms


class StalePost(Exception):
    """The form was not rendered from the attempt's current state (replay, back button,
    second tab, double click)."""


def current_questions(session: Session, article: Article) -> list[Question]:
    """The hand-written questions in pack order, then the generated ones in theirs."""
    generated_last = case((Question.origin == "generated", 1), else_=0)
    return list(
        session.scalars(
            select(Question)
            .where(Question.article_id == article.id, Question.retired.is_(False))
            .order_by(generated_last, Question.position, Question.id)
        )
    )


def start_or_resume(session: Session, user_id: int, article: Article) -> Attempt:
    """The learner's unfinished attempt at this article, or a new one."""
    attempt = session.scalar(
        select(Attempt).where(
            Attempt.user_id == user_id,
            Attempt.article_id == article.id,
            Attempt.state == "in_progress",
        )
    )
    if attempt is None:
        attempt = Attempt(
            user_id=user_id,
            article_id=article.id,
            seed=secrets.token_hex(8),
            question_ids=[q.id for q in current_questions(session, article)],
        )
        session.add(attempt)
        session.flush()
    return attempt


def attempt_questions(session: Session, attempt: Attempt) -> list[Question]:
    """The question versions this attempt was started with, in order; an import while the
    learner works does not change the questions under them."""
    rows = {
        q.id: q
        for q in session.scalars(select(Question).where(Question.id.in_(attempt.question_ids)))
    }
    return [rows[qid] for qid in attempt.question_ids if qid in rows]


def field_name(position: int) -> str:
    return f"q{position}"


def _accept_post(session: Session, attempt: Attempt, seq: int, **changes: Any) -> None:
    result = session.execute(
        update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.seq == seq, Attempt.state == "in_progress")
        .values(seq=Attempt.seq + 1, **changes)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise StalePost
    session.refresh(attempt)


def _responses(questions: list[Question], seed: str, form: Mapping) -> dict[int, Any]:
    return {
        q.id: forms.parse_response(q.payload, field_name(n), seed, form)
        for n, q in enumerate(questions)
    }


def save_draft(session: Session, attempt: Attempt, seq: int, form: Mapping) -> None:
    questions = attempt_questions(session, attempt)
    draft = {
        str(qid): forms.to_json(r) for qid, r in _responses(questions, attempt.seed, form).items()
    }
    _accept_post(session, attempt, seq, draft=draft)


def unanswered(session: Session, attempt: Attempt, form: Mapping) -> list[int]:
    """The numbers (from 1) of the questions this post leaves unanswered."""
    questions = attempt_questions(session, attempt)
    responses = _responses(questions, attempt.seed, form)
    return [n for n, q in enumerate(questions, start=1) if not forms.answered(responses[q.id])]


def _draft_responses(questions: list[Question], attempt: Attempt) -> dict[int, Any]:
    return {
        q.id: forms.from_json(q.payload, attempt.draft.get(str(q.id)))
        if str(q.id) in attempt.draft
        else None
        for q in questions
    }


def finish(
    session: Session, attempt: Attempt, seq: int, form: Mapping, from_draft: bool = False
) -> None:
    """Grade and close the attempt: from the posted form, or (the confirm step, whose form
    has no answers of its own) from the draft saved when the learner was asked."""
    questions = attempt_questions(session, attempt)
    if from_draft:
        responses = _draft_responses(questions, attempt)
    else:
        responses = _responses(questions, attempt.seed, form)
    grades = {q.id: grade(q.payload, responses[q.id]) for q in questions}
    finished_at: datetime = utcnow()
    _accept_post(
        session,
        attempt,
        seq,
        state="finished",
        finished_at=finished_at,
        score=sum(g.score for g in grades.values()),
        max_score=sum(g.max_score for g in grades.values()),
        draft={},
    )
    session.add_all(
        Answer(
            attempt_id=attempt.id,
            question_id=q.id,
            response={"value": forms.to_json(responses[q.id])},
            score=grades[q.id].score,
            max_score=grades[q.id].max_score,
            correct=grades[q.id].correct,
            created_at=finished_at,
        )
        for q in questions
    )


# Generated questions about meanings quote the dictionary's English inside Dutch sentences
# ("„durend” betekent hier: continue, endure"): one text in two languages.
_QUOTING_ENGLISH = ("gen-vocab-", "gen-match-")


@dataclass(frozen=True)
class ResultRow:
    number: int  # as in the quiz, from 1
    question: Question
    response: Any
    grade: Grade

    @property
    def status(self) -> str:
        return self.grade.status

    @property
    def text_language(self) -> str:
        """The language of the question's prompt and explanation, for their lang attribute:
        Dutch, or "" (unknown) where they mix Dutch and English."""
        quoting = self.question.origin == "generated" and self.question.key.startswith(
            _QUOTING_ENGLISH
        )
        return "" if quoting else "nl"

    @property
    def answered(self) -> bool:
        return forms.answered(self.response)


def _as_shown(payload: dict[str, Any], name: str, seed: str, result: Grade) -> Grade:
    """The grade with its options in the order the quiz showed them (the same seeded
    shuffle of `payload`, the version answered), so a learner finds "the third option"
    where they left it, even after a fixed key put the options in another order."""
    try:
        view = forms.question_view(payload, name, seed)
    except (TypeError, ValueError, KeyError, AttributeError, IndexError):
        return result
    if view.type not in ("choice", "multi") or len(view.choices) != len(result.parts):
        return result
    by_label = {part.label: part for part in result.parts}
    shown = [by_label.get(choice.text) for choice in view.choices]
    if any(part is None for part in shown):
        return result
    return replace(result, parts=shown)


def results(session: Session, attempt: Attempt, history: list[Regrade]) -> list[ResultRow]:
    """Each answer marked against the version its points came from (the one answered, or
    the fixed key of the latest regrade in `history`), its options in the order shown."""
    return [
        ResultRow(
            marked.number,
            marked.question,
            marked.response,
            _as_shown(
                marked.answered.payload, field_name(marked.number - 1), attempt.seed, marked.grade
            ),
        )
        for marked in regrading.marked_answers(session, attempt, history)
    ]


def sections(questions: list[Question]) -> list[tuple[str, list[int]]]:
    """The quiz in sections: the teacher's own questions, then the practice the app made
    from the text (Question.origin), as (kind, indices into `questions`). A quiz of one kind
    is one section."""
    written = [n for n, q in enumerate(questions) if q.origin != "generated"]
    practice = [n for n, q in enumerate(questions) if q.origin == "generated"]
    return [(kind, ns) for kind, ns in (("written", written), ("practice", practice)) if ns]
