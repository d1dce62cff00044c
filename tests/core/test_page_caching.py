"""What the page caches keep is never stale and never someone else's.

Anonymous pages are kept whole, lesson and course descriptions as rendered
parts, routes, sites and course structure per process, all under one content
version (core/content_version.py). These tests change content the way trainers
and trainees do and look at the next page at once.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from core import content_version
from core.cache import ReusingRedisCache
from courses.models import ModulePage
from learning.models import Enrollment, ModuleCompletion
from tests import factories

pytestmark = pytest.mark.django_db


def url_in(page, language: str) -> str:
    with translation.override(language):
        return page.get_url()


def csrf_in(html: str) -> set[str]:
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))


# --- anonymous pages -------------------------------------------------------------


def test_anonymous_pages_are_served_from_the_cache_without_queries(
    client, django_assert_num_queries
):
    course = factories.course(lessons=2)
    url = course.get_url()
    first = client.get(url)
    assert first.status_code == 200
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    assert "Cookie" in first["Vary"]
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Language"] == first["Content-Language"]
    assert "Content-Security-Policy" in again


def test_publish_and_translation_edit_show_at_once_to_anonymous_visitors(client):
    course = factories.course(lessons=1)
    url_es = url_in(course, "es")
    assert "Entrevista a víctimas" in client.get(url_es).content.decode()
    course.title_es = "Entrevistas con víctimas (revisado)"
    course.save_revision().publish()
    assert "Entrevistas con víctimas (revisado)" in client.get(url_es).content.decode()
    course.refresh_from_db()
    course.summary_en = "A summary, edited."
    course.save_revision().publish()
    assert "Un resumen del curso." in client.get(url_es).content.decode()
    english = client.get(url_in(course, "en"))
    assert "A summary, edited." in english.content.decode()


def test_unpublish_and_privacy_show_at_once(client):
    course = factories.course(lessons=1)
    url = course.get_url()
    assert client.get(url).status_code == 200
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(url).status_code == 302
    PageViewRestriction.objects.filter(page=course).delete()
    assert client.get(url).status_code == 200
    course.unpublish()
    assert client.get(url).status_code == 404


def test_move_shows_at_once(client):
    course = factories.course(lessons=1)
    lesson = ModulePage.objects.child_of(course).first()
    other = factories.course(lessons=0, title="Other", title_es="Otro")
    trainee = factories.trainee()
    Enrollment.objects.create(user=trainee, course=course)
    Enrollment.objects.create(user=trainee, course=other)
    client.force_login(trainee)
    old_url = lesson.get_url()
    assert client.get(old_url).status_code == 200
    lesson.move(other, pos="last-child")
    lesson.refresh_from_db()
    moved = client.get(old_url)
    # Not the remembered route: Wagtail's redirect to where the lesson is now.
    assert moved.status_code == 301 and moved["Location"] == lesson.get_url()
    response = client.get(lesson.get_url())
    assert response.status_code == 200
    assert "Other" in response.content.decode()


def test_visitors_with_a_session_or_messages_never_get_the_stored_page(client):
    course = factories.course(lessons=1)
    url = url_in(course, "es")
    stored = client.get(url)  # kept for anonymous visitors
    assert "public" in stored["Cache-Control"]
    trainee = factories.trainee(full_name="Ana Pérez")
    client.force_login(trainee)
    signed_in = client.get(url)
    assert 'action="/es/accounts/logout/"' in signed_in.content.decode()
    assert "public" not in signed_in.get("Cache-Control", "")
    anonymous = Client()
    anonymous.cookies["messages"] = "anything"
    assert "public" not in anonymous.get(url).get("Cache-Control", "")
    # The anonymous page never carries the signed-in one's parts.
    assert 'action="/es/accounts/logout/"' not in Client().get(url).content.decode()


def test_pages_with_a_form_token_are_not_stored(client):
    # The sign-in page carries a CSRF token: never kept.
    first = client.get("/es/accounts/login/")
    assert first.status_code == 200
    assert "public" not in first.get("Cache-Control", "")


# --- signed-in pages: two trainees on the same cached parts ---------------------------


def test_two_trainees_on_the_same_lesson_see_only_their_own_state(client):
    course = factories.course(lessons=2)
    lesson = ModulePage.objects.child_of(course).order_by("path").first()
    ana = factories.trainee(full_name="Ana Pérez")
    ben = factories.trainee(full_name="Benito Ruiz")
    ana_enrollment = Enrollment.objects.create(user=ana, course=course)
    Enrollment.objects.create(user=ben, course=course)
    ModuleCompletion.objects.create(enrollment=ana_enrollment, module=lesson)

    ana_client, ben_client = Client(), Client()
    ana_client.force_login(ana)
    ben_client.force_login(ben)
    url = url_in(lesson, "es")
    ana_page = ana_client.get(url).content.decode()
    ben_page = ben_client.get(url).content.decode()
    # The same body for both (the cached part) ...
    assert "Cuerpo en español 1" in ana_page and "Cuerpo en español 1" in ben_page
    # ... but each their own state and token.
    complete_form = f'action="{url}complete/"'
    assert "badge-done" in ana_page and "badge-done" not in ben_page
    assert complete_form not in ana_page
    assert complete_form in ben_page
    assert csrf_in(ben_page) and not csrf_in(ben_page) & csrf_in(ana_page)
    for page, other in ((ana_page, "Benito Ruiz"), (ben_page, "Ana Pérez")):
        assert other not in page


def test_completing_a_lesson_and_enrolling_show_at_once(client):
    course = factories.course(lessons=2)
    lesson = ModulePage.objects.child_of(course).order_by("path").first()
    trainee = factories.trainee()
    client.force_login(trainee)
    course_url, lesson_url = url_in(course, "es"), url_in(lesson, "es")
    assert client.get(lesson_url).status_code == 302  # not enrolled yet
    before = client.get(course_url).content.decode()
    assert f'action="{course_url}enrol/"' in before
    client.post(course_url + "enrol/")
    assert Enrollment.objects.filter(user=trainee, course=course).exists()
    enrolled = client.get(course_url).content.decode()
    assert f'action="{course_url}enrol/"' not in enrolled
    assert "0 de 2 lecciones" in enrolled
    assert client.get(lesson_url).status_code == 200
    client.post(lesson_url + "complete/")
    after = client.get(lesson_url).content.decode()
    assert f'action="{lesson_url}complete/"' not in after
    outline = client.get(course_url).content.decode()
    assert "1 de 2 lecciones" in outline and "is-complete" in outline
    with translation.override("es"):
        my_learning = client.get(reverse("my_learning")).content.decode()
    assert "1 de 2 lecciones" in my_learning


def test_a_draft_preview_is_never_served_from_or_stored_in_the_cache(admin_client, rf):
    course = factories.course(lessons=1)
    lesson = ModulePage.objects.child_of(course).first()
    live_url = url_in(lesson, "es")
    assert "Cuerpo en español 1" in admin_client.get(live_url).content.decode()
    draft_body = [{"type": "text", "value": "<p>Borrador sin publicar</p>"}]
    lesson.body_es = lesson.body_en = draft_body
    lesson.save_revision()
    draft = lesson.get_latest_revision_as_object()
    session = admin_client.cookies["sessionid"].value
    original = rf.get(live_url, HTTP_COOKIE=f"sessionid={session}")
    for _ in range(2):  # a second preview is not served what the first stored
        preview = draft.make_preview_request(original_request=original)
        assert preview.status_code == 200
        preview.render()
        assert "Borrador sin publicar" in preview.content.decode()
    live = admin_client.get(live_url).content.decode()
    assert "Borrador sin publicar" not in live
    assert "Cuerpo en español 1" in live


# --- the pieces --------------------------------------------------------------------


def test_the_version_changes_on_every_bump_and_forgets_what_was_remembered():
    first = content_version.read()
    assert content_version.remember("answer", lambda: 42) == 42
    assert content_version.remember("answer", lambda: 43) == 42
    content_version.bump()
    assert content_version.read() != first
    assert content_version.remember("answer", lambda: 43) == 43


def test_the_redis_cache_reuses_one_client_per_pool():
    backend = ReusingRedisCache("redis://127.0.0.1:6379/9", {})
    client = backend._cache
    assert client.get_client() is client.get_client()
    assert client.get_client(write=True) is client.get_client()
