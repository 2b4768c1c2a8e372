"""`pip install .` (not editable) gives a working app: templates, static files, lexicon,
migrations and the interface's translations travel inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_carries_everything_and_runs_from_site_packages(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("quizapp-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "quizapp/templates/base.html",
        "quizapp/static/css/app.css",
        "quizapp/data/lexicon.tsv.gz",
        "quizapp/data/LICENSES.md",
        "quizapp/migrations/env.py",
        "quizapp/translations/nl/LC_MESSAGES/messages.mo",
    ):
        assert needed in names, needed

    # A fresh venv with the wheel; its dependencies borrowed from ours to stay offline-fast.
    target = tmp_path / "venv"
    venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [python, "-m", "pip", "install", "--no-deps", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    help_text = subprocess.run(
        [target / "bin" / "quizapp", "--help"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout
    assert "import" in help_text and "serve" in help_text

    probe = (
        "import quizapp; from quizapp import create_app;"
        "from quizapp.migrate import upgrade_database;"
        f"app = create_app({{'DATABASE_URL': 'sqlite:///{tmp_path}/w.sqlite', 'SECRET_KEY': 'x'}});"
        "upgrade_database(app.extensions['quizapp.engine']);"
        "page = app.test_client().get('/');"
        "dutch = app.test_client().get('/', headers={'Accept-Language': 'nl'}).get_data(True);"
        "print(quizapp.__file__); print(page.status_code); print(app.template_folder);"
        "print('Bibliotheek' in dutch)"
    )
    out = subprocess.run(
        [python, "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path
    ).stdout.split()
    assert out[0].startswith(site) and out[1] == "200" and out[2].startswith(site)
    assert out[3] == "True"  # the Dutch catalogue travels and is found
