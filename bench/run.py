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
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from html import unescape
from pathlib import Path

from bench.environment import BENCH_DB, ROOT, bench_env, manage, recreate_database
from bench.stats import format_percent, format_spread
from bench.targets import evaluate, strict_failures

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


class WrkError(RuntimeError):
    """wrk did not run or printed no report."""


def parse_wrk_output(stdout: str) -> dict:
    """The figures of one wrk run from its output (the JSON line of wrk_report.lua).

    ``errors`` counts socket errors, timeouts, every answer that is not 2xx and
    every 2xx answer without the required text;
    ``failure`` says why the run cannot be trusted (None when it can).
    """
    data = None
    for line in reversed(stdout.strip().splitlines()):
        if line.startswith("{"):
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                continue
            break
    if data is None:
        raise WrkError(f"wrk printed no report: {stdout.strip()[-300:]!r}")
    seconds = data["duration_us"] / 1e6
    unmarked = data.get("unmarked", 0)
    errors = data["errors"] + data["non2xx"] + unmarked
    failure = None
    if data["requests"] == 0:
        failure = "no request completed"
    elif data["non2xx"]:
        failure = (
            f"{data['non2xx']} of {data['requests']} answers were not 2xx "
            f"(first: {data['first_non2xx']})"
        )
    elif unmarked:
        failure = (
            f"{unmarked} of {data['requests']} answers lacked the text every answer must "
            "show (signed out?)"
        )
    elif data["errors"]:
        failure = f"{data['errors']} socket errors or timeouts"
    return {
        "rps": data["requests"] / seconds if seconds else 0.0,
        "p50": data["p50_us"] / 1000,
        "p95": data["p95_us"] / 1000,
        "p99": data["p99_us"] / 1000,
        "errors": errors,
        "requests": data["requests"],
        "failure": failure,
    }


