"""Suite-wide rules: clean state per test, messages compiled, no silent skips.

Environment switches (`.ci/run` sets them all):
- ``REQUIRE_POSTGRES=1``: the database must be PostgreSQL, and a skipped
  PostgreSQL-only test is a failure.
- ``REQUIRE_BROWSER=1``: a missing Chromium fails the browser tests.
- ``REQUIRE_NO_SKIPS=1``: any skipped test is a failure.
- ``HYPOTHESIS_PROFILE=ci``: property tests derandomized, no example database.

On SQLite, tests marked ``postgres`` are deselected (and counted in the
summary), not skipped: they run when ``DATABASE_URL`` names PostgreSQL.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import translation
from hypothesis import settings as hypothesis_settings
from hypothesis.database import DirectoryBasedExampleDatabase

ROOT = Path(__file__).resolve().parent.parent

# tests/third_language/ needs a database with a third language's columns: it
# runs only under its own settings, started by tests/test_third_language.py.
THIRD_LANGUAGE_SETTINGS = "tests.settings_third_language"
if os.environ.get("DJANGO_SETTINGS_MODULE") != THIRD_LANGUAGE_SETTINGS:
    collect_ignore = ["third_language"]

# Property tests: examples remembered outside the repository while developing;
# in CI the same examples every run and nothing remembered.
hypothesis_settings.register_profile(
    "dev",
    database=DirectoryBasedExampleDatabase(
        Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
        / "justice-training"
        / "hypothesis"
    ),
)
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def _flag(name):
    return os.environ.get(name) == "1"


def _uses_postgres():
    from django.db import connection

    return connection.vendor == "postgresql"


def _stale_catalogues():
    # The project's catalogues only: locale/ and each app's <app>/locale/ (a
    # recursive glob would walk every package installed in .venv).
    for po in [*ROOT.glob("locale/*/LC_MESSAGES/*.po"), *ROOT.glob("*/locale/*/LC_MESSAGES/*.po")]:
        if po.relative_to(ROOT).parts[0] in {"var", "mutants"}:
            continue
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            yield po


def pytest_configure(config):
    # Compile the translations once (the controller, not each xdist worker), so
    # plain `pytest` sees the Spanish messages as `make test` does.
    if hasattr(config, "workerinput") or not any(_stale_catalogues()):
        return
    try:
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "compilemessages",
                "--ignore=.venv",
                "--ignore=var",
                "--ignore=mutants",
                "-v",
                "0",
            ],
            cwd=ROOT,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError) as error:
        raise pytest.UsageError(
            f"could not compile the translations ({error}); GNU gettext is needed: "
            "apt-get install gettext"
        ) from error


#: Fixtures through which a test reaches the test database.
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
}


def _uses_database(item) -> bool:
    """Whether ``item`` can reach a database: pytest-django lets no other test in."""
    if item.get_closest_marker("django_db") or item.get_closest_marker("database"):
        return True
    if item.get_closest_marker("postgres"):
        return True
    if DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    from django.test import TransactionTestCase

    cls = getattr(item, "cls", None)
    return cls is not None and issubclass(cls, TransactionTestCase)


def _database_tests_only(config, items):
    """``DATABASE_TESTS_ONLY=1``: only the tests that use a database run (CI's second
    pass, on PostgreSQL: the others gave their answer in the first pass)."""
    keep, dropped = [], []
    for item in items:
        (keep if _uses_database(item) else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


def pytest_collection_modifyitems(config, items):
    if _flag("DATABASE_TESTS_ONLY"):
        _database_tests_only(config, items)
    postgres = _uses_postgres()
    if _flag("REQUIRE_POSTGRES") and not postgres:
        raise pytest.UsageError(
            "REQUIRE_POSTGRES=1 but the test database is not PostgreSQL: "
            "set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test"
        )
    if postgres:
        return
    keep, dropped = [], []
    for item in items:
        (dropped if item.get_closest_marker("postgres") else keep).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
        config._postgres_deselected = len(dropped)
        if hasattr(config, "workeroutput"):  # an xdist worker: tell the controller
            config.workeroutput["postgres_deselected"] = len(dropped)


def pytest_testnodedown(node, error):
    count = getattr(node, "workeroutput", {}).get("postgres_deselected", 0)
    node.config._postgres_deselected = max(getattr(node.config, "_postgres_deselected", 0), count)


def pytest_terminal_summary(terminalreporter, config):
    count = getattr(config, "_postgres_deselected", 0)
    if count:
        terminalreporter.write_line(
            f"{count} PostgreSQL-only tests deselected on SQLite; they run with "
            "DATABASE_URL=postgres://postgres@127.0.0.1:5432/test",
            yellow=True,
        )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not report.skipped or hasattr(report, "wasxfail"):
        return
    strict = _flag("REQUIRE_NO_SKIPS") or (
        _flag("REQUIRE_POSTGRES") and item.get_closest_marker("postgres")
    )
    if strict:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped where no skip is allowed (REQUIRE_* is set): {reason}"


@pytest.fixture(autouse=True)
def _clean_state():
    # allauth rate limits live in the cache, and a request leaves its language
    # active in the thread; neither may leak from one test to the next. Nor
    # may what this process remembered of pages (core.content_version).
    from core.content_version import forget_remembered

    cache.clear()
    forget_remembered()
    translation.activate("en")
    yield
    cache.clear()
    forget_remembered()
    translation.activate("en")


@pytest.fixture
def without_personal_page_cache(settings):
    """Every request runs its view: for tests that count what a view costs
    (a repeat visit is otherwise answered from core/personal_pages.py)."""
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if not name.startswith("core.personal_pages.")
    ]


@pytest.fixture
def course_tree(db):
    from tests import factories

    return factories.course(lessons=3)


def restore_wagtail_baseline(sender=None, **kwargs):
    """What the migrations create (Wagtail's root collection, locale, root page and
    site; the standard course topics), if missing.

    A transactional test ends by flushing the database; the tests that run
    after it (here or in other apps) expect the freshly migrated state.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page, Site

    from courses.services import topics_create_standard

    # Ours too: the standard course topics of a data migration (idempotent).
    topics_create_standard()
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.objects.filter(depth=1).exists():
        return
    # A flush recreated the content types with new ids: forget the cached ones.
    ContentType.objects.clear_cache()
    Locale.objects.get_or_create(language_code="en")
    with translation.override("en"):
        root = Page.add_root(instance=Page(title="Root", slug="root"))
        home = root.add_child(instance=Page(title="Welcome", slug="welcome"))
    Site.objects.get_or_create(
        hostname="localhost", defaults={"root_page": home, "is_default_site": True}
    )


@pytest.fixture(scope="session", autouse=True)
def _baseline_after_flush():
    # The flush ending each transactional test (live-server, migration and
    # concurrency tests alike) emits post_migrate: put the baseline back for
    # whatever test runs next on this worker.
    from django.db.models.signals import post_migrate

    post_migrate.connect(restore_wagtail_baseline, dispatch_uid="tests-wagtail-baseline")
    yield
    post_migrate.disconnect(dispatch_uid="tests-wagtail-baseline")


@pytest.fixture
def wagtail_baseline(_baseline_after_flush, db):
    """For transactional tests: Wagtail's migrated pages exist before and after."""
    restore_wagtail_baseline()
