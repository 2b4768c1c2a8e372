"""Every role on every teacher route: anonymous -> login, learner -> 403, another
teacher's class -> 404, own class and admin -> 200."""

from __future__ import annotations

import pytest

from tests.classes.conftest import PASSWORD, SEED


def _routes(school):
    own = school.classes["3A"]
    lars, lena = school.users["lars"], school.users["lena"]
    assignment = f"/teacher/classes/{own}/assignments/{school.assignments['3A']}"
    # In the order they run: what removes a row comes after what reads it.
    return {
        "dashboard": ("GET", "/teacher", {}),
        "dashboard-class": ("GET", f"/teacher?class={own}", {}),
        "create": ("POST", "/teacher/classes", {"name": "Klas 5C"}),
        "results-csv": ("GET", f"/teacher/classes/{own}/results.csv", {}),
        "article": ("GET", f"/teacher/classes/{own}/articles/{SEED}", {}),
        "items-csv": ("GET", f"/teacher/classes/{own}/articles/{SEED}/items.csv", {}),
        "users": ("GET", "/admin/users", {}),
        "set-role": ("POST", f"/admin/users/{school.users['lars']}/role", {"role": "learner"}),
        "manage": ("GET", f"/teacher/classes/{own}/manage", {}),
        "rename": ("POST", f"/teacher/classes/{own}/rename", {"name": "Klas 3A"}),
        "archive": ("POST", f"/teacher/classes/{own}/archive", {"archived": "0"}),
        "code": ("GET", f"/teacher/classes/{own}/code", {}),
        "assignments": ("GET", f"/teacher/classes/{own}/assignments", {}),
        "assign": (
            "POST",
            f"/teacher/classes/{own}/assignments",
            {"article": SEED, "due": "2026-12-24"},
        ),
        "assignment": ("GET", assignment, {}),
        "regrade": ("POST", f"{assignment}/regrade", {}),
        "answers": ("GET", f"/teacher/classes/{own}/attempts/{school.attempts['lena']}", {}),
        # otto is not in 3A: his answers are nobody's business there, admin or not.
        "answers-outside": (
            "GET",
            f"/teacher/classes/{own}/attempts/{school.attempts['otto']}",
            {},
        ),
        "reset-password": ("POST", f"/teacher/classes/{own}/learners/{lars}/password", {}),
        "admin-reset": ("POST", f"/admin/users/{lars}/password", {}),
        "admin-export": ("GET", f"/admin/users/{lena}/data.json", {}),
        "admin-delete-page": ("GET", f"/admin/users/{lena}/delete", {}),
        "unassign": ("POST", f"{assignment}/remove", {}),
        "remove-learner": ("POST", f"/teacher/classes/{own}/learners/{lars}/remove", {}),
        "admin-delete": ("POST", f"/admin/users/{lena}/delete", {}),
    }


NEW_TEACHER_ROUTES = [
    "manage",
    "rename",
    "archive",
    "code",
    "assignments",
    "assign",
    "assignment",
    "regrade",
    "answers",
    "answers-outside",
    "reset-password",
    "unassign",
    "remove-learner",
]
ADMIN_ROUTES = ["admin-reset", "admin-export", "admin-delete-page", "admin-delete"]
ALL_ROUTES = [
    "dashboard",
    "dashboard-class",
    "create",
    "results-csv",
    "article",
    "items-csv",
    "users",
    "set-role",
    *NEW_TEACHER_ROUTES,
    *ADMIN_ROUTES,
]
OWN_CLASS = {
    "manage": 200,
    "rename": 303,
    "archive": 303,
    "code": 200,
    "assignments": 200,
    "assign": 303,
    "assignment": 200,
    "regrade": 303,
    "answers": 200,
    "answers-outside": 404,
    "reset-password": 200,
    "unassign": 303,
    "remove-learner": 303,
}


def _call(client, method, url, data):
    return client.get(url) if method == "GET" else client.post(url, data=data)


# Expected status per route for each visitor; "login" means a redirect to the login page.
EXPECTED = {
    None: dict.fromkeys(ALL_ROUTES, "login"),
    # A learner of the class and one outside it.
    "lena": dict.fromkeys(ALL_ROUTES, 403),
    "otto": dict.fromkeys(ALL_ROUTES, 403),
    "tina": {
        "dashboard": 200,
        "dashboard-class": 200,
        "create": 303,
        "results-csv": 200,
        "article": 200,
        "items-csv": 200,
        "users": 403,
        "set-role": 403,
        **OWN_CLASS,
        **dict.fromkeys(ADMIN_ROUTES, 403),
    },
    # Another teacher: not even told the class exists.
    "theo": {
        "dashboard": 200,
        "dashboard-class": 404,
        "create": 303,
        "results-csv": 404,
        "article": 404,
        "items-csv": 404,
        "users": 403,
        "set-role": 403,
        **dict.fromkeys(NEW_TEACHER_ROUTES, 404),
        **dict.fromkeys(ADMIN_ROUTES, 403),
    },
    "ada": {
        "dashboard": 200,
        "dashboard-class": 200,
        "create": 303,
        "results-csv": 200,
        "article": 200,
        "items-csv": 200,
        "users": 200,
        "set-role": 303,
        **OWN_CLASS,
        "admin-reset": 200,
        "admin-export": 200,
        "admin-delete-page": 200,
        "admin-delete": 303,
    },
}


@pytest.mark.parametrize("who", list(EXPECTED), ids=lambda w: w or "anonymous")
def test_each_role_on_each_route(client, auth, school, who):
    if who:
        assert auth.login(who, PASSWORD).status_code == 302
    for name, (method, url, data) in _routes(school).items():
        response = _call(client, method, url, data)
        expected = EXPECTED[who][name]
        if expected == "login":
            assert response.status_code == 302, name
            assert "/auth/login" in response.headers["Location"], name
        else:
            assert response.status_code == expected, (name, response.status_code)


def test_teacher_sees_no_learner_outside_their_classes(client, auth, school):
    auth.login("tina", PASSWORD)
    pages = [
        client.get("/teacher").get_data(as_text=True),
        client.get(f"/teacher/classes/{school.classes['3A']}/results.csv").get_data(as_text=True),
    ]
    for page in pages:
        assert "lena" in page
        assert "otto" not in page and "Klas 4B" not in page
    # otto's attempt got 'duur' wrong and lena's right: tina's statistics hold only lena's.
    items = client.get(
        f"/teacher/classes/{school.classes['3A']}/articles/{SEED}/items.csv"
    ).get_data(as_text=True)
    duur = next(line for line in items.splitlines() if line.startswith("duur,"))
    assert duur.split(",")[4:6] == ["1", "1.000"]  # one answer, facility 1


def test_admin_sees_every_class(client, auth, school):
    auth.login("ada", PASSWORD)
    page = client.get("/teacher").get_data(as_text=True)
    assert "Klas 3A" in page and "Klas 4B" in page


def test_learner_sees_no_teacher_link(client, auth, school):
    auth.login("lena", PASSWORD)
    page = client.get("/progress").get_data(as_text=True)
    assert 'href="/teacher"' not in page and 'href="/admin/users"' not in page
    auth.logout()
    auth.login("tina", PASSWORD)
    assert 'href="/teacher"' in client.get("/progress").get_data(as_text=True)
