import importlib.util
from pathlib import Path

from quizapp.language.lexicon import LEXICON_PATH, load_lexicon

ROOT = Path(__file__).resolve().parents[2]
FROG = Path("/usr/share/frog/nld/Frog.mbt.1.0.lex")


def _build_script():
    spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "tools/build_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_script_reproduces_the_committed_lexicon():
    # Not skipped when the sources are missing: a lexicon nobody can rebuild is a failure.
    assert FROG.exists(), "apt-get install frogdata dict-freedict-nld-eng (as .ci/run does)"
    script = _build_script()
    built = script.build(script.FREEDICT_INDEX, script.FREEDICT_DICT, script.FROG_LEXICON)
    assert built == LEXICON_PATH.read_bytes()


def test_gloss_repair_splits_only_glued_words():
    script = _build_script()
    assert script.repair_gloss("goonfoot") == "go on foot"
    assert script.repair_gloss("goforawalk, stroll") == "go for a walk, stroll"
    assert script.repair_gloss("amortize, deaden, sloth") == "amortize, deaden, sloth"


def test_lexicon_loads_and_knows_its_words():
    # How fast it loads is printed by bench/bench_analysis.py, not asserted here.
    loaded = load_lexicon()
    assert loaded.version
    assert loaded.entry("gesprek").senses == ("conversation",)
    assert loaded.entry("ijs") is not None  # FreeDict spells ĳs
    assert [r.feature for r in loaded.readings("gesprek")] == ["het"]
