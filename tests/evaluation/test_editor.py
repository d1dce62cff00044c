"""Trainers author the surveys in the page editor: the add and edit forms open, and a
survey written there in both languages is stored and published."""

import csv
import io

import pytest

from accounts.api import roles_setup
from evaluation.models import FollowUpPage, ReactionSurveyPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(db):
    roles_setup(course_root=factories.course_index())
    return factories.trainer("trainer@example.org")


@pytest.mark.parametrize("model", ["reactionsurveypage", "followuppage"])
def test_the_add_form_of_each_survey_opens_under_a_course(client, trainer, model):
    course = factories.course(lessons=1)
    client.force_login(trainer)
    response = client.get(f"/admin/pages/add/evaluation/{model}/{course.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    # The questions' texts in both languages; their kind once.
    assert 'name="form_fields-__prefix__-label_en"' in page
    assert 'name="form_fields-__prefix__-label_es"' in page
    assert 'name="form_fields-__prefix__-field_type"' in page


def test_the_edit_forms_of_existing_surveys_open(client, trainer, course):
    client.force_login(trainer)
    for model in (ReactionSurveyPage, FollowUpPage):
        survey = model.objects.child_of(course).get()
        response = client.get(f"/admin/pages/{survey.pk}/edit/")
        assert response.status_code == 200, model
        assert "form_fields-0-label_es" in response.content.decode()


def test_a_trainer_writes_a_reaction_survey_in_the_editor(client, trainer):
    course = factories.course(lessons=1)
    client.force_login(trainer)
    fields = {
        "form_fields-TOTAL_FORMS": "1",
        "form_fields-INITIAL_FORMS": "0",
        "form_fields-MIN_NUM_FORMS": "0",
        "form_fields-MAX_NUM_FORMS": "1000",
        "form_fields-0-label_en": "The course was useful",
        "form_fields-0-label_es": "El curso fue útil",
        "form_fields-0-field_type": "rating",
        "form_fields-0-required": "on",
        "form_fields-0-ORDER": "1",
    }
    data = {
        "title_en": "Course survey",
        "title_es": "Encuesta del curso",
        "slug_en": "survey",
        "slug_es": "encuesta",
        "action-publish": "publish",
        **fields,
    }
    response = client.post(f"/admin/pages/add/evaluation/reactionsurveypage/{course.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    survey = ReactionSurveyPage.objects.child_of(course).get()
    assert survey.live
    (question,) = survey.form_fields.all()
    assert (question.label_en, question.label_es, question.field_type) == (
        "The course was useful",
        "El curso fue útil",
        "rating",
    )


def test_the_answers_listing_shows_on_the_job_use_first(client, trainer, course):
    """The follow-up's built-in question is a column of the admin's answers listing
    and of its export, with the answer as the trainee chose it."""
    from evaluation.models import SurveyResponse
    from learning.models import Enrollment

    page = FollowUpPage.objects.child_of(course).get()
    enrollment = Enrollment.objects.create(user=factories.trainee(), course=course)
    SurveyResponse.objects.create(
        page=page,
        kind=SurveyResponse.Kind.FOLLOW_UP,
        enrollment=enrollment,
        form_data={"the_course_helps_me_in_my_daily_work": "4"},
        used_on_job=SurveyResponse.UsedOnJob.PARTLY,
    )
    client.force_login(trainer)
    question = "Since the course, have you used what you learned in your work?"
    listing = client.get(f"/admin/forms/submissions/{page.pk}/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert question in html and "Partly" in html
    assert html.index(question) < html.index("The course helps me in my daily work")
    export = client.get(f"/admin/forms/submissions/{page.pk}/?export=csv")
    body = b"".join(export.streaming_content).decode("utf-8-sig")
    heading, row = list(csv.reader(io.StringIO(body)))[:2]
    assert heading[1] == question and row[1] == "Partly"
    assert row[heading.index("The course helps me in my daily work")] == "4"


def test_the_answers_export_is_in_the_admins_language_and_runs_no_formula(client, trainer, course):
    """Wagtail writes the CSV after the view has returned: it is still in the
    admin's language, and an answer typed as a formula arrives as text."""
    from wagtail.users.models import UserProfile

    from evaluation.models import SurveyResponse
    from learning.models import Enrollment

    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "es"
    profile.save()
    page = FollowUpPage.objects.child_of(course).get()
    enrollment = Enrollment.objects.create(user=factories.trainee(), course=course)
    SurveyResponse.objects.create(
        page=page,
        kind=SurveyResponse.Kind.FOLLOW_UP,
        enrollment=enrollment,
        form_data={"the_course_helps_me_in_my_daily_work": '=HYPERLINK("http://x.example")'},
        used_on_job=SurveyResponse.UsedOnJob.PARTLY,
    )
    client.force_login(trainer)
    export = client.get(f"/admin/forms/submissions/{page.pk}/?export=csv")
    body = b"".join(export.streaming_content).decode("utf-8-sig")
    heading, row = list(csv.reader(io.StringIO(body)))[:2]
    assert heading[1] == "Desde el curso, ¿ha usado lo que aprendió en su trabajo?"
    assert heading[2] == "El curso me ayuda en mi trabajo diario"
    assert row[1] == "En parte"
    assert row[2] == '\'=HYPERLINK("http://x.example")'
    assert "no-store" in export["Cache-Control"]
