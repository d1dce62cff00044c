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


def copies_of(certificate, count: int) -> None:
    """``count`` more certificates of the same course and holder (distinct codes)."""
    from certificates.codes import code_generate

    fields = {
        field.attname: getattr(certificate, field.attname)
        for field in Certificate._meta.concrete_fields
        if field.attname not in ("id", "code", "enrollment_id")
    }
    Certificate.objects.bulk_create(
        Certificate(**fields, code=code_generate()) for _ in range(count)
    )


def test_progress_is_saved_while_the_zip_is_built(certificate, manager_all, monkeypatch):
    from certificates import pdf

    copies_of(certificate, 4)
    job = CertificateZip.objects.create(
        requested_by=manager_all, query=f"course={certificate.course_id}", language="en"
    )
    seen = []

    def render(batch, **kwargs):
        # Certificates are rendered a batch at a time, the batch as long as the progress step.
        done = CertificateZip.objects.values_list("count", "done").get(pk=job.pk)
        seen.extend(done for _ in batch)
        return [b"%PDF-1.7"] * len(batch)

    monkeypatch.setattr(pdf, "PROGRESS_EVERY", 2)
    monkeypatch.setattr(pdf, "certificate_pdfs", render)
    certificate_zip_build(zip_id=job.pk)
    # What the manager's page reads while each PDF is rendered: the total at once,
    # then the certificates already in the zip, saved every second one.
    assert seen == [(5, 0), (5, 0), (5, 2), (5, 2), (5, 4)]
    job.refresh_from_db()
    assert (job.status, job.count, job.done) == ("done", 5, 5)
    assert len(names_in(job)) == 5


def test_a_zip_is_written_to_a_file_not_kept_in_memory(certificate, manager_all, monkeypatch):
    import tracemalloc

    from certificates import pdf

    copies_of(certificate, 79)
    job = CertificateZip.objects.create(
        requested_by=manager_all, query=f"course={certificate.course_id}", language="en"
    )
    # One megabyte per PDF: 80 MB if the zip (or its PDFs) were kept in memory.
    monkeypatch.setattr(
        pdf, "certificate_pdfs", lambda batch, **kw: (b"%PDF-" + bytes(1024 * 1024) for _ in batch)
    )
    tracemalloc.start()
    try:
        size = certificate_zip_build(zip_id=job.pk)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size > 80 * 1024 * 1024
    assert peak < 16 * 1024 * 1024
    job.refresh_from_db()
    assert job.count == 80 and len(names_in(job)) == 80


def test_a_build_that_fails_half_way_is_marked_failed(certificate, manager_all, monkeypatch):
    from certificates import pdf

    def broken(batch, **kwargs):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(pdf, "certificate_pdfs", broken)
    job = CertificateZip.objects.create(
        requested_by=manager_all, query=f"course={certificate.course_id}", language="en"
    )
    with pytest.raises(RuntimeError):
        certificate_zip_build(zip_id=job.pk)
    job.refresh_from_db()
    assert job.status == "failed" and job.finished_at is not None and not job.file
    assert not certificate.events.filter(action="downloaded_bulk").exists()
