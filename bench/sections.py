"""Measurements beyond HTTP.

Each returns ``{"title", "lines": [markdown], "failed", "failures": [why],
"measured": {target key: value}}`` (see bench/targets.py); bench.run turns an
exception into a failed section.
"""

import contextlib
import json
import os

from bench.environment import run_module
from bench.targets import TARGETS


def verdict(key: str, value: float) -> str:
    """``met (≤ 1000 ms)`` or ``MISSED (≤ 1000 ms)``, from the one list of targets."""
    target = TARGETS[key]
    return f"{'met' if target.met(value) else 'MISSED'} ({target.text()})"


def query_counts(*, smoke: bool) -> dict:
    many = 10 if smoke else 100
    from bench.environment import bench_env

    # What the views cost: with the personal page cache on, a repeat visit runs none.
    off = bench_env(DJANGO_PERSONAL_PAGE_CACHE="0")
    rows = json.loads(run_module("bench.query_counts", str(many), env=off))
    lines = [
        "Counted on a warm process (after two requests of the same page), signed in, with "
        "the personal page cache off (`DJANGO_PERSONAL_PAGE_CACHE=0`): the queries a "
        "visit that renders makes; a repeat visit answered from the cache makes none.",
        "",
        f"| page | queries, 1 enrolment | queries, {many} enrolments |",
        "|---|---:|---:|",
    ]
    for row in rows:
        lines.append(f"| {row['page']} | {row['one']} | {row['many']} |")
    failures = [
        f"{row['page']}: {row['one']} queries with 1 enrolment, {row['many']} with {many}"
        for row in rows
        if row["one"] != row["many"]
    ]
    lesson = next((row for row in rows if row["page"] == "lesson page"), None)
    return {
        "title": "Queries per page",
        "lines": lines,
        "failed": bool(failures),
        "failures": failures,
        "measured": {"lesson_queries": max(lesson["one"], lesson["many"]) if lesson else None},
    }


#: The bursts the targets name: key → (trainees, window in seconds).
EXAM_BURSTS = {"exam_submit_p95": (1000, 10.0), "exam_sustained_p95": (3000, 30.0)}
#: The smoke run's burst: small, but every integrity check still runs.
SMOKE_BURST = (30, 3.0)
#: Gunicorn for the burst: the worker model the README recommends (gthread).
EXAM_WORKERS, EXAM_THREADS = 2, 4


@contextlib.contextmanager
def environment(**values):
    """``os.environ`` with ``values`` set, for the processes started inside the block."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def cpu_idle_share(seconds: float = 1.0) -> float:
    """The share of all CPUs' time spent idle over the next ``seconds`` (/proc/stat)."""
    import time

    def sample():
        with open("/proc/stat") as handle:
            values = [int(v) for v in handle.readline().split()[1:]]
        return values[3] + values[4], sum(values)  # idle + iowait, total

    idle_before, total_before = sample()
    time.sleep(seconds)
    idle_after, total_after = sample()
    return (idle_after - idle_before) / max(total_after - total_before, 1)


def settle_after_preparing(*, limit: float = 120.0, idle: float = 0.85) -> tuple[float, float]:
    """After the bulk preparation of an exam: the planner's statistics brought up to date
    (what autovacuum would do during the measured window otherwise) and its writes
    flushed (a checkpoint), then a wait until
    the machine is idle again, ``limit`` seconds at most. Returns (seconds waited, idle
    share over the last second)."""
    import time

    import psycopg

    from bench.environment import LEARNER_TABLES, database_url

    started = time.monotonic()
    with psycopg.connect(
        database_url().replace("postgres://", "postgresql://"), autocommit=True
    ) as db:
        for table in (*LEARNER_TABLES, "django_session"):
            db.execute(f"ANALYZE {table}")
        # The preparation's writes go to disk now, not in a checkpoint during the burst.
        db.execute("CHECKPOINT")
    share = cpu_idle_share()
    while share < idle and time.monotonic() - started < limit:
        share = cpu_idle_share()
    return time.monotonic() - started, share


def exam_bursts(*, smoke: bool, trainees: int | None, window: float | None) -> list:
    """[(trainees, window, target key or None)]: both targets' bursts in the full run,
    one small burst in the smoke run, one burst of the options' size when given."""
    if trainees is not None or window is not None:
        size = (trainees or EXAM_BURSTS["exam_submit_p95"][0], float(window or 10.0))
        key = next((k for k, burst in EXAM_BURSTS.items() if burst == size), None)
        return [(*size, key)]
    if smoke:
        return [(*SMOKE_BURST, None)]
    return [(*size, key) for key, size in EXAM_BURSTS.items()]


