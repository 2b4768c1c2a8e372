from pathlib import Path

import pytest
import yaml

from quizapp.language import analyse_text

# The seed article as it ships in its pack (the NOS text word for word, subheadings marked),
# so these tests run wherever the project is checked out.
SEED_PACK = Path(__file__).resolve().parents[2] / "questions" / "biden-poetin-videogesprek.yaml"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return yaml.safe_load(SEED_PACK.read_text(encoding="utf-8"))["text"]


@pytest.fixture(scope="session")
def seed_analysis(seed_text):
    return analyse_text(seed_text)
