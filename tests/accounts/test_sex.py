"""Sex, for the funder's "people trained by sex": asked at sign-up (optional, with its
reason), editable in the profile and by administrators, in the trainee's data download,
and never shown for one person to managers, on certificates or on the verification page."""

import json

import pytest

from accounts.models import User
from accounts.roles import roles_setup
from certificates.models import Certificate
from certificates.pdf import certificate_settings, page_context
from tests import factories
from tests.certificates.conftest import HOLDER, complete_course, course_with_exam

pytestmark = pytest.mark.django_db

REASON = {
    "en": "The funder's reports count people trained by sex; only totals are shown, "
    "never your answer.",
    "es": "Los informes para el financiador cuentan a las personas capacitadas por sexo; "
    "solo se muestran totales, nunca su respuesta.",
}
INVALID = {
    "en": "Choose an answer from the list, or leave it unanswered",
    "es": "Elija una respuesta de la lista o déjela sin responder",
}
# Every way the answer could show: stored values and their names in both languages.
ANSWER_WORDS = ("female", "Female", "Mujer", "undisclosed", "Prefers not to say", "Prefiere no")


@pytest.fixture
def partners():
    hn = factories.country("HN", "Honduras", "Honduras")
    return {"hn": hn, "hn_agency": factories.agency(hn, "National Police", "Policía Nacional")}


