"""The quiz flow of a new trainee, in both languages, on a phone (without JavaScript) and a desktop.

After enrolling the first step is the pre-test, saying why; the final exam
lists the lessons that remain instead of a start button; submitting with
unanswered questions asks first; the pre-test's result shows the score and
what to study, never pass or fail.
"""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from assessments.models import QuizPage
from courses.models import CoursePage
from learning.models import Attempt
from tests import factories
from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.helpers import answer_key, answer_question, final_exam, screenshot, sign_in

WORDS = {
    "es": {
        "enrol": "Inscribirme en este curso",
        "why": "Empiece por la evaluación diagnóstica",
        "first": "Comenzar: ",
        "remaining": "Quedan 5 lecciones",
        "start": "Comenzar el cuestionario",
        "submit": "Enviar para calificar",
        "unanswered": "preguntas sin responder",
        "back": "Volver y responder",
        "anyway": "Enviar de todos modos",
        "study": "Qué estudiar",
        "taken": "Realizada",
        "verdicts": ("Aprobado", "No aprobado"),
    },
    "en": {
        "enrol": "Enrol in this course",
        "why": "Start with the pre-test",
        "first": "Start: ",
        "remaining": "5 lessons remain",
        "start": "Start the quiz",
        "submit": "Submit for scoring",
        "unanswered": "questions are unanswered",
        "back": "Go back and answer",
        "anyway": "Submit anyway",
        "study": "What to study",
        "taken": "Taken",
        "verdicts": ("Passed", "Not passed", "Failed"),
    },
}


def no_horizontal_overflow(page) -> None:
    fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert fits, f"horizontal overflow on {page.url}"


def url_in(page_obj, language: str) -> str:
    with translation.override(language):
        return page_obj.get_url()


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_new_trainee_pretest_first_gate_and_confirmation(
    live_server, demo, open_page, language, size
):
    words = WORDS[language]
    base = live_server.url
    viewport = PHONE if size == "phone" else DESKTOP
    # The phone works without JavaScript: every step is a plain form.
    page = open_page(viewport=viewport, java_script_enabled=size == "desktop")
    trainee = factories.trainee(f"quiz.flow.{language}.{size}@example.org", language=language)
    sign_in(page, base, trainee.email, password=factories.PASSWORD, language=language)
    course = CoursePage.objects.get(slug_en="investigating-human-smuggling-networks")
    pretest = QuizPage.objects.child_of(course).get(kind=QuizPage.Kind.PRETEST)
    exam = final_exam()
    name = f"quiz-flow-{language}"

    # Enrolling: the first action is the pre-test, with the reason.
    page.goto(base + url_in(course, language))
    page.get_by_role("button", name=words["enrol"]).click()
    expect(page.locator(".next-step-why")).to_contain_text(words["why"])
    first_action = page.locator(".enrol-box a.button")
    with translation.override(language):
        title = pretest.title
    expect(first_action).to_have_text(words["first"] + title)
    assert first_action.get_attribute("href") == url_in(pretest, language)
    no_horizontal_overflow(page)
    screenshot(page, f"{name}-course")

    # The final exam waits for the lessons and links to each.
    page.goto(base + url_in(exam, language))
    remaining = page.locator(".lessons-remaining")
    expect(remaining).to_contain_text(words["remaining"])
    expect(remaining.locator("a")).to_have_count(5)
    expect(page.get_by_role("button", name=words["start"])).to_have_count(0)
    no_horizontal_overflow(page)
    screenshot(page, f"{name}-exam-locked")
    lesson_url = remaining.locator("a").first.get_attribute("href")
    remaining.locator("a").first.click()
    expect(page).to_have_url(re.compile(re.escape(lesson_url) + "$"))

    # The pre-test: one question answered, then submit (one-page view).
    page.goto(base + url_in(course, language))
    page.locator(".enrol-box a.button").click()
    page.get_by_role("button", name=words["start"]).click()
    expect(page).to_have_url(re.compile(r"/attempt/\d+/$"))
    page.goto(page.url + "?all=1")
    first_question = page.locator("fieldset.question").first
    total = page.locator("fieldset.question").count()
    key = answer_key(pretest)
    choices = first_question.locator("input[type=radio], input[type=checkbox]")
    name_attr = choices.first.get_attribute("name")
    for choice in key[int(name_attr[1:])]["right"]:
        choices.and_(first_question.locator(f"[value='{choice}']")).check()
    page.get_by_role("button", name=words["submit"]).click()

    # Asked first: which questions are unanswered, each linked.
    expect(page).to_have_url(re.compile(r"\?confirm=1$"))
    expect(page.locator("h1")).to_contain_text(f"{total - 1} {words['unanswered']}")
    links = page.locator(".unanswered-list a")
    expect(links).to_have_count(total - 1)
    assert links.first.get_attribute("href") == "?q=2"
    attempt = Attempt.objects.get(user=trainee, quiz=pretest)
    assert attempt.status == Attempt.Status.IN_PROGRESS
    no_horizontal_overflow(page)
    screenshot(page, f"{name}-confirm")
    page.get_by_role("link", name=words["back"]).click()
    expect(page).to_have_url(re.compile(r"\?q=2$"))
    expect(page.locator("fieldset.question legend")).to_contain_text("2")
    answer_question(page, key, correctly=False)
    page.locator(".quiz-actions button[name=goto]").last.click()  # save and next
    expect(page).to_have_url(re.compile(r"\?q=3$"))
    page.goto(re.sub(r"\?.*$", "", page.url) + "?confirm=1")
    expect(page.locator(".unanswered-list a")).to_have_count(total - 2)
    page.get_by_role("button", name=words["anyway"]).click()

    # The result: a score and what to study, no verdict.
    expect(page).to_have_url(re.compile(r"/review/$"))
    expect(page.locator(".study-topics h2")).to_have_text(words["study"])
    expect(page.locator(".revisit-list li")).to_have_count(total - 1)
    result = page.locator("main").inner_text()
    for verdict in words["verdicts"]:
        assert verdict not in result
    no_horizontal_overflow(page)
    screenshot(page, f"{name}-pretest-result")

    # The outline says the pre-test was taken.
    page.goto(base + url_in(course, language))
    item = page.locator(".outline-quiz").filter(has_text=title)
    expect(item.first.locator(".badge-done")).to_have_text(words["taken"])
    no_horizontal_overflow(page)
