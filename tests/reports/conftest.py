"""Fast data for the report tests: bulk-created trainees, enrolments, attempts, certificates.

``add_trainees`` writes with ``bulk_create`` only, so 500 trainees take well
under a second; the figures follow simple rules of the trainee's number, and
the tests recount them straight from the tables.
"""

import itertools
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accounts.models import PROGRAM_MANAGERS_GROUP, TRAINERS_GROUP, Agency, PartnerCountry, User
from accounts.roles import roles_setup
from assessments.models import QuizPage
from certificates.models import Certificate
from core import languages
from courses.models import CoursePage, ModulePage
from learning.models import Attempt, Enrollment, ModuleCompletion
from tests import factories

COUNTRIES = [
    ("GT", "Guatemala", "Guatemala"),
    ("HN", "Honduras", "Honduras"),
    ("MX", "Mexico", "México"),
    ("SV", "El Salvador", "El Salvador"),
]
_numbers = itertools.count(1)


@dataclass
class World:
    countries: dict[str, PartnerCountry]
    agencies: dict[str, list[Agency]]
    courses: list[CoursePage]
    pretest: QuizPage
    final: QuizPage
    people: dict[str, User] = field(default_factory=dict)


def quiz(course: CoursePage, kind: str, title_en: str, title_es: str) -> QuizPage:
    n = next(_numbers)
    return factories.publish(
        course,
        QuizPage(
            title_en=title_en,
            title_es=title_es,
            slug_en=f"quiz-{kind}-{n}",
            slug_es=f"prueba-{kind}-{n}",
            kind=kind,
        ),
    )


def staff_people(countries: dict[str, PartnerCountry]) -> dict[str, User]:
    roles_setup()
    managers = Group.objects.get(name=PROGRAM_MANAGERS_GROUP)
    trainers = Group.objects.get(name=TRAINERS_GROUP)
    people = {
        "manager_hn": factories.user("manager.hn@example.org", is_staff=True),
        "manager_all": factories.user(
            "manager@example.org", is_staff=True, manages_all_countries=True
        ),
        "trainer": factories.user("trainer@example.org", is_staff=True),
        "admin": User.objects.create_superuser("admin@example.org", "x", full_name="Admin"),
    }
    people["manager_hn"].groups.add(managers)
    people["manager_hn"].managed_countries.add(countries["HN"])
    people["manager_all"].groups.add(managers)
    people["trainer"].groups.add(trainers)
    return people


def make_world(trainees: int = 10) -> World:
    countries = {code: factories.country(code=code, en=en, es=es) for code, en, es in COUNTRIES}
    agencies = {
        code: [
            factories.agency(c, en=f"National Police {code}", es=f"Policía Nacional {code}"),
            factories.agency(c, en=f"Public Ministry {code}", es=f"Ministerio Público {code}"),
        ]
        for code, c in countries.items()
    }
    course_a = factories.course(lessons=3, title="Interviewing victims", title_es="Entrevista")
    course_b = factories.course(lessons=2, title="Digital evidence", title_es="Evidencia digital")
    world = World(
        countries=countries,
        agencies=agencies,
        courses=[course_a, course_b],
        pretest=quiz(course_a, "pretest", "Pre-test", "Prueba inicial"),
        final=quiz(course_a, "final_exam", "Final exam", "Examen final"),
    )
    world.people = staff_people(countries)
    add_trainees(world, trainees)
    return world


