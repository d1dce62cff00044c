"""The language switch keeps the visitor on the same place, on every kind of page."""

from playwright.sync_api import expect

from tests.e2e.helpers import csp_errors, sign_in
from tests.e2e.tour import public_pages, trainee_pages

NAMES = {"en": "English", "es": "Español"}


def assert_switch_keeps_place(page, base, name, urls):
    page.goto(base + urls["es"])
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.locator(".language-switch").get_by_role("link", name=NAMES["en"]).click()
    assert page.url == base + urls["en"], name
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(".language-switch").get_by_role("link", name=NAMES["es"]).click()
    assert page.url == base + urls["es"], name


def test_language_switch_keeps_the_place_on_every_kind_of_page(live_server, demo, page):
    base = live_server.url
    for name, urls in public_pages():
        assert_switch_keeps_place(page, base, name, urls)
    assert csp_errors(page) == []
    tour = trainee_pages()
    sign_in(page, base, "trainee.hn@example.org")
    for name, urls in tour:
        assert_switch_keeps_place(page, base, name, urls)
    assert csp_errors(page) == []
