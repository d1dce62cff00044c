"""Benchmark harness: every figure beside a baseline measured in the same run.

    python -m bench.run                 # full run: 100,000 trainees
    python -m bench.run --smoke         # small and quick (CI): keeps the harness alive

Runs gunicorn with production settings on PostgreSQL and Redis, loads it with
wrk on loopback, and writes a table to bench/results.md (or --out).
"""

import argparse
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.environment import BENCH_DB, ROOT, bench_env, manage, recreate_database
from bench.pages import http_section
from bench.report import commit, machine, render, run_problems, run_section, say
from bench.targets import evaluate

RESULTS = ROOT / "bench" / "results.md"


#: Sections about scale, not the harness: the smoke run leaves them out.
NOT_IN_SMOKE = {"reports_1m"}


def sections_to_run(names: str | None, *, smoke: bool = False) -> dict:
    from bench import sections
    from bench.means import section as means_section

    available = {"http": http_section, "means": means_section, **sections.ALL}
    if smoke:
        available = {name: f for name, f in available.items() if name not in NOT_IN_SMOKE}
    if not names:
        return available
    chosen = [name.strip() for name in names.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in available]
    if unknown:
        sys.exit(f"bench: unknown sections {unknown}; known: {', '.join(available)}")
    return {name: available[name] for name in chosen}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trainees", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--smoke", action="store_true", help="small data, short runs")
    parser.add_argument(
        "--strict", action="store_true", help="exit non-zero when a target is missed"
    )
    parser.add_argument(
        "--sections", default=None, help="comma-separated subset (default: all), e.g. http,slow_3g"
    )
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--exam-trainees",
        type=int,
        default=None,
        help="one exam burst of this many submits (default: 1,000 and 3,000; smoke: 30)",
    )
    parser.add_argument(
        "--exam-window",
        type=float,
        default=None,
        help="seconds within which the exam burst's submits arrive (default: 10 and 30)",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.trainees, args.duration = min(args.trainees, 300), 2
        args.out = args.out or ROOT / "var" / "bench-smoke.md"
    out = args.out or RESULTS
    chosen = sections_to_run(args.sections, smoke=args.smoke)

    started = time.monotonic()
    say(f"bench: recreating the bench database {BENCH_DB}")
    recreate_database()
    manage("migrate", "--noinput")
    manage("shell", "-c", "from django.core.cache import cache; cache.clear()")
    manage("collectstatic", "--noinput")
    manage("seed_demo", "--force")
    manage("certificate_keys", "ensure")  # certificates are signed, as in production
    say(f"bench: generating {args.trainees} trainees")
    generated = (
        subprocess.run(
            [sys.executable, "-m", "bench.generate", f"--trainees={args.trainees}"],
            env=bench_env(),
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    say(f"bench: {generated}")
    report = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
        "machine": machine(),
        "data": generated,
        "duration": args.duration,
        "connections": args.connections,
        "sections": [],
    }
    for name, function in chosen.items():
        say(f"bench: {name}")
        kwargs = {"smoke": args.smoke}
        if name in ("http", "means"):
            kwargs.update(duration=args.duration, connections=args.connections)
        if name == "exam_burst":
            kwargs.update(trainees=args.exam_trainees, window=args.exam_window)
        section = run_section(name, function, **kwargs)
        for failure in section["failures"]:
            say(f"bench:   FAILED: {failure}")
        report["sections"].append(section)
    measured = {}
    for section in report["sections"]:
        measured.update(section["measured"])
    report["targets"] = evaluate(measured, set(chosen))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(report), encoding="utf-8")
    say(render(report))
    say(f"bench: wrote {out} in {time.monotonic() - started:.0f} s")
    problems = run_problems(report, strict=args.strict)
    if problems:
        sys.exit("bench: FAILED\n" + "\n".join(f"  - {problem}" for problem in problems))


if __name__ == "__main__":
    main()
