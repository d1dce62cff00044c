"""Shared steps for the browser journeys."""

import re

from demo.accounts import DEMO_PASSWORD
from tests.e2e.conftest import SCREENSHOTS

DEMO_COURSE_ES = "/es/cursos/investigacion-de-redes-de-trafico-ilicito-de-migrantes/"
DEMO_COURSE_EN = "/en/courses/investigating-human-smuggling-networks/"
DEMO_LESSON_ES = DEMO_COURSE_ES + "entrevista-centrada-en-la-victima/"
DEMO_LESSON_EN = DEMO_COURSE_EN + "victim-centred-interviewing/"


def sign_in(page, base_url, email, password=DEMO_PASSWORD, language="es"):
    page.goto(f"{base_url}/{language}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()


def csp_errors(page) -> list[str]:
    """Console errors of the page that report a Content-Security-Policy violation."""
    return [text for text in page.console_errors if "Content Security Policy" in text]


def screenshot(page, name: str) -> None:
    """Saves the whole page for review under tests/e2e/artifacts/screenshots/ (git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


def mailed_link(message, pattern: str) -> str:
    """The first link in an e-mail body whose path matches ``pattern``."""
    match = re.search(r"https?://\S*" + pattern + r"\S*", message.body)
    assert match, message.body
    return match.group(0)


def final_exam(course_slug_en: str = "investigating-human-smuggling-networks"):
    """The demo course's final exam page."""
    from assessments.models import QuizPage
    from courses.models import CoursePage

    course = CoursePage.objects.get(slug_en=course_slug_en)
    return QuizPage.objects.child_of(course).get(kind=QuizPage.Kind.FINAL_EXAM)


def open_final_exam_for(email: str):
    """The demo final exam, opened for ``email`` by completing their remaining lessons.

    A final exam opens only after the course's required lessons; trainee.hn is
    part way through them in the demo.
    """
    from accounts.models import User
    from courses.models import ModulePage
    from learning.api import module_complete

    exam = final_exam()
    user = User.objects.get(email=email)
    for lesson in ModulePage.objects.live().child_of(exam.course()).filter(required=True):
        module_complete(user=user, module=lesson)
    return exam


def answer_key(quiz) -> dict[int, dict[str, list[int]]]:
    """Right and wrong choice ids per question, read from the database (never the page)."""
    from assessments.models import Choice

    key: dict[int, dict[str, list[int]]] = {}
    for choice in Choice.objects.filter(question__quiz=quiz).order_by("sort_order", "pk"):
        side = "right" if choice.fraction > 0 else "wrong"
        key.setdefault(choice.question_id, {"right": [], "wrong": []})[side].append(choice.pk)
    return key


def answer_question(page, key, *, correctly: bool) -> None:
    """Ticks the choices of every question shown: all right ones, or one wrong one."""
    for fieldset in page.locator("fieldset.question").all():
        name = fieldset.locator("input[type=radio], input[type=checkbox]").first.get_attribute(
            "name"
        )
        choices = key[int(name[1:])]
        for choice in choices["right"] if correctly else choices["wrong"][:1]:
            fieldset.locator(f"input[value='{choice}']").check()


def take_quiz(page, key, *, correctly: bool, submit_label: str) -> None:
    """Answers an open attempt one question at a time and submits it."""
    submit = page.get_by_role("button", name=submit_label)
    while True:
        answer_question(page, key, correctly=correctly)
        if submit.count():
            submit.click()
            return
        page.locator(".quiz-actions button[name=goto]").last.click()
        page.wait_for_load_state()
