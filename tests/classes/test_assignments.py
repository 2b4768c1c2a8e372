"""Assignments: the library's "For your class", who has done it, each learner's answers,
and regrading after a key is fixed, with the earlier score kept."""

from __future__ import annotations

import re

from sqlalchemy import select

from quizapp import regrading
from quizapp.db import write_session
from quizapp.models import Answer, Assignment, Attempt, Question, Regrade
from quizapp.quiz import forms
from quizapp.quiz import service as quiz
from tests.classes.conftest import PASSWORD, SEED, add_attempt, seed_article
from tests.conftest import SEED_PACK, import_seed, rows


def fixed_key_pack(folder):
    """The seed pack with the key of `ambtgenoot` moved to its second option, as a
    teacher fixing a wrong key would: lena picked that one, otto the first."""
    text = SEED_PACK.read_text(encoding="utf-8")
    start = text.index("  - id: ambtgenoot")
    end = text.index("  - id:", start + 5)
    block = text[start:end]
    fixed = block.replace(
        "      - text: iemand met dezelfde functie in een ander land\n        correct: true\n",
        "      - text: iemand met dezelfde functie in een ander land\n",
    ).replace(
        "      - text: een goede vriend\n",
        "      - text: een goede vriend\n        correct: true\n",
    )
    assert fixed != block
    path = folder / SEED_PACK.name
    path.write_text(text[:start] + fixed + text[end:], encoding="utf-8")
    return path


AMBTGENOOT_OPTIONS = """\
      - text: iemand met dezelfde functie in een ander land
        correct: true
        feedback: Ja — Biden en Poetin zijn allebei president.
      - text: een goede vriend
        feedback: Nee, het woord zegt niets over vriendschap.
      - text: een tegenstander in een oorlog
        feedback: Nee, het woord zegt niets over oorlog.
      - text: iemand die voor Biden werkt
        feedback: Nee, Poetin werkt niet voor Biden.
"""
DUUR_OPTIONS = """\
      - text: een half uur
        feedback: Nee, het gesprek duurde langer.
      - text: een uur
        feedback: Nee, het gesprek duurde langer.
      - text: twee uur
        correct: true
        feedback: Klopt — "een twee uur durend videogesprek".
      - text: een hele dag
        feedback: Nee, zo lang duurde het niet.
"""


def edited_pack(folder, *edits: tuple[str, str]):
    """The seed pack with each (old, new) text replaced once, as a teacher's edit."""
    text = SEED_PACK.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = folder / SEED_PACK.name
    path.write_text(text, encoding="utf-8")
    return path


def _library_titles(page: str) -> list[str]:
    return re.findall(r'<a href="/articles/[^"]+" lang="nl">([^<]+)</a>', page)


def test_a_learner_of_the_class_sees_the_assignment_first_with_its_due_date(
    client, auth, school, seeded_app
):
    auth.login("tina", PASSWORD)
    response = client.post(
        f"/teacher/classes/{school.classes['3A']}/assignments",
        data={"article": SEED, "due": "2026-12-24"},
    )
    assert response.status_code == 303
    assert [a.due.isoformat() for a in rows(seeded_app, Assignment) if a.due] == ["2026-12-24"]
    auth.logout()
    auth.login("lena", PASSWORD)
    page = client.get("/").get_data(as_text=True)
    assert "For your class" in page
    assert page.index("For your class") < page.index("All texts")
    assert '<time datetime="2026-12-24">' in page
    assert "Klas 3A" in page
    auth.logout()
    # A learner who is in no class gets the plain library.
    client.post(
        "/auth/register", data={"username": "nina", "password": PASSWORD, "confirm": PASSWORD}
    )
    assert "For your class" not in client.get("/").get_data(as_text=True)


def test_an_archived_classs_assignments_leave_the_library(client, auth, school):
    auth.login("tina", PASSWORD)
    client.post(f"/teacher/classes/{school.classes['3A']}/archive", data={"archived": "1"})
    auth.logout()
    auth.login("lena", PASSWORD)
    assert "For your class" not in client.get("/").get_data(as_text=True)


