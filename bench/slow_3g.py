"""The lesson page on a slow 3G connection, in Chromium, beside the bare view on the same link.

Time from navigation to the lesson's first paragraph visible with the site
stylesheet applied (readable means styled too), signed in as a trainee, cache
disabled, network throttled through the DevTools protocol. Baseline: the bare
view's text on the same throttled link (one request: the floor that latency and
bandwidth alone impose). Runs alternate baseline and lesson; medians reported.
"""

import statistics
import time

from ops.chromium import CHROMIUM, CHROMIUM_ARGS

SLOW_3G = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 50_000,
    "uploadThroughput": 50_000,
}
STYLED = (
    "() => [...document.styleSheets].some(s => s.href"
    " && /\\/site(\\.[0-9a-f]+)?\\.css$/.test(s.href) && s.cssRules.length > 0)"
)
BARE_SHOWN = "() => document.body && document.body.innerText.trim() === 'ok'"


def throttled_page(browser, base_url: str, session_key: str):
    context = browser.new_context(locale="es-HN", viewport={"width": 390, "height": 844})
    context.add_cookies([{"name": "sessionid", "value": session_key, "url": base_url}])
    page = context.new_page()
    page.set_default_timeout(30_000)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    return context, page


def time_lesson(browser, url: str, base_url: str, session_key: str, title: str) -> float:
    context, page = throttled_page(browser, base_url, session_key)
    try:
        started = time.monotonic()
        response = page.goto(url, wait_until="commit")
        page.locator(".prose p").first.wait_for(state="visible")
        page.wait_for_function(STYLED)
        elapsed = time.monotonic() - started
        if response is None or response.status != 200 or page.url != url:
            raise AssertionError(
                f"{url} answered {response and response.status} at {page.url}, not the lesson"
            )
        if title not in page.title():
            raise AssertionError(f"{url} title is {page.title()!r}, not containing {title!r}")
        if not page.locator("form[action$='/logout/']").count():
            raise AssertionError(f"{url} is not signed in (no sign-out form)")
        return elapsed
    finally:
        context.close()


def time_bare(browser, url: str, base_url: str, session_key: str) -> float:
    context, page = throttled_page(browser, base_url, session_key)
    try:
        started = time.monotonic()
        response = page.goto(url, wait_until="commit")
        page.wait_for_function(BARE_SHOWN)
        elapsed = time.monotonic() - started
        if response is None or response.status != 200:
            raise AssertionError(f"{url} answered {response and response.status}")
        return elapsed
    finally:
        context.close()


def section(*, smoke: bool) -> dict:
    from playwright.sync_api import sync_playwright

    from bench.pages import LESSON_LABEL, check_page, fetch, http_pages
    from bench.server import Gunicorn

    runs = 2 if smoke else 5
    baseline, pages, logout_path = http_pages()
    lesson = next(page for page in pages if page.label == LESSON_LABEL)
    session_key = (lesson.cookie or "sessionid=").split("=", 1)[1]
    bare_times, lesson_times = [], []
    with Gunicorn() as server:
        status, body = fetch(server.url(lesson.path), lesson.cookie)
        problems = check_page(lesson, status, body, logout_path=logout_path)
        if problems:
            return {
                "title": "Lesson page on slow 3G",
                "lines": ["Not timed: the lesson page is not what it should be."],
                "failed": True,
                "failures": problems,
            }
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            try:
                for _ in range(runs):
                    bare_times.append(
                        time_bare(browser, server.url(baseline.path), server.url(""), session_key)
                    )
                    lesson_times.append(
                        time_lesson(
                            browser,
                            server.url(lesson.path),
                            server.url(""),
                            session_key,
                            lesson.title,
                        )
                    )
            finally:
                browser.close()
    from bench.sections import verdict

    bare, seconds = statistics.median(bare_times), statistics.median(lesson_times)
    ratio = seconds / bare if bare else float("nan")
    lines = [
        f"Chromium, signed in, cache disabled, {SLOW_3G['latency']} ms latency and "
        f"{SLOW_3G['downloadThroughput'] * 8 // 1000} kbit/s each way (DevTools throttling); "
        f"time from navigation to the lesson's first paragraph visible with the site "
        f"stylesheet applied. {runs} runs each, alternating with the baseline.",
        "",
        "| measurement | median s | runs s | ratio to baseline | target |",
        "|---|---:|---|---:|---|",
        f"| bare view text (baseline) | {bare:.2f} | {', '.join(f'{t:.2f}' for t in bare_times)} "
        "| 1.0 | |",
        f"| lesson text readable and styled | {seconds:.2f} "
        f"| {', '.join(f'{t:.2f}' for t in lesson_times)} "
        f"| {ratio:.1f} | {verdict('lesson_slow_3g', seconds)} |",
    ]
    return {
        "title": "Lesson page on slow 3G",
        "lines": lines,
        "failed": False,
        "measured": {"lesson_slow_3g": seconds},
    }