def signup_data(partners, **overrides):
    data = {
        "email": "nueva@example.org",
        "full_name": "Lucía Peña Ñúñez",
        "country": partners["hn"].pk,
        "agency": partners["hn_agency"].pk,
        "job_title": "Fiscal",
        "preferred_language": "es",
        "password1": "Una-Clave-Segura-2026",
        "password2": "Una-Clave-Segura-2026",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("language", ["en", "es"])
def test_signup_asks_sex_as_optional_with_its_reason(client, partners, language):
    html = client.get(f"/{language}/accounts/signup/").content.decode()
    assert '<select name="sex"' in html
    assert REASON[language] in html
    label = {"en": ">Sex</label>", "es": ">Sexo</label>"}[language]
    assert label in html  # no "required" star after the label
    options = {
        "en": ("Not answered", "Female", "Male", "Prefers not to say"),
        "es": ("Sin responder", "Mujer", "Hombre", "Prefiere no decirlo"),
    }[language]
    for option in options:
        assert f">{option}</option>" in html


def test_signup_with_sex_stores_it(client, partners):
    response = client.post("/es/accounts/signup/", signup_data(partners, sex="female"))
    assert response.status_code == 302
    assert User.objects.get(email="nueva@example.org").sex == "female"


def test_signup_with_prefers_not_to_say_stores_it(client, partners):
    client.post("/en/accounts/signup/", signup_data(partners, sex="undisclosed"))
    assert User.objects.get(email="nueva@example.org").sex == User.Sex.UNDISCLOSED


def test_signup_without_sex_creates_the_account_with_no_answer(client, partners):
    response = client.post("/es/accounts/signup/", signup_data(partners))
    assert response.status_code == 302
    assert User.objects.get(email="nueva@example.org").sex == ""


@pytest.mark.parametrize("language", ["en", "es"])
def test_signup_with_an_unknown_sex_is_refused_and_stores_nothing(client, partners, language):
    response = client.post(f"/{language}/accounts/signup/", signup_data(partners, sex="other"))
    assert response.status_code == 200
    html = response.content.decode()
    assert INVALID[language] in html
    assert '<a href="#id_sex">' in html  # the error summary links to the question
    assert not User.objects.filter(email="nueva@example.org").exists()


def profile_data(user, **overrides):
    data = {
        "full_name": user.full_name,
        "country": user.country_id,
        "agency": user.agency_id,
        "job_title": "Analista",
        "preferred_language": "es",
    }
    data.update(overrides)
    return data


def test_profile_shows_the_stored_answer_and_the_reason(client):
    user = factories.trainee("perfil@example.org", sex=User.Sex.MALE)
    client.force_login(user)
    html = client.get("/es/accounts/profile/").content.decode()
    assert '<option value="male" selected>Hombre</option>' in html
    assert REASON["es"] in html


def test_profile_edit_changes_sex(client):
    user = factories.trainee("perfil@example.org", sex=User.Sex.MALE)
    client.force_login(user)
    response = client.post("/es/accounts/profile/", profile_data(user, sex="undisclosed"))
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.sex == "undisclosed"


def test_profile_edit_can_withdraw_the_answer(client):
    user = factories.trainee("perfil@example.org", sex=User.Sex.FEMALE)
    client.force_login(user)
    client.post("/en/accounts/profile/", profile_data(user, sex=""))
    user.refresh_from_db()
    assert user.sex == ""


@pytest.mark.parametrize("language", ["en", "es"])
def test_profile_with_an_unknown_sex_changes_nothing(client, language):
    user = factories.trainee("perfil@example.org", sex=User.Sex.FEMALE, full_name="Original")
    client.force_login(user)
    data = profile_data(user, sex="x", full_name="Otro")
    html = client.post(f"/{language}/accounts/profile/", data).content.decode()
    assert INVALID[language] in html
    user.refresh_from_db()
    assert (user.sex, user.full_name) == ("female", "Original")


@pytest.mark.parametrize(("language", "label"), [("en", "Female"), ("es", "Mujer")])
def test_my_data_holds_the_answer_and_its_name_in_the_page_language(client, language, label):
    user = factories.trainee("datos@example.org", sex=User.Sex.FEMALE)
    client.force_login(user)
    data = json.loads(client.get(f"/{language}/accounts/privacy/my-data.json").content)
    assert data["profile"]["sex"] == {"value": "female", "label": label}


def test_my_data_says_no_answer_when_there_is_none(client):
    user = factories.trainee("datos@example.org")
    client.force_login(user)
    data = json.loads(client.get("/en/accounts/privacy/my-data.json").content)
    assert data["profile"]["sex"] is None


@pytest.fixture
def holder(django_capture_on_commit_callbacks):
    """A Guatemalan trainee who stated their sex and holds a certificate."""
    factories.country("GT", en="Guatemala", es="Guatemala")
    trainee = factories.trainee(
        "holder.gt@example.org", code="GT", full_name=HOLDER, sex=User.Sex.FEMALE
    )
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(trainee, course_with_exam())
    return trainee


def assert_no_answer(text: str):
    for word in ANSWER_WORDS:
        assert word not in text, word


@pytest.mark.parametrize("language", ["en", "es"])
def test_verification_page_does_not_show_sex(client, holder, language):
    certificate = Certificate.objects.get(user=holder)
    url = f"/{language}/certificates/verify/{certificate.display_code}/"
    html = client.get(url).content.decode()
    assert HOLDER in html  # the page about this holder...
    assert_no_answer(html)  # ...says nothing of their sex
    assert "Sex" not in html and "Sexo" not in html


@pytest.mark.parametrize("language", ["en", "es", "both"])
def test_certificate_context_has_no_sex(holder, language):
    certificate = Certificate.objects.get(user=holder)
    context = page_context(certificate, language, certificate_settings())
    texts = json.dumps([context["t"], context["alt"], context["facts"]], default=str)
    assert_no_answer(texts)


def test_a_managers_transcript_trainee_list_and_export_never_show_sex(client, holder):
    roles_setup()
    client.force_login(factories.manager("manager@example.org"))
    base = "/admin/reports/program"
    for url in (f"{base}/trainees/{holder.pk}/", f"{base}/agencies/{holder.agency_id}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert HOLDER in html, url  # the page is about this trainee...
        assert_no_answer(html)  # ...and says nothing of their sex
    export = client.get(f"{base}/trainees/{holder.pk}/?export=csv")
    rows = b"".join(export.streaming_content) if export.streaming else export.content
    assert "Course (English)" in rows.decode("utf-8-sig")
    assert_no_answer(rows.decode("utf-8-sig"))


@pytest.fixture
def admin_client(client, partners):
    roles_setup()
    admin = User.objects.create_superuser("root@example.org", "x", full_name="Root Admin")
    client.force_login(admin)
    return client


def test_administrator_sees_and_changes_a_trainees_answer(admin_client, partners):
    trainee = factories.user(
        "t@example.org",
        country_obj=partners["hn"],
        agency_obj=partners["hn_agency"],
        sex=User.Sex.FEMALE,
    )
    url = f"/admin/users/edit/{trainee.pk}/"
    html = admin_client.get(url).content.decode()
    assert '<option value="female" selected>Female</option>' in html
    data = {
        "full_name": trainee.full_name,
        "email": trainee.email,
        "role": "trainee",
        "country": partners["hn"].pk,
        "agency": partners["hn_agency"].pk,
        "job_title": "Investigador",
        "preferred_language": "es",
        "sex": "male",
        "is_active": "on",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    trainee.refresh_from_db()
    assert trainee.sex == "male"
