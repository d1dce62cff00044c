"""Measurements beyond HTTP; each returns {"title": ..., "lines": [markdown]}."""

import json
import subprocess
import sys

from bench.environment import ROOT, bench_env


def run_module(module: str, *args: str) -> str:
    return (
        subprocess.run(
            [sys.executable, "-m", module, *args],
            env=bench_env(),
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )


def query_counts(*, smoke: bool) -> dict:
    many = 10 if smoke else 100
    rows = json.loads(run_module("bench.query_counts", str(many)))
    lines = [
        f"| page | queries, 1 enrolment | queries, {many} enrolments |",
        "|---|---:|---:|",
    ]
    for row in rows:
        lines.append(f"| {row['page']} | {row['one']} | {row['many']} |")
    failed = any(row["one"] != row["many"] for row in rows)
    return {"title": "Queries per page", "lines": lines, "failed": failed}


def exam_burst(*, smoke: bool) -> dict:
    """N trainees submit a 20-question final exam within 10 s (300 in the full run)."""
    import tempfile

    from bench import exam
    from bench.run import Gunicorn

    count = 30 if smoke else 300
    prepared = json.loads(run_module("bench.exam", "prepare", str(count)))
    with Gunicorn() as server:
        result = exam.burst(server.url(""), prepared, window=3.0 if smoke else 10.0)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(prepared, handle)
    checked = json.loads(run_module("bench.exam", "verify", handle.name))
    ok = (
        result["errors"] == 0
        and checked["duplicates"] == 0
        and checked["lost_answers"] == 0
        and checked["not_submitted"] == 0
    )
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
        f"| {'met' if ok and result['p95_ms'] <= 1000 else 'MISSED'} (0 errors/duplicates/losses, "
        "p95 ≤ 1000 ms) |",
    ]
    return {"title": "Exam burst", "lines": lines, "failed": not ok}


ALL = [query_counts, exam_burst]
