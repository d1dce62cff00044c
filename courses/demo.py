"""Demo content and accounts for `seed_demo` (idempotent).

The texts live in ``demo_content.py``; this module turns them into pages,
accounts and learning records. Running it twice changes nothing.
"""

import io
import random
from datetime import timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.files.images import ImageFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone, translation
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site

from accounts.models import Agency, PartnerCountry, User
from accounts.roles import Role, roles_setup
from accounts.services import staff_account_save
from assessments.demo import (
    seed_course_quizzes,
    seed_demo_trainee_attempts,
    seed_synthetic_attempts,
)
from learning.models import Enrollment, ModuleCompletion
from learning.services import enrollment_update_completion

from . import demo_content
from .models import CourseIndexPage, CoursePage, HomePage, ModulePage

DEMO_PASSWORD = "Demo-Training-2026"  # demo only; documented in DESIGN.md and README
SYNTHETIC_DOMAIN = "trainees.example.org"

HOME_TEXT = {
    "title": {"en": "Justice Training Platform", "es": "Plataforma de Formación en Justicia"},
    "intro": {
        "en": (
            "Self-paced courses for investigators and prosecutors of partner countries: "
            "study on your phone, in English or Spanish, and earn a certificate anyone can verify."
        ),
        "es": (
            "Cursos a su propio ritmo para investigadores y fiscales de los países socios: "
            "estudie desde su teléfono, en español o en inglés, y obtenga un certificado que "
            "cualquiera puede verificar."
        ),
    },
}
INDEX_TEXT = {
    "title": {"en": "Courses", "es": "Cursos"},
    "slug": {"en": "courses", "es": "cursos"},
    "intro": {
        "en": "Choose a course, enrol, and study at your own pace.",
        "es": "Elija un curso, inscríbase y estudie a su propio ritmo.",
    },
}


def set_translated(obj, field: str, values: dict) -> None:
    """Sets ``field_en`` and ``field_es`` from a {'en': ..., 'es': ...} dict."""
    for language in ("en", "es"):
        value = values.get(language)
        if value is None:
            value = "" if field not in {"title", "slug"} else None
        setattr(obj, f"{field}_{language}", value)


def stream(blocks) -> list[dict]:
    """demo_content block tuples → StreamField raw data."""
    data = []
    for kind, value in blocks or []:
        data.append({"type": kind, "value": value})
    return data


