"""Byte and request budget of a lesson page, and what it needs before it is readable.

How long the lesson takes on slow 3G is measured by the benchmark (bench/slow_3g.py,
target in bench/targets.py), not asserted here: a busy machine must not fail a test.
"""

from tests.e2e.helpers import DEMO_LESSON_ES, sign_in

LESSON_BUDGET_BYTES = 60 * 1024  # HTML + CSS + JS before compression, media aside
# The lesson's own requests: the document, one stylesheet, one deferred script.
LESSON_TEXT_REQUESTS = {"document": 1, "stylesheet": 1, "script": 1}
SLOW_3G = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 50_000,
    "uploadThroughput": 50_000,
}


def test_lesson_page_stays_under_the_byte_budget(live_server, demo, page):
    sign_in(page, live_server.url, "trainee.hn@example.org")
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(live_server.url + DEMO_LESSON_ES, wait_until="load")
    page.wait_for_load_state("networkidle")
    text = [r for r in responses if r.request.resource_type in ("document", "stylesheet", "script")]
    uncompressed = {r.url: len(r.body()) for r in text}
    transferred = {r.url: r.request.sizes()["responseBodySize"] for r in text}
    total = sum(uncompressed.values())
    print(
        f"lesson page: {total} bytes before compression, "
        f"{sum(transferred.values())} bytes transferred: {uncompressed}"
    )
    assert any(url.endswith(DEMO_LESSON_ES) for url in uncompressed)
    assert any(url.endswith(".css") for url in uncompressed)
    assert all(r.status == 200 for r in text), [(r.url, r.status) for r in text]
    counts = {kind: 0 for kind in LESSON_TEXT_REQUESTS}
    for response in text:
        counts[response.request.resource_type] += 1
    assert counts == LESSON_TEXT_REQUESTS, [r.url for r in text]
    assert total < LESSON_BUDGET_BYTES, uncompressed
    assert sum(transferred.values()) <= total


def test_lesson_images_are_sized_renditions_loaded_lazily(live_server, demo, page):
    from courses.models import ModulePage
    from demo.load import course_banner

    lesson = ModulePage.objects.get(slug_es="entrevista-centrada-en-la-victima")
    image = course_banner()
    body = list(lesson.body_es.raw_data)
    body.insert(1, {"type": "image", "value": {"image": image.pk, "caption": "", "alt_text": "x"}})
    lesson.body_es = body
    lesson.save_revision().publish()
    sign_in(page, live_server.url, "trainee.hn@example.org")
    page.goto(live_server.url + DEMO_LESSON_ES)
    img = page.locator(".prose figure img").first
    assert img.get_attribute("loading") == "lazy"
    srcset = img.get_attribute("srcset")
    assert "400w" in srcset and "800w" in srcset and "1200w" in srcset
    assert "original_images" not in (img.get_attribute("src") or "")


def test_lesson_text_readable_on_slow_3g_after_only_the_document_and_stylesheet(
    live_server, demo, page
):
    sign_in(page, live_server.url, "trainee.hn@example.org")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    requests = []
    page.on("request", lambda request: requests.append(request))
    response = page.goto(live_server.url + DEMO_LESSON_ES, wait_until="commit")
    assert response.status == 200 and page.url == live_server.url + DEMO_LESSON_ES
    page.locator(".prose p").first.wait_for(state="visible", timeout=30_000)
    # Readable means styled too: the stylesheet (render-blocking) has arrived and applies.
    page.wait_for_function(
        "() => [...document.styleSheets].some(s => s.href && s.href.endsWith('/site.css')"
        " && s.cssRules.length > 0)",
        timeout=30_000,
    )
    assert "Entrevista centrada en la víctima" in page.title()
    # Nothing but the document and the stylesheet stands between the trainee and the text:
    # one stylesheet, scripts deferred, images (if any) lazy.
    blocking = page.evaluate(
        """() => ({
            stylesheets: document.querySelectorAll('link[rel=stylesheet]').length,
            blockingScripts: [...document.querySelectorAll('script[src]')]
                .filter(s => !s.defer && !s.async).map(s => s.src),
            eagerImages: [...document.querySelectorAll('.prose img')]
                .filter(i => i.loading !== 'lazy').map(i => i.src),
        })"""
    )
    assert blocking == {"stylesheets": 1, "blockingScripts": [], "eagerImages": []}
    page.wait_for_load_state("load", timeout=30_000)
    kinds = sorted(r.resource_type for r in requests if not r.url.endswith("/favicon.ico"))
    assert kinds == ["document", "script", "stylesheet"], [r.url for r in requests]
