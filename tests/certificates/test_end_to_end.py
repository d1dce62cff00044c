"""End to end with the test client: completion → certificate → PDF → QR → verification → revoke."""

import pytest
from django.apps import apps

from certificates.models import Certificate
from courses.models import ModulePage
from tests import factories

from .conftest import HOLDER, course_with_exam
from .pdf_tools import pdf_qr_codes, pdf_text

pytestmark = pytest.mark.django_db


def pass_final_exam_through_the_quiz_app(user, course):
    from assessments.models import QuizPage
    from learning.attempts import attempt_start, attempt_submit

    quiz = QuizPage.objects.child_of(course).get(kind=QuizPage.Kind.FINAL_EXAM)
    attempt = attempt_start(user=user, quiz=quiz, language="es")
    right = {q["id"]: q["correct"] for q in attempt.snapshot["questions"]}
    result = attempt_submit(attempt=attempt, answers=right)
    assert result.attempt.passed


def test_demo_trainee_passes_the_exam_and_gets_a_verifiable_certificate(
    client, django_capture_on_commit_callbacks, roles
):
    guatemala = factories.country("GT", en="Guatemala", es="Guatemala")
    trainee = factories.trainee("trainee.gt@example.org", code="GT", full_name=HOLDER)
    manager = factories.manager("manager@example.org")
    course = course_with_exam()
    client.force_login(trainee)

    # Enrol and study every lesson, as the trainee does in the browser.
    client.post(f"/es/cursos/{course.slug_es}/enrol/")
    for lesson in ModulePage.objects.child_of(course).order_by("path"):
        response = client.post(f"/es/cursos/{course.slug_es}/{lesson.slug_es}/complete/")
        assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        if apps.is_installed("assessments"):
            assert not Certificate.objects.exists()  # the final exam is still required
            pass_final_exam_through_the_quiz_app(trainee, course)

    # The certificate appears on My learning.
    certificate = Certificate.objects.get(user=trainee)
    assert certificate.country_names["es"] == guatemala.name_es
    my_learning = client.get("/es/my-learning/").content.decode()
    assert certificate.display_code in my_learning

    # Its PDF downloads, holds the accented name and the code, and its QR decodes
    # to the verification URL in the PDF's language.
    pdf = client.get(f"/es/certificates/{certificate.display_code}/pdf/?lang=es")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    text = pdf_text(pdf.content)
    assert HOLDER in text
    assert certificate.display_code in text
    [qr_url] = pdf_qr_codes(pdf.content)
    qr_url, _token = qr_url.split("#t=")
    assert qr_url == f"http://testserver/es/certificates/verify/{certificate.display_code}/"

    # That URL says valid, in Spanish.
    client.logout()
    path = qr_url.removeprefix("http://testserver")
    page = client.get(path)
    assert page.status_code == 200
    assert "Este certificado es válido." in page.content.decode()

    # A manager revokes it in the admin; the same page now says revoked.
    client.force_login(manager)
    revoke = client.post(f"/admin/certificates/{certificate.pk}/revoke/", {"reason": "Error"})
    assert revoke.status_code == 302
    client.logout()
    page = client.get(path).content.decode()
    assert "Este certificado fue revocado el" in page
    assert "Error" not in page
