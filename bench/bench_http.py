"""Requests per second and p50/p99 latency of the main pages under gunicorn (2 workers),
each reading page beside the same server sending that page's HTML as a static file: its
ceiling. Plain, as wrk asks by default, and gzipped, as browsers ask.
Also quiz submission, import time per pack and memory per worker.

    python bench/bench_http.py [seconds per page and round]

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
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.load.harness import Learner, create_learners, run_class  # noqa: E402
from tests.server import running_server  # noqa: E402

SEED = "biden-poetin-videogesprek"
CONNECTIONS = 8
ROUNDS = 5  # every page and its ceiling are measured in turn, this many times
PASSWORD = "a class of learners"
GZIP = {"Accept-Encoding": "gzip"}
BENCH_FILES = ROOT / "static" / "_bench"


@dataclass(frozen=True)
class Figures:
    rps: float
    p50: float  # ms
    p99: float  # ms


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    headers: dict[str, str]
    ceiling: Page | None = None  # the same server sending this page's HTML as a file


def wrk(url: str, seconds: int, headers: dict[str, str]) -> Figures:
    # wrk leaves requests slower than its 2 s default timeout out of the latencies: a slow
    # page would look fast. 30 s keeps every request in.
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "30s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def percentile(p: str) -> float:
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    return Figures(rps, percentile("50"), percentile("99"))


def python_client(url: str, seconds: int, headers: dict[str, str]) -> Figures:
    host, port, path = re.match(r"http://([^:/]+):(\d+)(/.*)", url).groups()
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds
    lock = threading.Lock()

    def worker() -> None:
        connection = http.client.HTTPConnection(host, int(port))
        mine = []
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
    return Figures(len(ordered) / seconds, statistics.median(ordered) * 1000, p99 * 1000)


@dataclass(frozen=True)
class Result:
    page: Figures
    ceiling: Figures | None
    share: float | None  # of the ceiling's requests per second


def median_figures(runs: list[Figures]) -> Figures:
    return Figures(*(statistics.median(getattr(f, k) for f in runs) for k in ("rps", "p50", "p99")))


def measure_in_turn(
    url: str, pages: list[Page], seconds: int, measure, rounds: int = ROUNDS
) -> dict[str, Result]:
    """Medians over `rounds` rounds of every page, each page measured right before its
    ceiling, so the two see the same machine: this VM's speed drifts by tens of percent
    from one minute to the next, and the share is taken within each pair."""
    runs: dict[str, list[tuple[Figures, Figures | None]]] = {page.name: [] for page in pages}
    for _ in range(rounds):
        for page in pages:
            figures = measure(url + page.path, seconds, page.headers)
            ceiling = page.ceiling and measure(
                url + page.ceiling.path, seconds, page.ceiling.headers
            )
            runs[page.name].append((figures, ceiling))
    results = {}
    for name, pairs in runs.items():
        ceilings = [c for _, c in pairs if c is not None]
        results[name] = Result(
            median_figures([f for f, _ in pairs]),
            median_figures(ceilings) if ceilings else None,
            statistics.median(f.rps / c.rps for f, c in pairs) if ceilings else None,
        )
    return results


def format_figures(figures: Figures) -> str:
    return f"{figures.rps:7.0f} req/s   p50 {figures.p50:6.2f} ms   p99 {figures.p99:6.2f} ms"


def ceiling_page(name: str, html: bytes, headers: dict[str, str]) -> Page:
    """The same server sending this HTML as a static file: what no page can beat."""
    BENCH_FILES.mkdir(exist_ok=True)
    filename = re.sub(r"\W+", "-", name) + ".html"
    (BENCH_FILES / filename).write_bytes(html)
    return Page(f"{name} as a file", f"/static/_bench/{filename}", headers)


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def import_times() -> list[tuple[str, float]]:
    from quizapp import create_app
    from quizapp.db import write_session
    from quizapp.language.store import pipeline_for_import
    from quizapp.library.importer import import_pack
    from quizapp.migrate import upgrade_database
    from quizapp.packs import load_pack

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
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    measure = wrk if shutil.which("wrk") else python_client
    print(
        f"HTTP: gunicorn, 2 workers, {CONNECTIONS} connections, {seconds} s a page x {ROUNDS}"
        f" rounds (medians), client: {measure.__name__}"
    )
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
        visitor: dict[str, str] = {}
        logged_in = {"Cookie": learner.cookie}

        def html(headers: dict[str, str]) -> bytes:
            connection = http.client.HTTPConnection("127.0.0.1", server.port)
            connection.request("GET", f"/articles/{SEED}", headers=headers)
            response = connection.getresponse()
            assert response.status == 200
            body = response.read()
            connection.close()
            return body

        reading = f"/articles/{SEED}"
        visitor_file = ceiling_page("reading page, visitor", html(visitor), visitor)
        learner_file = ceiling_page("reading page, learner", html(logged_in), logged_in)
        pages = [
            Page("reading page, visitor", reading, visitor, visitor_file),
            Page("reading page, learner", reading, logged_in, learner_file),
            Page(
                "reading page, learner, gzip",
                reading,
                logged_in | GZIP,
                replace(learner_file, name=learner_file.name + ", gzip", headers=logged_in | GZIP),
            ),
            Page("library, visitor", "/", visitor),
            Page("library, learner", "/", logged_in),
            Page("quiz page, learner", attempt_path, logged_in),
        ]
        try:
            results = measure_in_turn(server.url, pages, seconds, measure)
        finally:
            shutil.rmtree(BENCH_FILES)
        for page in pages:
            result = results[page.name]
            print(f"  {page.name:38} {format_figures(result.page)}")
            if page.ceiling:
                print(f"    {page.ceiling.name:36} {format_figures(result.ceiling)}")
                print(f"    {'':36} the page makes {result.share:.0%} of its file's requests")
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
