"""What a trainer sees in the admin at 1280 px, in both admin languages.

The quiz editor folds saved questions to one line and says which lack Spanish;
the dashboard names the site, shows no outside avatar and dates in the admin's
language.
"""

import pytest
from django.conf import settings
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from accounts.models import User
from assessments.models import QuizPage
from tests.e2e.conftest import DESKTOP
from tests.e2e.helpers import screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

EXAM = "final-exam-chain-of-custody-for-physical-evidence"
MISSING = {"en": "question 4, question 5", "es": "pregunta 4, pregunta 5"}
QUESTION = {"en": "Question", "es": "Pregunta"}


def admin_in(language: str) -> User:
    user = User.objects.get(email="admin@example.org")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def no_horizontal_overflow(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_quiz_editor_folds_questions_and_names_the_untranslated_ones(
    live_server, demo, open_page, language
):
    admin_in(language)
    exam = QuizPage.objects.get(slug_en=EXAM)
    page = open_page(viewport=DESKTOP)
    sign_in(page, live_server.url, "admin@example.org", language=language)
    page.goto(f"{live_server.url}/admin/pages/{exam.pk}/edit/")
    page.wait_for_load_state("networkidle")

    questions = page.locator("[data-question-child]")
    expect(questions).to_have_count(5)
    for number in range(5):
        child = questions.nth(number)
        # Folded: one heading line with the question's summary, its fields hidden.
        expect(child.locator("[data-panel-toggle]").first).to_have_attribute(
            "aria-expanded", "false"
        )
        expect(child.locator("textarea").first).to_be_hidden()
        heading = child.locator("[data-panel-heading]").first
        expect(heading).to_contain_text(f"{QUESTION[language]} {number + 1}")
        assert heading.bounding_box()["height"] < 40
    expect(questions.first.locator("[data-question-summary]")).to_contain_text(
        "1 point" if language == "en" else "1 punto"
    )
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('form')].map(f => f.scrollHeight))"
    )
    assert height < 4000

    status = page.locator("[data-translation-status]")
    expect(status).to_contain_text(MISSING[language])
    assert no_horizontal_overflow(page)
    screenshot(page, f"trainer-quiz-editor-{language}")

    # Opened, a question's feedback fields are one line until the trainer types more.
    questions.nth(3).locator("[data-panel-toggle]").first.click()
    feedback = questions.nth(3).locator("textarea[name$='-0-feedback_en']")
    expect(feedback).to_be_visible()
    one_line = feedback.bounding_box()["height"]
    assert one_line < 80  # a ten-row textarea before
    feedback.fill("Right.\nPaper breathes.\nPlastic traps moisture.\nSamples degrade.")
    page.wait_for_timeout(200)
    assert feedback.bounding_box()["height"] > one_line


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_dashboard_names_the_site_with_a_local_avatar_and_local_dates(
    live_server, demo, open_page, language
):
    admin = admin_in(language)
    QuizPage.objects.get(slug_en=EXAM).save_revision(user=admin, log_action=True)  # an edit to list
    page = open_page(viewport=DESKTOP)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    sign_in(page, live_server.url, "admin@example.org", language=language)
    page.goto(f"{live_server.url}/admin/")
    page.wait_for_load_state("networkidle")

    expect(page.locator("h1")).to_have_text(settings.WAGTAIL_SITE_NAME)
    expect(page.locator("body")).not_to_contain_text("localhost")
    assert not [url for url in requests if not url.startswith(live_server.url)]
    for avatar in page.locator("img.avatar, .avatar img").all():
        assert page.evaluate(
            "(img) => img.complete && img.naturalWidth > 0", avatar.element_handle()
        )
    # The recent edit, in the admin's language: "Just now" / "Justo ahora", and its
    # full date "Nov. 30, 2026, …" / "30 de noviembre de 2026 a las …".
    edited = page.locator(".w-human-readable-date").first
    expect(edited).to_contain_text("Just now" if language == "en" else "Justo ahora")
    full_date = edited.get_attribute("data-w-tooltip-content-value")
    assert (" de " in full_date) == (language == "es"), full_date
    assert no_horizontal_overflow(page)
    screenshot(page, f"trainer-dashboard-{language}")
