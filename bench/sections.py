"""Measurements beyond HTTP.

Each returns ``{"title", "lines": [markdown], "failed", "failures": [why],
"measured": {target key: value}}`` (see bench/targets.py); bench.run turns an
exception into a failed section.
"""

import json
import subprocess
import sys

from bench.environment import ROOT, bench_env, run_module
from bench.targets import TARGETS


def verdict(key: str, value: float) -> str:
    """``met (≤ 1000 ms)`` or ``MISSED (≤ 1000 ms)``, from the one list of targets."""
    target = TARGETS[key]
    return f"{'met' if target.met(value) else 'MISSED'} ({target.text()})"


def query_counts(*, smoke: bool) -> dict:
    many = 10 if smoke else 100
    rows = json.loads(run_module("bench.query_counts", str(many)))
    lines = [
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
    return {
        "title": "Queries per page",
        "lines": lines,
        "failed": bool(failures),
        "failures": failures,
    }


def exam_burst(*, smoke: bool) -> dict:
    """N trainees submit a 20-question final exam within 10 s (300 in the full run)."""
    import tempfile

    from bench import exam
    from bench.server import Gunicorn

    count = 30 if smoke else 300
    prepared = json.loads(run_module("bench.exam", "prepare", str(count)))
    with Gunicorn() as server:
        result = exam.burst(server.url(""), prepared, window=3.0 if smoke else 10.0)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(prepared, handle)
    checked = json.loads(run_module("bench.exam", "verify", handle.name))
    failures = [
        f"{checked[key] if key in checked else result[key]} {what}"
        for key, what in (
            ("errors", "submits did not redirect to the result"),
            ("duplicates", "trainees have more than one attempt"),
            ("lost_answers", "answers were lost"),
            ("not_submitted", "attempts were not scored"),
        )
        if (checked[key] if key in checked else result[key])
    ]
    lines = [
        f"{count} trainees each submit a 20-question final exam at a random moment within "
        f"{'3' if smoke else '10'} s (gunicorn, 2 sync workers).",
        "",
        "| submits | errors | duplicate attempts | lost answers | not scored "
        "| p50 ms | p95 ms | max ms | target |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        f"| {result['submits']} | {result['errors']} | {checked['duplicates']} "
        f"| {checked['lost_answers']} | {checked['not_submitted']} | {result['p50_ms']:.0f} "
        f"| {result['p95_ms']:.0f} | {result['max_ms']:.0f} "
        f"| {verdict('exam_submit_p95', result['p95_ms'])}; 0 errors, duplicates, losses "
        f"{'held' if not failures else 'BROKEN'} |",
    ]
    return {
        "title": "Exam burst",
        "lines": lines,
        "failed": bool(failures),
        "failures": failures,
        "measured": {"exam_submit_p95": result["p95_ms"]},
    }


def reports(*, smoke: bool) -> dict:
    """The by-country report (as served) against hand-written SQL on the same data."""
    import re

    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "reports.py"), "--repeat", "5" if smoke else "15"],
        env=bench_env(),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    text = out.stdout
    orm = float(re.search(r"ORM, as served\): median ([0-9.]+) ms", text).group(1))
    sql = float(re.search(r"SQL, same figures: +median ([0-9.]+) ms", text).group(1))
    trainees = re.search(r"trainees: (\d+)", text).group(1)
    agree = "figures agree" in text
    ratio = orm / sql if sql else float("nan")
    lines = [
        f"By-country report over {trainees} trainees (all countries, no filter), median of "
        f"{'5' if smoke else '15'} runs each, alternating.",
        "",
        "| measurement | median ms | ratio to SQL | figures equal | target |",
        "|---|---:|---:|---|---|",
        f"| hand-written SQL (baseline) | {sql:.1f} | 1.00 | | |",
        f"| by-country report (ORM, as served) | {orm:.1f} | {ratio:.2f} | "
        f"{'yes' if agree else 'NO'} | {verdict('report_vs_sql', ratio)} |",
    ]
    failures = []
    if out.returncode != 0:
        failures.append(f"bench/reports.py exited with {out.returncode}: {out.stderr[-300:]}")
    if not agree:
        failures.append("the report's figures differ from the hand-written SQL's")
    return {
        "title": "Reports",
        "lines": lines,
        "failed": bool(failures),
        "failures": failures,
        "measured": {"report_vs_sql": ratio},
    }


def certificates(*, smoke: bool) -> dict:
    """PDF rendering: first, warm p50/p95, bulk throughput, against a one-line document."""
    data = json.loads(run_module("bench.certificates_timing", "10" if smoke else "60"))
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
    "certificates": certificates,
    "exports": exports,
    "slow_3g": slow_3g,
}
