"""Small factories for tests: partner data, users and a course tree."""

import itertools

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import Site

from accounts.models import PROGRAM_MANAGERS_GROUP, TRAINERS_GROUP, Agency, PartnerCountry, User
from courses.models import CourseIndexPage, CoursePage, HomePage, ModulePage

PASSWORD = "Correct-Horse-Battery-9"
_counter = itertools.count(1)


def country(code="HN", en="Honduras", es="Honduras") -> PartnerCountry:
    obj, _ = PartnerCountry.objects.get_or_create(
        code=code, defaults={"name_en": en, "name_es": es}
    )
    return obj


def agency(country_obj, en="Public Ministry", es="Ministerio Público") -> Agency:
    obj, _ = Agency.objects.get_or_create(country=country_obj, name_en=en, defaults={"name_es": es})
    return obj


def user(email=None, *, country_obj=None, agency_obj=None, language="es", **extra) -> User:
    n = next(_counter)
    email = email or f"user{n}@example.org"
    obj = User.objects.create_user(
        email=email,
        password=PASSWORD,
        full_name=extra.pop("full_name", f"Trainee Número {n}"),
        country=country_obj,
        agency=agency_obj,
        preferred_language=language,
        job_title="Investigador",
        **extra,
    )
    EmailAddress.objects.create(user=obj, email=email, verified=True, primary=True)
    return obj


def trainee(email=None, code="HN", language="es", **extra) -> User:
    c = country(code=code, en={"HN": "Honduras", "GT": "Guatemala"}.get(code, code))
    a = agency(c, en=f"Police of {code}", es=f"Policía de {code}")
    return user(email, country_obj=c, agency_obj=a, language=language, **extra)


def staff(group_name: str, email=None, countries=()) -> User:
    obj = user(email, is_staff=True)
    group, _ = Group.objects.get_or_create(name=group_name)
    obj.groups.add(group)
    for c in countries:
        obj.managed_countries.add(c)
    return obj


def trainer(email=None) -> User:
    from accounts.roles import roles_setup

    roles_setup(course_root=course_index())
    return staff(TRAINERS_GROUP, email)


def manager(email=None, countries=(), *, all_countries=None) -> User:
    """A program manager of ``countries``; without any, of all partner countries
    unless ``all_countries=False`` (a manager with no scope, who sees nothing)."""
    obj = staff(PROGRAM_MANAGERS_GROUP, email, countries)
    if all_countries is None:
        all_countries = not countries
    if all_countries:
        obj.manages_all_countries = True
        obj.save(update_fields=["manages_all_countries"])
    return obj


def publish(parent, page):
    # Translated fields are set explicitly (title_en, title_es...): plain
    # ``title=`` would go to whichever language happens to be active.
    with translation.override("en"):
        parent.add_child(instance=page)
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def home() -> HomePage:
    existing = HomePage.objects.first()
    if existing:
        return existing
    from demo.load import tree_root

    # tree_root() also recreates Wagtail's root page, locale and collection
    # when a transactional test (browser tests, concurrency tests) flushed them.
    page = publish(
        tree_root(),
        HomePage(title_en="Home", title_es="Inicio", slug_en="home", slug_es="inicio"),
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=page, is_default_site=True)
    else:
        site.root_page = page
        site.save()
    return page


def course_index() -> CourseIndexPage:
    existing = CourseIndexPage.objects.first()
    if existing:
        return existing
    return publish(
        home(),
        CourseIndexPage(title_en="Courses", title_es="Cursos", slug_en="courses", slug_es="cursos"),
    )


def course(lessons=3, *, title="Interviewing victims", title_es="Entrevista a víctimas", **extra):
    """A published course with ``lessons`` lessons.

    New courses require vetting by default; tests that are not about vetting
    enrol straight away (``requires_vetting=True`` for those that are).
    """
    extra.setdefault("requires_vetting", False)
    n = next(_counter)
    page = publish(
        course_index(),
        CoursePage(
            title_en=title,
            title_es=title_es,
            slug_en=f"course-{n}",
            slug_es=f"curso-{n}",
            summary_en="A course summary.",
            summary_es="Un resumen del curso.",
            **extra,
        ),
    )
    for i in range(lessons):
        lesson(page, i + 1)
    return page


def lesson(course_page, number=1, *, body_es=True, live=True) -> ModulePage:
    page = ModulePage(
        title_en=f"Lesson {number}",
        title_es=f"Lección {number}",
        slug_en=f"lesson-{number}",
        slug_es=f"leccion-{number}",
        body_en=[{"type": "text", "value": f"<p>English body {number}</p>"}],
        body_es=[{"type": "text", "value": f"<p>Cuerpo en español {number}</p>"}]
        if body_es
        else [],
    )
    with translation.override("en"):
        course_page.add_child(instance=page)
        if live:
            page.save_revision().publish()
        else:
            page.live = False
            page.save_revision()
            page.save()
    page.refresh_from_db()
    return page
