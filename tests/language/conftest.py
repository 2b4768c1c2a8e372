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


@pytest.fixture(scope="session")
def build_script():
    """tools/build_lexicon.py as a module (registered by name: dataclasses look it up)."""
    import importlib.util
    import sys

    if "build_lexicon" not in sys.modules:
        path = Path(__file__).resolve().parents[2] / "tools" / "build_lexicon.py"
        spec = importlib.util.spec_from_file_location("build_lexicon", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["build_lexicon"] = module
        spec.loader.exec_module(module)
    return sys.modules["build_lexicon"]