def wrk(
    url: str,
    *,
    duration: int,
    connections: int,
    cookie: str | None = None,
    must_contain: str | None = None,
) -> dict:
    """One wrk run; returns requests/s, latency percentiles in ms and errors.

    ``must_contain``: text every 2xx answer must hold (else it counts as an error).
    """
    if shutil.which("wrk") is None:
        raise WrkError("wrk is not installed (apt-get install wrk)")
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
    command.append(url)
    if must_contain:
        command += ["--", must_contain]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise WrkError(f"wrk exited with {done.returncode}: {done.stderr.strip()[-300:]}")
    return parse_wrk_output(done.stdout)


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
    """Paths and expected titles of the demo course, lesson and catalogue in Spanish."""
    code = """
from django.urls import reverse
from django.utils import translation
from core import languages
from courses.models import CoursePage, ModulePage
translation.activate("es")
course = CoursePage.objects.get(
    **{languages.default_field("slug"): "investigating-human-smuggling-networks"}
)
lesson = ModulePage.objects.live().child_of(course).order_by("path")[2]
catalogue = course.get_parent().specific
title = lambda page: page.seo_title or page.title
import json
print(json.dumps({"course": course.get_url(), "lesson": lesson.get_url(),
                  "catalogue": catalogue.get_url(),
                  "course_title": title(course), "lesson_title": title(lesson),
                  "catalogue_title": title(catalogue),
                  "my_learning": reverse("my_learning"),
                  "my_learning_title": translation.gettext("My learning"),
                  "logout": reverse("account_logout")}))
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


LESSON_LABEL = "lesson page, signed in"


@dataclass
class Page:
    """A page to time, and what its body must show before its figures count."""

    label: str
    path: str
    cookie: str | None = None
    title: str | None = None  # a substring of <title>
    body: str | None = None  # the exact body (the bare view has no title)
    signed_in: bool | None = None  # True: the sign-out form must be there; False: must not


def page_title(html: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    return " ".join(unescape(match.group(1)).split()) if match else None


def check_page(page: Page, status: int, body: str, *, logout_path: str = "") -> list[str]:
    """Why the answer is not the page we mean to time (empty when it is)."""
    problems = []
    if status != 200:
        problems.append(f"{page.path} answered {status}, not 200")
        return problems
    if page.body is not None and body.strip() != page.body:
        problems.append(f"{page.path} body is {body.strip()[:60]!r}, expected {page.body!r}")
    if page.title is not None:
        title = page_title(body)
        if title is None:
            problems.append(f"{page.path} has no <title> (expected one containing {page.title!r})")
        elif page.title not in title:
            problems.append(f"{page.path} title is {title!r}, not containing {page.title!r}")
    if page.signed_in is not None and logout_path:
        shown = f'action="{logout_path}"' in body
        if page.signed_in and not shown:
            problems.append(f"{page.path} is not signed in (no sign-out form)")
        elif not page.signed_in and shown:
            problems.append(f"{page.path} is signed in but should be anonymous")
    return problems


def fetch(url: str, cookie: str | None = None) -> tuple[int, str]:
    """One GET as wrk sends it (same cookie, no redirect followed): status and body."""
    from bench.exam import NoRedirect

    request = urllib.request.Request(url)
    if cookie:
        request.add_header("Cookie", cookie)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def interleave(baseline, pages: list) -> list:
    """The baseline before, between and after the pages: B P1 B P2 … B."""
    order = [baseline]
    for page in pages:
        order += [page, baseline]
    return order


def http_pages() -> tuple[Page, list[Page], str]:
    paths = page_paths()
    cookie = session_cookie("trainee.hn@example.org")
    baseline = Page("bare Django view (baseline)", "/bench/bare/", body="ok")
    signed_in = {"cookie": cookie, "signed_in": True}
    pages = [
        Page(
            "catalogue, anonymous",
            paths["catalogue"],
            title=paths["catalogue_title"],
            signed_in=False,
        ),
        Page("course page, signed in", paths["course"], title=paths["course_title"], **signed_in),
        Page(LESSON_LABEL, paths["lesson"], title=paths["lesson_title"], **signed_in),
        Page(
            "My learning, signed in",
            paths["my_learning"],
            title=paths["my_learning_title"],
            **signed_in,
        ),
    ]
    return baseline, pages, paths["logout"]


def say(text: str) -> None:
    print(text, flush=True)


def outcome(problems: list[str], result: dict | None) -> str:
    if problems:
        return "FAILED: " + "; ".join(problems)
    return f"{result['rps']:.0f} req/s"


def http_section(*, smoke: bool, duration: int, connections: int) -> dict:
    """Throughput and latency of key pages against the bare view, same server, same run.

    The bare view is timed before, between and after the pages; ratios are to
    the median of those runs. Before each page is timed its body is fetched
    with the same cookie and checked (status 200, expected title, signed in or
    not); wrk counts every answer that is not 2xx as an error. Any of these
    fails the page's row and the section.
    """
    if shutil.which("wrk") is None:
        raise WrkError("wrk is not installed (apt-get install wrk)")
    baseline, pages, logout_path = http_pages()
    rows = {page.label: {"label": page.label, "path": page.path, "failures": []} for page in pages}
    baseline_runs = []
    failures = []
    with Gunicorn() as server:
        for page in interleave(baseline, pages):
            status, body = fetch(server.url(page.path), page.cookie)
            problems = check_page(page, status, body, logout_path=logout_path)
            result = None
            try:
                if not problems:
                    # Warm up (template caches, connections), then measure.
                    marker = f'action="{logout_path}"' if page.signed_in else None
                    options = {"cookie": page.cookie, "must_contain": marker}
                    wrk(server.url(page.path), duration=1, connections=2, **options)
                    result = wrk(
                        server.url(page.path), duration=duration, connections=connections, **options
                    )
                    if result["failure"]:
                        problems.append(f"{page.path}: {result['failure']}")
            except WrkError as error:
                problems.append(f"{page.path}: {error}")
            if page is baseline:
                if problems:
                    failures += [f"baseline run {len(baseline_runs) + 1}: {p}" for p in problems]
                else:
                    baseline_runs.append(result)
                say(f"bench:   baseline: {outcome(problems, result)}")
            else:
                row = rows[page.label]
                row["failures"] = problems
                if not problems:
                    row.update(result)
                failures += [f"{page.label}: {p}" for p in problems]
                say(f"bench:   {page.label}: {outcome(problems, result)}")
    median = statistics.median(r["rps"] for r in baseline_runs) if baseline_runs else None
    for row in rows.values():
        if "rps" in row and median:
            row["ratio"] = row["rps"] / median
    lines = [
        "Bare view runs (req/s, in order: before, between and after the pages): "
        + (", ".join(f"{r['rps']:.0f}" for r in baseline_runs) or "none succeeded"),
    ]
    if baseline_runs:
        lines.append(
            "Spread: "
            + format_spread([r["rps"] for r in baseline_runs], "req/s")
            + "; ratios below are to the median."
        )
    lines += [
        "",
        "| page | req/s | ratio to bare view | p50 ms | p95 ms | p99 ms | errors | check |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    if baseline_runs:
        middle = statistics.median(r["rps"] for r in baseline_runs)
        lines.append(
            f"| {baseline.label}, median of {len(baseline_runs)} | {middle:.0f} | 100.0 % "
            f"| {statistics.median(r['p50'] for r in baseline_runs):.1f} "
            f"| {statistics.median(r['p95'] for r in baseline_runs):.1f} "
            f"| {statistics.median(r['p99'] for r in baseline_runs):.1f} "
            f"| {sum(r['errors'] for r in baseline_runs)} | ok |"
        )
    for row in rows.values():
        if row["failures"]:
            lines.append(
                f"| {row['label']} | | | | | | | **FAILED**: {'; '.join(row['failures'])} |"
            )
        else:
            lines.append(
                f"| {row['label']} | {row['rps']:.0f} | {format_percent(row.get('ratio'))} "
                f"| {row['p50']:.1f} | {row['p95']:.1f} | {row['p99']:.1f} | {row['errors']} | ok |"
            )
    lesson = rows[LESSON_LABEL]
    return {
        "title": "HTTP: throughput and latency against a bare Django view",
        "lines": lines,
        "failed": bool(failures),
        "failures": failures,
        "measured": {
            "lesson_throughput": lesson["ratio"] * 100 if "ratio" in lesson else None,
        },
    }


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
    ]
    for section in report["sections"]:
        lines += ["", f"## {section['title']}", "", *section["lines"]]
        if section.get("failures"):
            lines += ["", *(f"- **FAILED**: {failure}" for failure in section["failures"])]
    lines += [
        "",
        "## Targets",
        "",
        "| target | measured | target | status |",
        "|---|---:|---|---|",
    ]
    for row in report["targets"]:
        target = row["target"]
        lines.append(
            f"| {target.description} (`{target.key}`) | {target.format(row['value'])} "
            f"| {target.text()} | {row['status']} |"
        )
    lines.append("")
    return "\n".join(lines)


def run_section(name: str, function, **kwargs) -> dict:
    """Runs one section; whatever goes wrong becomes a failed section, never a stop."""
    try:
        section = function(**kwargs)
    except Exception as error:  # every section is reported, the run fails at the end
        detail = f"{type(error).__name__}: {error}"
        if isinstance(error, subprocess.CalledProcessError) and error.stderr:
            detail += " | " + " ".join(str(error.stderr).strip().splitlines()[-3:])
        return {
            "name": name,
            "title": name,
            "lines": [f"The section did not complete: {detail}"],
            "failed": True,
            "failures": [detail],
            "measured": {},
        }
    section.setdefault("failures", [])
    if section.get("failed") and not section["failures"]:
        section["failures"] = ["a check failed (see the table)"]
    section.setdefault("measured", {})
    section["name"] = name
    return section


def run_problems(report: dict, *, strict: bool) -> list[str]:
    """Why the run fails: every failed section, and with ``strict`` every target not met."""
    problems = [
        f"{section['title']}: {failure}"
        for section in report["sections"]
        if section.get("failed")
        for failure in section["failures"]
    ]
    if strict:
        problems += [f"target missed: {miss}" for miss in strict_failures(report["targets"])]
    return problems


def sections_to_run(names: str | None) -> dict:
    from bench import sections

    available = {"http": http_section, **sections.ALL}
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
    args = parser.parse_args(argv)
    if args.smoke:
        args.trainees, args.duration = min(args.trainees, 300), 2
        args.out = args.out or ROOT / "var" / "bench-smoke.md"
    out = args.out or RESULTS
    chosen = sections_to_run(args.sections)

    started = time.monotonic()
    say(f"bench: recreating the bench database {BENCH_DB}")
    recreate_database()
    manage("migrate", "--noinput")
    manage("shell", "-c", "from django.core.cache import cache; cache.clear()")
    manage("collectstatic", "--noinput")
    manage("seed_demo", "--force")
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
        if name == "http":
            kwargs.update(duration=args.duration, connections=args.connections)
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
