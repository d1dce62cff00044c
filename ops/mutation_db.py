"""pytest plugin for mutation runs: each test session opens a migrated copy of a database.

Creating and migrating a test database takes seconds, and mutmut starts one
pytest session per mutant. ``make mutate`` migrates a template SQLite file
once (``MUTATION_TEMPLATE_DB``); every session (one per forked mutmut worker)
copies it to a file of its own and uses that copy as its test database, as is:
Django's ``setup_databases`` (which pytest-django calls) is replaced by "open
the copy". Loaded with ``-p ops.mutation_db`` from ``[tool.mutmut]`` only; the
normal test suite never sees it.
"""

import os
import shutil
import tempfile
from pathlib import Path

_copy: Path | None = None


def _open_copy(*args, **kwargs):
    from django.db import connections

    connection = connections["default"]
    connection.close()
    # The connection holds this very dict (it is settings.DATABASES["default"]).
    connection.settings_dict["NAME"] = str(_copy)
    return []


def _nothing_to_tear_down(*args, **kwargs):
    return None


def pytest_configure(config):
    global _copy
    template = os.environ.get("MUTATION_TEMPLATE_DB")
    if not template:
        raise RuntimeError("MUTATION_TEMPLATE_DB is not set: run mutation tests with `make mutate`")
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        raise RuntimeError("mutation runs use SQLite (unset DATABASE_URL)")
    # Under the copy of the project (mutants/), so that a worker killed for
    # a timeout leaves its copy where the next run clears it.
    folder = Path(settings.BASE_DIR) / "var" / "mutation-databases"
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f"{os.getpid()}-", suffix=".sqlite3", dir=folder)
    os.close(fd)
    _copy = Path(name)
    shutil.copyfile(template, _copy)
    # pytest-django imports these from django.test.utils when its
    # django_db_setup fixture runs, so it finds the replacements.
    import django.test.utils

    django.test.utils.setup_databases = _open_copy
    django.test.utils.teardown_databases = _nothing_to_tear_down


def pytest_unconfigure(config):
    global _copy
    if _copy is not None:
        _copy.unlink(missing_ok=True)
        _copy = None
