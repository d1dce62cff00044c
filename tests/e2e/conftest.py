"""Browser tests: Playwright driving Debian's Chromium against a live server.

Without Chromium the tests are skipped (loudly, by the Makefile); with
REQUIRE_BROWSER=1 (CI) a missing browser is a failure instead.
"""

import os
from pathlib import Path

import pytest

from ops.chromium import CHROMIUM, CHROMIUM_ARGS

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

ARTIFACTS = Path(__file__).parent / "artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SCREENSHOTS = ARTIFACTS / "screenshots"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = "chromium is not installed: browser tests cannot run"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def watch_console(page):
    """Keeps the page's console errors on ``page.console_errors`` (CSP reports among them)."""
    page.console_errors = []
    page.on(
        "console",
        lambda message: (
            page.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    return page


@pytest.fixture
def open_page(browser, request):
    """Factory: a fresh context and page (phone by default); all are closed after the test.

    On failure every page still open is screenshotted into tests/e2e/artifacts/.
    """
    contexts = []

    def open_page(viewport=PHONE, locale="es-HN", **options):
        context = browser.new_context(viewport=viewport, locale=locale, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        return watch_console(page)

    yield open_page
    report = getattr(request.node, "rep_call", None)
    failed = report is not None and report.failed
    for number, context in enumerate(contexts):
        if failed:
            ARTIFACTS.mkdir(exist_ok=True)
            for other in context.pages:
                name = request.node.name + (f"-{number}" if number else "")
                try:
                    other.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
                except Exception:  # a crashed page must not hide the real failure
                    pass
        context.close()


@pytest.fixture
def page(open_page):
    return open_page()


@pytest.fixture
def desktop_page(open_page):
    return open_page(viewport=DESKTOP, locale="en-US")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, "rep_" + report.when, report)


@pytest.fixture
def demo(transactional_db):
    # Live-server tests flush the database after each test; seed_demo recreates
    # Wagtail's root page, site and collection when they are missing.
    from demo.seed import seed_demo

    seed_demo()
