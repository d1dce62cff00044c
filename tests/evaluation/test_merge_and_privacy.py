"""Answers follow merged accounts, leave with deleted ones, and are in "download my data"."""

import json

import pytest

from accounts.api import User, account_delete, account_merge
from evaluation.api import FollowUp, SurveyResponse
from learning.api import Enrollment, enrollment_create
from tests import factories

from .conftest import REACTION_ANSWERS, complete
from .test_figures import answer
from .test_reaction import survey_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return User.objects.create_superuser("root@example.org", "x", full_name="Root")


def test_merge_moves_answers_and_follow_up_of_a_course_only_the_source_took(course, trainee, admin):
    other = factories.trainee("ana.old@example.org", full_name="Ana Núñez")
    enrollment = complete(other, course)
    answer(enrollment, "reaction", mean=4)
    account_merge(source=other, target=trainee, actor=admin)
    (moved,) = Enrollment.objects.filter(user=trainee)
    assert SurveyResponse.objects.get().enrollment == moved
    assert FollowUp.objects.get().enrollment == moved


def test_merge_of_two_enrolments_in_one_course_keeps_one_answer_of_each_kind(
    course, trainee, admin
):
    other = factories.trainee("ana.old@example.org", full_name="Ana Núñez")
    mine = complete(trainee, course)
    theirs = complete(other, course)
    answer(mine, "reaction", mean=5)
    answer(theirs, "reaction", mean=1)
    FollowUp.objects.filter(enrollment=theirs).update(sent_at=theirs.completed_at)
    answer(theirs, "follow_up", used="yes")
    account_merge(source=other, target=trainee, actor=admin)
    (kept,) = Enrollment.objects.filter(user=trainee, course=course)
    assert sorted(
        SurveyResponse.objects.filter(enrollment=kept).values_list("kind", "mean_rating")
    ) == [("follow_up", None), ("reaction", 5)]
    (follow_up,) = FollowUp.objects.all()
    assert follow_up.enrollment == kept and follow_up.response.used_on_job == "yes"
    assert SurveyResponse.objects.count() == 2


def test_deleting_the_account_deletes_its_answers(course, trainee):
    answer(complete(trainee, course), "reaction", mean=3)
    account_delete(user=trainee)
    assert not SurveyResponse.objects.exists() and not FollowUp.objects.exists()


def test_download_my_data_includes_the_answers(client, course, trainee):
    complete(trainee, course)
    client.force_login(trainee)
    client.post(survey_url(course, "es"), REACTION_ANSWERS)
    data = json.loads(client.get("/en/accounts/privacy/my-data.json").content)
    (survey,) = data["survey_answers"]
    assert survey["kind"] == "reaction" and survey["language"] == "es"
    assert survey["course_es"] == "Entrevista a víctimas"
    assert survey["mean_rating"] == 4.5
    by_name = {a["name"]: a for a in survey["answers"]}
    assert by_name["length_of_the_course"]["answer"] == "About right"
    assert by_name["length_of_the_course"]["question_es"] == "Duración del curso"


def test_someone_elses_answers_are_not_in_my_download(client, course, trainee):
    other = factories.trainee()
    answer(complete(other, course), "reaction", mean=2)
    enrollment_create(user=trainee, course=course)
    client.force_login(trainee)
    data = json.loads(client.get("/en/accounts/privacy/my-data.json").content)
    assert data["survey_answers"] == []
