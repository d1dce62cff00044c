"""My learning lists the enrolment requests that wait for vetting, in the trainee's words."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.models import Enrollment
from vetting.api import VettingRecord, enrolment_gate, vetting_decide

from .conftest import TODAY

pytestmark = pytest.mark.django_db

MY_LEARNING = "/{language}/my-learning/"


def my_learning(world, user, language="en") -> str:
    response = world.client(user).get(MY_LEARNING.format(language=language))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "heading", "title", "awaiting"),
    [
        ("en", "Enrolment requests", "Trafficking cases", "It awaits vetting by the programme"),
        ("es", "Solicitudes de inscripción", "Casos de trata", "Está pendiente de la verificación"),
    ],
)
def test_a_waiting_request_is_listed_with_its_state(world, language, heading, title, awaiting):
    enrolment_gate(trainee=world.gt, course=world.course)
    page = my_learning(world, world.gt, language)
    assert heading in page and title in page and awaiting in page
    # Another trainee's request is not theirs to see.
    assert title not in my_learning(world, world.hn, language)


def test_a_refused_request_reads_could_not_be_approved(world):
    enrolment_gate(trainee=world.hn, course=world.course)
    vetting_decide(
        trainee=world.hn,
        actor=world.manager_hn,
        status=VettingRecord.Status.REFUSED,
        decision_date=TODAY,
        today=TODAY,
    )
    page = my_learning(world, world.hn, "es").lower()
    assert "no pudo ser aprobada" in page
    assert "rechaz" not in page and "refus" not in page


def test_a_clearance_turns_the_request_into_a_course_in_progress(world):
    enrolment_gate(trainee=world.gt, course=world.course)
    assert "Enrolment requests" in my_learning(world, world.gt)
    vetting_decide(
        trainee=world.gt,
        actor=world.manager_gt,
        status=VettingRecord.Status.CLEARED,
        decision_date=TODAY,
        today=TODAY,
    )
    page = my_learning(world, world.gt)
    assert Enrollment.objects.filter(user=world.gt, course=world.course).exists()
    assert "Enrolment requests" not in page
    assert "Trafficking cases" in page  # now among the courses in progress


def test_the_requests_cost_one_query_however_many(world, without_personal_page_cache):
    enrolment_gate(trainee=world.gt, course=world.course)
    client = world.client(world.gt)
    client.get("/en/my-learning/")
    with CaptureQueriesContext(connection) as one:
        client.get("/en/my-learning/")
    enrolment_gate(trainee=world.gt, course=world.other)
    with CaptureQueriesContext(connection) as two:
        page = client.get("/en/my-learning/").content.decode()
    assert "Undercover work" in page
    assert len(two) == len(one)