def test_the_assignment_page_says_who_finished_who_is_working_and_who_has_not_started(
    client, auth, school, seeded_app
):
    with write_session(seeded_app) as session:
        session.add(
            Attempt(
                user_id=school.users["lars"],
                article_id=seed_article(session).id,
                seed="x",
                question_ids=[],
            )
        )
    auth.login("tina", PASSWORD)
    page = client.get(
        f"/teacher/classes/{school.classes['3A']}/assignments/{school.assignments['3A']}"
    ).get_data(as_text=True)
    lena = page[page.index('<th scope="row"><span translate="no">lena</span></th>') :][:600]
    lars = page[page.index('<th scope="row"><span translate="no">lars</span></th>') :][:600]
    assert "<td>finished</td>" in lena and "50%" in lena
    assert "<td>in progress</td>" in lars and "not handed in" in lars
    assert "1 finished" in page and "1 in progress" in page and "0 not started" in page
    assert "otto" not in page  # in another class


def test_the_teacher_sees_each_answer_and_what_was_right(client, auth, school):
    auth.login("tina", PASSWORD)
    page = client.get(
        f"/teacher/classes/{school.classes['3A']}/attempts/{school.attempts['lena']}"
    ).get_data(as_text=True)
    assert "Hoe lang duurde het videogesprek" in page
    assert page.count("badge-right") >= 1 and page.count("badge-wrong") >= 1
    assert "twee uur" in page and "een goede vriend" in page


def test_regrading_after_a_fixed_key_changes_scores_and_keeps_the_old_ones(
    client, auth, school, seeded_app, tmp_path
):
    import_seed(seeded_app, fixed_key_pack(tmp_path))
    auth.login("tina", PASSWORD)
    base = f"/teacher/classes/{school.classes['3A']}/assignments/{school.assignments['3A']}"
    response = client.post(f"{base}/regrade")
    assert response.status_code == 303
    with write_session(seeded_app) as session:
        lena = session.get(Attempt, school.attempts["lena"])
        otto = session.get(Attempt, school.attempts["otto"])
        assert (lena.score, lena.max_score) == (2.0, 2.0)  # ambtgenoot now right
        assert (otto.score, otto.max_score) == (1.0, 2.0)  # not in 3A: not regraded
        [regrade] = session.scalars(select(Regrade)).all()
        assert regrade.attempt_id == lena.id
        assert (regrade.old_score, regrade.new_score) == (1.0, 2.0)
        assert regrade.regraded_by == school.users["tina"]
        # The answer stays on the version the learner answered; its points are new.
        answers = {
            a.question.key: a for a in session.scalars(select(Answer)) if a.attempt_id == lena.id
        }
        assert answers["ambtgenoot"].correct and answers["ambtgenoot"].question.retired
    page = client.get(base).get_data(as_text=True)
    assert "was 50%, now 100%" in page
    answers_page = client.get(
        f"/teacher/classes/{school.classes['3A']}/attempts/{school.attempts['lena']}"
    ).get_data(as_text=True)
    assert "Handed in: 50%" in answers_page and "Regraded" in answers_page
    assert 'class="current-score">100%' in answers_page
    assert "badge-wrong" not in answers_page  # marked against the fixed key
    # Regrading again finds nothing to change and records nothing.
    client.post(f"{base}/regrade")
    assert len(rows(seeded_app, Regrade)) == 1


def test_a_learners_results_page_follows_the_regrade(client, auth, school, seeded_app, tmp_path):
    import_seed(seeded_app, fixed_key_pack(tmp_path))
    auth.login("tina", PASSWORD)
    client.post(
        f"/teacher/classes/{school.classes['3A']}/assignments/{school.assignments['3A']}/regrade"
    )
    auth.logout()
    auth.login("lena", PASSWORD)
    page = client.get(f"/attempts/{school.attempts['lena']}/results").get_data(as_text=True)
    assert "<strong>2</strong> of 2 points (100%)" in page
    assert "0 wrong" in page
    assert "earlier 50%" in page


def test_bad_assignment_input_is_refused_not_a_500(client, auth, school, seeded_app):
    auth.login("tina", PASSWORD)
    url = f"/teacher/classes/{school.classes['3A']}/assignments"
    for data in (
        {"article": "no-such-pack", "due": ""},
        {"article": SEED, "due": "2026-02-30"},
        {"article": SEED, "due": "tomorrow"},
        {},
    ):
        assert client.post(url, data=data).status_code == 400, data
    assert len(rows(seeded_app, Assignment)) == 2  # the fixture's two


