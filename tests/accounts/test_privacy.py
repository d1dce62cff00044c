"""Privacy: a trainee downloads their data and deletes their account; the audit log."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import AuditEvent, User
from accounts.services import AccountError, account_delete, audit_record
from certificates.models import Certificate
from learning.models import Answer, Attempt, Enrollment, ModuleCompletion
from tests import factories
from tests.certificates.conftest import HOLDER, complete_course, course_with_exam

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder(django_capture_on_commit_callbacks):
    """A Guatemalan trainee who completed a course and holds a certificate."""
    factories.country("GT", en="Guatemala", es="Guatemala")
    trainee = factories.trainee("holder.gt@example.org", code="GT", full_name=HOLDER)
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(trainee, course_with_exam())
    return trainee


def download(client, user) -> dict:
    client.force_login(user)
    response = client.get("/en/accounts/privacy/my-data.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    return json.loads(response.content)


def test_download_contains_profile_enrolments_lessons_attempts_and_certificates(client, holder):
    data = download(client, holder)
    assert data["profile"]["email"] == "holder.gt@example.org"
    assert data["profile"]["full_name"] == HOLDER
    assert data["profile"]["country"]["code"] == "GT"
    assert data["profile"]["email_addresses"][0]["verified"] is True
    (enrolment,) = data["enrolments"]
    assert enrolment["completed_at"] is not None
    assert len(enrolment["lessons_completed"]) == 2
    (attempt,) = data["quiz_attempts"]
    assert attempt["passed"] is True
    assert attempt["answers"][0]["question_en"] == "Is the chain of custody recorded?"
    assert attempt["answers"][0]["selected_en"] == ["Yes"]
    (certificate,) = data["certificates"]
    assert certificate["holder_name"] == HOLDER
    assert certificate["status"] == "valid"
    assert certificate["history"][0]["action"] == "issued"
    assert certificate["verification_url"].endswith(f"/verify/{certificate['code']}/")


def test_download_lists_transcript_views_without_naming_the_manager(client, holder):
    manager = factories.manager("manager.gt@example.org")
    audit_record(
        actor=manager,
        action=AuditEvent.Action.TRANSCRIPT_VIEWED,
        target=f"transcript of trainee {holder.pk}",
        subject=holder,
    )
    data = download(client, holder)
    assert [e["action"] for e in data["access_log"]] == ["transcript_viewed"]
    assert "manager.gt@example.org" not in json.dumps(data)


def test_download_holds_only_the_signed_in_users_data(client, holder):
    other = factories.trainee("other@example.org", code="HN", full_name="Otra Persona")
    data = download(client, other)
    assert data["enrolments"] == [] and data["certificates"] == []
    assert HOLDER not in json.dumps(data)


def test_download_uses_the_same_queries_with_one_or_many_records(client, holder):
    client.force_login(holder)

    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/accounts/privacy/my-data.json")
        return len(queries)

    count()  # warm the per-process caches (site root, content types)
    first = count()
    with_more = course_with_exam(title="Digital evidence", title_es="Evidencia digital")
    complete_course(holder, with_more)
    count()  # publishing the course and saving the holder emptied those caches: warm again
    assert count() == first


def test_download_requires_sign_in(client):
    response = client.get("/en/accounts/privacy/my-data.json")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_download_is_recorded_in_the_audit_log(client, holder):
    download(client, holder)
    event = AuditEvent.objects.get(action=AuditEvent.Action.DATA_DOWNLOADED)
    assert event.subject == holder and event.country == "GT"


def test_profile_page_offers_download_and_delete(client, holder):
    client.force_login(holder)
    html = client.get("/es/accounts/profile/").content.decode()
    assert "/es/accounts/privacy/my-data.json" in html
    assert "Eliminar mi cuenta" in html


def test_delete_with_password_removes_personal_data_and_keeps_certificate(client, holder):
    certificate = Certificate.objects.get(user=holder)
    client.force_login(holder)
    response = client.post("/en/accounts/privacy/delete/", {"password": factories.PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(email="holder.gt@example.org").exists()
    assert Enrollment.objects.count() == 0
    assert ModuleCompletion.objects.count() == 0
    assert Attempt.objects.count() == 0 and Answer.objects.count() == 0
    certificate.refresh_from_db()
    assert certificate.user is None and certificate.holder_name == HOLDER
    assert certificate.status == "valid"
    page = client.get(certificate.verification_path("en"))
    assert page.status_code == 200
    assert HOLDER in page.content.decode() and "This certificate is valid." in page.content.decode()


def test_deleted_account_cannot_sign_in(client, holder):
    client.force_login(holder)
    client.post("/en/accounts/privacy/delete/", {"password": factories.PASSWORD})
    assert client.get("/en/my-learning/").status_code == 302  # signed out
    response = client.post(
        "/en/accounts/login/",
        {"login": "holder.gt@example.org", "password": factories.PASSWORD},
    )
    assert response.status_code == 200  # the form again, with an error
    assert "_auth_user_id" not in client.session


def test_delete_with_wrong_password_changes_nothing(client, holder):
    client.force_login(holder)
    response = client.post("/es/accounts/privacy/delete/", {"password": "wrong"})
    assert response.status_code == 400
    assert "La contraseña no es correcta" in response.content.decode()
    assert User.objects.filter(pk=holder.pk).exists()
    assert Enrollment.objects.filter(user=holder).count() == 1


def test_delete_is_rate_limited(client, holder):
    client.force_login(holder)
    statuses = [
        client.post("/en/accounts/privacy/delete/", {"password": "wrong"}).status_code
        for _ in range(12)
    ]
    assert statuses[-1] == 429
    assert User.objects.filter(pk=holder.pk).exists()


def test_delete_page_explains_what_is_kept(client, holder):
    client.force_login(holder)
    html = client.get("/es/accounts/privacy/delete/").content.decode()
    assert "Los certificados ya emitidos siguen siendo verificables" in html


def test_deletion_leaves_an_audit_line_without_personal_data(holder):
    pk = holder.pk
    audit_record(actor=holder, action=AuditEvent.Action.DATA_DOWNLOADED, target=f"user {pk}")
    account_delete(user=holder)
    deleted = AuditEvent.objects.get(action=AuditEvent.Action.ACCOUNT_DELETED)
    assert deleted.target == f"user {pk}" and deleted.country == "GT"
    assert not AuditEvent.objects.filter(actor_label="holder.gt@example.org").exists()


def test_staff_cannot_delete_their_account_here(db):
    manager = factories.manager("manager@example.org")
    with pytest.raises(AccountError):
        account_delete(user=manager)
    assert User.objects.filter(pk=manager.pk).exists()


def test_transcript_view_and_export_are_audited(client, holder):
    from accounts.roles import roles_setup

    roles_setup()
    manager = factories.manager("manager@example.org")
    client.force_login(manager)
    assert client.get(f"/admin/reports/program/trainees/{holder.pk}/").status_code == 200
    client.get(f"/admin/reports/program/trainees/{holder.pk}/?export=csv")
    # The holder's certificate has its own lines (about the certificate).
    events = list(AuditEvent.objects.filter(object_id__isnull=True).order_by("pk"))
    assert [e.action for e in events] == ["transcript_viewed", "report_exported"]
    assert all(e.actor == manager and e.subject == holder and e.country == "GT" for e in events)
    assert HOLDER not in events[0].target


def test_report_export_and_summary_pdf_are_audited(client, holder):
    from accounts.roles import roles_setup

    roles_setup()
    client.force_login(factories.manager("manager@example.org"))
    # The holder's certificate has its own lines (about the certificate).
    log = AuditEvent.objects.filter(object_id__isnull=True)
    client.get("/admin/reports/program/countries/")
    assert not log.exists()  # looking at aggregate figures is not logged
    client.get("/admin/reports/program/countries/?export=xlsx")
    client.get("/admin/reports/program/countries/GT/summary.pdf")
    targets = list(log.order_by("pk").values_list("target", flat=True))
    assert targets[0].startswith("countries") or targets[0].endswith(".xlsx")
    assert targets[1].startswith("summary-GT-")


def test_audit_log_is_listed_for_superusers_only(client, holder):
    from accounts.roles import roles_setup

    roles_setup()
    audit_record(actor=holder, action=AuditEvent.Action.DATA_DOWNLOADED, target="user 1")
    client.force_login(factories.manager("manager@example.org"))
    assert client.get("/admin/audit-log/").status_code == 302
    admin = User.objects.create_superuser("root@example.org", "x", full_name="Root")
    client.force_login(admin)
    response = client.get("/admin/audit-log/")
    assert response.status_code == 200
    assert "holder.gt@example.org" in response.content.decode()
    assert client.get("/admin/audit-log/?q=holder").status_code == 200
    export = client.get("/admin/audit-log/?export=csv")
    assert b"data_downloaded" in export.getvalue()