def add_page(parent: Page, page: Page) -> Page:
    with translation.override("en"):
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def tree_root() -> Page:
    """Wagtail's root page and root collection (recreated after a database flush)."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title_en="Root", slug_en="root", title_es="Raíz"))
    return root


def seed_home() -> tuple[HomePage, CourseIndexPage]:
    home = HomePage.objects.first()
    if home is None:
        root = tree_root()
        home = HomePage(title=HOME_TEXT["title"]["en"], slug="home")
        set_translated(home, "title", HOME_TEXT["title"])
        home.slug_en = "home"
        home.slug_es = "inicio"
        set_translated(home, "intro", HOME_TEXT["intro"])
        add_page(root, home)
        site = Site.objects.filter(is_default_site=True).first()
        old_root_id = site.root_page_id if site else None
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        else:
            site.root_page = home
            site.save()
        if old_root_id and old_root_id != home.pk:
            old = Page.objects.filter(pk=old_root_id, depth=2).first()
            if old is not None and old.specific_class is Page:
                old.delete()
    index = CourseIndexPage.objects.first()
    if index is None:
        index = CourseIndexPage(title=INDEX_TEXT["title"]["en"], slug="courses")
        set_translated(index, "title", INDEX_TEXT["title"])
        set_translated(index, "slug", INDEX_TEXT["slug"])
        set_translated(index, "intro", INDEX_TEXT["intro"])
        add_page(home, index)
    return home, index


def seed_countries() -> dict[str, PartnerCountry]:
    countries = {}
    for data in demo_content.COUNTRIES:
        country, _ = PartnerCountry.objects.get_or_create(
            code=data["code"], defaults={"name": data["name"]["en"]}
        )
        set_translated(country, "name", data["name"])
        country.save()
        countries[country.code] = country
        for agency_names in data["agencies"]:
            agency = Agency.objects.filter(country=country, name_en=agency_names["en"]).first()
            if agency is None:
                agency = Agency(country=country)
            set_translated(agency, "name", agency_names)
            agency.save()
    return countries


def course_banner() -> Image | None:
    """A simple generated banner so the demo course has an image without network."""
    existing = Image.objects.filter(title="Demo course banner").first()
    if existing is not None:
        return existing
    from PIL import Image as PILImage
    from PIL import ImageDraw

    canvas = PILImage.new("RGB", (1200, 500), (20, 58, 107))
    draw = ImageDraw.Draw(canvas)
    for i, colour in enumerate([(15, 110, 90), (29, 79, 145), (242, 169, 0)]):
        draw.ellipse(
            (700 + i * 120, 80 + i * 60, 1050 + i * 120, 430 + i * 60), outline=colour, width=18
        )
    for x in range(60, 620, 70):
        draw.line((x, 420, x + 40, 120), fill=(90, 130, 190), width=6)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    buffer.seek(0)
    image = Image(title="Demo course banner")
    image.file.save("demo-course-banner.png", ImageFile(buffer, name="demo-course-banner.png"))
    image.save()
    return image


def seed_course(index: CourseIndexPage, data: dict, *, image=None) -> CoursePage:
    course = CoursePage.objects.child_of(index).filter(slug_en=data["slug"]["en"]).first()
    if course is None:
        course = CoursePage(title=data["title"]["en"], slug=data["slug"]["en"])
        set_translated(course, "title", data["title"])
        set_translated(course, "slug", data["slug"])
        set_translated(course, "summary", data["summary"])
        set_translated(course, "objectives", data["objectives"])
        set_translated(course, "audience", data["audience"])
        course.estimated_hours = Decimal(str(data["estimated_hours"]))
        course.image = image
        extra_course_fields(course, data)
        add_page(index, course)
    for lesson_data in data["lessons"]:
        lesson = (
            ModulePage.objects.child_of(course).filter(slug_en=lesson_data["slug"]["en"]).first()
        )
        if lesson is None:
            lesson = ModulePage(title=lesson_data["title"]["en"], slug=lesson_data["slug"]["en"])
            set_translated(lesson, "title", lesson_data["title"])
            set_translated(lesson, "slug", lesson_data["slug"])
            lesson.body_en = stream(lesson_data["body"].get("en"))
            lesson.body_es = stream(lesson_data["body"].get("es"))
            lesson.estimated_minutes = lesson_data.get("estimated_minutes", 20)
            add_page(course, lesson)
    return course


def extra_course_fields(course: CoursePage, data: dict) -> None:
    """Fields other apps add to courses (e.g. certificate validity)."""
    if hasattr(course, "validity_months") and data.get("validity_months"):
        course.validity_months = data["validity_months"]


DEMO_ACCOUNTS = [
    # email, full name, country, language, role, countries managed ("*": all)
    ("admin@example.org", "Ana Administradora", None, "en", Role.ADMINISTRATOR, ()),
    ("trainer@example.org", "Tomás Formador", None, "es", Role.TRAINER, ()),
    ("manager@example.org", "Marta Gestora", None, "en", Role.PROGRAM_MANAGER, "*"),
    ("manager.hn@example.org", "Héctor Núñez", None, "es", Role.PROGRAM_MANAGER, ("HN",)),
    ("trainee.hn@example.org", "María José Núñez Peña", "HN", "es", Role.TRAINEE, ()),
    ("trainee.gt@example.org", "José Ángel Pérez Muñoz", "GT", "es", Role.TRAINEE, ()),
    ("trainee.mx@example.org", "Daniel Hernández Ortiz", "MX", "en", Role.TRAINEE, ()),
]


def seed_accounts(countries: dict[str, PartnerCountry]) -> dict[str, User]:
    """Creates the demo accounts through the administrator's service (same roles and scope)."""
    users = {}
    for email, full_name, code, language, role, managed in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            country = countries[code] if code else None
            user = staff_account_save(
                user=None,
                actor=None,
                email=email,
                full_name=full_name,
                role=role,
                country=country,
                agency=Agency.objects.filter(country=country).order_by("pk").first()
                if country
                else None,
                job_title=("Investigador" if language == "es" else "Investigator") if code else "",
                preferred_language=language,
                managed_countries=[countries[c] for c in managed if c != "*"],
                manages_all_countries=managed == "*",
                password=DEMO_PASSWORD,
            )
        users[email] = user
    return users


def complete_lessons(enrollment: Enrollment, lessons, when) -> None:
    for lesson in lessons:
        ModuleCompletion.objects.get_or_create(
            enrollment=enrollment, module=lesson, defaults={"completed_at": when}
        )


def seed_demo_progress(users: dict[str, User], course: CoursePage, quizzes=None) -> None:
    lessons = list(ModulePage.objects.child_of(course).live().order_by("path"))
    now = timezone.now()
    hn, _ = Enrollment.objects.get_or_create(
        user=users["trainee.hn@example.org"],
        course=course,
        defaults={
            "enrolled_at": now - timedelta(days=9),
            "last_activity_at": now - timedelta(days=1),
        },
    )
    complete_lessons(hn, lessons[:2], now - timedelta(days=2))
    gt, _ = Enrollment.objects.get_or_create(
        user=users["trainee.gt@example.org"],
        course=course,
        defaults={
            "enrolled_at": now - timedelta(days=30),
            "last_activity_at": now - timedelta(days=12),
        },
    )
    complete_lessons(gt, lessons, now - timedelta(days=12))
    if quizzes:
        # trainee.hn took the pre-test; trainee.gt passes the final exam, which
        # completes the course through the real rule.
        seed_demo_trainee_attempts(hn_enrollment=hn, gt_enrollment=gt, quizzes=quizzes)
    enrollment_update_completion(enrollment=gt)


