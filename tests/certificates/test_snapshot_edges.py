"""What a certificate states about its holder, with and without a country and agency."""

import pytest

from certificates.services import holder_snapshot
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_holder_snapshot_names_the_country_and_agency_in_both_languages():
    trainee = factories.trainee(code="GT", full_name="Ana Pérez", language="en")
    trainee.country.name_es = "Guatemala (es)"
    assert holder_snapshot(trainee) == {
        "holder_name": "Ana Pérez",
        "country_code": "GT",
        "country_names": {"en": "Guatemala", "es": "Guatemala (es)"},
        "agency_names": {"en": "Police of GT", "es": "Policía de GT"},
        "language": "en",
    }


def test_a_holder_without_country_or_agency_states_none():
    user = factories.user(full_name="", language="")
    assert holder_snapshot(user) == {
        "holder_name": user.email,
        "country_code": "",
        "country_names": {"en": "", "es": ""},
        "agency_names": {"en": "", "es": ""},
        "language": "es",
    }


def test_a_name_missing_in_one_language_is_stated_empty():
    trainee = factories.trainee(code="GT")
    trainee.country.name_en, trainee.country.name_es = "", ""
    trainee.agency.name_en, trainee.agency.name_es = "", ""
    snapshot = holder_snapshot(trainee)
    assert snapshot["country_code"] == "GT"
    assert [
        snapshot[f"{what}_names"][code]
        for what in ("country", "agency")
        for code in "en es".split()
    ] == ["", "", "", ""]


def test_the_course_snapshot_takes_the_english_title_whatever_the_active_language():
    from django.utils import translation

    from certificates.services import course_snapshot

    course = factories.course(lessons=1, title="Interviewing victims", title_es="Entrevista")
    with translation.override("es"):
        snapshot = course_snapshot(course)
    assert snapshot["course_titles"] == {"en": "Interviewing victims", "es": "Entrevista"}
