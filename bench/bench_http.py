"""Requests per second and p50/p99 latency of the main pages under gunicorn (2 workers),
beside the same server sending the reading page's HTML as a static file: the ceiling.
Also quiz submission, import time per pack and memory per worker.

    python bench/bench_http.py [seconds per page]

Uses wrk (apt-get install wrk) when it is there, else a Python client. Prints figures and
never fails on time."""

from __future__ import annotations

import http.client
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.load.harness import Learner, create_learners, run_class  # noqa: E402
from tests.server import running_server  # noqa: E402

SEED = "biden-poetin-videogesprek"
CONNECTIONS = 8
PASSWORD = "a class of learners"


def wrk(url: str, seconds: int, cookie: str = "") -> tuple[float, float, float]:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def percentile(p: str) -> float:
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    return rps, percentile("50"), percentile("99")


def python_client(url: str, seconds: int, cookie: str = "") -> tuple[float, float, float]:
    host, port, path = re.match(r"http://([^:/]+):(\d+)(/.*)", url).groups()
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds
    lock = threading.Lock()

    def worker() -> None:
        connection = http.client.HTTPConnection(host, int(port))
        mine = []
        headers = {"Cookie": cookie} if cookie else {}
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            connection.request("GET", path, headers=headers)
            connection.getresponse().read()
            mine.append(time.perf_counter() - start)
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ordered = sorted(latencies)
    p99 = ordered[int(len(ordered) * 0.99)]
    return len(ordered) / seconds, statistics.median(ordered) * 1000, p99 * 1000


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def import_times() -> list[tuple[str, float]]:
    from quizapp import create_app
    from quizapp.db import write_session
    from quizapp.language.store import pipeline_for_import
    from quizapp.migrate import upgrade_database
    from quizapp.packs import load_pack
    from quizapp.packs.importer import import_pack

    times = []
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"DATABASE_URL": f"sqlite:///{folder}/bench.sqlite", "SECRET_KEY": "x"})
        upgrade_database(app.extensions["quizapp.engine"])
        analyser = pipeline_for_import()
        for path in sorted((ROOT / "questions").glob("*.yaml")):
            start = time.perf_counter()
            pack, _ = load_pack(path)
            with write_session(app) as session:
                import_pack(session, pack, analyser)
            times.append((path.stem, time.perf_counter() - start))
        app.extensions["quizapp.engine"].dispose()
    return times


def main() -> None:
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    measure = wrk if shutil.which("wrk") else python_client
    print(
        f"HTTP: gunicorn, 2 workers, {CONNECTIONS} connections, {seconds} s a page, "
        f"client: {measure.__name__}"
    )
    ceiling_file = ROOT / "static" / "_bench" / "reading.html"
    with (
        tempfile.TemporaryDirectory() as folder,
        running_server(Path(folder), ROOT / "questions") as server,
    ):
        learner = Learner(server.port, create_learners(server.database, 1, prefix="bench")[0])
        token = learner.token("/auth/login")
        learner.request(
            "POST",
            "/auth/login",
            {"username": learner.username, "password": PASSWORD, "csrf_token": token},
        )
        token = learner.token(f"/articles/{SEED}")
        _, location, _ = learner.request("POST", f"/articles/{SEED}/quiz", {"csrf_token": token})
        attempt_path = location.replace(server.url, "")
        status, _, reading_html = learner.request("GET", f"/articles/{SEED}")
        assert status == 200
        ceiling_file.parent.mkdir(exist_ok=True)
        ceiling_file.write_text(reading_html, encoding="utf-8")
        try:
            pages = [
                ("static ceiling (reading page as a file)", "/static/_bench/reading.html", ""),
                ("library, anonymous", "/", ""),
                ("reading page, anonymous", f"/articles/{SEED}", ""),
                ("reading page, logged in", f"/articles/{SEED}", learner.cookie),
                ("library, logged in", "/", learner.cookie),
                ("quiz page, logged in", attempt_path, learner.cookie),
            ]
            results = {}
            for name, path, cookie in pages:
                rps, p50, p99 = measure(server.url + path, seconds, cookie)
                results[name] = rps
                print(f"  {name:42} {rps:8.0f} req/s   p50 {p50:6.2f} ms   p99 {p99:6.2f} ms")
        finally:
            ceiling_file.unlink()
            ceiling_file.parent.rmdir()
        ceiling = results["static ceiling (reading page as a file)"]
        for name in ("reading page, anonymous", "reading page, logged in"):
            print(f"  {name} reaches {results[name] / ceiling:.0%} of the static ceiling")
        learner.close()

        report = run_class(server.port, server.database, SEED, learners=50)
        submit = sorted(report.latencies["submit"])
        per_second = report.acknowledged / report.submit_seconds
        print(
            f"  quiz submission: 50 learners at once, {per_second:.1f} hand-ins/s,"
            f" p50 {statistics.median(submit) * 1000:.1f} ms,"
            f" p99 {submit[int(len(submit) * 0.99)] * 1000:.1f} ms"
            f" ({len(report.latencies['submit'])} hand-ins of 40 questions)"
        )
        for pid in server.worker_pids():
            print(f"  worker {pid}: {rss_mb(pid):.0f} MB resident")

    print("Import (load, validate, analyse, generate, store), per pack:")
    for name, took in import_times():
        print(f"  {name:36} {took * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
