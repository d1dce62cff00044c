"""Reaction survey (level 1): only a trainee who completed the course answers, once."""

import pytest
from django.urls import reverse

from evaluation.models import SurveyResponse
from learning.api import enrollment_create
from tests import factories

from .conftest import REACTION_ANSWERS, complete

pytestmark = pytest.mark.django_db


def survey_url(course, language="en"):
    from evaluation.models import ReactionSurveyPage

    page = ReactionSurveyPage.objects.child_of(course).get()
    from django.utils import translation

    with translation.override(language):
        return page.get_url()


def test_anonymous_visitors_sign_in_first(client, course):
    response = client.get(survey_url(course))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_trainee_who_has_not_completed_is_sent_back_to_the_course(client, course, trainee):
    enrollment_create(user=trainee, course=course)
    client.force_login(trainee)
    response = client.get(survey_url(course), follow=True)
    assert response.redirect_chain[-1][0] == course.get_url()
    assert "once you have completed the course" in response.content.decode()
    assert client.post(survey_url(course), REACTION_ANSWERS).status_code == 302
    assert not SurveyResponse.objects.exists()


def test_a_completed_trainee_answers_once(client, course, trainee):
    enrollment = complete(trainee, course)
    client.force_login(trainee)
    page = client.get(survey_url(course))
    assert page.status_code == 200
    assert "The course was relevant to my work" in page.content.decode()
    response = client.post(survey_url(course), REACTION_ANSWERS)
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    answer = SurveyResponse.objects.get()
    assert answer.enrollment == enrollment and answer.kind == "reaction"
    assert answer.mean_rating == pytest.approx(4.5)
    assert answer.form_data["length_of_the_course"] == "About right"
    # A second submit stores nothing; the page now thanks instead of asking again.
    again = client.post(survey_url(course), {**REACTION_ANSWERS, "the_examples_were_clear": "1"})
    assert "already answered" in again.content.decode()
    assert SurveyResponse.objects.count() == 1
    assert SurveyResponse.objects.get().mean_rating == pytest.approx(4.5)
    assert "already answered" in client.get(survey_url(course)).content.decode()


def test_missing_required_answers_show_errors_and_store_nothing(client, course, trainee):
    complete(trainee, course)
    client.force_login(trainee)
    response = client.post(survey_url(course), {"the_examples_were_clear": "5"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_spanish_form_shows_spanish_texts_and_stores_the_same_keys(client, course, trainee):
    complete(trainee, course)
    client.force_login(trainee)
    url = survey_url(course, "es")
    assert url.startswith("/es/")
    html = client.get(url).content.decode()
    assert "El curso fue pertinente para mi trabajo" in html
    assert "<span>Demasiado largo</span>" in html and "<span>Too long</span>" not in html
    assert "Totalmente de acuerdo" in html  # the rating scale, translated
    client.post(url, {**REACTION_ANSWERS, "length_of_the_course": "Too long"})
    answer = SurveyResponse.objects.get()
    assert set(answer.form_data) == {*REACTION_ANSWERS, "what_would_you_change"}
    assert answer.form_data["length_of_the_course"] == "Too long"
    assert answer.language == "es"


def test_a_choice_must_be_one_offered(client, course, trainee):
    complete(trainee, course)
    client.force_login(trainee)
    client.post(survey_url(course), {**REACTION_ANSWERS, "the_examples_were_clear": "9"})
    assert not SurveyResponse.objects.exists()


def test_staff_see_a_preview_without_a_submit_button(client, course):
    client.force_login(factories.trainer())
    html = client.get(survey_url(course)).content.decode()
    assert "The course was relevant to my work" in html
    assert "Send my answers" not in html


def test_the_invitation_shows_on_the_course_page_and_my_learning_until_answered(
    client, course, trainee
):
    complete(trainee, course)
    client.force_login(trainee)
    my_learning = reverse("my_learning")
    url = survey_url(course)
    assert url in client.get(course.get_url()).content.decode()
    assert url in client.get(my_learning).content.decode()
    client.post(url, REACTION_ANSWERS)
    # At once, although both pages are kept per trainee (core/personal_pages.py).
    assert url not in client.get(course.get_url()).content.decode()
    assert url not in client.get(my_learning).content.decode()


def test_no_invitation_before_completion(client, course, trainee):
    enrollment_create(user=trainee, course=course)
    client.force_login(trainee)
    assert survey_url(course) not in client.get(reverse("my_learning")).content.decode()
    assert survey_url(course) not in client.get(course.get_url()).content.decode()


def test_one_survey_of_each_kind_per_course(course):
    from evaluation.models import FollowUpPage, ReactionSurveyPage

    assert not ReactionSurveyPage.can_create_at(course)
    assert not FollowUpPage.can_create_at(course)
    other = factories.course(lessons=0)
    assert ReactionSurveyPage.can_create_at(other) and FollowUpPage.can_create_at(other)
