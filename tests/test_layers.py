"""The layers contract in pyproject.toml (run by `make lint`) holds, and it is not
vacuous: an import going up, or one feature importing another, breaks it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(package_parent: Path) -> subprocess.CompletedProcess:
    # PYTHONPATH first: the copy is found before the checkout the venv points at.
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        cwd=package_parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _copy_of_the_code(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "quizapp",
        tmp_path / "quizapp",
        ignore=lambda folder, names: [
            n for n in names if not n.endswith(".py") and not (Path(folder) / n).is_dir()
        ],
    )
    return tmp_path


def test_the_code_keeps_the_contract(tmp_path):
    result = _lint(_copy_of_the_code(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "line"),
    [
        # The cycle this contract was made against: packs reaching up into generate.
        ("packs/probe.py", "def later():\n    import quizapp.generate  # noqa\n"),
        # A model module importing a feature.
        ("models/probe.py", "import quizapp.vocab.service  # noqa\n"),
        # One feature importing another.
        ("quiz/probe.py", "from quizapp.reading import service  # noqa\n"),
    ],
)
def test_an_import_going_up_or_across_breaks_it(tmp_path, module, line):
    parent = _copy_of_the_code(tmp_path)
    (parent / "quizapp" / module).write_text(line)
    result = _lint(parent)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and "probe" in result.stdout
