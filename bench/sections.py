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
    rows = json.loads(run_module("bench.query_counts"))
    lines = [
        "| page | queries, 1 enrolment | queries, 100 enrolments |",
        "|---|---:|---:|",
    ]
    for row in rows:
        lines.append(f"| {row['page']} | {row['one']} | {row['hundred']} |")
    return {"title": "Queries per page", "lines": lines}


ALL = [query_counts]
