"""A signed-in trainee's repeat visits are answered from their own stored pages.

core/personal_pages.py keeps My learning, course and lesson pages per trainee
until their records, the content or the release change. These tests make the
changes trainees, managers and trainers make and look at the next page at once,
with two trainees on the same pages.
"""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import translation

from certificates.models import Certificate
from certificates.services import certificate_revoke
from core.personal_pages import STATE_KEY, PersonalPageCacheMiddleware
from courses.models import ModulePage
from learning.models import Enrollment, ModuleCompletion
from tests import factories

pytestmark = pytest.mark.django_db


def url_in(page, language: str) -> str:
    with translation.override(language):
        return page.get_url()


def my_learning_url(language="es") -> str:
    with translation.override(language):
        return reverse("my_learning")


def tokens(html: str) -> set[str]:
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))


def signed_in(user, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


def enrolled_pair(lessons=2):
    course = factories.course(lessons=lessons)
    ana = factories.trainee(full_name="Ana Pérez")
    ben = factories.trainee(full_name="Benito Ruiz")
    Enrollment.objects.create(user=ana, course=course)
    Enrollment.objects.create(user=ben, course=course)
    return course, ana, ben


def test_a_repeat_visit_runs_no_view_and_no_query(django_assert_num_queries):
    course, ana, _ben = enrolled_pair()
    client = signed_in(ana)
    lesson_url = url_in(ModulePage.objects.child_of(course).first(), "es")
    for url in (my_learning_url(), url_in(course, "es"), lesson_url):
        first = client.get(url)
        assert first.status_code == 200
        assert "private" in first["Cache-Control"]
        with django_assert_num_queries(0):
            again = client.get(url)
        assert again.status_code == 200
        assert tokens(again.content.decode()) and "\x00" not in again.content.decode()
        assert "Content-Security-Policy" in again and "Cookie" in again["Vary"]
        assert again["Content-Language"] == "es"


def test_two_trainees_never_see_each_others_pages_or_tokens():
    course, ana, ben = enrolled_pair()
    lesson = ModulePage.objects.child_of(course).order_by("path").first()
    ModuleCompletion.objects.create(
        enrollment=Enrollment.objects.get(user=ana, course=course), module=lesson
    )
    ana_client, ben_client = signed_in(ana), signed_in(ben)
    for url in (url_in(lesson, "es"), url_in(course, "es"), my_learning_url()):
        pages = {}
        for _ in range(2):  # the second visit of each is the stored page
            pages["ana"] = ana_client.get(url).content.decode()
            pages["ben"] = ben_client.get(url).content.decode()
        assert not tokens(pages["ana"]) & tokens(pages["ben"])
        assert "1 de 2 lecciones" in pages["ana"] or "badge-done" in pages["ana"]
        assert "1 de 2 lecciones" not in pages["ben"] and "badge-done" not in pages["ben"]


def test_the_token_of_a_stored_page_is_the_visitors_own_and_accepted():
    course = factories.course(lessons=2)
    trainee = factories.trainee()
    client = signed_in(trainee, enforce_csrf_checks=True)
    course_url = url_in(course, "es")
    client.get(course_url)
    stored = client.get(course_url).content.decode()  # from the store
    (token,) = tokens(stored)
    refused = client.post(course_url + "enrol/", {"csrfmiddlewaretoken": "x" * 64})
    assert refused.status_code == 403
    accepted = client.post(course_url + "enrol/", {"csrfmiddlewaretoken": token})
    assert accepted.status_code == 302
    assert Enrollment.objects.filter(user=trainee, course=course).exists()


def test_a_managers_revocation_and_an_enrolment_made_for_the_trainee_show_at_once():
    course, ana, _ben = enrolled_pair(lessons=1)
    client = signed_in(ana)
    lesson = ModulePage.objects.child_of(course).first()
    client.post(url_in(lesson, "es") + "complete/")
    certificate = Certificate.objects.get(user=ana)
    assert certificate.display_code in client.get(my_learning_url()).content.decode()
    assert certificate.display_code in client.get(my_learning_url()).content.decode()
    manager = factories.manager()
    certificate_revoke(certificate=certificate, actor=manager, reason="Issued in error")
    after = client.get(my_learning_url()).content.decode()
    assert "Revocado" in after
    other = factories.course(lessons=1, title="Chain of custody", title_es="Cadena de custodia")
    Enrollment.objects.create(user=ana, course=other)  # made by an administrator
    assert "Cadena de custodia" in client.get(my_learning_url()).content.decode()


def test_a_publish_shows_at_once_to_a_signed_in_trainee():
    course, ana, _ben = enrolled_pair()
    client = signed_in(ana)
    url = url_in(course, "es")
    client.get(url)
    assert "Entrevista a víctimas" in client.get(url).content.decode()
    course.title_es = "Entrevista a víctimas (revisado)"
    course.save_revision().publish()
    assert "Entrevista a víctimas (revisado)" in client.get(url).content.decode()


def test_a_message_is_shown_once_and_never_stored():
    course = factories.course(lessons=1)
    client = signed_in(factories.trainee())
    url = url_in(course, "es")
    client.get(url)
    client.get(url)
    client.post(url + "enrol/")
    with_message = client.get(url).content.decode()
    assert "Ya está inscrito" in with_message or "inscrit" in with_message
    assert 'class="message' in with_message
    for _ in range(2):
        assert 'class="message' not in client.get(url).content.decode()


def test_staff_pages_and_query_strings_are_never_served_from_the_store(
    django_assert_max_num_queries,
):
    course = factories.course(lessons=1)
    admin = factories.user(is_staff=True, is_superuser=True)
    client = signed_in(admin)
    url = url_in(course, "es")
    first = client.get(url)
    assert "private" not in first.get("Cache-Control", "")
    trainee_client = signed_in(factories.trainee())
    trainee_client.get(url + "?utm=1")
    again = trainee_client.get(url + "?utm=1")
    assert "private" not in again.get("Cache-Control", "")


def test_signing_out_and_in_as_someone_else_shows_their_page():
    course, ana, ben = enrolled_pair()
    client = signed_in(ana)
    url = my_learning_url()
    client.get(url)
    assert "Entrevista a víctimas" in client.get(url).content.decode()
    client.post(reverse("account_logout"))
    newcomer = factories.trainee()
    client.force_login(newcomer)
    page = client.get(url).content.decode()
    assert "Entrevista a víctimas" not in page


def test_a_change_made_in_someone_elses_request_is_bumped_again_once_it_answers(rf):
    """A manager's request changes a trainee's record: the trainee's state changes at
    once and again after the answer, when the change is committed, so a page that
    another request rendered from the old row in between is never served."""
    course = factories.course(lessons=1)
    trainee = factories.trainee()
    seen = {}

    def view(request):
        Enrollment.objects.create(user=trainee, course=course)
        seen["during"] = cache.get(STATE_KEY.format(trainee.pk))
        return HttpResponse("ok")

    request = rf.post("/admin/anything/")
    request.user = AnonymousUser()
    PersonalPageCacheMiddleware(view)(request)
    assert seen["during"] is not None
    after = cache.get(STATE_KEY.format(trainee.pk))
    assert after is not None and after != seen["during"]


@pytest.mark.parametrize("what", ["new", "valid"])
def test_a_kept_my_learning_stops_saying_new_or_valid_when_time_ends_it(what):
    """A certificate is "New" for a week and "Valid" until its expiry: the trainee's
    kept My learning is not served past either moment, though nothing they own changed."""
    from datetime import timedelta
    from unittest import mock

    from django.utils import timezone

    from certificates.codes import code_generate
    from certificates.templatetags.certificates_tags import NEW_FOR

    trainee = factories.trainee(full_name="Ana Pérez")
    now = timezone.now()
    issued = now - NEW_FOR + timedelta(minutes=5) if what == "new" else now - NEW_FOR * 2
    ends = issued + NEW_FOR if what == "new" else now + timedelta(minutes=5)
    Certificate.objects.create(
        code=code_generate(),
        user=trainee,
        issued_at=issued,
        completed_at=issued,
        expires_at=ends if what == "valid" else None,
        holder_name="Ana Pérez",
        course_titles={"en": "Interviewing", "es": "Entrevista"},
        language="en",
    )
    marker = {"new": "badge-new", "valid": '<span class="badge badge-done">Valid</span>'}[what]
    client = signed_in(trainee)
    url = my_learning_url("en")
    assert marker in client.get(url).content.decode()
    assert marker in client.get(url).content.decode()  # kept
    with mock.patch("django.utils.timezone.now", return_value=ends + timedelta(seconds=1)):
        html = client.get(url).content.decode()
    assert marker not in html
    if what == "valid":
        assert '<span class="badge">Expired</span>' in html
