"""axe-core finds no serious or critical violation on the key pages, in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.helpers import (
    DEMO_COURSE_EN,
    DEMO_COURSE_ES,
    DEMO_LESSON_EN,
    DEMO_LESSON_ES,
    sign_in,
)

PUBLIC_PAGES = {
    "en": [
        "/en/",
        "/en/courses/",
        DEMO_COURSE_EN,
        "/en/accounts/login/",
        "/en/accounts/signup/",
        "/en/accounts/password/reset/",
    ],
    "es": [
        "/es/",
        "/es/cursos/",
        DEMO_COURSE_ES,
        "/es/accounts/login/",
        "/es/accounts/signup/",
        "/es/accounts/password/reset/",
    ],
}
TRAINEE_PAGES = {
    "en": [DEMO_LESSON_EN, "/en/my-learning/", "/en/accounts/profile/"],
    "es": [DEMO_LESSON_ES, "/es/my-learning/", "/es/accounts/profile/"],
}


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("language", ["en", "es"])
def test_public_pages_have_no_serious_violations(live_server, demo, page, language):
    problems = {}
    for path in PUBLIC_PAGES[language]:
        page.goto(live_server.url + path)
        found = serious_violations(page)
        if found:
            problems[path] = found
    assert problems == {}


@pytest.mark.parametrize("language", ["en", "es"])
def test_trainee_pages_have_no_serious_violations(live_server, demo, page, language):
    sign_in(page, live_server.url, "trainee.hn@example.org", language=language)
    problems = {}
    for path in TRAINEE_PAGES[language]:
        page.goto(live_server.url + path)
        found = serious_violations(page)
        if found:
            problems[path] = found
    assert problems == {}


def test_signup_errors_are_announced_in_spanish(live_server, demo, page):
    page.goto(live_server.url + "/es/accounts/signup/")
    page.click("form.form button[type=submit]")
    alert = page.locator("[role=alert]").first
    assert "Corrija los errores" in alert.inner_text()
    assert page.locator("html").get_attribute("lang") == "es"
