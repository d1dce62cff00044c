"""The sign-up form's errors, as a trainee sees them on a phone and a desktop, in both languages."""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE
from .helpers import screenshot

TEXTS = {
    "en": ("There is a problem", "Enter your full name", "Enter an e-mail address in the correct"),
    "es": ("Hay un problema", "Escriba su nombre completo", "Escriba una dirección de correo"),
}
ERROR_RED = "rgb(179, 38, 30)"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_signup_errors_follow_the_pattern(live_server, demo, open_page, language, viewport):
    page = open_page(viewport=viewport)
    page.goto(f"{live_server.url}/{language}/accounts/signup/")
    expect(page.locator("#id_password1_helptext li").first).to_be_visible()  # rules, before errors
    assert page.locator("[placeholder]").count() == 0
    page.fill("#id_email", "not-an-address")
    with page.expect_navigation():
        page.click("form.form button[type=submit]")
    title, name_message, email_message = TEXTS[language]
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(title)
    expect(summary).to_be_focused()  # moved there on load, without script
    expect(summary.locator("a[href='#id_full_name']")).to_have_text(name_message)
    expect(summary.locator("a[href='#id_email']")).to_contain_text(email_message)
    summary.locator("a[href='#id_full_name']").click()
    expect(page.locator("#id_full_name")).to_be_focused()
    summary.locator("a[href='#id_email']").click()
    expect(page.locator("#id_email")).to_be_focused()
    for selector in ("#id_email", "#id_full_name", "#id_job_title", "#id_password1", "#id_country"):
        field = page.locator(selector)
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_css("border-top-color", ERROR_RED)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    screenshot(page, f"forms-signup-errors-{language}")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_summary_works_without_javascript(live_server, demo, open_page, language):
    page = open_page(viewport=PHONE, java_script_enabled=False)
    page.goto(f"{live_server.url}/{language}/accounts/login/")
    with page.expect_navigation():
        page.click("form.form button[type=submit]")
    expect(page.locator(".error-summary")).to_contain_text(TEXTS[language][0])
    page.click(".error-summary a[href='#id_login']")
    assert page.url.endswith("#id_login")
