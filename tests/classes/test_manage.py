"""Managing a class: rename, archive, remove a learner, reset a learner's password, the
join code for the wall, and results from before a learner joined."""

from __future__ import annotations

import re
from datetime import timedelta

from quizapp.db import write_session
from quizapp.models import ClassMembership, SchoolClass, User
from tests.classes.conftest import PASSWORD, START
from tests.conftest import rows


def test_rename_the_class(client, auth, school, seeded_app):
    auth.login("tina", PASSWORD)
    url = f"/teacher/classes/{school.classes['3A']}/rename"
    assert client.post(url, data={"name": "  Klas 3A  (vwo) "}).status_code == 303
    assert "Klas 3A (vwo)" in {c.name for c in rows(seeded_app, SchoolClass)}
    for bad in ("", "   ", "x" * 101):
        assert client.post(url, data={"name": bad}).status_code == 400
    assert "Klas 3A (vwo)" in {c.name for c in rows(seeded_app, SchoolClass)}


def test_an_archived_class_keeps_its_results_and_takes_nobody_new(client, auth, school):
    auth.login("tina", PASSWORD)
    url = f"/teacher/classes/{school.classes['3A']}/archive"
    assert client.post(url, data={"archived": "1"}).status_code == 303
    assert client.post(url, data={"archived": "maybe"}).status_code == 400
    dashboard = client.get(f"/teacher?class={school.classes['3A']}").get_data(as_text=True)
    assert "archived" in dashboard and "lena" in dashboard
    auth.logout()
    client.post(
        "/auth/register", data={"username": "nina", "password": PASSWORD, "confirm": PASSWORD}
    )
    refused = client.post("/classes/join", data={"code": school.codes["3A"]})
    assert refused.status_code == 400 and "archived" in refused.get_data(as_text=True)
    auth.logout()
    auth.login("tina", PASSWORD)
    client.post(url, data={"archived": "0"})
    auth.logout()
    auth.login("nina", PASSWORD)
    assert client.post("/classes/join", data={"code": school.codes["3A"]}).status_code == 303


def test_remove_a_learner(client, auth, school, seeded_app):
    auth.login("tina", PASSWORD)
    class_id = school.classes["3A"]
    url = f"/teacher/classes/{class_id}/learners/{school.users['lena']}/remove"
    assert client.post(url).status_code == 303
    client.get("/teacher")  # the flash message names her once
    assert "lena" not in client.get(f"/teacher?class={class_id}").get_data(as_text=True)
    assert client.post(url).status_code == 404  # no longer in the class
    # otto is in another class: not hers to remove.
    other = f"/teacher/classes/{class_id}/learners/{school.users['otto']}/remove"
    assert client.post(other).status_code == 404
    assert {m.user_id for m in rows(seeded_app, ClassMembership)} == {
        school.users["lars"],
        school.users["otto"],
    }


def test_a_teacher_resets_a_learners_password(client, auth, school, seeded_app):
    auth.login("tina", PASSWORD)
    page = client.post(
        f"/teacher/classes/{school.classes['3A']}/learners/{school.users['lars']}/password"
    )
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "private, no-store"
    temporary = re.search(r"<code>([a-z0-9-]+)</code>", page.get_data(as_text=True)).group(1)
    auth.logout()
    assert auth.login("lars", PASSWORD).status_code == 400  # the old one is gone
    landed = auth.login("lars", temporary)
    assert landed.headers["Location"].endswith("/auth/password")
    assert client.get("/progress").headers["Location"].endswith("/auth/password")
    changed = client.post(
        "/auth/password",
        data={
            "current_password": temporary,
            "password": "mijn eigen wachtwoord",
            "confirm": "mijn eigen wachtwoord",
        },
    )
    assert changed.status_code == 303
    assert client.get("/progress").status_code == 200


def test_a_teacher_cannot_reset_a_co_teacher_or_someone_outside_the_class(
    client, auth, school, seeded_app
):
    with write_session(seeded_app) as session:
        session.add(
            ClassMembership(
                class_id=school.classes["3A"], user_id=school.users["theo"], role="teacher"
            )
        )
    auth.login("tina", PASSWORD)
    base = f"/teacher/classes/{school.classes['3A']}/learners"
    assert client.post(f"{base}/{school.users['theo']}/password").status_code == 404
    assert client.post(f"{base}/{school.users['otto']}/password").status_code == 404
    assert client.post(f"{base}/{school.users['ada']}/password").status_code == 404
    assert not any(u.must_change_password for u in rows(seeded_app, User))


def test_the_join_code_page_shows_the_code_large(client, auth, school):
    auth.login("tina", PASSWORD)
    page = client.get(f"/teacher/classes/{school.classes['3A']}/code").get_data(as_text=True)
    assert '<p class="wall-code">ABCD-2345</p>' in page


def test_results_from_before_joining_are_marked(client, auth, school, seeded_app):
    # lena's attempt (START) was before she joined (now): counted, and marked as such.
    auth.login("tina", PASSWORD)
    page = client.get(f"/teacher?class={school.classes['3A']}").get_data(as_text=True)
    assert "1 before joining" in page
    with write_session(seeded_app) as session:
        for membership in session.query(ClassMembership):
            membership.joined_at = START - timedelta(days=1)
    page = client.get(f"/teacher?class={school.classes['3A']}").get_data(as_text=True)
    assert "before joining</span>" not in page
    join = client.get("/classes/join").get_data(as_text=True)
    assert "from before you joined marked as such" in join
