import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from accounts.models import User
from courses.models import CoursePage, ModulePage
from learning.models import Enrollment, ModuleCompletion
from vetting.api import VettingRequest, current_record

pytestmark = pytest.mark.django_db


def counts():
    return (
        User.objects.count(),
        CoursePage.objects.count(),
        ModulePage.objects.count(),
        Enrollment.objects.count(),
        ModuleCompletion.objects.count(),
    )


@override_settings(DEBUG=True)
def test_seed_demo_is_idempotent_and_adds_synthetic_trainees():
    call_command("seed_demo", trainees=20)
    first = counts()
    call_command("seed_demo", trainees=20)
    assert counts() == first
    synthetic = User.objects.filter(email__endswith="@trainees.example.org")
    assert synthetic.count() == 20
    assert set(synthetic.values_list("country__code", flat=True)) == {"GT", "HN", "MX", "SV"}


@override_settings(DEBUG=True)
def test_seed_demo_accounts_match_the_design():
    call_command("seed_demo")
    hn = User.objects.get(email="trainee.hn@example.org")
    gt = User.objects.get(email="trainee.gt@example.org")
    mx = User.objects.get(email="trainee.mx@example.org")
    assert (hn.country.code, hn.preferred_language) == ("HN", "es")
    demo_course = CoursePage.objects.get(slug_en="investigating-human-smuggling-networks")
    assert Enrollment.objects.get(user=hn, course=demo_course).completed_at is None
    assert Enrollment.objects.get(user=gt).completed_at is not None
    assert not Enrollment.objects.filter(user=mx).exists()
    # Vetting: one course requires it; trainee.hn was cleared (and enrolled),
    # trainee.mx's request waits in the queue.
    vetted = CoursePage.objects.get(slug_en="handling-confidential-informants")
    assert vetted.requires_vetting and vetted.title_es == "Manejo de informantes confidenciales"
    assert list(CoursePage.objects.filter(requires_vetting=True).values_list("pk", flat=True)) == [
        vetted.pk
    ]
    hn_record = current_record(hn)
    assert (hn_record.status, hn_record.reference) == ("cleared", "HN-VET-2026-0117")
    assert Enrollment.objects.filter(user=hn, course=vetted).exists()
    assert current_record(mx).status == "pending"
    assert VettingRequest.objects.filter(trainee=mx, course=vetted, closed_at=None).exists()
    assert User.objects.get(email="admin@example.org").is_superuser
    manager_hn = User.objects.get(email="manager.hn@example.org")
    assert list(manager_hn.managed_countries.values_list("code", flat=True)) == ["HN"]


@override_settings(DEBUG=True)
def test_demo_course_is_bilingual_with_real_lessons(client):
    call_command("seed_demo")
    course = CoursePage.objects.get(slug_en="investigating-human-smuggling-networks")
    lessons = ModulePage.objects.child_of(course)
    assert lessons.count() >= 4
    for lesson in lessons:
        assert len(lesson.body_en.raw_data) >= 3 and len(lesson.body_es.raw_data) >= 3
    html = client.get("/es/").content.decode()
    assert "Investigación de redes de tráfico ilícito de migrantes" in html


@override_settings(DEBUG=True)
def test_demo_courses_are_tagged_with_topics(client):
    call_command("seed_demo")
    smuggling = CoursePage.objects.get(slug_en="investigating-human-smuggling-networks")
    custody = CoursePage.objects.get(slug_en="chain-of-custody-for-physical-evidence")
    assert set(smuggling.topics.values_list("code", flat=True)) == {
        "migrant-smuggling",
        "human-rights",
        "victim-assistance",
    }
    assert set(custody.topics.values_list("code", flat=True)) == {"forensics", "rule-of-law"}
    html = client.get(f"/es/cursos/{smuggling.slug_es}/").content.decode()
    assert '<li class="badge">Atención a víctimas</li>' in html


@override_settings(DEBUG=True)
def test_seed_demo_tags_a_course_made_before_topics_once():
    call_command("seed_demo")
    course = CoursePage.objects.get(slug_en="chain-of-custody-for-physical-evidence")
    course.topics = []
    course.save()  # as a demo database from before topics has it
    call_command("seed_demo")
    assert set(course.topics.values_list("code", flat=True)) == {"forensics", "rule-of-law"}
    revisions = course.revisions.count()
    call_command("seed_demo")
    assert course.revisions.count() == revisions


@override_settings(DEBUG=False)
def test_seed_demo_refuses_without_debug():
    with pytest.raises(CommandError):
        call_command("seed_demo")
    assert User.objects.count() == 0


@override_settings(DEBUG=True)
def test_demo_trainees_have_a_fixed_mix_of_stated_sexes():
    call_command("seed_demo", trainees=40)
    demo = dict(
        User.objects.filter(
            email__in=["trainee.hn@example.org", "trainee.gt@example.org"]
        ).values_list("email", "sex")
    )
    assert demo == {"trainee.hn@example.org": "female", "trainee.gt@example.org": "male"}
    assert User.objects.get(email="trainee.mx@example.org").sex == ""
    synthetic = User.objects.filter(email__endswith="@trainees.example.org").order_by("email")
    answers = list(synthetic.values_list("sex", flat=True))
    assert set(answers) == {"female", "male", "undisclosed", ""}
    # A demo seeded before sex was asked gets the same answers; a second run changes nothing.
    synthetic.update(sex="")
    User.objects.filter(email="trainee.hn@example.org").update(sex="")
    call_command("seed_demo", trainees=40)
    assert list(synthetic.values_list("sex", flat=True)) == answers
    assert User.objects.get(email="trainee.hn@example.org").sex == "female"
    call_command("seed_demo", trainees=40)
    assert list(synthetic.values_list("sex", flat=True)) == answers
