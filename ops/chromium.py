"""Debian's Chromium as the browser tests and the benchmark launch it.

One place for the executable and the flags: it runs as root in CI (no
sandbox), headless without a GPU, and must not phone home or update itself
while it is being measured.
"""

import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
