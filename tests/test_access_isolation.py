"""No object of one trainee or country is reachable by another: forbidden
requests answer 403 or 404 and change nothing (a snapshot of every table, zip
jobs included, is compared before and after)."""

import io
import zipfile

import pytest

from accounts.models import AuditEvent, User
from certificates.models import Certificate, CertificateZip
from learning.models import Answer, Attempt, Enrollment, ModuleCompletion
from tests.access_policy import outcome
from tests.security_world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(django_capture_on_commit_callbacks):
    return build_world(django_capture_on_commit_callbacks)


# -- No object of one trainee or country is reachable by another: POSTs change nothing -----


def state() -> tuple:
    """What a forbidden POST must not change."""
    return (
        User.objects.count(),
        Enrollment.objects.count(),
        ModuleCompletion.objects.count(),
        list(Attempt.objects.order_by("pk").values_list("status", "score_percent", "position")),
        list(Answer.objects.order_by("pk").values_list("selected_choice_ids", flat=True)),
        list(Certificate.objects.order_by("pk").values_list("status", "revoke_reason")),
        AuditEvent.objects.filter(certificate__isnull=False).count(),
        list(CertificateZip.objects.order_by("pk").values_list("requested_by", "query", "status")),
    )


def other_choice_post(world) -> dict:
    question = world.open_attempt_a.snapshot["questions"][0]
    return {"shown": [str(question["id"])], f"q{question['id']}": [str(question["choices"][0])]}


def test_trainee_b_cannot_write_to_trainee_a_attempts(world):
    before = state()
    p = world.placeholders("en")
    client = world.client("trainee_b")
    for url in (f"{p['open_a']}save/", f"{p['open_a']}submit/", f"{p['attempt_a']}submit/"):
        assert client.post(url, other_choice_post(world)).status_code == 404, url
    response = client.post(
        f"{p['open_a']}save/", other_choice_post(world), HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 404 and response.json()["ok"] is False
    assert state() == before


def test_trainee_b_cannot_download_or_renew_trainee_a_certificate(world):
    before = state()
    client = world.client("trainee_b")
    code = world.cert_a.display_code
    assert client.get(f"/en/certificates/{code}/pdf/").status_code == 404
    assert client.post(f"/en/certificates/{code}/renew/").status_code == 404
    assert state() == before


@pytest.fixture
def capture_on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def test_honduras_manager_cannot_act_on_guatemalan_certificate(world, capture_on_commit):
    before = state()
    client = world.client("manager_hn")
    pk = world.cert_b.pk
    assert client.post(f"/admin/certificates/{pk}/revoke/", {"reason": "x"}).status_code == 404
    assert client.post(f"/admin/certificates/{pk}/reissue/").status_code == 404
    with capture_on_commit(execute=True) as callbacks:
        response = client.post("/admin/certificates/zip/?country=GT", {"lang": "en"})
    assert outcome(response) == "3xx" and callbacks == []  # no zip queued
    assert state() == before


def test_honduras_managers_zip_of_the_course_holds_no_guatemalan_certificate(
    world, capture_on_commit
):
    """The course has A's (Honduras) and B's (Guatemala) certificates: the zip the
    Honduras manager asks for, built by the task worker, holds A's only."""
    client = world.client("manager_hn")
    with capture_on_commit(execute=True):  # the task runs once the request commits
        response = client.post(f"/admin/certificates/zip/?course={world.course.pk}", {"lang": "en"})
    assert response["Location"].endswith("/admin/certificates/zips/")
    job = CertificateZip.objects.get(requested_by=world.people["manager_hn"])
    assert job.status == "done"
    download = client.get(f"/admin/certificates/zips/{job.pk}/")
    archive = zipfile.ZipFile(io.BytesIO(body_of(download)))
    names = archive.namelist()
    assert len(names) == 1 and world.cert_a.display_code in names[0], names
    assert not any(world.cert_b.display_code in name for name in names)
    # Nobody else can fetch that zip.
    for role in ("manager_all", "trainee_a", "trainee_b", "trainer"):
        got = outcome(world.client(role).get(f"/admin/certificates/zips/{job.pk}/"))
        assert got in ("404", "403", "home"), role


def test_trainer_and_trainees_cannot_act_on_certificates(world):
    before = state()
    pk = world.cert_b.pk
    for role in ("trainer", "trainee_a", "trainee_b", "anon"):
        response = world.client(role).post(f"/admin/certificates/{pk}/revoke/", {"reason": "x"})
        assert outcome(response) in ("login", "home", "403"), role
    assert state() == before


def test_transcript_of_guatemalan_trainee_is_hidden_from_honduras_manager(world):
    client = world.client("manager_hn")
    pk = world.people["trainee_b"].pk
    for suffix in ("", "results/", "print/", "?export=csv"):
        response = client.get(f"/admin/reports/program/trainees/{pk}/{suffix}")
        assert response.status_code == 404, suffix
        assert world.people["trainee_b"].full_name.encode() not in response.content


# -- A manager given no country (and not "all partner countries") sees no trainee data -----

#: What the Honduras manager reaches (200 in the matrix) and a manager without a
#: country must not: every country, agency, trainee and certificate is a 404.
NO_COUNTRY_404 = [
    "/admin/reports/program/countries/HN/",
    "/admin/reports/program/countries/GT/",
    "/admin/reports/program/countries/GT/summary.pdf",
    "/admin/reports/program/agencies/{agency_a}/",
    "/admin/reports/program/agencies/{agency_b}/results/",
    "/admin/reports/program/trainees/{trainee_a}/",
    "/admin/reports/program/trainees/{trainee_b}/print/",
    "/admin/certificates/{cert_a_pk}/",
    "/admin/certificates/{cert_b_pk}/pdf/",
    "/admin/certificates/{cert_b_pk}/revoke/",
    "/admin/certificates/{cert_a_pk}/reissue/",
]
#: Pages they may open (they are a manager), which list nothing.
NO_COUNTRY_EMPTY = [
    "/admin/reports/program/countries/",
    "/admin/reports/program/countries/?export=csv",
    "/admin/reports/program/courses/",
    "/admin/reports/program/knowledge-gain/",
    "/admin/reports/program/all-trainees.csv",
    "/admin/certificates/",
    "/admin/certificates/?export=csv",
]


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_manager_without_country_sees_no_trainee_data(world):
    client = world.client("manager_none")
    p = world.placeholders("en")
    secrets = [world.people[name].full_name.encode() for name in ("trainee_a", "trainee_b")] + [
        world.cert_a.display_code.encode(),
        world.cert_b.display_code.encode(),
    ]
    for template in NO_COUNTRY_404:
        response = client.get(template.format(**p), follow=True)
        assert response.status_code == 404, template
    for template in NO_COUNTRY_EMPTY:
        response = client.get(template.format(**p))
        assert response.status_code == 200, template
        content = body_of(response)
        for secret in secrets + [b"Honduras", b"Guatemala"]:
            assert secret not in content, (template, secret)
    before = state()
    client.post(f"/admin/certificates/{world.cert_a.pk}/revoke/", {"reason": "x"})
    client.post(f"/admin/certificates/{world.cert_a.pk}/reissue/")
    assert state() == before
