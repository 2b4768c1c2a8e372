"""Done-when, end to end through the forms: learners join with the code and take the seed
quiz; the teacher then sees their results and the seed article's item statistics."""

from __future__ import annotations

import re

from quizapp.models import Attempt, Question
from quizapp.quiz.service import field_name
from tests.classes.conftest import PASSWORD, SEED
from tests.conftest import rows
from tests.web.quizforms import right_answers


def _take_quiz(client, app, full_marks: bool) -> None:
    response = client.post(f"/articles/{SEED}/quiz")
    attempt_id = int(re.search(r"/attempts/(\d+)", response.headers["Location"]).group(1))
    attempt = rows(app, Attempt, Attempt.id == attempt_id)[0]
    data: dict = {"seq": str(attempt.seq), "action": "finish", "confirm": "1"}
    if full_marks:
        questions = {q.id: q for q in rows(app, Question, Question.id.in_(attempt.question_ids))}
        for n, qid in enumerate(attempt.question_ids):
            data.update(right_answers(questions[qid].payload, field_name(n), attempt.seed))
    assert client.post(f"/attempts/{attempt_id}", data=data).status_code == 303


def test_teacher_sees_results_and_statistics_after_learners_took_the_seed_quiz(
    client, auth, school, seeded_app
):
    for name, full_marks in [("kim", True), ("sam", True), ("joe", False)]:
        auth.register(name)
        assert client.post("/classes/join", data={"code": "abcd-2345"}).status_code == 303
        _take_quiz(client, seeded_app, full_marks)
        auth.logout()

    auth.login("tina", PASSWORD)
    dashboard = client.get(f"/teacher?class={school.classes['3A']}").get_data(as_text=True)
    for name, score in [("kim", "100%"), ("sam", "100%"), ("joe", "0%")]:
        cell = rf'<th scope="row"><span translate="no">{name}</span></th>\s*<td><strong>([^<]+)'
        row = re.search(cell, dashboard)
        assert row and row.group(1) == score, name

    rows_csv = client.get(
        f"/teacher/classes/{school.classes['3A']}/articles/{SEED}/items.csv"
    ).get_data(as_text=True)
    duur = next(line for line in rows_csv.splitlines() if line.startswith("duur,"))
    # kim and sam picked "twee uur" through the shuffled form, joe nothing; lena's fixture
    # attempt (school fixture) picked it too: 3 picks of the right option, 4 answers.
    assert "twee uur (right): 3" in duur
    fields = duur.split(",")
    assert fields[4] == "4" and fields[5] == "0.750"
    page = client.get(f"/teacher/classes/{school.classes['3A']}/articles/{SEED}")
    assert page.status_code == 200
    assert "questions/biden-poetin-videogesprek.yaml:58" in page.get_data(as_text=True)
