"""Trainers author bilingual courses in the Wagtail admin."""

import pytest
from wagtail.models import Page, PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import CoursePage, ModulePage
from tests import factories

pytestmark = pytest.mark.django_db


def course_form(**overrides):
    data = {
        "title_en": "Financial investigation basics",
        "title_es": "Fundamentos de investigación financiera",
        "slug_en": "financial-investigation-basics",
        "slug_es": "fundamentos-investigacion-financiera",
        "summary_en": "Follow the money behind smuggling networks.",
        "summary_es": "",
        "objectives_en": rich_text("<p>Trace payments.</p>"),
        "objectives_es": rich_text("<p>Rastrear pagos.</p>"),
        "audience_en": "Investigators",
        "audience_es": "Investigadores",
        "estimated_hours": "3",
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def lesson_form():
    return nested_form_data(
        {
            "title_en": "Reading bank statements",
            "title_es": "Lectura de estados de cuenta",
            "slug_en": "reading-bank-statements",
            "slug_es": "lectura-de-estados-de-cuenta",
            "body_en": streamfield([("text", rich_text("<p>Look for structuring.</p>"))]),
            "body_es": streamfield([("text", rich_text("<p>Busque fraccionamiento.</p>"))]),
            "estimated_minutes": "20",
            "required": "on",
            "action-publish": "publish",
        }
    )


def test_trainer_creates_bilingual_course_and_lesson_in_admin(client):
    trainer = factories.trainer()
    index = factories.course_index()
    client.force_login(trainer)
    response = client.post(f"/admin/pages/add/courses/coursepage/{index.pk}/", course_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    course = CoursePage.objects.get(slug_en="financial-investigation-basics")
    assert course.live
    response = client.post(f"/admin/pages/add/courses/modulepage/{course.pk}/", lesson_form())
    assert response.status_code == 302
    lesson = ModulePage.objects.get(slug_en="reading-bank-statements")
    assert lesson.live and lesson.get_parent().pk == course.pk

    en = client.get("/en/courses/").content.decode()
    es = client.get("/es/cursos/").content.decode()
    assert "Financial investigation basics" in en
    assert "Fundamentos de investigación financiera" in es
    # The Spanish summary was left empty: the catalogue falls back to English.
    assert "Follow the money behind smuggling networks." in es
    course_es = client.get("/es/cursos/fundamentos-investigacion-financiera/").content.decode()
    assert "aún no está traducida" in course_es


def test_trainer_cannot_add_a_lesson_directly_under_the_catalogue(client):
    trainer = factories.trainer()
    index = factories.course_index()
    client.force_login(trainer)
    pages_before = Page.objects.count()
    response = client.post(f"/admin/pages/add/courses/modulepage/{index.pk}/", lesson_form())
    assert response.status_code in (302, 403)
    assert not ModulePage.objects.exists()
    assert Page.objects.count() == pages_before


@pytest.mark.parametrize("role", ["trainee", "manager"])
def test_users_without_page_rights_cannot_create_a_course(client, role):
    index = factories.course_index()
    user = factories.trainee() if role == "trainee" else factories.manager()
    client.force_login(user)
    pages_before, log_before = Page.objects.count(), PageLogEntry.objects.count()
    response = client.post(f"/admin/pages/add/courses/coursepage/{index.pk}/", course_form())
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/pages/" not in response["Location"]  # not the new page's edit view
    assert not CoursePage.objects.filter(slug_en="financial-investigation-basics").exists()
    assert Page.objects.count() == pages_before
    assert PageLogEntry.objects.count() == log_before


def test_page_editor_lists_fields_missing_in_spanish(client):
    trainer = factories.trainer()
    course = factories.course(lessons=0)
    CoursePage.objects.filter(pk=course.pk).update(audience_en="Prosecutors", audience_es="")
    client.force_login(trainer)
    html = client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    assert "data-translation-status" in html
    assert "Missing in Spanish:" in html
    assert "audience" in html


def test_missing_spanish_report_lists_only_untranslated_pages(client):
    trainer = factories.trainer()
    course = factories.course(lessons=1)
    untranslated = factories.lesson(course, 2, body_es=False)
    client.force_login(trainer)
    response = client.get("/admin/reports/missing-spanish/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"/admin/pages/{untranslated.pk}/edit/" in html
    translated = ModulePage.objects.child_of(course).get(slug_en="lesson-1")
    assert f"/admin/pages/{translated.pk}/edit/" not in html


def test_missing_spanish_report_is_not_for_trainees(client):
    client.force_login(factories.trainee())
    response = client.get("/admin/reports/missing-spanish/")
    assert response.status_code in (302, 403)
