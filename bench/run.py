"""Benchmark harness: every figure beside a baseline measured in the same run.

    python -m bench.run                 # full run: 100,000 trainees
    python -m bench.run --smoke         # small and quick (CI): keeps the harness alive

Runs gunicorn with production settings on PostgreSQL and Redis, loads it with
wrk on loopback, and writes a table to bench/results.md (or --out).
"""

import argparse
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from bench.environment import ROOT, bench_env, manage, recreate_database

RESULTS = ROOT / "bench" / "results.md"
LUA = ROOT / "bench" / "wrk_report.lua"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """gunicorn serving the project with production settings, for the duration of a block."""

    def __init__(self, *, workers: int = 2, threads: int = 1):
        self.port = free_port()
        self.workers = workers
        self.threads = threads
        self.process = None

    def __enter__(self):
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        self.process = subprocess.Popen(
            [
                gunicorn,
                "config.wsgi",
                f"--workers={self.workers}",
                f"--threads={self.threads}",
                f"--bind=127.0.0.1:{self.port}",
                "--log-level=warning",
                "--timeout=120",
            ],
            env=bench_env(),
            cwd=ROOT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url("/healthz"), timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not become healthy")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def wrk(url: str, *, duration: int, connections: int, cookie: str | None = None) -> dict:
    """One wrk run; returns requests/s and latency percentiles in ms."""
    command = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout=10s",
        "-s",
        str(LUA),
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True
    ).stdout.strip()
    data = json.loads(output.splitlines()[-1])
    seconds = data["duration_us"] / 1e6
    return {
        "rps": data["requests"] / seconds if seconds else 0.0,
        "p50": data["p50_us"] / 1000,
        "p95": data["p95_us"] / 1000,
        "p99": data["p99_us"] / 1000,
        "errors": data["errors"] + data["non2xx"],
        "requests": data["requests"],
    }


def session_cookie(email: str) -> str:
    """A signed-in session for ``email``, made the way Django's login does."""
    code = f"""
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from accounts.models import User
user = User.objects.get(email={email!r})
s = SessionStore()
s[SESSION_KEY] = str(user.pk)
s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
s[HASH_SESSION_KEY] = user.get_session_auth_hash()
s.create()
print(s.session_key)
"""
    key = (
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
            env=bench_env(),
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    return f"sessionid={key}"


def page_paths() -> dict[str, str]:
    """Paths of the demo course, lesson and catalogue in Spanish."""
    code = """
from django.utils import translation
from courses.models import CoursePage, ModulePage
translation.activate("es")
course = CoursePage.objects.get(slug_en="investigating-human-smuggling-networks")
lesson = ModulePage.objects.live().child_of(course).order_by("path")[2]
import json
print(json.dumps({"course": course.get_url(), "lesson": lesson.get_url(),
                  "catalogue": course.get_parent().get_url()}))
"""
    out = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
        env=bench_env(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return json.loads(out.splitlines()[-1])


def http_section(*, duration: int, connections: int) -> list[dict]:
    """Throughput and latency of key pages against the bare view, same server, same run."""
    paths = page_paths()
    cookie = session_cookie("trainee.hn@example.org")
    targets = [
        ("bare Django view (baseline)", "/bench/bare/", None),
        ("catalogue, anonymous", paths["catalogue"], None),
        ("course page, signed in", paths["course"], cookie),
        ("lesson page, signed in", paths["lesson"], cookie),
        ("My learning, signed in", "/es/my-learning/", cookie),
    ]
    rows = []
    with Gunicorn() as server:
        for label, path, cookie_value in targets:
            # Warm up (template caches, connections), then measure.
            wrk(server.url(path), duration=1, connections=2, cookie=cookie_value)
            result = wrk(
                server.url(path), duration=duration, connections=connections, cookie=cookie_value
            )
            rows.append({"label": label, "path": path, **result})
    baseline = rows[0]["rps"] or 1.0
    for row in rows:
        row["ratio"] = row["rps"] / baseline
    return rows


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores, {cpu}, {memory}, Python {platform.python_version()}"


def commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def render(report: dict) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"- Date: {report['date']}",
        f"- Commit: {report['commit']}",
        f"- Machine: {report['machine']}",
        f"- Data: {report['data']}",
        f"- Load: wrk, {report['connections']} connections, {report['duration']} s per page, "
        "gunicorn 2 sync workers, production settings, PostgreSQL, Redis, all on one machine",
        "",
        "## HTTP: throughput and latency against a bare Django view",
        "",
        "| page | req/s | ratio to bare view | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in report["http"]:
        lines.append(
            f"| {row['label']} | {row['rps']:.0f} | {row['ratio']:.0%} | {row['p50']:.1f} "
            f"| {row['p95']:.1f} | {row['p99']:.1f} | {row['errors']} |"
        )
    for section in report.get("sections", []):
        lines += ["", f"## {section['title']}", "", *section["lines"]]
    lines.append("")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trainees", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--smoke", action="store_true", help="small data, short runs")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.smoke:
        args.trainees, args.duration = min(args.trainees, 300), 2
        args.out = args.out or ROOT / "var" / "bench-smoke.md"
    out = args.out or RESULTS
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk)")

    started = time.monotonic()
    print("bench: recreating the bench database", flush=True)
    recreate_database()
    manage("migrate", "--noinput")
    manage("collectstatic", "--noinput")
    manage("seed_demo", "--force")
    print(f"bench: generating {args.trainees} trainees", flush=True)
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
    print(f"bench: {generated}", flush=True)
    print("bench: HTTP", flush=True)
    report = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
        "machine": machine(),
        "data": generated,
        "duration": args.duration,
        "connections": args.connections,
        "http": http_section(duration=args.duration, connections=args.connections),
        "sections": [],
    }
    from bench import sections

    for section in sections.ALL:
        print(f"bench: {section.__name__}", flush=True)
        report["sections"].append(section(smoke=args.smoke))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(report), encoding="utf-8")
    print(render(report))
    print(f"bench: wrote {out} in {time.monotonic() - started:.0f} s")
    errors = sum(row["errors"] for row in report["http"])
    if errors:
        sys.exit(f"bench: {errors} HTTP errors")
    failed = [s["title"] for s in report["sections"] if s.get("failed")]
    if failed:
        sys.exit(f"bench: failed checks in {', '.join(failed)}")


if __name__ == "__main__":
    main()
