"""Creating classes, joining with a code, and an admin's role changes."""

from __future__ import annotations

import re

from quizapp.classes import service as classes
from quizapp.models import ClassMembership, SchoolClass, User
from tests.classes.conftest import PASSWORD
from tests.conftest import rows


def test_join_codes_are_easy_to_type():
    codes = {classes.new_join_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == 8 and not set(code) & set("01OIL")
    assert classes.normalise_code(" abcd-2345 ") == "ABCD2345"
    assert classes.display_code("ABCD2345") == "ABCD-2345"


def test_teacher_creates_a_class_and_gets_a_code(client, auth, school, seeded_app):
    auth.login("tina", PASSWORD)
    response = client.post("/teacher/classes", data={"name": "  Klas   5C "})
    assert response.status_code == 303
    created = rows(seeded_app, SchoolClass, SchoolClass.name == "Klas 5C")
    assert len(created) == 1 and created[0].owner_id == school.users["tina"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert classes.display_code(created[0].join_code) in page


def test_class_without_a_name_is_refused(client, auth, school, seeded_app):
    auth.login("tina", PASSWORD)
    before = len(rows(seeded_app, SchoolClass))
    response = client.post("/teacher/classes", data={"name": "   "}, follow_redirects=True)
    assert "The class was not created" in response.get_data(as_text=True)
    assert len(rows(seeded_app, SchoolClass)) == before


def test_learner_joins_with_the_code_in_any_spelling(client, auth, school, seeded_app):
    auth.register("nina")
    response = client.post("/classes/join", data={"code": "abcd 2345"})
    assert response.status_code == 303
    nina = rows(seeded_app, User, User.username == "nina")[0]
    member = rows(seeded_app, ClassMembership, ClassMembership.user_id == nina.id)
    assert [(m.class_id, m.role) for m in member] == [(school.classes["3A"], "learner")]
    # Joining again changes nothing and says so.
    again = client.post("/classes/join", data={"code": "ABCD-2345"}, follow_redirects=True)
    assert "already in Klas 3A" in again.get_data(as_text=True)
    assert len(rows(seeded_app, ClassMembership, ClassMembership.user_id == nina.id)) == 1


def test_wrong_code_gets_a_clear_message(client, auth, school, seeded_app):
    auth.register("nina")
    before = len(rows(seeded_app, ClassMembership))
    response = client.post("/classes/join", data={"code": "NOPE-NOPE"})
    assert response.status_code == 400
    assert "No class has that code" in response.get_data(as_text=True)
    assert len(rows(seeded_app, ClassMembership)) == before


def test_join_needs_login(client, school):
    response = client.post("/classes/join", data={"code": "ABCD2345"})
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_join_form_renders(client, auth, school):
    auth.register("nina")
    page = client.get("/classes/join").get_data(as_text=True)
    assert re.search(r'<label for="code">Class code</label>', page)


def test_admin_changes_a_role(client, auth, school, seeded_app):
    auth.login("ada", PASSWORD)
    response = client.post(f"/admin/users/{school.users['lars']}/role", data={"role": "teacher"})
    assert response.status_code == 303
    assert rows(seeded_app, User, User.username == "lars")[0].role == "teacher"


def test_unknown_role_is_a_400(client, auth, school, seeded_app):
    auth.login("ada", PASSWORD)
    response = client.post(f"/admin/users/{school.users['lars']}/role", data={"role": "king"})
    assert response.status_code == 400
    assert rows(seeded_app, User, User.username == "lars")[0].role == "learner"
    assert client.post("/admin/users/9999/role", data={"role": "teacher"}).status_code == 404


def test_the_last_admin_cannot_demote_themselves(client, auth, school, seeded_app):
    auth.login("ada", PASSWORD)
    response = client.post(
        f"/admin/users/{school.users['ada']}/role", data={"role": "teacher"}, follow_redirects=True
    )
    assert "ada is the last admin" in response.get_data(as_text=True)
    assert rows(seeded_app, User, User.username == "ada")[0].role == "admin"
    # With a second admin, stepping down is fine.
    client.post(f"/admin/users/{school.users['tina']}/role", data={"role": "admin"})
    client.post(f"/admin/users/{school.users['ada']}/role", data={"role": "teacher"})
    assert rows(seeded_app, User, User.username == "ada")[0].role == "teacher"
    assert client.get("/admin/users").status_code == 403