def seed_synthetic_trainees(
    count: int, countries: dict[str, PartnerCountry], courses, quizzes_by_course=None
) -> int:
    """Adds trainees ``trainee00001@…`` up to ``count`` with varied progress.

    With ``quizzes_by_course`` they also get pre-test and final-exam attempts
    consistent with their progress (completed trainees passed the final exam).
    """
    if count <= 0:
        return 0
    existing = set(
        User.objects.filter(email__endswith="@" + SYNTHETIC_DOMAIN).values_list("email", flat=True)
    )
    agencies = list(Agency.objects.select_related("country").order_by("pk"))
    by_country: dict[int, list[Agency]] = {}
    for agency in agencies:
        by_country.setdefault(agency.country_id, []).append(agency)
    country_list = [countries[c] for c in sorted(countries)]
    password = make_password(DEMO_PASSWORD)
    rng = random.Random(2026)
    now = timezone.now()
    new_users = []
    for number in range(1, count + 1):
        email = f"trainee{number:05d}@{SYNTHETIC_DOMAIN}"
        country = country_list[number % len(country_list)]
        agency = rng.choice(by_country.get(country.pk) or [None])
        first = rng.choice(demo_content.FIRST_NAMES)
        last = f"{rng.choice(demo_content.LAST_NAMES)} {rng.choice(demo_content.LAST_NAMES)}"
        job = rng.choice(demo_content.JOB_TITLES)
        language = "es" if rng.random() < 0.8 else "en"
        joined = now - timedelta(days=rng.randint(1, 365))
        if email in existing:
            continue
        new_users.append(
            User(
                email=email,
                full_name=f"{first} {last}",
                country=country,
                agency=agency,
                job_title=job[language],
                preferred_language=language,
                password=password,
                date_joined=joined,
            )
        )
    User.objects.bulk_create(new_users, batch_size=500)
    if not new_users:
        return 0
    created = list(User.objects.filter(email__in=[u.email for u in new_users]))
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in created],
        batch_size=500,
    )
    lessons_by_course = {
        c.pk: list(ModulePage.objects.child_of(c).live().order_by("path")) for c in courses
    }
    enrollments = []
    plans = []
    for user in created:
        for course in courses:
            if rng.random() < 0.25:
                continue
            enrolled_at = user.date_joined + timedelta(days=rng.randint(0, 20))
            lessons = lessons_by_course[course.pk]
            done = rng.choice([0, 1, len(lessons) // 2, len(lessons), len(lessons)])
            last = min(now, enrolled_at + timedelta(days=rng.randint(0, 60)))
            enrollments.append(
                Enrollment(user=user, course=course, enrolled_at=enrolled_at, last_activity_at=last)
            )
            plans.append((lessons[:done], last))
    Enrollment.objects.bulk_create(enrollments, batch_size=500)
    saved = {
        (e.user_id, e.course_id): e
        for e in Enrollment.objects.filter(user__in=created).select_related("user")
    }
    completions = []
    completed_enrollments = []
    attempt_plans = []
    for enrollment, (lessons, when) in zip(enrollments, plans, strict=True):
        saved_enrollment = saved[(enrollment.user_id, enrollment.course_id)]
        total = len(lessons_by_course[enrollment.course_id])
        attempt_plans.append((saved_enrollment, len(lessons), total, when))
        for lesson in lessons:
            completions.append(
                ModuleCompletion(enrollment=saved_enrollment, module=lesson, completed_at=when)
            )
        if lessons and len(lessons) == len(lessons_by_course[enrollment.course_id]):
            completed_enrollments.append(saved_enrollment)
    ModuleCompletion.objects.bulk_create(completions, batch_size=1000)
    if quizzes_by_course:
        seed_synthetic_attempts(attempt_plans, quizzes_by_course, rng=rng)
    for enrollment in completed_enrollments:
        enrollment_update_completion(enrollment=enrollment)
    return len(created)


@transaction.atomic
def seed_demo(*, trainees: int = 0) -> dict:
    """Creates (or leaves as they are) the demo site, courses and accounts."""
    countries = seed_countries()
    _home, index = seed_home()
    roles_setup(course_root=index)
    image = course_banner()
    courses = [
        seed_course(index, data, image=image if position == 0 else None)
        for position, data in enumerate(demo_content.COURSES)
    ]
    quizzes = {
        course.pk: seed_course_quizzes(
            course, data, list(ModulePage.objects.child_of(course).order_by("path"))
        )
        for course, data in zip(courses, demo_content.COURSES, strict=True)
    }
    users = seed_accounts(countries)
    seed_demo_progress(users, courses[0], quizzes[courses[0].pk])
    # Synthetic trainees have example.org addresses: their certificate e-mails
    # would only flood the console, so they are not sent.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        added = seed_synthetic_trainees(trainees, countries, courses, quizzes)
    return {"courses": len(courses), "accounts": len(users), "synthetic_trainees_added": added}