def test_a_regrade_marks_the_option_each_learner_chose_wherever_the_fix_put_it(
    client, auth, school, seeded_app, tmp_path
):
    # lena chose "twee uur" (right) and "een goede vriend" (the key the teacher fixes), as
    # options 2 and 1 of the versions she answered; the fix also reorders both lists.
    fixed = edited_pack(
        tmp_path,
        (
            DUUR_OPTIONS,
            "      - text: twee uur\n        correct: true\n      - text: een half uur\n"
            "      - text: een uur\n      - text: een hele dag\n",
        ),
        (
            AMBTGENOOT_OPTIONS,
            "      - text: iemand met dezelfde functie in een ander land\n"
            "      - text: een tegenstander in een oorlog\n"
            "      - text: iemand die voor Biden werkt\n"
            "      - text: een goede vriend\n        correct: true\n",
        ),
    )
    import_seed(seeded_app, fixed)
    auth.login("tina", PASSWORD)
    base = f"/teacher/classes/{school.classes['3A']}/assignments/{school.assignments['3A']}"
    assert client.post(f"{base}/regrade").status_code == 303
    with write_session(seeded_app) as session:
        lena = session.get(Attempt, school.attempts["lena"])
        assert (lena.score, lena.max_score) == (2.0, 2.0)
        [regrade] = session.scalars(select(Regrade)).all()
        [entry] = regrade.answers  # duur was right and stays right: not a change
        assert (entry["old_score"], entry["new_score"]) == (0.0, 1.0)
        # The learner's results list the options in the order her quiz showed them.
        history = regrading.regrades_of(session, [lena.id])[lena.id]
        rows = {row.question.key: row for row in quiz.results(session, lena, history)}
        answered = session.get(Question, lena.question_ids[1])
        shown = forms.question_view(answered.payload, quiz.field_name(1), lena.seed).choices
        assert [part.label for part in rows["ambtgenoot"].grade.parts] == [c.text for c in shown]
        assert rows["ambtgenoot"].question.version == 2 and rows["ambtgenoot"].status == "right"
    answers_page = client.get(
        f"/teacher/classes/{school.classes['3A']}/attempts/{school.attempts['lena']}"
    ).get_data(as_text=True)
    assert 'class="current-score">100%' in answers_page and "badge-wrong" not in answers_page
    auth.logout()
    auth.login("lena", PASSWORD)
    page = client.get(f"/attempts/{school.attempts['lena']}/results").get_data(as_text=True)
    assert "<strong>2</strong> of 2 points (100%)" in page and "0 wrong" in page


def test_an_answer_whose_option_the_fix_took_out_keeps_its_mark(
    client, auth, school, seeded_app, tmp_path
):
    with write_session(seeded_app) as session:
        article = seed_article(session)
        # lars chose "een half uur", which the fix takes out, then "een uur", its new key.
        gone, moved = (
            add_attempt(
                session, school.users["lars"], article, {"duur": 0}, responses={"duur": chosen}
            ).id
            for chosen in (0, 1)
        )
    fixed = edited_pack(
        tmp_path,
        (
            DUUR_OPTIONS,
            "      - text: een uur\n        correct: true\n"
            "      - text: twee uur\n      - text: een hele dag\n",
        ),
    )
    import_seed(seeded_app, fixed)
    auth.login("tina", PASSWORD)
    base = f"/teacher/classes/{school.classes['3A']}/assignments/{school.assignments['3A']}"
    page = client.post(f"{base}/regrade", follow_redirects=True).get_data(as_text=True)
    assert "1 answer kept its mark" in page
    with write_session(seeded_app) as session:
        assert session.get(Attempt, gone).score == 0.0  # not "een uur", which is right now
        assert session.get(Attempt, moved).score == 1.0
        assert session.get(Attempt, school.attempts["lena"]).score == 0.0  # twee uur: wrong now
        assert {r.attempt_id for r in session.scalars(select(Regrade))} == {
            moved,
            school.attempts["lena"],
        }
    # The kept answer is shown against the version lars answered, as it was marked.
    kept_page = client.get(f"/teacher/classes/{school.classes['3A']}/attempts/{gone}").get_data(
        as_text=True
    )
    assert "version 1" in kept_page and "een half uur" in kept_page
    # Regrading again changes nothing and records nothing more.
    client.post(f"{base}/regrade")
    assert len(rows(seeded_app, Regrade)) == 2
