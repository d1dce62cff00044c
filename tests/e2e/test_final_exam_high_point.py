"""Passing the final exam is the high point: the course complete, the certificate at hand.

A trainee who has read every lesson fails the demo final exam once (the review
names the wrong questions but keeps the key), then passes it: the result says
the course is complete and leads to the certificate's downloads and its public
verification page; My learning marks the certificate new. In Spanish and in
English, each page at 390 and 1280 px without horizontal overflow.
"""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.helpers import answer_key, final_exam, screenshot, sign_in, take_quiz

TEXTS = {
    "es": {
        "start": "Comenzar el cuestionario",
        "retry": "Iniciar un nuevo intento",
        "submit": "Enviar para calificar",
        "back": "Volver al cuestionario",
        "withheld": "Las respuestas correctas y la retroalimentación se muestran",
        "key": "Respuesta correcta",
        "wrong": "Incorrecta",
        "complete": "Curso completado",
        "course": "Investigación de redes de tráfico ilícito de migrantes",
        "verify": "Página pública de verificación",
        "valid": "Este certificado es válido.",
        "new": "Nuevo",
    },
    "en": {
        "start": "Start the quiz",
        "retry": "Start a new attempt",
        "submit": "Submit for scoring",
        "back": "Back to the quiz",
        "withheld": "The correct answers and feedback are shown",
        "key": "Correct answer",
        "wrong": "Wrong",
        "complete": "Course complete",
        "course": "Investigating Human-Smuggling Networks",
        "verify": "Public verification page",
        "valid": "This certificate is valid.",
        "new": "New",
    },
}


def fits_both_widths(page, name: str) -> None:
    """No horizontal overflow on the phone and on the desktop; a screenshot of each."""
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} overflows by {overflow}px at {size['width']}px"
        screenshot(page, name)


def read_every_lesson(email: str) -> None:
    from accounts.models import User
    from courses.models import CoursePage, ModulePage
    from learning.services import enrollment_create, module_complete

    user = User.objects.get(email=email)
    course = CoursePage.objects.get(slug_en="investigating-human-smuggling-networks")
    enrollment_create(user=user, course=course)
    for lesson in ModulePage.objects.child_of(course).live():
        module_complete(user=user, module=lesson)


@pytest.mark.parametrize("language", ["es", "en"])
def test_fail_then_pass_the_final_exam_and_reach_the_certificate(
    live_server, demo, open_page, language
):
    base = live_server.url
    texts = TEXTS[language]
    email = "trainee.hn@example.org"  # part way through the demo course, no exam yet
    read_every_lesson(email)
    page = open_page(viewport=PHONE if language == "es" else DESKTOP)
    sign_in(page, base, email, language=language)
    exam = final_exam()
    key = answer_key(exam)
    with translation.override(language):
        page.goto(base + exam.get_url())

    # First attempt, all wrong: the questions marked wrong, the key withheld.
    page.get_by_role("button", name=texts["start"]).click()
    take_quiz(page, key, correctly=False, submit_label=texts["submit"])
    expect(page.locator(".key-withheld")).to_contain_text(texts["withheld"])
    expect(page.locator(".review-question")).to_have_count(12)  # drawn from a pool of 20
    expect(page.locator(".review-question .badge-wrong").first).to_have_text(texts["wrong"])
    expect(page.locator("body")).not_to_contain_text(texts["key"])
    assert page.locator(".review-choices, .feedback").count() == 0
    fits_both_widths(page, f"final-exam-review-withheld-{language}")

    # Second attempt, all right: the course complete, the certificate at hand.
    page.get_by_role("link", name=texts["back"]).click()
    page.get_by_role("button", name=texts["retry"]).click()
    take_quiz(page, key, correctly=True, submit_label=texts["submit"])
    expect(page.locator("h1")).to_have_text(texts["complete"])
    expect(page.locator(".panel-complete")).to_contain_text(texts["course"])
    downloads = page.locator(".certificate-downloads a")
    expect(downloads).to_have_count(3)
    hrefs = [downloads.nth(i).get_attribute("href") for i in range(3)]
    assert hrefs[0].endswith(f"?lang={language}")
    assert {href.rsplit("=", 1)[1] for href in hrefs} == {"en", "es", "both"}
    assert all(re.search(rf"^/{language}/certificates/[^/]+/pdf/\?lang=", h) for h in hrefs)
    expect(page.locator(".review-choices").first).to_be_visible()  # passed: the key shown
    fits_both_widths(page, f"final-exam-course-complete-{language}")

    with page.expect_download() as download_info:
        downloads.first.click()
    with open(download_info.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"

    page.get_by_role("link", name=texts["verify"]).click()
    expect(page).to_have_url(re.compile(rf"/{language}/certificates/verify/[^/]+/$"))
    expect(page.locator("body")).to_contain_text(texts["valid"])

    # My learning: the new certificate first, marked new.
    page.goto(f"{base}/{language}/my-learning/")
    first = page.locator(".certificate-card").first
    expect(first.locator(".badge-new")).to_have_text(texts["new"])
    expect(first).to_contain_text(texts["course"])
    fits_both_widths(page, f"my-learning-new-certificate-{language}")
