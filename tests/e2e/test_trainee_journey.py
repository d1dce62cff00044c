"""A Spanish-speaking trainee from Honduras, on a phone, from sign-up to a verified certificate."""

import re

from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from accounts.models import Agency, PartnerCountry
from tests.e2e.helpers import (
    DEMO_COURSE_ES,
    answer_key,
    csp_errors,
    final_exam,
    mailed_link,
    take_quiz,
)

PASSWORD = "Ruta-Segura-2026!"


def sign_up_in_spanish(page, base_url, email):
    honduras = PartnerCountry.objects.get(code="HN")
    agency = Agency.objects.filter(country=honduras).order_by("pk").first()
    page.goto(base_url + "/es/accounts/signup/")
    page.get_by_label("Nombre completo").fill("Ana Lucía Mejía")
    page.get_by_label("Correo electrónico").fill(email)
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("select[name=country]").select_option(str(honduras.pk))
    page.locator("select[name=agency]").select_option(str(agency.pk))
    page.locator("input[name=job_title]").fill("Fiscal auxiliar")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("Verifique su dirección de correo")


def test_trainee_signs_up_studies_passes_on_retry_and_verifies_certificate(live_server, demo, page):
    base = live_server.url
    email = "ana.mejia@example.org"
    mail.outbox.clear()
    sign_up_in_spanish(page, base, email)

    # The confirmation e-mail is in Spanish; its link confirms and signs in.
    [message] = [m for m in mail.outbox if email in m.to]
    link = mailed_link(message, "/es/accounts/confirm-email/")
    page.goto(link)
    page.locator("form.form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/es/my-learning/$"))

    # Enrol from the Spanish catalogue.
    page.goto(base + "/es/cursos/")
    page.get_by_role("link", name="Investigación de redes de tráfico ilícito de migrantes").click()
    expect(page).to_have_url(re.compile(DEMO_COURSE_ES + "$"))
    page.get_by_role("button", name="Inscribirme en este curso").click()
    expect(page.locator(".enrol-box progress")).to_be_visible()

    # Read every lesson, marking each complete.
    lessons = page.locator(".outline-lesson a")
    urls = [lessons.nth(i).get_attribute("href") for i in range(lessons.count())]
    assert len(urls) == 5
    for url in urls:
        page.goto(base + url)
        expect(page.locator(".prose p").first).to_be_visible()
        page.locator(".lesson-footer form button[type=submit]").click()
        page.wait_for_load_state()
    page.goto(base + DEMO_COURSE_ES)
    expect(page.locator(".outline-lesson .badge-done")).to_have_count(5)

    # The final exam: failed once (wrong answers), passed on retry.
    exam = final_exam()
    key = answer_key(exam)
    with translation.override("es"):
        page.goto(base + exam.get_url())
    page.get_by_role("button", name="Comenzar el cuestionario").click()
    take_quiz(page, key, correctly=False, submit_label="Enviar para calificar")
    expect(page.locator(".result .notice")).to_have_text("No aprobado.")
    page.get_by_role("link", name="Volver al cuestionario").click()
    page.get_by_role("button", name="Iniciar un nuevo intento").click()
    take_quiz(page, key, correctly=True, submit_label="Enviar para calificar")
    expect(page.locator(".result .success")).to_have_text("Aprobado.")
    expect(page.locator(".result h2")).to_contain_text("100")

    # The certificate: download the PDF, then open its public verification page.
    page.goto(base + "/es/my-learning/")
    card = page.locator(".certificate-card")
    expect(card.locator(".badge-done")).to_have_text("Válido")
    with page.expect_download() as download_info:
        card.locator("a[href*='/pdf/']").first.click()
    pdf = download_info.value
    with open(pdf.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    card.get_by_role("link", name="Página pública de verificación").click()
    expect(page).to_have_url(re.compile(r"/es/certificates/verify/[^/]+/$"))
    expect(page.locator(".verification-valid")).to_contain_text("Este certificado es válido.")
    expect(page.locator(".verification")).to_contain_text("Ana Lucía Mejía")
    assert csp_errors(page) == []
