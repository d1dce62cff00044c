"""Building a bulk zip (the task's side): filters re-applied, language, failure, no rebuild."""

import io
import zipfile

import pytest

from certificates.models import Certificate, CertificateZip
from certificates.services import certificate_zip_build

from .conftest import complete_course, course_with_exam

pytestmark = pytest.mark.django_db


def names_in(job) -> list[str]:
    job.file.open("rb")
    try:
        return zipfile.ZipFile(io.BytesIO(job.file.read())).namelist()
    finally:
        job.file.close()


def test_the_zip_holds_only_the_filtered_course_in_the_language_asked(
    certificate, gt_trainee, manager_all
):
    complete_course(gt_trainee, course_with_exam(title="Another course"))
    assert Certificate.objects.count() == 2
    job = CertificateZip.objects.create(
        requested_by=manager_all, query=f"course={certificate.course_id}", language="en"
    )
    size = certificate_zip_build(zip_id=job.pk)
    job.refresh_from_db()
    assert size > 0
    assert job.status == "done" and job.count == 1 and job.finished_at is not None
    # The holder's language is Spanish; the manager asked for English.
    assert names_in(job) == [
        f"interviewing-victims/certificate-{certificate.display_code}-jose-angel-perez-munoz-en.pdf"
    ]


def test_filters_that_no_longer_validate_fail_the_job(certificate, manager_all):
    job = CertificateZip.objects.create(requested_by=manager_all, query="course=999999")
    assert certificate_zip_build(zip_id=job.pk) == 0
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.finished_at is not None
    assert not job.file


def test_a_finished_job_is_not_built_again(certificate, manager_all):
    job = CertificateZip.objects.create(
        requested_by=manager_all, query=f"course={certificate.course_id}", status="failed"
    )
    assert certificate_zip_build(zip_id=job.pk) == 0
    job.refresh_from_db()
    assert job.status == "failed" and job.count == 0 and not job.file


def test_a_job_that_no_longer_exists_builds_nothing(db):
    assert certificate_zip_build(zip_id=987654) == 0


def test_a_request_records_the_filters_and_language_for_the_task(
    manager_all, django_capture_on_commit_callbacks
):
    from certificates.services import certificate_zip_request

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = certificate_zip_request(user=manager_all, query="country=GT", language="es")
    job.refresh_from_db()
    assert (job.requested_by, job.query, job.language, job.status) == (
        manager_all,
        "country=GT",
        "es",
        "pending",
    )
    assert len(callbacks) == 1  # handed to the task worker once committed
