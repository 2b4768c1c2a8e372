from pathlib import Path

import pytest

from quizapp.language import analyse_text

SEED = Path(__file__).resolve().parents[3] / "shared" / "articles" / "nos-2021-12-biden-poetin.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("the seed article lives in ../shared beside the project")
    return SEED.read_text(encoding="utf-8").removeprefix("date 2021-12").strip()


@pytest.fixture(scope="session")
def seed_analysis(seed_text):
    return analyse_text(seed_text)
