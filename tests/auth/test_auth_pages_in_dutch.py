"""Registering, logging in and the account's problems in Dutch: the forms' labels, their
errors, the password rules from the service and the lock-out page, each in the reader's
language (English pages stay as they were)."""

from __future__ import annotations

DUTCH = {"Accept-Language": "nl"}
PASSWORD = "correct horse battery"


def test_the_register_form_and_its_errors_are_dutch(client):
    page = client.get("/auth/register", headers=DUTCH).get_data(as_text=True)
    assert '<label for="username">Gebruikersnaam</label>' in page
    assert '<label for="gloss_language">Betekenissen in</label>' in page
    assert "Heb je al een account? <a" in page
    response = client.post(
        "/auth/register",
        data={"username": "anna", "password": "short", "confirm": "other"},
        headers=DUTCH,
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Gebruik minstens 8 tekens (hoogstens 128)." in page
    assert "De wachtwoorden zijn niet hetzelfde." in page
    english = client.post(
        "/auth/register", data={"username": "anna", "password": "short", "confirm": "other"}
    ).get_data(as_text=True)
    assert "Use at least 8 characters (at most 128)." in english
    assert "The passwords differ." in english


def test_a_common_password_is_refused_in_dutch(client):
    response = client.post(
        "/auth/register",
        data={"username": "anna", "password": "password123", "confirm": "password123"},
        headers=DUTCH,
    )
    assert "Dit wachtwoord is een van de meest gebruikte. Kies een ander." in response.get_data(
        as_text=True
    )


def test_a_wrong_password_and_the_lock_out_are_dutch(client, auth):
    auth.register()
    auth.logout()
    for _ in range(5):
        wrong = client.post(
            "/auth/login", data={"username": "anna", "password": "wrong password!"}, headers=DUTCH
        )
        assert "Verkeerde gebruikersnaam of verkeerd wachtwoord." in wrong.get_data(as_text=True)
    locked = client.post(
        "/auth/login", data={"username": "anna", "password": PASSWORD}, headers=DUTCH
    )
    assert locked.status_code == 429
    page = locked.get_data(as_text=True)
    assert "<h1>Te veel pogingen</h1>" in page
    assert "wacht ongeveer 15 minuten voor je het opnieuw probeert." in page
    english = auth.login().get_data(as_text=True)
    assert "please wait about 15 minutes before you try again." in english


def test_the_account_page_speaks_dutch_and_keeps_the_name_as_it_is(client, auth):
    auth.register()
    client.post(
        "/auth/account",
        data={"level": "A2", "gloss_language": "en", "interface_language": "nl"},
    )
    page = client.get("/auth/account").get_data(as_text=True)
    assert '<p class="flash">Bewaard: woorden boven A2 zijn nu gemarkeerd als je leest.</p>' in page
    assert 'Ingelogd als <strong translate="no">anna</strong>.' in page
    assert '<option selected value="A2">A2 — basis</option>' in page
    assert "(daarna ben je in elke andere browser uitgelogd)." in page
