"""The report: the machine and commit, the markdown written, why a run fails."""

import os
import platform
import subprocess
from pathlib import Path

from bench.environment import ROOT
from bench.server import THREADS, WORKERS
from bench.targets import strict_failures


def say(text: str) -> None:
    print(text, flush=True)


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
        f"gunicorn {WORKERS} gthread workers × {THREADS} threads, production settings, "
        "PostgreSQL, Redis, all on one machine",
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
