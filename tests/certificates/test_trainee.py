"""The trainee's side: My learning, PDF downloads, renewal."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from certificates.codes import code_generate
from certificates.models import Certificate
from certificates.services import certificate_revoke
from tests import factories

from .conftest import HOLDER, expire
from .pdf_tools import pdf_text

pytestmark = pytest.mark.django_db


def pdf_url(certificate, lang=None):
    url = f"/es/certificates/{certificate.display_code}/pdf/"
    return url + (f"?lang={lang}" if lang else "")


def test_my_learning_lists_the_certificate_with_downloads_in_each_language(client, certificate):
    client.force_login(certificate.user)
    page = client.get("/es/my-learning/").content.decode()
    assert "Mis certificados" in page
    assert certificate.display_code in page
    assert "Entrevista a víctimas" in page
    for lang in ("en", "es", "both"):
        assert f"{pdf_url(certificate)}?lang={lang}" in page


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("es", "Certificado de finalización"), ("en", "Certificate of completion")],
)
def test_holder_downloads_the_pdf_in_the_language_asked(client, certificate, lang, expected):
    client.force_login(certificate.user)
    response = client.get(pdf_url(certificate, lang))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert expected in text
    assert HOLDER in text


def test_another_trainee_gets_404_for_someone_elses_pdf(client, certificate):
    client.force_login(factories.trainee("other@example.org", code="GT"))
    assert client.get(pdf_url(certificate)).status_code == 404
    assert client.get(pdf_url(certificate, "both")).status_code == 404


def test_anonymous_download_asks_to_sign_in(client, certificate):
    response = client.get(pdf_url(certificate))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_revoked_certificate_cannot_be_downloaded(client, certificate, manager_gt):
    certificate_revoke(certificate=certificate, actor=manager_gt, reason="Fraud")
    client.force_login(certificate.user)
    assert client.get(pdf_url(certificate)).status_code == 404
    page = client.get("/es/my-learning/").content.decode()
    assert "Revocado" in page
    assert pdf_url(certificate) not in page


def test_expired_certificate_offers_renewal_on_my_learning(client, certificate):
    expire(certificate)
    client.force_login(certificate.user)
    page = client.get("/es/my-learning/").content.decode()
    assert "Vencido" in page
    assert f"/es/certificates/{certificate.display_code}/renew/" in page
    assert "Renovar: volver a presentar el examen final" in page


def test_starting_a_renewal_resets_the_exam_attempt_window(client, certificate):
    expire(certificate)
    client.force_login(certificate.user)
    response = client.post(f"/es/certificates/{certificate.display_code}/renew/", follow=True)
    assert response.status_code == 200
    assert "Renovación iniciada" in response.content.decode()
    certificate.enrollment.refresh_from_db()
    assert certificate.enrollment.renewal_started_at is not None


def test_renewal_of_a_current_certificate_is_refused(client, certificate):
    client.force_login(certificate.user)
    response = client.post(f"/es/certificates/{certificate.display_code}/renew/", follow=True)
    assert "Solo se puede renovar un certificado vencido." in response.content.decode()
    certificate.enrollment.refresh_from_db()
    assert certificate.enrollment.renewal_started_at is None


def test_another_trainee_cannot_start_a_renewal(client, certificate):
    expire(certificate)
    client.force_login(factories.trainee("other@example.org", code="GT"))
    response = client.post(f"/es/certificates/{certificate.display_code}/renew/")
    assert response.status_code == 404
    certificate.enrollment.refresh_from_db()
    assert certificate.enrollment.renewal_started_at is None


def add_certificates(user, course, count):
    now = timezone.now()
    Certificate.objects.bulk_create(
        Certificate(
            code=code_generate(),
            user=user,
            course=course,
            completed_at=now,
            holder_name=user.full_name,
            course_titles={"en": f"Course {n}", "es": f"Curso {n}"},
        )
        for n in range(count)
    )


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.usefixtures("without_personal_page_cache")
def test_my_learning_query_count_is_the_same_with_1_or_30_certificates(client, course):
    one = factories.trainee("one@example.org")
    many = factories.trainee("many@example.org")
    add_certificates(one, course, 1)
    add_certificates(many, course, 30)
    client.force_login(one)
    with_one = count_queries(client, "/es/my-learning/")
    client.force_login(many)
    with_many = count_queries(client, "/es/my-learning/")
    assert with_one == with_many
    assert "Curso 29" in client.get("/es/my-learning/").content.decode()
