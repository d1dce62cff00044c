"""Personal downloads say ``Cache-Control: private, no-store``.

A certificate, a transcript, a trainee's data, a report export or a zip of
certificates must never be kept by a shared cache (a proxy could hand it to
the next visitor) nor stored by the browser on a shared computer.
"""

import pytest

from certificates.models import CertificateZip
from certificates.services import certificate_zip_request
from tests.security_world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(django_capture_on_commit_callbacks):
    return build_world(django_capture_on_commit_callbacks)


def assert_private(response):
    assert response.status_code == 200, response.status_code
    if response.streaming:
        b"".join(response.streaming_content)
    cache_control = response.get("Cache-Control", "")
    assert "private" in cache_control and "no-store" in cache_control, cache_control


@pytest.mark.parametrize("language", ["en", "es"])
def test_holder_certificate_pdf_is_private(world, language):
    code = world.cert_a.display_code
    assert_private(world.client("trainee_a").get(f"/{language}/certificates/{code}/pdf/"))


def test_my_data_json_is_private(world):
    assert_private(world.client("trainee_a").get("/en/accounts/privacy/my-data.json"))


@pytest.mark.parametrize("suffix", ["", "print/", "?export=csv", "?export=xlsx"])
def test_transcript_is_private_on_screen_in_print_and_exported(world, suffix):
    pk = world.people["trainee_a"].pk
    assert_private(world.client("manager_hn").get(f"/admin/reports/program/trainees/{pk}/{suffix}"))


def test_country_pdf_summary_is_private(world):
    assert_private(
        world.client("manager_hn").get("/admin/reports/program/countries/HN/summary.pdf")
    )


def test_admin_certificate_pdf_is_private(world):
    assert_private(world.client("manager_hn").get(f"/admin/certificates/{world.cert_a.pk}/pdf/"))


def test_certificate_zip_download_is_private(world, django_capture_on_commit_callbacks):
    manager = world.people["manager_all"]
    with django_capture_on_commit_callbacks(execute=True):
        job = certificate_zip_request(user=manager, query=f"course={world.course.pk}", language="")
    job.refresh_from_db()
    assert job.status == CertificateZip.Status.DONE
    response = world.client("manager_all").get(f"/admin/certificates/zips/{job.pk}/")
    assert_private(response)


@pytest.mark.parametrize("query", ["?format=csv", "?format=gift&lang=es"])
def test_question_export_is_private(world, query):
    assert_private(world.client("trainer").get(f"/admin/quizzes/{world.exam.pk}/export/{query}"))
