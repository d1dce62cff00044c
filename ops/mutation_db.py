"""pytest plugin for mutation runs: each test session starts from a migrated copy.

Migrating a fresh test database takes several seconds, and mutmut starts one
pytest session per mutant. ``make mutate`` migrates a template SQLite file
once (``MUTATION_TEMPLATE_DB``); every session (one per forked mutmut worker)
copies it to a file of its own and runs with ``--reuse-db``, so migrate has
nothing left to do. Loaded with ``-p ops.mutation_db`` from ``[tool.mutmut]``
only; the normal test suite never sees it.
"""

import os
import shutil
import tempfile
from pathlib import Path

_copy: Path | None = None


def pytest_configure(config):
    global _copy
    template = os.environ.get("MUTATION_TEMPLATE_DB")
    if not template:
        raise RuntimeError("MUTATION_TEMPLATE_DB is not set: run mutation tests with `make mutate`")
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        raise RuntimeError("mutation runs use SQLite (unset DATABASE_URL)")
    fd, name = tempfile.mkstemp(prefix=f"jtp-mutation-{os.getpid()}-", suffix=".sqlite3")
    os.close(fd)
    _copy = Path(name)
    shutil.copyfile(template, _copy)
    # The connection holds this very dict: the test database pytest-django
    # "reuses" is the copy.
    database.setdefault("TEST", {})["NAME"] = str(_copy)


def pytest_unconfigure(config):
    global _copy
    if _copy is not None:
        _copy.unlink(missing_ok=True)
        _copy = None
