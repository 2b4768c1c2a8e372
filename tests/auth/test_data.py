"""A learner's data is theirs: the export holds every row that names them, and after
deletion no row does, while the class's statistics stay as they were. The tables are
found from the schema's foreign keys to users, so a table added later is covered here
without editing this file."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import JSON, String, Text, delete, select
from sqlalchemy.exc import IntegrityError

from quizapp.accounts import user_columns
from quizapp.auth import service as accounts
from quizapp.db import write_session
from quizapp.models import (
    Base,
    User,
    VocabCard,
    VocabSettings,
    WebPack,
    WebPackVersion,
    utcnow,
)
from quizapp.vocab import service as words
from tests.classes.conftest import PASSWORD, SEED, school, seed_article  # noqa: F401

TABLES_LENA_HAS_ROWS_IN = {
    "attempts",
    "class_memberships",
    "vocab_items",
    "vocab_reviews",
    "vocab_settings",
}


@pytest.fixture
def lena_everywhere(school, seeded_app, client, auth):  # noqa: F811
    """lena with a row in every kind of table a learner can have one in."""
    with write_session(seeded_app) as session:
        article = seed_article(session)
        word = words.article_key_words(session, article, "A1")[0]
        item = words.save_key_word(session, school.users["lena"], article, word, utcnow()).item
        card_id = session.scalar(select(VocabCard.id).where(VocabCard.item_id == item.id))
        session.add(VocabSettings(user_id=school.users["lena"], desired_retention=0.85))
    auth.login("lena", PASSWORD)
    # Someone guessing her password from elsewhere: a row with her name.
    seeded_app.test_client().post(
        "/auth/login",
        data={"username": "lena", "password": "a wrong password"},
        environ_base={"REMOTE_ADDR": "10.9.9.9"},
    )
    assert client.post(f"/review/{card_id}", data={"seq": "0", "rating": "3"}).status_code < 400
    client.post(f"/articles/{SEED}/quiz")  # an attempt in progress, with its draft
    return school


def _rows_naming(session, user_id: int) -> dict[str, set]:
    found: dict[str, set] = {}
    for table, column in user_columns():
        ids = session.execute(select(table).where(column == user_id)).all()
        key = "id" if "id" in table.c else column.name
        found.setdefault(table.name, set()).update(row._mapping[key] for row in ids)
    return found


def _items_csv(client, school):  # noqa: F811
    return client.get(
        f"/teacher/classes/{school.classes['3A']}/articles/{SEED}/items.csv"
    ).get_data(as_text=True)


def test_the_export_holds_every_row_that_names_the_learner(client, seeded_app, lena_everywhere):
    lena = lena_everywhere.users["lena"]
    response = client.get("/auth/account/data.json")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["Cache-Control"] == "private, no-store"
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["username"] == "lena" and "password_hash" not in data["account"]
    with write_session(seeded_app) as session:
        naming = _rows_naming(session, lena)
    assert {name for name, ids in naming.items() if ids} >= TABLES_LENA_HAS_ROWS_IN
    for table, ids in naming.items():
        exported = data["tables"].get(table, [])
        exported_keys = {row.get("id", row.get("user_id")) for row in exported}
        assert ids <= exported_keys, table
    # And what hangs on those rows: the answers of every attempt, the cards of each word.
    attempt_ids = {row["id"] for row in data["tables"]["attempts"]}
    assert {row["attempt_id"] for row in data["tables"]["answers"]} <= attempt_ids
    assert len(data["tables"]["answers"]) >= 2
    assert data["tables"]["vocab_cards"] and data["tables"]["login_failures"]
    # Nobody else's rows.
    others = {row["user_id"] for row in data["tables"]["attempts"]}
    assert others == {lena}


def test_after_deletion_no_row_names_the_learner(client, auth, seeded_app, lena_everywhere):
    found = lena_everywhere
    lena = found.users["lena"]
    auth.logout()
    auth.login("tina", PASSWORD)
    before = _items_csv(client, found)
    auth.logout()
    auth.login("lena", PASSWORD)
    assert (
        client.post("/auth/account/delete", data={"current_password": "wrong"}).status_code == 400
    )
    response = client.post("/auth/account/delete", data={"current_password": PASSWORD})
    assert response.status_code == 303
    assert client.get("/words").status_code == 302  # logged out
    with write_session(seeded_app) as session:
        assert session.get(User, lena) is None
        assert all(not ids for ids in _rows_naming(session, lena).values())
        # No text anywhere holds the username.
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, String | Text) and not isinstance(column.type, JSON):
                    hits = session.scalar(select(column).where(column.ilike("%lena%")).limit(1))
                    assert hits is None, (table.name, column.name)
    assert auth.login("lena", PASSWORD).status_code == 400
    # The class's statistics count her answers all the same, under a nameless stand-in.
    auth.login("tina", PASSWORD)
    assert _items_csv(client, found) == before
    assert "a deleted learner" in client.get(
        f"/teacher/classes/{found.classes['3A']}/manage"
    ).get_data(as_text=True)


def test_an_admin_exports_and_deletes_a_learner_on_request(client, auth, seeded_app, school):  # noqa: F811
    auth.login("ada", PASSWORD)
    lars = school.users["lars"]
    data = client.get(f"/admin/users/{lars}/data.json").get_json()
    assert data["account"]["username"] == "lars"
    assert client.post(f"/admin/users/{lars}/delete").status_code == 303
    with write_session(seeded_app) as session:
        assert session.get(User, lars) is None
    # A teacher's account is not deleted this way, nor the admin's own.
    assert client.post(f"/admin/users/{school.users['tina']}/delete").status_code == 409
    assert client.post(f"/admin/users/{school.users['ada']}/delete").status_code == 400


def test_a_teacher_cannot_delete_their_account_with_classes_in_it(client, auth, school):  # noqa: F811
    auth.login("tina", PASSWORD)
    page = client.get("/auth/account/delete")
    assert "Only a learner" in page.get_data(as_text=True)
    assert (
        client.post("/auth/account/delete", data={"current_password": PASSWORD}).status_code == 409
    )


def test_an_account_that_owns_packs_made_in_the_browser_is_not_deleted(
    client,
    auth,
    seeded_app,
    school,  # noqa: F811
):
    # wim wrote a pack in the browser (ada edited it since), then left teaching: an admin
    # made him a learner. The pack is the school's text; it must not go with his account.
    with write_session(seeded_app) as session:
        wim = accounts.create_user(session, "wim", PASSWORD, role="teacher")
        pack = WebPack(pack_id="wims-tekst", owner_id=wim.id)
        session.add(pack)
        session.flush()
        session.add_all(
            WebPackVersion(web_pack_id=pack.id, number=n, source="id: wims-tekst\n", author_id=a)
            for n, a in ((1, wim.id), (2, school.users["ada"]))
        )
        wim.role = "learner"
        wim_id = wim.id
    auth.login("ada", PASSWORD)
    page = client.get(f"/admin/users/{wim_id}/delete").get_data(as_text=True)
    assert "owns packs made in the browser" in page
    assert client.post(f"/admin/users/{wim_id}/delete").status_code == 409
    auth.logout()
    auth.login("wim", PASSWORD)
    assert (
        client.post("/auth/account/delete", data={"current_password": PASSWORD}).status_code == 409
    )
    with write_session(seeded_app) as session:
        assert session.get(User, wim_id) is not None
        [kept] = session.scalars(select(WebPack)).all()
        assert kept.owner_id == wim_id and len(kept.versions) == 2
    # Nor does the row go any other way: the database refuses while a pack names it.
    with pytest.raises(IntegrityError), write_session(seeded_app) as session:
        session.execute(delete(User).where(User.id == wim_id))
