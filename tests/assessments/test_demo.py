"""The demo seeds quizzes and attempts consistent with each trainee's progress."""

import pytest
from django.conf import settings
from django.db.models import Count, Q
from django.test import override_settings
from wagtail.models import Page

from accounts.models import User
from assessments.gift import parse_gift
from assessments.models import Question, QuizPage
from courses.models import CoursePage
from demo import data
from demo.seed import seed_demo
from learning.models import Answer, Attempt, Enrollment

pytestmark = pytest.mark.django_db

DEMO_COURSE = "investigating-human-smuggling-networks"


@pytest.fixture
def seeded():
    with override_settings(DEBUG=True):
        seed_demo(trainees=40)


def quiz_counts():
    return (
        QuizPage.objects.count(),
        Question.objects.count(),
        Attempt.objects.count(),
        Answer.objects.count(),
    )


def test_demo_course_has_pretest_first_checks_after_lessons_and_final_exam_last(seeded):
    course = CoursePage.objects.get(slug_en=DEMO_COURSE)
    kinds = []
    for page in Page.objects.child_of(course).order_by("path").specific():
        if page.specific_class._meta.app_label == "evaluation":
            continue  # the course's surveys come after its content
        kinds.append(page.kind if isinstance(page, QuizPage) else "lesson")
    assert kinds[0] == "pretest" and kinds[-1] == "final_exam"
    assert kinds[1:-1] == ["lesson", "lesson_check"] * 5
    final = QuizPage.objects.child_of(course).get(kind="final_exam")
    questions = Question.objects.filter(quiz=final)
    assert questions.count() >= 10
    assert not questions.filter(Q(text_es="") | Q(text_en="")).exists()


def test_demo_trainees_attempts_match_their_progress(seeded):
    course = CoursePage.objects.get(slug_en=DEMO_COURSE)
    gt = User.objects.get(email="trainee.gt@example.org")
    hn = User.objects.get(email="trainee.hn@example.org")
    assert Attempt.objects.filter(user=gt, quiz__kind="final_exam", passed=True).exists()
    assert Enrollment.objects.get(user=gt, course=course).completed_at is not None
    assert Attempt.objects.filter(user=hn, quiz__kind="pretest", status="submitted").exists()
    assert not Attempt.objects.filter(user=hn, quiz__kind="final_exam").exists()
    assert Enrollment.objects.get(user=hn, course=course).completed_at is None


def test_synthetic_trainees_completed_only_with_a_passed_final_exam(seeded):
    enrollments = Enrollment.objects.filter(user__email__endswith="@trainees.example.org").annotate(
        passed=Count("attempts", filter=Q(attempts__quiz__kind="final_exam", attempts__passed=True))
    )
    completed = [e for e in enrollments if e.completed_at]
    assert completed
    assert all(e.passed for e in completed)
    languages = set(
        Attempt.objects.filter(user__email__endswith="@trainees.example.org").values_list(
            "language", flat=True
        )
    )
    assert languages == {"en", "es"}
    assert Attempt.objects.filter(quiz__kind="pretest").count() > 10


def test_seeding_twice_changes_no_quiz_or_attempt(seeded):
    before = quiz_counts()
    with override_settings(DEBUG=True):
        seed_demo(trainees=40)
    assert quiz_counts() == before


# -- The quizzes are GIFT files loaded through the trainer's importer -------------------

#: Questions per demo quiz (by English slug) when the quizzes were Python data.
QUESTION_COUNTS = {
    "pre-test-what-do-you-already-know": 6,
    "lesson-check-indicators-of-smuggling-and-trafficking": 3,
    "lesson-check-victim-centred-interviewing": 3,
    "lesson-check-following-the-money": 3,
    "lesson-check-digital-evidence-and-open-sources": 3,
    "lesson-check-cross-border-cooperation": 3,
    "final-exam-investigating-human-smuggling-networks": 20,
    "final-exam-chain-of-custody-for-physical-evidence": 5,
}


def gift_files():
    return sorted(data.QUIZZES.glob("*.gift"))


@pytest.mark.django_db(False)
@pytest.mark.parametrize("path", gift_files(), ids=lambda path: path.name)
def test_every_demo_gift_file_parses_without_error(path):
    name, language = path.name.removesuffix(".gift").rsplit(".", 1)
    assert language in [code for code, _name in settings.LANGUAGES]
    result = parse_gift(path.read_text(encoding="utf-8"), language)
    assert result.errors == []
    assert len(result.questions) == QUESTION_COUNTS[name]


@pytest.mark.django_db(False)
def test_each_quiz_of_the_course_files_has_its_files_and_they_pair_up():
    assert data.quiz_names() == list(QUESTION_COUNTS)
    named = {data.gift_path(name, code) for name in QUESTION_COUNTS for code in ("en", "es")}
    assert set(gift_files()) <= named  # no file that no course uses
    for name in QUESTION_COUNTS:
        result = data.parse_quiz(name)
        assert result.ok, result.errors
        assert len(result.questions) == QUESTION_COUNTS[name]


def test_loaded_quizzes_have_the_question_counts_from_before_the_move(seeded):
    counts = dict(QuizPage.objects.annotate(n=Count("questions")).values_list("slug_en", "n"))
    assert counts == QUESTION_COUNTS
