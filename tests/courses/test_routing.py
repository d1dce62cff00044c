"""Cached page routing stays correct when pages are published, moved or removed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import ModulePage
from learning.models import Enrollment
from tests import factories

pytestmark = pytest.mark.django_db


def lesson_url(course, lesson, language="en"):
    if language == "es":
        return f"/es/cursos/{course.slug_es}/{lesson.slug_es}/"
    return f"/en/courses/{course.slug_en}/{lesson.slug_en}/"


@pytest.fixture
def reader(client, course_tree):
    trainee = factories.trainee()
    Enrollment.objects.create(user=trainee, course=course_tree)
    client.force_login(trainee)
    return client


def test_remembered_route_takes_fewer_queries_than_a_fresh_one(reader, course_tree):
    from courses.routing import forget_routes

    lesson = ModulePage.objects.child_of(course_tree).first()
    url = lesson_url(course_tree, lesson)
    reader.get(url)  # warm every other cache (site root paths, catalogue URL)
    forget_routes()
    with CaptureQueriesContext(connection) as fresh:
        assert reader.get(url).status_code == 200
    with CaptureQueriesContext(connection) as remembered:
        assert reader.get(url).status_code == 200
    assert len(remembered.captured_queries) < len(fresh.captured_queries)


def test_both_languages_route_to_the_same_lesson(reader, course_tree):
    lesson = ModulePage.objects.child_of(course_tree).first()
    for language in ("en", "es", "en", "es"):
        html = reader.get(lesson_url(course_tree, lesson, language)).content.decode()
        assert ("English body 1" if language == "en" else "Cuerpo en español 1") in html


def test_unpublished_lesson_is_404_after_being_cached(reader, course_tree):
    lesson = ModulePage.objects.child_of(course_tree).first()
    url = lesson_url(course_tree, lesson)
    assert reader.get(url).status_code == 200
    lesson.unpublish()
    assert reader.get(url).status_code == 404


def test_renamed_slug_moves_the_url(reader, course_tree):
    lesson = ModulePage.objects.child_of(course_tree).first()
    old = lesson_url(course_tree, lesson)
    assert reader.get(old).status_code == 200
    lesson.slug_en = "renamed-lesson"
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    assert reader.get(old).status_code == 404
    assert reader.get(lesson_url(course_tree, lesson)).status_code == 200


def test_deleted_lesson_is_404_after_being_cached(reader, course_tree):
    lesson = ModulePage.objects.child_of(course_tree).first()
    url = lesson_url(course_tree, lesson)
    assert reader.get(url).status_code == 200
    lesson.delete()
    assert reader.get(url).status_code == 404


def test_sub_routes_of_a_cached_page_still_work(reader, course_tree):
    lesson = ModulePage.objects.child_of(course_tree).first()
    url = lesson_url(course_tree, lesson)
    reader.get(url)
    response = reader.post(url + "complete/")
    assert response.status_code == 302
    assert lesson.completions.count() == 1
