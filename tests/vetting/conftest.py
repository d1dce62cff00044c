"""A small world for vetting: Honduras and Guatemala, a trainee of each, their managers,
and a course that requires vetting (plus one that does not)."""

import datetime
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import translation

from accounts.models import User
from accounts.roles import roles_setup
from courses.models import CoursePage
from tests import factories

QUEUE = "/admin/vetting/"
TODAY = datetime.date(2026, 3, 10)


@dataclass
class VettingWorld:
    hn: User  # trainee of Honduras, Spanish
    gt: User  # trainee of Guatemala, English
    manager_hn: User
    manager_gt: User
    manager_none: User
    trainer: User
    admin: User
    course: CoursePage  # requires vetting
    other: CoursePage  # requires vetting too
    open_course: CoursePage  # does not

    def client(self, user) -> Client:
        client = Client()
        client.force_login(user)
        return client


def course_url(course, language: str) -> str:
    with translation.override(language):
        return course.get_url()


@pytest.fixture
def world(db) -> VettingWorld:
    roles_setup(course_root=factories.course_index())
    honduras = factories.country("HN", en="Honduras", es="Honduras")
    guatemala = factories.country("GT", en="Guatemala", es="Guatemala")
    return VettingWorld(
        hn=factories.trainee("hn@example.org", code="HN", language="es", full_name="Ana Núñez"),
        gt=factories.trainee("gt@example.org", code="GT", language="en", full_name="Luis Pérez"),
        manager_hn=factories.manager("m.hn@example.org", countries=[honduras]),
        manager_gt=factories.manager("m.gt@example.org", countries=[guatemala]),
        manager_none=factories.manager("m.none@example.org", all_countries=False),
        trainer=factories.trainer("trainer@example.org"),
        admin=User.objects.create_superuser("admin@example.org", "x", full_name="Admin"),
        course=factories.course(
            lessons=1,
            title="Trafficking cases",
            title_es="Casos de trata",
            requires_vetting=True,
        ),
        other=factories.course(
            lessons=1, title="Undercover work", title_es="Trabajo encubierto", requires_vetting=True
        ),
        open_course=factories.course(lessons=1),
    )


def enrol(client, course, language="en"):
    return client.post(course_url(course, language) + "enrol/", follow=True)
