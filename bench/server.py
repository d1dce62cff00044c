"""gunicorn serving the project with production settings, on a free loopback port."""

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.environment import ROOT, bench_env

#: The worker model the README recommends: gthread workers, so one request's
#: database and cache waits overlap with another's work. Two processes (one per
#: core) of four threads each.
WORKERS = 2
THREADS = 4


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """gunicorn serving the project with production settings, for the duration of a block."""

    def __init__(self, *, workers: int = WORKERS, threads: int = THREADS, env: dict | None = None):
        self.port = free_port()
        self.workers = workers
        self.threads = threads
        self.env = env or {}
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
            env=bench_env(**self.env),
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
