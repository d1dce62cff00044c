"""Every kind of page a visitor or trainee meets, as (name, English path, Spanish path).

Built from the seeded demo: trainee.hn has a submitted pre-test (its review)
and gets an open final-exam attempt; trainee.gt holds a valid certificate.
"""

from django.utils import translation

from tests.e2e.helpers import DEMO_COURSE_EN, DEMO_COURSE_ES, DEMO_LESSON_EN, DEMO_LESSON_ES

LANGUAGES = ("en", "es")


def both(path: str) -> dict[str, str]:
    """A non-page path under each language prefix ('/accounts/login/' -> /en/…, /es/…)."""
    return {language: f"/{language}{path}" for language in LANGUAGES}


def page_urls(page, suffix: str = "") -> dict[str, str]:
    urls = {}
    for language in LANGUAGES:
        with translation.override(language):
            urls[language] = page.get_url() + suffix
    return urls


def public_pages() -> list[tuple[str, dict[str, str]]]:
    """Pages seen signed out: home, catalogue, course, verification, allauth forms."""
    from certificates.models import Certificate

    certificate = Certificate.objects.filter(
        user__email="trainee.gt@example.org", status="valid"
    ).get()
    code = certificate.display_code
    return [
        ("home", both("/")),
        ("catalogue", {"en": "/en/courses/", "es": "/es/cursos/"}),
        ("course", {"en": DEMO_COURSE_EN, "es": DEMO_COURSE_ES}),
        ("verify-form", both("/certificates/verify/")),
        ("verify-result", both(f"/certificates/verify/{code}/")),
        ("offline-verifier", both("/certificates/offline/")),
        ("login", both("/accounts/login/")),
        ("signup", both("/accounts/signup/")),
        ("password-reset", both("/accounts/password/reset/")),
    ]


def trainee_pages() -> list[tuple[str, dict[str, str]]]:
    """Pages seen by trainee.hn signed in; opens a final-exam attempt for the attempt page
    (completing their remaining lessons first, as the exam requires)."""
    from accounts.models import User
    from assessments.models import QuizPage
    from learning.attempts import attempt_start
    from learning.models import Attempt
    from tests.e2e.helpers import open_final_exam_for

    trainee = User.objects.get(email="trainee.hn@example.org")
    exam = open_final_exam_for(trainee.email)
    attempt = attempt_start(user=trainee, quiz=exam, language="es")
    reviewed = Attempt.objects.filter(
        user=trainee, quiz__kind=QuizPage.Kind.PRETEST, status="submitted"
    ).first()
    return [
        ("lesson", {"en": DEMO_LESSON_EN, "es": DEMO_LESSON_ES}),
        ("quiz", page_urls(exam)),
        ("attempt", page_urls(exam, f"attempt/{attempt.pk}/")),
        ("review", page_urls(reviewed.quiz.specific, f"attempt/{reviewed.pk}/review/")),
        ("my-learning", both("/my-learning/")),
        ("profile", both("/accounts/profile/")),
        ("email", both("/accounts/email/")),
        ("password-change", both("/accounts/password/change/")),
    ]
