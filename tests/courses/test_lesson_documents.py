"""Lesson documents are course material: staff and the course's trainees only."""

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents.models import Document

from accounts.roles import roles_setup
from learning.models import Enrollment
from tests import factories

pytestmark = pytest.mark.django_db

HANDOUT = b"Chain of custody checklist"


def document(name="checklist.txt", content=HANDOUT) -> Document:
    doc = Document(title=name)
    doc.file.save(name, ContentFile(content), save=True)
    return doc


def url(doc: Document) -> str:
    return f"/documents/{doc.pk}/{doc.filename}"


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def use_in_lesson(lesson, doc: Document, *, field="body_es") -> None:
    """Adds a document block to the lesson (Spanish body only: any language counts)."""
    setattr(lesson, field, [{"type": "document", "value": {"document": doc.pk, "title": "Lista"}}])
    with translation.override("en"):
        lesson.save_revision().publish()


@pytest.fixture
def course_with_document():
    course = factories.course(lessons=2)
    roles_setup(course_root=factories.course_index())  # staff groups get admin access
    lesson = course.get_children().specific().last()
    doc = document()
    use_in_lesson(lesson, doc)
    return course, doc


def enrolled(course):
    trainee = factories.trainee()
    Enrollment.objects.create(user=trainee, course=course)
    return trainee


def test_enrolled_trainee_downloads_the_document_of_their_course(client, course_with_document):
    course, doc = course_with_document
    client.force_login(enrolled(course))
    response = client.get(url(doc))
    assert response.status_code == 200
    assert body(response) == HANDOUT
    assert "private" in response["Cache-Control"]


def test_trainee_not_enrolled_gets_403_and_not_the_file(client, course_with_document):
    course, doc = course_with_document
    other_course = factories.course(lessons=1, title="Digital evidence", title_es="Evidencia")
    client.force_login(enrolled(other_course))
    response = client.get(url(doc))
    assert response.status_code == 403
    assert HANDOUT not in body(response)
    assert "Document not available" in response.content.decode()


def test_forbidden_page_is_in_the_trainees_language(client, course_with_document):
    _course, doc = course_with_document
    client.force_login(factories.trainee())
    response = client.get(url(doc), HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 403
    assert "Documento no disponible" in response.content.decode()


def test_anonymous_visitor_is_sent_to_sign_in(client, course_with_document):
    _course, doc = course_with_document
    response = client.get(url(doc))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert f"next=/documents/{doc.pk}/" in response["Location"]
    assert "private" in response["Cache-Control"]


def test_trainer_downloads_any_document(client, course_with_document):
    _course, doc = course_with_document
    client.force_login(factories.trainer())
    response = client.get(url(doc))
    assert response.status_code == 200 and body(response) == HANDOUT


def test_document_used_by_no_course_is_for_staff_only(client, course_with_document):
    course, _doc = course_with_document
    loose = document("loose.txt", b"Draft memo")
    client.force_login(enrolled(course))
    assert client.get(url(loose)).status_code == 403
    client.force_login(factories.manager())
    response = client.get(url(loose))
    assert response.status_code == 200 and body(response) == b"Draft memo"


def test_document_linked_from_rich_text_of_the_course_page_counts(client):
    course = factories.course(lessons=1)
    doc = document("syllabus.txt", b"Syllabus")
    course.objectives_en = f'<p><a linktype="document" id="{doc.pk}">Syllabus</a></p>'
    with translation.override("en"):
        course.save_revision().publish()
    client.force_login(enrolled(course))
    response = client.get(url(doc))
    assert response.status_code == 200 and body(response) == b"Syllabus"


def test_images_stay_public(client):
    """Images are media files, not documents: no check, no redirect to sign in."""
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Map", file=get_test_image_file())
    assert image.file.url.startswith("/media/")
    assert not image.get_rendition("original").url.startswith("/documents/")
