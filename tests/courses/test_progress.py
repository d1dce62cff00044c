import pytest
from django.urls import reverse

from learning.models import Enrollment, ModuleCompletion
from learning.services import NotEnrolledError, module_complete
from tests import factories

pytestmark = pytest.mark.django_db


def lesson_pages(course):
    from courses.models import ModulePage

    return list(ModulePage.objects.child_of(course).order_by("path"))


def test_catalogue_lists_course_in_both_languages(client, course_tree):
    en = client.get("/en/courses/")
    es = client.get("/es/cursos/")
    assert en.status_code == 200 and es.status_code == 200
    assert "Interviewing victims" in en.content.decode()
    assert "Entrevista a víctimas" in es.content.decode()


def test_enrol_creates_one_enrollment_and_second_enrol_changes_nothing(client, course_tree):
    trainee = factories.trainee()
    client.force_login(trainee)
    url = f"/es/cursos/{course_tree.slug_es}/enrol/"
    first = client.post(url, follow=True)
    assert "Está inscrito" in first.content.decode()
    second = client.post(url, follow=True)
    assert "Ya está inscrito en este curso." in second.content.decode()
    assert Enrollment.objects.filter(user=trainee, course=course_tree).count() == 1


def test_anonymous_enrol_redirects_to_login_and_stores_nothing(client, course_tree):
    response = client.post(course_tree.get_url() + "enrol/")
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert Enrollment.objects.count() == 0


def test_completing_a_lesson_updates_progress_on_course_page(client, course_tree):
    trainee = factories.trainee()
    Enrollment.objects.create(user=trainee, course=course_tree)
    client.force_login(trainee)
    first = lesson_pages(course_tree)[0]
    response = client.post(first.get_url() + "complete/", follow=True)
    assert response.status_code == 200
    assert ModuleCompletion.objects.filter(module=first, enrollment__user=trainee).count() == 1
    page = client.get(course_tree.get_url()).content.decode()
    assert "33% complete" in page
    assert "1 of 3 lessons" in page


def test_completing_a_lesson_of_a_course_not_enrolled_in_is_refused(client, course_tree):
    trainee = factories.trainee()
    client.force_login(trainee)
    first = lesson_pages(course_tree)[0]
    es_url = "/es/cursos/" + course_tree.slug_es + "/" + first.slug_es + "/complete/"
    response = client.post(es_url, follow=True)
    assert "No está inscrito en este curso" in response.content.decode()
    assert ModuleCompletion.objects.count() == 0
    assert Enrollment.objects.count() == 0


def test_module_complete_service_raises_when_not_enrolled(course_tree):
    trainee = factories.trainee()
    with pytest.raises(NotEnrolledError):
        module_complete(user=trainee, module=lesson_pages(course_tree)[0])


def test_completing_twice_keeps_one_record(course_tree):
    trainee = factories.trainee()
    Enrollment.objects.create(user=trainee, course=course_tree)
    lesson = lesson_pages(course_tree)[0]
    module_complete(user=trainee, module=lesson)
    result = module_complete(user=trainee, module=lesson)
    assert result.created is False
    assert ModuleCompletion.objects.count() == 1


def test_completing_every_lesson_completes_the_course_once(course_tree):
    from learning.signals import enrollment_completed

    received = []

    def on_completed(sender, enrollment, final_attempt, **kwargs):
        received.append((enrollment.pk, final_attempt))

    enrollment_completed.connect(on_completed)
    try:
        trainee = factories.trainee()
        enrollment = Enrollment.objects.create(user=trainee, course=course_tree)
        for lesson in lesson_pages(course_tree):
            module_complete(user=trainee, module=lesson)
        module_complete(user=trainee, module=lesson_pages(course_tree)[0])
    finally:
        enrollment_completed.disconnect(on_completed)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert received == [(enrollment.pk, None)]  # no final exam in this course


