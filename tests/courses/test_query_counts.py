"""Pages use the same number of queries with 1 or 30 lessons / enrolments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import ModulePage
from learning.models import Enrollment, ModuleCompletion
from tests import factories

# What the views cost: the repeat visits below would otherwise be answered
# from the trainee's stored page (tests/core/test_personal_pages.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_personal_page_cache")]


def count_queries(client, url):
    client.get(url)  # warm caches (site root, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def enrolled_trainee_with(course, done=1):
    trainee = factories.trainee()
    enrollment = Enrollment.objects.create(user=trainee, course=course)
    for lesson in ModulePage.objects.child_of(course).order_by("path")[:done]:
        ModuleCompletion.objects.create(enrollment=enrollment, module=lesson)
    return trainee


def test_course_page_query_count_constant(client):
    small = factories.course(lessons=1)
    big = factories.course(lessons=30)
    trainee = enrolled_trainee_with(small)
    Enrollment.objects.create(user=trainee, course=big)
    client.force_login(trainee)
    assert count_queries(client, small.get_url()) == count_queries(client, big.get_url())


def test_lesson_page_query_count_constant(client):
    small = factories.course(lessons=1)
    big = factories.course(lessons=30)
    trainee = enrolled_trainee_with(small)
    Enrollment.objects.create(user=trainee, course=big)
    client.force_login(trainee)
    small_lesson = ModulePage.objects.child_of(small).first()
    big_lesson = ModulePage.objects.child_of(big).order_by("path")[15]
    assert count_queries(client, small_lesson.get_url()) == count_queries(
        client, big_lesson.get_url()
    )


def test_my_learning_query_count_constant(client):
    courses = [factories.course(lessons=2) for _ in range(30)]
    one = factories.trainee()
    Enrollment.objects.create(user=one, course=courses[0])
    many = factories.trainee()
    for course in courses:
        enrollment = Enrollment.objects.create(user=many, course=course)
        ModuleCompletion.objects.create(
            enrollment=enrollment, module=ModulePage.objects.child_of(course).first()
        )
    client.force_login(one)
    single = count_queries(client, "/en/my-learning/")
    client.force_login(many)
    thirty = count_queries(client, "/en/my-learning/")
    assert single == thirty


def test_signed_in_pages_cost_few_queries_once_warm(client):
    """Warm (after one request), a lesson costs the enrolment with the lesson's
    completion; the course page the enrolment, the completions and (with
    quizzes) the quiz results; My learning its rows, the certificates and the
    enrolment requests waiting for vetting; the user, the session and everything
    else come from the content memo or the cache."""
    course = factories.course(lessons=3)
    trainee = enrolled_trainee_with(course)
    client.force_login(trainee)
    lesson = ModulePage.objects.child_of(course).order_by("path")[1]
    assert count_queries(client, lesson.get_url()) == 1
    # The course has no quiz, so no quiz results are asked for.
    assert count_queries(client, course.get_url()) == 2
    assert count_queries(client, "/en/my-learning/") == 4
