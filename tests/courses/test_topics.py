"""Course topics: the standard list, tags on the course page, the snippet admin, the editor."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import CoursePage, Topic
from courses.services import topics_create_standard
from tests import factories
from tests.courses.test_trainer_admin import course_form

pytestmark = pytest.mark.django_db

#: Written out here, not read from the code: what the data migration must have created.
STANDARD = {
    "human-rights": ("Human rights", "Derechos humanos"),
    "gender": ("Gender", "Género"),
    "anti-corruption": ("Anti-corruption", "Anticorrupción"),
    "victim-assistance": ("Victim assistance", "Atención a víctimas"),
    "trafficking-in-persons": ("Trafficking in persons", "Trata de personas"),
    "migrant-smuggling": ("Migrant smuggling", "Tráfico ilícito de migrantes"),
    "forensics": ("Forensic science", "Ciencias forenses"),
    "rule-of-law": ("Rule of law", "Estado de derecho"),
}


def shown_topics(html: str) -> list[str]:
    """The tag texts of the course page's topic list, in page order."""
    match = re.search(r'<ul class="topics"[^>]*>(.*?)</ul>', html, re.S)
    assert match, "no topic list on the page"
    return re.findall(r'<li class="badge">([^<]*)</li>', match.group(1))


def topic(code):
    return Topic.objects.get(code=code)


def test_the_data_migration_created_the_standard_topics_in_both_languages():
    rows = Topic.objects.values_list("code", "name_en", "name_es")
    assert {code: (en, es) for code, en, es in rows} == STANDARD


def test_creating_the_standard_topics_again_changes_nothing():
    Topic.objects.filter(code="gender").update(name_en="Gender equality")
    before = list(Topic.objects.order_by("code").values_list("pk", "code", "name_en"))
    topics = topics_create_standard()
    assert set(topics) == set(STANDARD)
    assert list(Topic.objects.order_by("code").values_list("pk", "code", "name_en")) == before


def test_standard_topics_come_back_after_the_table_was_emptied():
    Topic.objects.all().delete()
    topics_create_standard()
    assert Topic.objects.get(code="forensics").name_es == "Ciencias forenses"


def test_a_topic_reads_in_the_active_language():
    from django.utils import translation

    with translation.override("es"):
        assert str(topic("rule-of-law")) == "Estado de derecho"
    with translation.override("en"):
        assert str(topic("rule-of-law")) == "Rule of law"


def test_course_page_shows_its_topics_in_each_language_in_alphabetical_order(client):
    chosen = [topic("rule-of-law"), topic("human-rights"), topic("gender")]
    course = factories.course(lessons=1, topics=chosen)
    en = client.get(course.get_url()).content.decode()
    es = client.get(f"/es/cursos/{course.slug_es}/").content.decode()
    assert shown_topics(en) == ["Gender", "Human rights", "Rule of law"]
    assert shown_topics(es) == ["Derechos humanos", "Estado de derecho", "Género"]


def test_course_page_without_topics_shows_no_topic_list(client):
    course = factories.course(lessons=1)
    for url in (course.get_url(), f"/es/cursos/{course.slug_es}/"):
        assert 'class="topics"' not in client.get(url).content.decode()


def test_renaming_a_topic_shows_on_the_course_page_at_once(client):
    course = factories.course(lessons=1, topics=[topic("gender")])
    assert shown_topics(client.get(course.get_url()).content.decode()) == ["Gender"]
    gender = topic("gender")
    gender.name_en = "Gender equality"
    gender.save()
    assert shown_topics(client.get(course.get_url()).content.decode()) == ["Gender equality"]


def test_topics_cost_the_same_queries_whatever_their_number(client):
    one = factories.course(lessons=1, topics=[topic("gender")])
    many = factories.course(lessons=1, topics=list(Topic.objects.all()))

    def queries(url):
        from core.content_version import bump

        bump()  # render the course summary afresh, as after a publish
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        return len(ctx.captured_queries)

    client.get(one.get_url())
    client.get(many.get_url())
    assert queries(one.get_url()) == queries(many.get_url())


def test_administrator_lists_and_adds_topics_in_the_admin(client, admin_user):
    client.force_login(admin_user)
    assert "/admin/snippets/courses/topic/" in client.get("/admin/").content.decode()  # menu
    response = client.get("/admin/snippets/courses/topic/")
    assert response.status_code == 200
    assert "Victim assistance" in response.content.decode()
    found = client.get("/admin/snippets/courses/topic/?q=assistance").content.decode()
    assert "Victim assistance" in found and "Rule of law" not in found
    response = client.post(
        "/admin/snippets/courses/topic/add/",
        {"code": "cybercrime", "name_en": "Cybercrime", "name_es": "Ciberdelito"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    added = topic("cybercrime")
    assert (added.name_en, added.name_es) == ("Cybercrime", "Ciberdelito")


@pytest.mark.parametrize("role", ["trainee", "trainer"])
def test_topics_admin_is_not_for_trainees_or_trainers(client, role):
    client.force_login(factories.trainee() if role == "trainee" else factories.trainer())
    if role == "trainer":
        assert "/admin/snippets/courses/topic/" not in client.get("/admin/").content.decode()
    response = client.get("/admin/snippets/courses/topic/")
    assert response.status_code in (302, 403)
    assert "Victim assistance" not in response.content.decode()
    response = client.post(
        "/admin/snippets/courses/topic/add/", {"code": "x", "name_en": "X", "name_es": "X"}
    )
    assert not Topic.objects.filter(code="x").exists()


def course_form_with_topics(*topics):
    form = course_form()
    # After nested_form_data, which would spread a list over topics-0, topics-1...
    form["topics"] = [t.pk for t in topics]
    return form


def test_course_editor_saves_topics(client):
    trainer = factories.trainer()
    index = factories.course_index()
    client.force_login(trainer)
    form = course_form_with_topics(topic("anti-corruption"), topic("rule-of-law"))
    response = client.post(f"/admin/pages/add/courses/coursepage/{index.pk}/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    course = CoursePage.objects.get(slug_en="financial-investigation-basics")
    assert set(course.topics.values_list("code", flat=True)) == {"anti-corruption", "rule-of-law"}
    edit = client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    assert 'type="checkbox" name="topics"' in edit

    form = course_form_with_topics(topic("gender"))
    response = client.post(f"/admin/pages/{course.pk}/edit/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(course.topics.values_list("code", flat=True)) == ["gender"]
    assert shown_topics(client.get(course.get_url()).content.decode()) == ["Gender"]
