"""Trainers author the surveys in the page editor: the add and edit forms open, and a
survey written there in both languages is stored and published."""

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
