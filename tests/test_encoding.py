"""Invalid UTF-8 in a form or a query string is refused (400), never stored as mojibake."""

import json
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from accounts.models import User
from assessments.models import Question
from core.middleware import decodes
from tests import factories
from tests.assessments import helpers
from tests.assessments.test_formats import GIFT_EN

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"
REFUSED_ES = "El formulario contenía caracteres que no se pudieron leer"
REFUSED_EN = "The form contained characters that could not be read"
BOUNDARY = "----jtp-test-boundary"


@pytest.fixture
def partners():
    hn = factories.country("HN", "Honduras", "Honduras")
    return {"hn": hn, "hn_agency": factories.agency(hn, "National Police", "Policía Nacional")}


@pytest.fixture
def trainee(client, partners):
    user = factories.user(
        full_name="Original Name", country_obj=partners["hn"], agency_obj=partners["hn_agency"]
    )
    client.force_login(user)
    return user


def profile_fields(partners) -> str:
    """The rest of a valid profile form, URL-encoded."""
    return urlencode(
        {
            "country": partners["hn"].pk,
            "agency": partners["hn_agency"].pk,
            "job_title": "Analista",
            "preferred_language": "es",
        }
    )


def multipart(fields: list[tuple[bytes, bytes]], files: list[tuple[bytes, bytes, bytes]] = ()):
    """A multipart body with raw bytes: (name, value) fields and (name, filename, data) files."""
    parts = []
    for name, value in fields:
        parts.append(
            b'--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n'
            % (BOUNDARY.encode(), name, value)
        )
    for name, filename, data in files:
        parts.append(
            b'--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\n'
            b"Content-Type: application/octet-stream\r\n\r\n%s\r\n"
            % (BOUNDARY.encode(), name, filename, data)
        )
    body = b"".join(parts) + b"--%s--\r\n" % BOUNDARY.encode()
    return body, f"multipart/form-data; boundary={BOUNDARY}"


# --- URL-encoded forms ----------------------------------------------------------


def test_profile_with_invalid_utf8_is_refused_in_spanish_and_nothing_is_stored(
    client, trainee, partners
):
    body = b"full_name=%FF%FE&" + profile_fields(partners).encode()
    response = client.post("/es/accounts/profile/", body, content_type=FORM)
    assert response.status_code == 400
    html = response.content.decode()
    assert REFUSED_ES in html
    assert '<html lang="es">' in html
    trainee.refresh_from_db()
    assert trainee.full_name == "Original Name"
    assert trainee.job_title != "Analista"


def test_raw_latin1_bytes_in_a_form_are_refused(client, trainee, partners):
    body = "full_name=Pe\xf1a&".encode("latin-1") + profile_fields(partners).encode()
    response = client.post("/en/accounts/profile/", body, content_type=FORM)
    assert response.status_code == 400
    assert REFUSED_EN in response.content.decode()
    trainee.refresh_from_db()
    assert trainee.full_name == "Original Name"


def test_profile_with_valid_utf8_is_saved(client, trainee, partners):
    body = b"full_name=Luc%C3%ADa+Pe%C3%B1a&" + profile_fields(partners).encode()
    response = client.post("/es/accounts/profile/", body, content_type=FORM)
    assert response.status_code == 302
    trainee.refresh_from_db()
    assert trainee.full_name == "Lucía Peña"


def test_signup_with_invalid_utf8_creates_no_account(client, partners):
    body = (
        b"email=nueva%40example.org&full_name=%C3%28&"
        + urlencode(
            {
                "country": partners["hn"].pk,
                "agency": partners["hn_agency"].pk,
                "job_title": "Fiscal",
                "preferred_language": "es",
                "password1": "Una-Clave-Segura-2026",
                "password2": "Una-Clave-Segura-2026",
            }
        ).encode()
    )
    response = client.post("/es/accounts/signup/", body, content_type=FORM)
    assert response.status_code == 400
    assert REFUSED_ES in response.content.decode()
    assert not User.objects.filter(email="nueva@example.org").exists()


