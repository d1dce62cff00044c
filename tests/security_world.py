"""One small world with every role and object the access matrix needs.

Honduras and Guatemala; trainee A (Honduras) and trainee B (Guatemala), both
holding a certificate of the course; A also has an attempt in progress on a
lesson check. A trainer, a manager of Honduras, a manager of every country
("all partner countries"), a manager given no country (not a column of the
matrix: ``test_manager_without_country_sees_no_trainee_data`` covers them)
and an administrator.
"""

from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.test import Client
from django.utils import translation
from wagtail.documents.models import Document

from accounts.models import User
from accounts.roles import roles_setup
from assessments.models import QuizPage
from certificates.models import Certificate
from courses.models import CourseIndexPage, CoursePage, HomePage, ModulePage
from learning.attempts import attempt_start
from learning.models import Attempt
from tests import factories
from tests.assessments import helpers as quiz_helpers
from tests.certificates.conftest import complete_course, final_exam

ROLES = ["anon", "trainee_a", "trainee_b", "trainer", "manager_hn", "manager_all", "admin"]


@dataclass
class World:
    people: dict[str, User]
    home: HomePage
    index: CourseIndexPage
    course: CoursePage
    lesson: ModulePage
    exam: QuizPage
    check: QuizPage
    attempt_a: Attempt  # submitted final exam of A
    open_attempt_a: Attempt  # lesson check in progress, A
    attempt_b: Attempt
    cert_a: Certificate
    cert_b: Certificate
    document: Document
    clients: dict[str, Client] = field(default_factory=dict)

    def client(self, role: str) -> Client:
        if role not in self.clients:
            client = Client()
            client.raise_request_exception = False  # a 500 is a cell value, not a crash
            if role != "anon":
                client.force_login(self.people[role])
            self.clients[role] = client
        return self.clients[role]

    def page_url(self, page, language: str) -> str:
        with translation.override(language):
            return page.specific.get_url()

    def placeholders(self, language: str) -> dict[str, str]:
        """Values for ``{name}`` in the matrix's URLs, in one language."""
        exam = self.page_url(self.exam, language)
        check = self.page_url(self.check, language)
        return {
            "lang": language,
            "home": self.page_url(self.home, language),
            "index": self.page_url(self.index, language),
            "course": self.page_url(self.course, language),
            "lesson": self.page_url(self.lesson, language),
            "exam": exam,
            "check": check,
            "attempt_a": f"{exam}attempt/{self.attempt_a.pk}/",
            "attempt_b": f"{exam}attempt/{self.attempt_b.pk}/",
            "open_a": f"{check}attempt/{self.open_attempt_a.pk}/",
            "cert_a": self.cert_a.display_code,
            "cert_b": self.cert_b.display_code,
            "cert_a_pk": str(self.cert_a.pk),
            "cert_b_pk": str(self.cert_b.pk),
            "trainee_a": str(self.people["trainee_a"].pk),
            "trainee_b": str(self.people["trainee_b"].pk),
            "agency_a": str(self.people["trainee_a"].agency_id),
            "agency_b": str(self.people["trainee_b"].agency_id),
            "exam_pk": str(self.exam.pk),
            "course_pk": str(self.course.pk),
            "home_pk": str(self.home.pk),
            "doc": f"{self.document.pk}/{self.document.filename}",
            "doc_pk": str(self.document.pk),
            "admin_pk": str(self.people["admin"].pk),
            "manager_hn": str(self.people["manager_hn"].pk),
        }


def build_world(capture_on_commit) -> World:
    roles_setup(course_root=factories.course_index())
    honduras = factories.country("HN", en="Honduras", es="Honduras")
    guatemala = factories.country("GT", en="Guatemala", es="Guatemala")
    people = {
        "trainee_a": factories.trainee("trainee.a@example.org", code="HN"),
        "trainee_b": factories.trainee("trainee.b@example.org", code="GT"),
        "trainer": factories.trainer("trainer@example.org"),
        "manager_hn": factories.manager("manager.hn@example.org", countries=[honduras]),
        "manager_all": factories.manager("manager.all@example.org", all_countries=True),
        "manager_none": factories.manager("manager.none@example.org", all_countries=False),
        "admin": User.objects.create_superuser("admin@example.org", "x", full_name="Admin"),
    }
    del guatemala
    course = factories.course(lessons=2)
    exam = final_exam(course)
    check = quiz_helpers.quiz(course, kind="lesson_check")
    with capture_on_commit(execute=True):
        complete_course(people["trainee_a"], course)
        complete_course(people["trainee_b"], course)
    open_attempt = attempt_start(user=people["trainee_a"], quiz=check, language="es")
    document = Document(title="Handout")
    document.file.save("handout.txt", ContentFile(b"Course handout"), save=True)
    return World(
        people=people,
        home=factories.home(),
        index=factories.course_index(),
        course=course,
        lesson=ModulePage.objects.child_of(course).order_by("path").first(),
        exam=exam,
        check=check,
        attempt_a=Attempt.objects.get(user=people["trainee_a"], quiz=exam),
        open_attempt_a=open_attempt,
        attempt_b=Attempt.objects.get(user=people["trainee_b"], quiz=exam),
        cert_a=Certificate.objects.get(user=people["trainee_a"]),
        cert_b=Certificate.objects.get(user=people["trainee_b"]),
        document=document,
    )
