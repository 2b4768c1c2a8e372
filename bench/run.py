"""`make bench`: every benchmark, one after the other. Figures only; nothing fails on time."""

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent

for script in (
    "bench_analysis.py",
    "bench_tagging.py",
    "bench_meaning.py",
    "bench_generated.py",
    "bench_senses.py",
    "bench_http.py",
    "bench_reading_page.py",
    "bench_dashboard.py",
    "bench_scale.py",
):
    print(f"\n=== {script}", flush=True)
    subprocess.run([sys.executable, str(BENCH / script)], check=True)
