"""The ``reports`` and ``reports_1m`` sections: the by-country report against hand-written SQL.

Both run bench/reports.py (the report as served and the SQL, alternately, on
the same data). ``reports`` uses the bench database; ``reports_1m`` builds
its own, ``<bench database>_1m``, with a million trainees: it is not part
of the smoke run, and takes about a quarter of an hour on two cores (most of
it generating the data).
"""

import re
import subprocess
import sys
import time

from bench.environment import (
    BENCH_DB,
    ROOT,
    bench_env,
    database_url,
    manage,
    recreate_database,
    run_module,
)
from bench.targets import TARGETS

MILLION = 1_000_000


def verdict(key: str, value: float) -> str:
    target = TARGETS[key]
    return f"{'met' if target.met(value) else 'MISSED'} ({target.text()})"


def run_script(name: str, *, repeat: int, env=None) -> subprocess.CompletedProcess:
    """Runs ``bench/<name> --repeat N`` in the bench environment; its output as text."""
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / name), "--repeat", str(repeat)],
        env=env or bench_env(),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def report_vs_sql(*, repeat: int, env=None) -> dict:
    """Runs bench/reports.py: the medians of the report (as served and live) and of the SQL."""
    out = run_script("reports.py", repeat=repeat, env=env)
    text = out.stdout
    failures = []
    if out.returncode != 0:
        failures.append(f"bench/reports.py exited with {out.returncode}: {out.stderr[-300:]}")
    served = re.search(r"ORM, as served\): median ([0-9.]+) ms, from (.+)", text)
    live = re.search(r"live statement\): median ([0-9.]+) ms", text)
    sql = re.search(r"SQL, same figures: +median ([0-9.]+) ms", text)
    if served is None or live is None or sql is None:
        raise RuntimeError(f"bench/reports.py printed no timings: {(text + out.stderr)[-300:]}")
    served_ms, live_ms, sql_ms = (float(match.group(1)) for match in (served, live, sql))
    agree = "figures agree" in text
    if not agree:
        failures.append("the report's figures differ from the hand-written SQL's")
    return {
        "served_ms": served_ms,
        "source": served.group(2),
        "live_ms": live_ms,
        "sql_ms": sql_ms,
        "ratio": live_ms / sql_ms if sql_ms else float("nan"),
        "served_ratio": served_ms / sql_ms if sql_ms else float("nan"),
        "trainees": re.search(r"trainees: (\d+)", text).group(1),
        "agree": agree,
        "failures": failures,
    }


def lines_for(data: dict, *, repeat: int, ratio_key: str) -> list[str]:
    equal = "yes" if data["agree"] else "NO"
    return [
        f"By-country report over {data['trainees']} trainees (all countries, no filter), "
        f"median of {repeat} runs each, alternating. As served: from {data['source']}. "
        "The ratio target is judged on the live statement (what a period filter and the "
        "summary's refresh run).",
        "",
        "| measurement | median ms | ratio to SQL | figures equal | target |",
        "|---|---:|---:|---|---|",
        f"| hand-written SQL (baseline) | {data['sql_ms']:.1f} | 1.00 | | |",
        f"| by-country report, live statement | {data['live_ms']:.1f} | {data['ratio']:.2f} "
        f"| {equal} | {verdict(ratio_key, data['ratio'])} |",
        f"| by-country report, as served | {data['served_ms']:.1f} "
        f"| {data['served_ratio']:.2f} | {equal} | |",
    ]


def section(*, smoke: bool) -> dict:
    """The report against the SQL on the bench database (15 runs each; 5 in the smoke run)."""
    repeat = 5 if smoke else 15
    data = report_vs_sql(repeat=repeat)
    return {
        "title": "Reports",
        "lines": lines_for(data, repeat=repeat, ratio_key="report_vs_sql"),
        "failed": bool(data["failures"]),
        "failures": data["failures"],
        "measured": {"report_vs_sql": data["ratio"]},
    }


def env_1m() -> dict:
    """The bench environment on ``<bench database>_1m``, for this process's children and
    theirs: ``BENCH_DATABASE_URL`` too, because bench modules call ``setup_django``,
    which derives ``DATABASE_URL`` from it."""
    url = database_url(f"{BENCH_DB}_1m")
    return bench_env(DATABASE_URL=url, BENCH_DATABASE_URL=url)