def exam_burst(*, smoke: bool, trainees: int | None = None, window: float | None = None) -> dict:
    """N trainees submit a 20-question final exam within W seconds (1,000/10 s and 3,000/30 s
    in the full run); every burst is checked for errors, duplicates, losses and scores."""
    import tempfile

    from bench import exam, exam_client
    from bench.server import Gunicorn

    bursts = exam_bursts(smoke=smoke, trainees=trainees, window=window)
    lines = [
        "Each trainee submits a 20-question final exam once, at a random moment within the "
        "window; about four in five pass, which completes their course and issues the "
        "certificate in the same request (its e-mail is queued as a task, as in production: "
        "`DJANGO_TASKS_BACKEND=database`). Attempts and signed-in sessions are created "
        f"beforehand. gunicorn {EXAM_WORKERS} workers × {EXAM_THREADS} threads (gthread); "
        "the client is one asyncio loop on raw HTTP, a connection per submit, and times "
        "each submit from its scheduled moment (client queuing counts as latency). "
        "Between preparing and the burst, the touched tables are analysed, a checkpoint "
        "flushes the preparation's writes, and the harness "
        "waits (2 minutes at most) for the CPUs to be 85 % idle: the bulk inserts of the "
        "preparation are not part of an exam.",
        "",
        "| trainees | window s | load before | submits | errors | duplicates | lost answers "
        "| not scored | wrong scores | certificates (errors) | e-mails queued | p50 ms | p95 ms "
        "| max ms | client late ms | target |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|",
    ]
    failures, measured = [], {}
    with environment(DJANGO_TASKS_BACKEND="database"):
        for number, (count, seconds, key) in enumerate(bursts, start=1):
            prepared = json.loads(
                run_module("bench.exam", "prepare", str(count), f"b{number}", str(exam.WARMUP))
            )
            waited, idle_share = settle_after_preparing()
            load = (
                "/".join(f"{value:.2f}" for value in os.getloadavg())
                + f"; idle {idle_share:.0%} after {waited:.0f} s"
            )
            with Gunicorn(workers=EXAM_WORKERS, threads=EXAM_THREADS) as server:
                result = exam_client.burst(server.url(""), prepared, window=seconds)
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
                json.dump(prepared, handle)
            checked = json.loads(run_module("bench.exam", "verify", handle.name))
            os.unlink(handle.name)
            problems = [f"{count}/{seconds:g} s: {p}" for p in exam.problems(result, checked)]
            failures += problems
            if key is not None:
                measured[key] = result["p95_ms"]
                verdict_text = verdict(key, result["p95_ms"])
            else:
                verdict_text = "(no target at this size)"
            lines.append(
                f"| {count} | {seconds:g} | {load} | {result['submits']} | {result['errors']} "
                f"| {checked['duplicates']} | {checked['lost_answers']} "
                f"| {checked['not_submitted']} | {checked['wrong_scores']} "
                f"| {checked['certificates']} ({checked['certificate_errors']}) "
                f"| {checked.get('emails_queued', 'n/a')} | {result['p50_ms']:.0f} "
                f"| {result['p95_ms']:.0f} | {result['max_ms']:.0f} | {result['late_ms']:.0f} "
                f"| {verdict_text}; integrity {'held' if not problems else 'BROKEN'} |"
            )
    return {
        "title": "Exam burst",
        "lines": lines,
        "failed": bool(failures),
        "failures": failures,
        "measured": measured,
    }


def reports(*, smoke: bool) -> dict:
    """The by-country report (as served) against hand-written SQL on the same data."""
    from bench.report_timing import section

    return section(smoke=smoke)


def indicators(*, smoke: bool) -> dict:
    """The Indicators report (a fiscal year, every table) against hand-written SQL."""
    from bench.report_timing import indicators_section

    return indicators_section(smoke=smoke)


def reports_1m(*, smoke: bool) -> dict:
    """The same at 1,000,000 trainees, in a database of its own (not in the smoke run)."""
    from bench.report_timing import section_1m

    return section_1m()


