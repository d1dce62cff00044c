"""A certificate's texts are kept per language code, for the languages of settings.LANGUAGES."""

import csv
import io

import pytest
from django.test import override_settings
from django.utils import timezone, translation

from certificates.admin_views import CertificateReportView
from certificates.codes import code_generate
from certificates.models import Certificate
from certificates.pdf import texts_in
from certificates.services import course_snapshot, holder_snapshot
from certificates.templatetags.certificates_tags import pdf_languages
from tests import factories

THREE = [("en", "English"), ("es", "Spanish"), ("fr", "French")]

HEADINGS_EN = [
    "Code",
    "Holder",
    "Country",
    "Agency",
    "Course (English)",
    "Course (Spanish)",
    "Status",
    "Issued",
    "Completed",
    "Valid until",
    "Score (%)",
    "Hours",
]


def headings(view=None):
    view = view or CertificateReportView()
    return [str(view.get_heading(Certificate.objects.none(), f)) for f in view.list_export]


def test_the_export_keeps_its_english_and_spanish_columns_and_headings():
    view = CertificateReportView()
    assert view.list_export[3:6] == ["agency_name_en", "course_title_en", "course_title_es"]
    with translation.override("en"):
        assert headings(view) == HEADINGS_EN
    with translation.override("es"):
        assert headings(view)[3:6] == ["Institución", "Curso (inglés)", "Curso (español)"]


def test_a_third_language_adds_a_course_column():
    with override_settings(LANGUAGES=THREE), translation.override("en"):
        view = CertificateReportView()
        assert view.list_export[4:7] == ["course_title_en", "course_title_es", "course_title_fr"]
        assert headings(view)[3:7] == [
            "Agency",
            "Course (English)",
            "Course (Spanish)",
            "Course (French)",
        ]


@pytest.mark.django_db
def test_the_export_writes_each_language_as_snapshotted(client, roles):
    Certificate.objects.create(
        code=code_generate(),
        completed_at=timezone.now(),
        holder_name="Ana",
        agency_names={"en": "Police", "es": "Policía"},
        course_titles={"en": "Interviewing", "es": ""},
    )
    client.force_login(factories.manager("manager.all@example.org"))
    response = client.get("/admin/certificates/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[1][3:6] == ["Police", "Interviewing", ""]


def certificate(**texts) -> Certificate:
    return Certificate(code="7KQ4M2ZDX9PA3HRT", holder_name="Ana", **texts)


def test_a_language_missing_from_an_old_snapshot_falls_back_to_the_default():
    old = certificate(
        course_titles={"en": "Interviewing", "es": ""},
        country_names={"en": "Guatemala", "es": "Guatemala (es)"},
    )
    with override_settings(LANGUAGES=THREE):
        assert old.course_title_in("fr") == "Interviewing"
        assert old.course_title_in("es") == "Interviewing"
        assert old.country_name_in("fr") == "Guatemala"
        assert old.country_name_in("es") == "Guatemala (es)"
        assert old.agency_name_in("fr") == ""
        with translation.override("fr"):
            assert old.course_title == "Interviewing"
        assert texts_in(old, _settings(), "fr")["course"] == "Interviewing"


def _settings():
    from certificates.models import CertificateSettings

    return CertificateSettings()


@pytest.mark.django_db
def test_the_snapshot_takes_every_language_of_the_settings():
    trainee = factories.trainee(code="GT", full_name="Ana Pérez")
    course = factories.course(lessons=1, title="Interviewing victims", title_es="Entrevista")
    with override_settings(LANGUAGES=THREE):
        holder = holder_snapshot(trainee)
        titles = course_snapshot(course)["course_titles"]
    # French has no column in this database: the text is empty, and reads fall back.
    assert titles == {"en": "Interviewing victims", "es": "Entrevista", "fr": ""}
    assert list(holder["country_names"]) == ["en", "es", "fr"]
    assert list(holder["agency_names"]) == ["en", "es", "fr"]


def test_pdf_links_keep_their_labels_for_english_and_spanish():
    with translation.override("en"):
        assert pdf_languages() == [
            ("en", "English"),
            ("es", "Español"),
            ("both", "English and Spanish"),
        ]
    with translation.override("es"):
        assert pdf_languages()[2] == ("both", "Español e inglés")


def test_pdf_links_follow_the_languages_of_the_settings():
    with override_settings(LANGUAGES=THREE), translation.override("es"):
        assert pdf_languages() == [
            ("en", "English"),
            ("es", "Español"),
            ("fr", "Français"),
            ("both", "Bilingüe"),
        ]
