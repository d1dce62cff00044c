"""Two accounts of one person: merging moves everything to the survivor and loses nothing."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from accounts.merging import account_merge
from accounts.models import AuditEvent, User
from accounts.names import name_key
from accounts.services import AccountError
from certificates.models import Certificate
from certificates.services import certificate_issue
from learning.models import Attempt, Enrollment, ModuleCompletion
from tests import factories
from tests.reports.conftest import attempt, make_world

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def test_names_compare_without_case_accents_punctuation_or_spacing():
    assert name_key("José  PÉREZ") == name_key("jose perez") == "jose perez"
    assert name_key(" María-José  Núñez. ") == "maria jose nunez"
    assert name_key("Ana Pérez") != name_key("Ana Peres")


@pytest.fixture
def world(db):
    return make_world(trainees=0)


def twin(world, number, name="José Pérez", agency=0, code="HN") -> User:
    return factories.user(
        f"jose{number}@example.org",
        country_obj=world.countries[code],
        agency_obj=world.agencies[code][agency],
        full_name=name,
    )


def enrol(user, course, *, days_ago=30, completed=False) -> Enrollment:
    return Enrollment.objects.create(
        user=user,
        course=course,
        enrolled_at=NOW - timedelta(days=days_ago),
        last_activity_at=NOW - timedelta(days=days_ago - 1),
        completed_at=NOW - timedelta(days=1) if completed else None,
    )


def lessons_of(course):
    from courses.models import ModulePage

    return list(ModulePage.objects.child_of(course).order_by("path"))


def complete(enrollment, *lessons):
    for lesson in lessons:
        ModuleCompletion.objects.create(enrollment=enrollment, module=lesson)


def counts() -> dict[str, int]:
    return {
        "users": User.objects.count(),
        "enrolments": Enrollment.objects.count(),
        "lessons": ModuleCompletion.objects.count(),
        "attempts": Attempt.objects.count(),
        "certificates": Certificate.objects.count(),
        "audit": AuditEvent.objects.count(),
    }


def merge(world, source, target):
    return account_merge(source=source, target=target, actor=world.people["admin"])


def test_a_merge_moves_everything_and_loses_nothing(world):
    course_a, course_b = world.courses
    old, new = twin(world, 1), twin(world, 2, name="jose perez")
    done = enrol(old, course_a, completed=True)
    complete(done, *lessons_of(course_a))
    Attempt.objects.bulk_create([attempt(done, world.final, 1, Decimal(80), NOW)])
    certificate = certificate_issue(enrollment=done)
    AuditEvent.objects.create(action="transcript_viewed", target="x", subject=old)
    started = enrol(new, course_b)
    complete(started, lessons_of(course_b)[0])
    before = counts()

    merge(world, source=old, target=new)

    # Nothing lost: the only new row is the audit line of the merge.
    assert counts() == {**before, "audit": before["audit"] + 1}
    assert set(Enrollment.objects.filter(user=new).values_list("pk", flat=True)) == {
        done.pk,
        started.pk,
    }
    assert ModuleCompletion.objects.filter(enrollment__user=new).count() == before["lessons"]
    assert Attempt.objects.filter(user=new).count() == before["attempts"]
    certificate.refresh_from_db()
    assert (certificate.user, certificate.enrollment_id) == (new, done.pk)
    assert AuditEvent.objects.filter(subject=old).count() == 0
    for table in (Enrollment, Attempt, Certificate):
        assert not table.objects.filter(user=old).exists()


def test_the_merged_away_account_is_closed_not_deleted(world):
    old, new = twin(world, 1), twin(world, 2)
    merge(world, source=old, target=new)
    old.refresh_from_db()
    assert not old.is_active
    assert old.email == f"merged-{old.pk}@invalid"
    assert not old.has_usable_password()
    new.refresh_from_db()
    assert new.is_active and new.email == "jose2@example.org"


def test_the_audit_log_says_who_merged_which_into_which(world, client):
    old, new = twin(world, 1), twin(world, 2)
    merge(world, source=old, target=new)
    event = AuditEvent.objects.get(action=AuditEvent.Action.ACCOUNTS_MERGED)
    assert event.actor == world.people["admin"]
    assert event.target == f"user {old.pk} merged into user {new.pk}"
    assert (event.subject, event.country) == (new, "HN")
    with translation.override("es"):
        assert event.target_label() == f"usuario {old.pk} fusionado con el usuario {new.pk}"


def test_the_same_course_twice_keeps_the_completed_enrolment(world):
    course_a, _ = world.courses
    first, second, third = lessons_of(course_a)
    old, new = twin(world, 1), twin(world, 2)
    completed = enrol(old, course_a, days_ago=60, completed=True)
    complete(completed, first, second, third)
    started = enrol(new, course_a, days_ago=10)
    complete(started, first)
    Attempt.objects.bulk_create([attempt(started, world.pretest, 1, Decimal(40), NOW)])

    merge(world, source=old, target=new)

    kept = Enrollment.objects.get(user=new, course=course_a)
    assert kept.pk == completed.pk and kept.completed_at is not None
    assert kept.enrolled_at == completed.enrolled_at  # the earlier start
    assert not Enrollment.objects.filter(pk=started.pk).exists()
    # The lesson done in both is one row (a true duplicate); the attempt follows the kept one.
    assert ModuleCompletion.objects.filter(enrollment=kept).count() == 3
    assert ModuleCompletion.objects.count() == 3
    assert Attempt.objects.get(user=new).enrollment == kept


def test_the_same_course_twice_keeps_more_progress_and_gathers_the_lessons(world):
    course_a, _ = world.courses
    first, second, third = lessons_of(course_a)
    old, new = twin(world, 1), twin(world, 2)
    ahead = enrol(old, course_a)
    complete(ahead, first, second)
    behind = enrol(new, course_a)
    complete(behind, third)

    merge(world, source=old, target=new)

    kept = Enrollment.objects.get(user=new, course=course_a)
    assert kept.pk == ahead.pk
    assert set(kept.completions.values_list("module", flat=True)) == {
        first.pk,
        second.pk,
        third.pk,
    }


def test_requirements_met_only_together_complete_the_course_at_the_merge(world):
    course_a, _ = world.courses
    old, new = twin(world, 1), twin(world, 2)
    lessons = enrol(old, course_a)
    complete(lessons, *lessons_of(course_a))  # every lesson, but the exam failed here
    exam = enrol(new, course_a)
    Attempt.objects.bulk_create(
        [
            attempt(lessons, world.final, 1, Decimal(40), NOW - timedelta(days=9)),
            attempt(exam, world.final, 1, Decimal(85), NOW - timedelta(days=2)),
        ]
    )
    before = timezone.now()

    merge(world, source=old, target=new)

    kept = Enrollment.objects.get(user=new, course=course_a)
    assert kept.completed_at is not None and kept.completed_at >= before
    certificate = Certificate.objects.get(enrollment=kept)
    assert certificate.user == new and certificate.holder_name == "José Pérez"
    # Alone, neither account had completed it; nothing else is completed.
    assert Enrollment.objects.filter(completed_at__isnull=False).count() == 1


def test_moved_attempts_are_numbered_after_the_survivors(world):
    course_a, _ = world.courses
    old, new = twin(world, 1), twin(world, 2)
    theirs, mine = enrol(old, course_a), enrol(new, course_a)
    Attempt.objects.bulk_create(
        [
            attempt(theirs, world.final, 1, Decimal(50), NOW - timedelta(days=9)),
            attempt(theirs, world.final, 2, Decimal(60), NOW - timedelta(days=8)),
            attempt(mine, world.final, 1, Decimal(90), NOW - timedelta(days=1)),
        ]
    )
    merge(world, source=old, target=new)
    numbers = dict(
        Attempt.objects.filter(user=new, quiz=world.final).values_list("number", "score_percent")
    )
    assert numbers == {1: Decimal(90), 2: Decimal(50), 3: Decimal(60)}


def test_two_open_attempts_on_one_quiz_leave_the_newer_open(world):
    course_a, _ = world.courses
    old, new = twin(world, 1), twin(world, 2)
    theirs, mine = enrol(old, course_a), enrol(new, course_a)
    older = Attempt.objects.create(
        user=old, quiz=world.final, enrollment=theirs, number=1, language="es",
        started_at=NOW - timedelta(days=3),
    )  # fmt: skip
    newer = Attempt.objects.create(
        user=new, quiz=world.final, enrollment=mine, number=1, language="es",
        started_at=NOW - timedelta(hours=1),
    )  # fmt: skip
    merge(world, source=old, target=new)
    older.refresh_from_db()
    newer.refresh_from_db()
    assert (older.user, older.status, older.number) == (new, "expired", 2)
    assert older.submitted_at is not None and older.passed is None  # closed, not scored
    assert newer.status == "in_progress"


def test_two_valid_certificates_of_one_course_both_still_verify(world, client):
    course_a, _ = world.courses
    old, new = twin(world, 1, name="José Pérez"), twin(world, 2, name="JOSE PEREZ")
    theirs = enrol(old, course_a, completed=True)
    mine = enrol(new, course_a, completed=True)
    first, second = certificate_issue(enrollment=theirs), certificate_issue(enrollment=mine)

    merge(world, source=old, target=new)

    for certificate, holder in ((first, "José Pérez"), (second, "JOSE PEREZ")):
        certificate.refresh_from_db()
        assert (certificate.user, certificate.status) == (new, "valid")
        page = client.get(f"/en/certificates/verify/{certificate.display_code}/").content.decode()
        assert "This certificate is valid." in page and holder in page
    assert Enrollment.objects.filter(user=new, course=course_a).count() == 1


@pytest.mark.parametrize(
    ("case", "english", "spanish"),
    [
        (
            "itself",
            "An account cannot be merged into itself.",
            "Una cuenta no puede fusionarse consigo misma.",
        ),
        (
            "staff",
            "Only trainee accounts can be merged; staff accounts are never merged.",
            "Solo se pueden fusionar cuentas de participantes; las cuentas del personal nunca "
            "se fusionan.",
        ),
    ],
)
def test_a_merge_into_itself_or_a_staff_account_is_refused_and_changes_nothing(
    world, case, english, spanish
):
    course_a, _ = world.courses
    old = twin(world, 1)
    enrol(old, course_a)
    other = old if case == "itself" else world.people["manager_hn"]
    before = counts()
    for language, message in (("en", english), ("es", spanish)):
        with translation.override(language), pytest.raises(AccountError) as refused:
            merge(world, source=old, target=other)
        assert str(refused.value.message) == message
    assert counts() == before
    old.refresh_from_db()
    assert old.is_active and Enrollment.objects.filter(user=old).count() == 1


def test_only_an_administrator_can_merge(world):
    old, new = twin(world, 1), twin(world, 2)
    with pytest.raises(AccountError):
        account_merge(source=old, target=new, actor=world.people["manager_all"])
    old.refresh_from_db()
    assert old.is_active
