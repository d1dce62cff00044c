"""First journey: a Spanish-speaking trainee signs in and opens a lesson."""

import re

from playwright.sync_api import expect

from demo.accounts import DEMO_PASSWORD


def test_trainee_signs_in_in_spanish_and_reads_a_lesson(live_server, demo, page):
    page.goto(live_server.url + "/es/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.get_by_role("link", name="Iniciar sesión").first.click()
    page.get_by_label("Correo electrónico").fill("trainee.hn@example.org")
    page.get_by_label("Contraseña").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    expect(page).to_have_url(re.compile(r"/es/my-learning/$"))
    expect(page.get_by_role("heading", name="Mi aprendizaje")).to_be_visible()
    page.get_by_role("link", name=re.compile("^Continuar")).first.click()
    expect(page.locator("article.lesson h1")).to_be_visible()
    expect(page.locator(".breadcrumb")).to_contain_text("Lección 3 de 5")
    body = page.locator(".prose").inner_text()
    assert len(body) > 500
    assert page.viewport_size["width"] == 390