def test_lesson_requires_enrolment(client, course_tree):
    trainee = factories.trainee()
    client.force_login(trainee)
    lesson = lesson_pages(course_tree)[0]
    response = client.get(lesson.get_url())
    assert response.status_code == 302
    assert response["Location"] == course_tree.get_url()


def test_anonymous_lesson_redirects_to_login(client, course_tree):
    lesson = lesson_pages(course_tree)[0]
    response = client.get(lesson.get_url())
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_unpublished_lesson_is_404_even_for_enrolled_trainee(client, course_tree):
    hidden = factories.lesson(course_tree, 9, live=False)
    trainee = factories.trainee()
    Enrollment.objects.create(user=trainee, course=course_tree)
    client.force_login(trainee)
    assert (
        client.get("/en/courses/" + course_tree.slug_en + "/" + hidden.slug_en + "/").status_code
        == 404
    )


def test_enrolled_trainee_reads_lesson_in_spanish_with_navigation(client, course_tree):
    trainee = factories.trainee()
    Enrollment.objects.create(user=trainee, course=course_tree)
    client.force_login(trainee)
    second = lesson_pages(course_tree)[1]
    url = f"/es/cursos/{course_tree.slug_es}/{second.slug_es}/"
    html = client.get(url).content.decode()
    assert "Cuerpo en español 2" in html
    assert "Lección 1" in html and "Lección 3" in html  # previous / next
    assert "Lección 2 de 3" in html


def test_missing_spanish_body_falls_back_to_english_with_notice(client, course_tree):
    untranslated = factories.lesson(course_tree, 4, body_es=False)
    trainee = factories.trainee()
    Enrollment.objects.create(user=trainee, course=course_tree)
    client.force_login(trainee)
    html = client.get(f"/es/cursos/{course_tree.slug_es}/{untranslated.slug_es}/").content.decode()
    assert "English body 4" in html
    assert "aún no está traducida" in html
    translated = lesson_pages(course_tree)[0]
    html = client.get(f"/es/cursos/{course_tree.slug_es}/{translated.slug_es}/").content.decode()
    assert "aún no está traducida" not in html


def test_my_learning_requires_login(client):
    response = client.get("/es/my-learning/")
    assert response.status_code == 302
    assert "/es/accounts/login/" in response["Location"]


def test_my_learning_shows_progress_and_continue_link(client, course_tree):
    trainee = factories.trainee()
    enrollment = Enrollment.objects.create(user=trainee, course=course_tree)
    lessons = lesson_pages(course_tree)
    ModuleCompletion.objects.create(enrollment=enrollment, module=lessons[0])
    client.force_login(trainee)
    html = client.get("/es/my-learning/").content.decode()
    assert "Entrevista a víctimas" in html
    assert "33% completado" in html
    assert f'href="/es/cursos/{course_tree.slug_es}/{lessons[1].slug_es}/"' in html


def test_my_learning_for_user_without_enrolments_says_so(client):
    client.force_login(factories.trainee())
    html = client.get("/en/my-learning/").content.decode()
    assert "You are not enrolled in any course yet." in html


def test_lesson_links_to_the_quiz_that_follows_it(client, course_tree):
    from assessments.models import QuizPage

    lessons = lesson_pages(course_tree)
    check = QuizPage(
        title_en="Check 1",
        title_es="Control 1",
        slug_en="check-1",
        slug_es="control-1",
        kind=QuizPage.Kind.LESSON_CHECK,
    )
    course_tree.add_child(instance=check)
    check.save_revision().publish()
    # Put the check right after the first lesson.
    check.move(lessons[1], pos="left")
    trainee = factories.trainee()
    Enrollment.objects.create(user=trainee, course=course_tree)
    client.force_login(trainee)
    html = client.get(lessons[0].get_url()).content.decode()
    assert f'href="/en/courses/{course_tree.slug_en}/check-1/"' in html
    assert "Lesson 1 of 3" in html
