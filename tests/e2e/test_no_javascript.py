"""With JavaScript disabled a trainee can still enrol, study and take a quiz."""

import re

from django.utils import translation
from playwright.sync_api import expect

from courses.models import CoursePage
from tests.e2e.helpers import answer_key, answer_question, sign_in


def test_trainee_enrols_studies_and_takes_a_quiz_without_javascript(live_server, demo, open_page):
    page = open_page(java_script_enabled=False)
    base = live_server.url
    # trainee.gt is enrolled in the first course only: enrol in the second one.
    course = CoursePage.objects.get(slug_en="chain-of-custody-for-physical-evidence")
    with translation.override("es"):
        course_url = course.get_url()
    sign_in(page, base, "trainee.gt@example.org")
    page.goto(base + course_url)
    page.get_by_role("button", name="Inscribirme en este curso").click()
    expect(page.locator(".enrol-box progress")).to_be_visible()

    # Study: every lesson, marked complete with plain form posts.
    lessons = page.locator(".outline-lesson a")
    urls = [lessons.nth(i).get_attribute("href") for i in range(lessons.count())]
    assert urls
    for url in urls:
        page.goto(base + url)
        page.get_by_role("button", name=re.compile("^Marcar como completada")).click()
    page.goto(base + course_url)
    expect(page.locator(".outline-lesson .badge-done")).to_have_count(len(urls))

    # A quiz: start, answer one question per page, submit.
    quiz_link = page.locator(".outline-quiz a").last
    quiz_link.click()
    page.get_by_role("button", name="Comenzar el cuestionario").click()
    expect(page).to_have_url(re.compile(r"/attempt/\d+/$"))
    from assessments.models import QuizPage

    quiz = QuizPage.objects.child_of(course).get(kind=QuizPage.Kind.FINAL_EXAM)
    key = answer_key(quiz)
    while True:
        answer_question(page, key, correctly=True)
        submit = page.get_by_role("button", name="Enviar para calificar")
        if submit.count():
            submit.click()
            break
        page.locator(".quiz-actions button[name=goto]").last.click()
    expect(page.locator(".result .success")).to_have_text("Aprobado.")
    expect(page.locator(".review-question.is-correct").first).to_be_visible()
