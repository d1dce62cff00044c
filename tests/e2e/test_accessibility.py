"""axe-core finds no serious or critical violation on the key pages, in both languages;
a quiz can be done with the keyboard alone; form errors are announced in the page's language.

The same tour saves a phone-width screenshot of each page (see test_look.py for desktop).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from playwright.sync_api import expect

from tests.e2e.helpers import answer_key, csp_errors, open_final_exam_for, screenshot, sign_in
from tests.e2e.tour import public_pages, trainee_pages

AXE = Axe()


def serious_violations(page):
    results = AXE.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("language", ["en", "es"])
def test_key_pages_have_no_serious_violations(live_server, demo, page, language):
    base = live_server.url
    problems = {}
    tour = trainee_pages()
    for stage, pages in (("public", public_pages()), ("trainee", tour)):
        if stage == "trainee":
            sign_in(page, base, "trainee.hn@example.org", language=language)
        for name, urls in pages:
            page.goto(base + urls[language])
            found = serious_violations(page)
            if found:
                problems[urls[language]] = found
            screenshot(page, f"{name}-{language}")
    assert problems == {}
    assert csp_errors(page) == []


def test_quiz_can_be_completed_with_the_keyboard_alone(live_server, demo, page):
    """Tab to a choice, Space to pick it, Enter on the buttons: no mouse at all.

    Tab enters a radio group once (browsers move within it with the arrow keys,
    as screen-reader users expect); checkboxes are each a Tab stop.
    """
    base = live_server.url
    sign_in(page, base, "trainee.hn@example.org")
    exam = open_final_exam_for("trainee.hn@example.org")
    key = answer_key(exam)
    with translation.override("es"):
        page.goto(base + exam.get_url())

    def tab_to(selector: str, limit: int = 60) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.matches({selector!r})"):
                return
        raise AssertionError(f"Tab never reached {selector}")

    def focus_is_visible() -> bool:
        return page.evaluate(
            "getComputedStyle(document.activeElement).outlineStyle !== 'none'"
            " && parseFloat(getComputedStyle(document.activeElement).outlineWidth) >= 2"
        )

    tab_to("form[action$='/start/'] button")
    assert focus_is_visible()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    while True:
        name = page.locator("fieldset.question .choice input").first.get_attribute("name")
        right = key[int(name[1:])]["right"]
        for choice in right:
            target = f"input[value='{choice}']"
            tab_to(f"{target}, fieldset.question input[type=radio]")
            for _ in range(10):
                if page.evaluate(f"document.activeElement.matches({target!r})"):
                    break
                page.keyboard.press("ArrowDown")
            assert focus_is_visible()
            page.keyboard.press("Space")
            expect(page.locator(f"input[value='{choice}']")).to_be_checked()
        if page.locator("button.quiz-submit").count():
            tab_to("button.quiz-submit")
            with page.expect_navigation():
                page.keyboard.press("Enter")
            break
        tab_to(".quiz-actions button[name=goto]:last-child")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    expect(page.locator(".result .success")).to_have_text("Aprobado.")


@pytest.mark.parametrize(
    "language, message", [("es", "Hay un problema"), ("en", "There is a problem")]
)
def test_form_errors_are_announced_in_the_page_language(live_server, demo, page, language, message):
    page.goto(f"{live_server.url}/{language}/accounts/signup/")
    page.click("form.form button[type=submit]")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("[role=alert]").first).to_contain_text(message)
    email = page.locator("input[name=email]")
    expect(email).to_have_attribute("aria-invalid", "true")
    described = email.get_attribute("aria-describedby") or ""
    error = page.locator(f"#{described.split()[0]}") if described else None
    assert error is not None and error.count() == 1, described
    expect(error).to_have_attribute("role", "alert")
