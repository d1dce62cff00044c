import pytest

from courses.models import ModulePage
from learning.models import Enrollment
from tests import factories

pytestmark = pytest.mark.django_db


def test_healthz_reports_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_root_redirects_by_accept_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-HN,es;q=0.9,en;q=0.5")
    assert response.status_code == 302 and response["Location"] == "/es/"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Location"] == "/en/"


def test_root_redirect_prefers_user_language_over_browser(client):
    client.force_login(factories.user(language="es"))
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Location"] == "/es/"


def test_home_page_in_both_languages(client, course_tree):
    assert client.get("/en/").status_code == 200
    html = client.get("/es/").content.decode()
    assert 'lang="es"' in html
    assert 'href="/en/"' in html  # switcher


def test_language_switch_on_course_page_keeps_the_page(client, course_tree):
    html = client.get(f"/en/courses/{course_tree.slug_en}/").content.decode()
    assert f'href="/es/cursos/{course_tree.slug_es}/"' in html
    html = client.get(f"/es/cursos/{course_tree.slug_es}/").content.decode()
    assert f'href="/en/courses/{course_tree.slug_en}/"' in html


def test_language_switch_on_lesson_keeps_the_lesson(client, course_tree):
    trainee = factories.trainee()
    Enrollment.objects.create(user=trainee, course=course_tree)
    client.force_login(trainee)
    lesson = ModulePage.objects.child_of(course_tree).first()
    html = client.get(f"/es/cursos/{course_tree.slug_es}/{lesson.slug_es}/").content.decode()
    assert f'href="/en/courses/{course_tree.slug_en}/{lesson.slug_en}/"' in html


def test_language_switch_on_plain_views(client):
    client.force_login(factories.trainee())
    html = client.get("/es/my-learning/").content.decode()
    assert 'href="/en/my-learning/"' in html
    client.logout()
    html = client.get("/en/accounts/login/?next=/en/my-learning/").content.decode()
    assert 'href="/es/accounts/login/?next=/en/my-learning/"' in html


def test_unknown_page_is_404(client, course_tree):
    assert client.get("/es/cursos/no-existe/").status_code == 404


def test_unknown_admin_url_is_a_plain_404_not_a_language_redirect(client):
    client.force_login(factories.user(is_superuser=True, is_staff=True))
    response = client.get("/admin/no-such-thing/")
    assert response.status_code == 404
