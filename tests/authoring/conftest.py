"""A pack a teacher writes in the browser, and the people who try to reach it."""

from __future__ import annotations

import pytest

from quizapp.auth.service import create_user
from quizapp.db import write_session

PASSWORD = "correct horse battery"
PACK_ID = "de-fietsenmaker"
# A small text with one hand-written question and a few generated ones.
PACK = """\
format: 1
id: de-fietsenmaker
title: De fietsenmaker
level: A2
text: |
  Mijn fiets is kapot. De band is lek en de bel doet het niet meer.
  Ik breng de fiets naar de fietsenmaker in de Dorpsstraat. De fietsenmaker heet Karel.
  Hij repareert de band in tien minuten. Ik betaal twaalf euro en fiets weer naar huis.
glossary:
  lek: punctured
questions:
  - id: wat-is-kapot
    type: choice
    prompt: Wat is er kapot?
    options:
      - text: de fiets
        correct: true
      - de auto
generate:
  cloze: 2
  vocabulary: 2
  exclude: []                  # ids of generated questions to leave out
"""
# The same pack with a mistake: a question type that does not exist, on line 13.
BROKEN = PACK.replace("    type: choice", "    type: choise")
BROKEN_LINE = 13


@pytest.fixture
def people(seeded_app):
    with write_session(seeded_app) as session:
        for name, role in (
            ("tina", "teacher"),
            ("theo", "teacher"),
            ("lena", "learner"),
            ("ada", "admin"),
        ):
            create_user(session, name, PASSWORD, role)
    return seeded_app


def login(app, name: str):
    client = app.test_client()
    response = client.post("/auth/login", data={"username": name, "password": PASSWORD})
    assert response.status_code == 302
    return client


@pytest.fixture
def tina(people):
    return login(people, "tina")


@pytest.fixture
def stored(people, tina):
    """tina's pack, saved and not published."""
    response = tina.post("/packs/new", data={"source": PACK})
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    return people