# --- multipart forms ------------------------------------------------------------


def test_multipart_text_field_with_invalid_utf8_is_refused(client, trainee, partners):
    fields = [(b"full_name", b"\xff\xfe Pe\xf1a")] + [
        (name.encode(), value.encode())
        for name, value in (
            ("country", str(partners["hn"].pk)),
            ("agency", str(partners["hn_agency"].pk)),
            ("job_title", "Analista"),
            ("preferred_language", "es"),
        )
    ]
    body, content_type = multipart(fields)
    response = client.post("/es/accounts/profile/", body, content_type=content_type)
    assert response.status_code == 400
    assert REFUSED_ES in response.content.decode()
    trainee.refresh_from_db()
    assert trainee.full_name == "Original Name"


def test_admin_document_upload_of_a_binary_file_still_works(client):
    client.force_login(User.objects.create_superuser("root@example.org", "x", full_name="Root"))
    binary = bytes(range(256)) * 8 + b"\xff\xfe\x00\xc3\x28"
    body, content_type = multipart(
        [
            (b"title", "Guía de campo".encode()),
            (b"collection", str(Collection.get_first_root_node().pk).encode()),
        ],
        files=[(b"file", b"guia.pdf", binary)],
    )
    response = client.post(reverse("wagtaildocs:add"), body, content_type=content_type)
    assert response.status_code == 302, response.content.decode()[-2000:]
    document = Document.objects.get()
    assert document.title == "Guía de campo"
    with document.file.open("rb") as stored:
        assert stored.read() == binary


def test_question_import_upload_still_works_and_is_refused_in_the_admins_language():
    from django.test import Client

    trainer = factories.trainer()
    quiz = helpers.quiz(factories.course(lessons=1), questions=[])
    url = reverse("assessments_import", args=[quiz.pk])
    client = Client()
    client.force_login(trainer)
    good, content_type = multipart(
        [(b"format", b"gift"), (b"action", b"preview")],
        files=[(b"file", b"en.gift", GIFT_EN.encode("utf-8"))],
    )
    response = client.post(url, good, content_type=content_type)
    assert response.status_code == 200
    assert "4 questions will be imported" in response.content.decode()

    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "es"
    profile.save()
    bad, content_type = multipart(
        [(b"format", b"gift"), (b"action", b"import"), (b"content", b"::T::\xff {T}")]
    )
    response = client.post(url, bad, content_type=content_type)
    assert response.status_code == 400
    assert REFUSED_ES in response.content.decode()
    assert Question.objects.filter(quiz=quiz).count() == 0


# --- query strings and other bodies ------------------------------------------------


def test_query_string_with_invalid_utf8_is_refused_in_the_pages_language(client):
    response = client.get("/es/certificates/verify/?code=%FF%FE")
    assert response.status_code == 400
    assert REFUSED_ES in response.content.decode()


def test_query_string_with_valid_utf8_is_served(client):
    response = client.get("/es/certificates/verify/?code=%C3%B1")
    assert response.status_code == 200
    assert REFUSED_ES not in response.content.decode()


def test_autosave_requests_get_json_they_can_show(client, trainee):
    body, content_type = multipart([(b"answers", b"\xff")])
    response = client.post(
        "/es/accounts/profile/", body, content_type=content_type, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400
    assert REFUSED_ES in json.loads(response.content)["error"]


def test_json_bodies_are_left_to_their_views(client, trainee):
    response = client.post(
        "/es/accounts/profile/", b'{"full_name": "\xff"}', content_type="application/json"
    )
    assert REFUSED_ES not in response.content.decode()
    trainee.refresh_from_db()
    assert trainee.full_name == "Original Name"


@pytest.mark.parametrize(
    "data, ok",
    [(b"", True), ("Peña".encode(), True), (b"\xff\xfe", False), (b"\xc3\x28", False)],
)
def test_decodes(data, ok):
    assert decodes(data, "utf-8") is ok
