"""The all-trainees export (CSV and XLSX) at programme scale: time and peak memory.

    python -m bench.exports            # both formats, one fresh process each

Builds each export for every trainee (as a superuser, no filters) through the
real view, with Django's test client, and reads the response chunk by chunk
without keeping it, as a slow client would. Each format runs in its own
process, so that the resident-memory peak (``ru_maxrss``, which only ever
grows) belongs to that format alone. Two passes per format: one timed (and
its ``ru_maxrss`` growth), one under ``tracemalloc`` for the peak of Python
allocations (tracing slows the code, so it is not timed). The baseline is
the same query's rows read from the database and thrown away. Prints one
JSON line.
"""

import gc
import json
import resource
import subprocess
import sys
import time
import tracemalloc

ADMIN_EMAIL = "bench-exports-admin@example.org"
URLS = {
    "csv": "/admin/reports/program/all-trainees.csv",
    "xlsx": "/admin/reports/program/all-trainees.xlsx",
}
MB = 1024 * 1024


def client():
    from django.test import Client

    from accounts.models import User

    admin = User.objects.filter(email=ADMIN_EMAIL).first()
    if admin is None:
        admin = User.objects.create_superuser(ADMIN_EMAIL, None, full_name="Bench exports")
    browser = Client(HTTP_HOST="127.0.0.1")
    browser.force_login(admin)
    return browser


def download(browser, url: str, **params) -> tuple[int, int]:
    """GETs the export and reads it chunk by chunk; returns (bytes, CSV lines)."""
    response = browser.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    size = lines = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    response.close()
    return size, lines


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def measure(export_format: str) -> dict:
    """Time and memory of one format, in this process."""
    url = URLS[export_format]
    browser = client()
    # Warm up (imports, templates, permissions) with an export of no rows.
    download(browser, url, period_from="2999-01-01")
    gc.collect()
    rss_before = maxrss_mb()
    started = time.perf_counter()
    size, lines = download(browser, url)
    seconds = time.perf_counter() - started
    rss_growth = maxrss_mb() - rss_before
    gc.collect()
    tracemalloc.start()
    download(browser, url)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "seconds": round(seconds, 2),
        "bytes": size,
        "csv_lines": lines if export_format == "csv" else None,
        "tracemalloc_peak_mb": round(peak / MB, 1),
        "maxrss_delta_mb": round(rss_growth, 1),
        "maxrss_mb": round(maxrss_mb(), 1),
    }


def query_only() -> tuple[int, float]:
    """Baseline: the export's rows read from the database, nothing else done with them."""
    from accounts.scoping import trainees
    from reports.exports import CHUNK_SIZE, without_jit
    from reports.queries import ReportFilters, all_trainee_rows

    started = time.perf_counter()
    rows = all_trainee_rows(trainees(), ReportFilters()).iterator(chunk_size=CHUNK_SIZE)
    count = sum(1 for _row in without_jit(rows, None))
    return count, time.perf_counter() - started


def main() -> None:
    from bench.environment import ROOT, setup_django

    if len(sys.argv) > 1:  # one format, in this (fresh) process
        setup_django()
        print(json.dumps(measure(sys.argv[1])))
        return
    results = {}
    for export_format in URLS:
        output = subprocess.run(
            [sys.executable, "-m", "bench.exports", export_format],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        results[export_format] = json.loads(output.stdout.strip().splitlines()[-1])
    setup_django()
    rows, query_seconds = query_only()
    lines = results["csv"].pop("csv_lines")
    results["xlsx"].pop("csv_lines")
    summary = {"rows": rows, "csv_rows_ok": lines == rows + 1}
    print(json.dumps({**summary, "query_seconds": round(query_seconds, 2), **results}))


if __name__ == "__main__":
    main()