def certificates(*, smoke: bool) -> dict:
    """PDF rendering: first, warm p50/p95, bulk throughput, against a one-line document."""
    data = json.loads(run_module("bench.certificates_timing", "10" if smoke else "200"))
    ratio = data["warm_p50_ms"] / data["baseline_p50_ms"]
    lines = [
        f"One process (one core), {data['renders']} renders each; baseline: a one-line "
        "WeasyPrint document with the same font configuration, same process.",
        "",
        "| measurement | value | ratio to baseline | target |",
        "|---|---:|---:|---|",
        f"| one-line WeasyPrint document, warm p50 (baseline) | "
        f"{data['baseline_p50_ms']:.1f} ms | 1.0 | |",
        f"| certificate, first render | {data['first_ms']:.0f} ms | | |",
        f"| certificate (es), warm p50 | {data['warm_p50_ms']:.1f} ms | {ratio:.1f} | "
        f"{verdict('certificate_warm_p50', data['warm_p50_ms'])} |",
        f"| certificate (es), warm p95 | {data['warm_p95_ms']:.1f} ms | | |",
        f"| bulk (bilingual, distinct codes and QR) | "
        f"{data['bulk_per_second_per_core']:.1f} certificates/s per core | | "
        f"{verdict('certificate_bulk', data['bulk_per_second_per_core'])} |",
    ]
    return {
        "title": "Certificates",
        "lines": lines,
        "measured": {
            "certificate_warm_p50": data["warm_p50_ms"],
            "certificate_bulk": data["bulk_per_second_per_core"],
        },
    }


def exports(*, smoke: bool) -> dict:
    """The all-trainees CSV/XLSX export: seconds and peak memory, beside its bare query."""
    data = json.loads(run_module("bench.exports"))
    query = data["query_seconds"]
    lines = [
        f"Every trainee ({data['rows']} rows, superuser, no filter) through the real view, "
        "response read chunk by chunk; one fresh process per format. Baseline: the same "
        "query's rows read from the database and discarded. Peak: tracemalloc (Python "
        "allocations, separate untimed pass) and growth of the process's max RSS.",
        "",
        "| export | seconds | ratio to query | size MB | tracemalloc peak MB "
        "| max RSS growth MB | target |",
        "|---|---:|---:|---:|---:|---:|---|",
        f"| query only (baseline) | {query:.2f} | 1.0 | | | | |",
    ]
    failures = [] if data["csv_rows_ok"] else ["the CSV does not hold one row per trainee"]
    for name in ("csv", "xlsx"):
        row = data[name]
        # Bounded memory is also a correctness check: it fails the run even without --strict.
        if not TARGETS["export_peak"].met(row["tracemalloc_peak_mb"]):
            failures.append(
                f"{name.upper()} export peak {row['tracemalloc_peak_mb']:.1f} MB "
                f"({TARGETS['export_peak'].text()})"
            )
        lines.append(
            f"| {name.upper()} | {row['seconds']:.2f} | "
            f"{row['seconds'] / query if query else float('nan'):.1f} | "
            f"{row['bytes'] / 1024 / 1024:.1f} | {row['tracemalloc_peak_mb']:.1f} | "
            f"{row['maxrss_delta_mb']:.1f} | {verdict('export_peak', row['tracemalloc_peak_mb'])}"
            " whatever the rows |"
        )
    peak = max(data[name]["tracemalloc_peak_mb"] for name in ("csv", "xlsx"))
    csv_seconds = data["csv"]["seconds"]
    xlsx_vs_csv = data["xlsx"]["seconds"] / csv_seconds if csv_seconds else float("nan")
    lines += [
        "",
        f"XLSX time as a multiple of the CSV's: {xlsx_vs_csv:.2f} × "
        f"({verdict('xlsx_vs_csv', xlsx_vs_csv)}).",
    ]
    return {
        "title": "All-trainees export",
        "lines": lines,
        "failed": bool(failures),
        "failures": failures,
        "measured": {"export_peak": peak, "xlsx_vs_csv": xlsx_vs_csv},
    }


def slow_3g(*, smoke: bool) -> dict:
    from bench.slow_3g import section

    return section(smoke=smoke)


ALL = {
    "query_counts": query_counts,
    "exam_burst": exam_burst,
    "reports": reports,
    "indicators": indicators,
    "certificates": certificates,
    "exports": exports,
    "slow_3g": slow_3g,
    "reports_1m": reports_1m,
}