def section_1m(*, trainees: int = MILLION, repeat: int = 5) -> dict:
    """The same at a million trainees, in ``<bench database>_1m`` (recreated, seeded, generated),
    with the summary refreshed as the production schedule would."""
    name = f"{BENCH_DB}_1m"
    env = env_1m()
    recreate_database(name)
    manage("migrate", "--noinput", env=env)
    # The bench's Redis db may hold pages of the main database: seed_demo starts clean.
    manage("shell", "-c", "from django.core.cache import cache; cache.clear()", env=env)
    manage("seed_demo", "--force", env=env)
    started = time.monotonic()
    generated = run_module("bench.generate", f"--trainees={trainees}", env=env)
    generate_seconds = time.monotonic() - started
    started = time.monotonic()
    manage("refresh_report_summary", "--now", env=env)
    refresh_seconds = time.monotonic() - started
    data = report_vs_sql(repeat=repeat, env=env)
    seconds = data["served_ms"] / 1000
    lines = [
        f"Database `{name}`: {generated}; generated in {generate_seconds:.0f} s; report "
        f"summary refreshed in {refresh_seconds:.0f} s (`refresh_report_summary --now`).",
        "",
        *lines_for(data, repeat=repeat, ratio_key="report_vs_sql_1m"),
        "",
        f"Report answer time (as served): {seconds:.2f} s, "
        f"{verdict('report_seconds_1m', seconds)}.",
    ]
    return {
        "title": "Reports at a million trainees",
        "lines": lines,
        "failed": bool(data["failures"]),
        "failures": data["failures"],
        "measured": {"report_vs_sql_1m": data["ratio"], "report_seconds_1m": seconds},
    }


def indicators_vs_sql(*, repeat: int, env=None) -> dict:
    """Runs bench/indicators.py: the report's tables and the hand-written SQL's, alternately."""
    out = run_script("indicators.py", repeat=repeat, env=env)
    text = out.stdout
    report = re.search(r"report \(ORM\): median ([0-9.]+) ms, (\d+) queries", text)
    sql = re.search(r"SQL, same figures: median ([0-9.]+) ms", text)
    if report is None or sql is None:
        raise RuntimeError(f"bench/indicators.py printed no timings: {(text + out.stderr)[-300:]}")
    report_ms, queries, sql_ms = float(report.group(1)), int(report.group(2)), float(sql.group(1))
    agree = "figures agree" in text
    failures = [] if agree else ["the Indicators report's figures differ from the SQL's"]
    if out.returncode != 0 and agree:
        failures.append(f"bench/indicators.py exited with {out.returncode}")
    header = re.search(r"trainees: (\d+), period: (\S+)", text)
    people = re.search(r"people trained: (\d+)", text)
    return {
        "report_ms": report_ms,
        "queries": queries,
        "sql_ms": sql_ms,
        "ratio": report_ms / sql_ms if sql_ms else float("nan"),
        "trainees": header.group(1) if header else "?",
        "period": header.group(2) if header else "?",
        "people": people.group(1) if people else "?",
        "agree": agree,
        "failures": failures,
    }


def indicators_section(*, smoke: bool) -> dict:
    """The Indicators report against the SQL on the bench database."""
    repeat = 3 if smoke else 10
    data = indicators_vs_sql(repeat=repeat)
    equal = "yes" if data["agree"] else "NO"
    lines = [
        f"Indicators report over {data['trainees']} trainees, fiscal year {data['period']} "
        f"({data['people']} people trained), every table, administrator's scope; median of "
        f"{repeat} runs each, alternating. The report ran {data['queries']} queries (the "
        "tests prove the number does not grow with the data).",
        "",
        "| measurement | median ms | ratio to SQL | figures equal | target |",
        "|---|---:|---:|---|---|",
        f"| hand-written SQL, 5 statements (baseline) | {data['sql_ms']:.1f} | 1.00 | | |",
        f"| Indicators report | {data['report_ms']:.1f} | {data['ratio']:.2f} | {equal} "
        f"| {verdict('indicators_vs_sql', data['ratio'])} |",
    ]
    return {
        "title": "Indicators report",
        "lines": lines,
        "failed": bool(data["failures"]),
        "failures": data["failures"],
        "measured": {"indicators_vs_sql": data["ratio"]},
    }