def add_trainees(world: World, count: int) -> None:
    """Adds ``count`` trainees with enrolments, lessons, attempts and certificates."""
    now = timezone.now()
    codes = sorted(world.countries)
    first = User.objects.count()
    users = []
    for i in range(first, first + count):
        code = codes[i % len(codes)]
        users.append(
            User(
                email=f"bulk{i:05d}@trainees.example.org",
                full_name=f"Trainee {i:05d}",
                name_key=f"trainee {i:05d}",  # as save() would (bulk_create skips it)
                country=world.countries[code],
                agency=world.agencies[code][i % 2],
                preferred_language="en" if i % 5 == 0 else "es",
                date_joined=now - timedelta(days=100 + i % 90),
                password="!",
            )
        )
    User.objects.bulk_create(users)
    created = list(User.objects.filter(email__in=[u.email for u in users]).order_by("pk"))
    course_a, course_b = world.courses
    enrollments = []
    for i, user in enumerate(created, start=first):
        enrolled_at = user.date_joined + timedelta(days=1 + i % 7)
        last = min(now, enrolled_at + timedelta(days=i % 120))
        if i % 5 != 4:
            done = i % 4 == 2 or i % 8 == 1
            enrollments.append(
                Enrollment(
                    user=user,
                    course=course_a,
                    enrolled_at=enrolled_at,
                    last_activity_at=last,
                    completed_at=enrolled_at + timedelta(days=1 + i % 23) if done else None,
                )
            )
        if i % 3 == 0:
            enrollments.append(
                Enrollment(
                    user=user, course=course_b, enrolled_at=enrolled_at, last_activity_at=last
                )
            )
    Enrollment.objects.bulk_create(enrollments)
    saved = list(Enrollment.objects.filter(user__in=created).select_related("user").order_by("pk"))
    lessons = {c.pk: list(ModulePage.objects.child_of(c).order_by("path")) for c in world.courses}
    completions, attempts, certificates = [], [], []
    for e in saved:
        i = int(e.user.email[4:9])
        done = lessons[e.course_id] if e.completed_at else lessons[e.course_id][: i % 2]
        completions += [
            ModuleCompletion(enrollment=e, module=m, completed_at=e.enrolled_at) for m in done
        ]
        if e.course_id != course_a.pk:
            continue
        if i % 3 != 1:
            attempts.append(attempt(e, world.pretest, 1, Decimal(30 + i % 40), e.enrolled_at))
            attempts.append(  # a retake: the first attempt is the baseline
                attempt(e, world.pretest, 2, Decimal(90), e.enrolled_at + timedelta(hours=1))
            )
        if e.completed_at or i % 8 in (3, 4, 5):
            attempts.append(attempt(e, world.final, 1, Decimal(50 + i % 30), e.enrolled_at))
            attempts.append(attempt(e, world.final, 2, Decimal(55 + i % 41), e.enrolled_at))
            attempts.append(
                Attempt(
                    user=e.user,
                    quiz=world.final,
                    enrollment=e,
                    number=3,
                    status="in_progress",
                    language="es",
                    score_percent=Decimal(100),  # never counted: not submitted
                )
            )
        if e.completed_at:
            certificates.append(certificate(e, course_a, i, now))
    ModuleCompletion.objects.bulk_create(completions)
    Attempt.objects.bulk_create(attempts)
    Certificate.objects.bulk_create(certificates)


def attempt(enrollment, quiz_page, number, score, when) -> Attempt:
    return Attempt(
        user=enrollment.user,
        quiz=quiz_page,
        enrollment=enrollment,
        number=number,
        status="submitted",
        language="es",
        started_at=when,
        submitted_at=when + timedelta(minutes=20),
        score_percent=score,
        passed=score >= 70,
    )


def certificate(enrollment, course, i, now) -> Certificate:
    status = "revoked" if i % 7 == 0 else "valid"
    expires = now - timedelta(days=1) if i % 11 == 0 else None
    return Certificate(
        code=f"T{enrollment.pk:015d}",
        user=enrollment.user,
        enrollment=enrollment,
        course=course,
        status=status,
        expires_at=expires,
        completed_at=enrollment.completed_at,
        holder_name=enrollment.user.full_name,
        course_titles=languages.values(course, "title"),
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Ten trainees and everyone else, built once per module.

    Each test runs in a savepoint inside this module's transaction, so what a
    test adds (more trainees, edits) is rolled back before the next one.
    """
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield make_world(trainees=10)
            transaction.set_rollback(True)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """``seed_demo(trainees=500)`` plus quizzes and attempts, once per module.

    Everything is rolled back at the end of the module; each test runs in a
    savepoint inside this transaction.
    """
    from demo.seed import seed_demo

    with django_db_blocker.unblock():
        with transaction.atomic():
            seed_demo(trainees=500)
            add_demo_attempts()
            yield
            transaction.set_rollback(True)


def add_demo_attempts() -> None:
    """Pre-test and final-exam attempts for the seeded first course's enrolments."""
    course = CoursePage.objects.order_by("path").first()
    pretest = quiz(course, "pretest", "Pre-test", "Prueba inicial")
    final = quiz(course, "final_exam", "Final exam", "Examen final")
    attempts = []
    for n, e in enumerate(
        Enrollment.objects.filter(course=course).select_related("user").order_by("pk")
    ):
        if n % 3 == 0:
            continue
        attempts.append(attempt(e, pretest, 1, Decimal(20 + n % 50), e.enrolled_at))
        if n % 3 == 1:
            attempts.append(attempt(e, final, 1, Decimal(60 + n % 40), e.enrolled_at))
            attempts.append(attempt(e, final, 2, Decimal(40 + n % 37), e.enrolled_at))
    Attempt.objects.bulk_create(attempts)
