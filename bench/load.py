"""wrk runs: the command, and the figures read from its report (bench/wrk_report.lua)."""

import json
import shutil
import subprocess

from bench.environment import ROOT

LUA = ROOT / "bench" / "wrk_report.lua"


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
