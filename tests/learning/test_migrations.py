"""Learners' records move from courses and assessments to learning: nothing is lost.

Runs the real migrations on a database holding records in the previous
schema, then forwards (tables and content types renamed) and back again.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

ACCOUNTS = ("accounts", "0006_certificate_history_in_audit_log")
BEFORE = [
    ACCOUNTS,
    ("courses", "0002_course_validity_renewal"),
    ("assessments", "0003_choice_fraction_from_key"),
    ("certificates", "0003_certificate_zip"),
    ("learning", None),
]
AFTER = [ACCOUNTS, ("learning", "0002_own_tables"), ("certificates", "0004_enrollment_in_learning")]
MOVED = {
    "enrollment": "courses",
    "modulecompletion": "courses",
    "attempt": "assessments",
    "answer": "assessments",
}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def when(hour: int) -> datetime.datetime:
    return datetime.datetime(2026, 3, 4, hour, 5, 6, tzinfo=datetime.UTC)


def page(apps, app_label, model, *, path, title, **fields):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    kind, _ = ContentType.objects.get_or_create(app_label=app_label, model=model.lower())
    return apps.get_model(app_label, model).objects.create(
        title=title,
        draft_title=title,
        slug=title.lower().replace(" ", "-"),
        path=path,
        depth=len(path) // 4,
        url_path=f"/{title}/",
        content_type=kind,
        locale=Locale.objects.get_or_create(language_code="en")[0],
        **fields,
    )


def tables() -> set[str]:
    return set(connection.introspection.table_names())


@pytest.mark.django_db(transaction=True)
def test_records_keep_every_row_and_their_content_types_through_the_move():
    old = migrate(BEFORE)
    assert {"courses_enrollment", "assessments_attempt"} <= tables()
    ContentType = old.get_model("contenttypes", "ContentType")
    Permission = old.get_model("auth", "Permission")
    ContentType.objects.filter(app_label="learning").delete()
    old_kinds = {
        model: ContentType.objects.get_or_create(app_label=app, model=model)[0].pk
        for model, app in MOVED.items()
    }
    permission, _ = Permission.objects.get_or_create(
        content_type_id=old_kinds["enrollment"],
        codename="view_enrollment",
        defaults={"name": "Can view enrolment"},
    )
    User = old.get_model("accounts", "User")
    trainee = User.objects.create(email="ana@example.org", full_name="Ana Pérez")
    course = page(old, "courses", "CoursePage", path="00019001", title="Course", summary="S")
    lesson = page(old, "courses", "ModulePage", path="000190010001", title="Lesson")
    quiz = page(
        old, "assessments", "QuizPage", path="000190010002", title="Exam", kind="final_exam"
    )
    question = old.get_model("assessments", "Question").objects.create(quiz=quiz, text="Q?")
    enrollment = old.get_model("courses", "Enrollment").objects.create(
        user=trainee, course=course, enrolled_at=when(8), completed_at=when(10)
    )
    old.get_model("courses", "ModuleCompletion").objects.create(
        enrollment=enrollment, module=lesson, completed_at=when(9)
    )
    attempt = old.get_model("assessments", "Attempt").objects.create(
        user=trainee,
        quiz=quiz,
        enrollment=enrollment,
        number=1,
        status="submitted",
        language="es",
        started_at=when(9),
        score_percent=Decimal("87.50"),
        passed=True,
        snapshot={"kind": "final_exam", "questions": [{"id": question.pk}]},
    )
    old.get_model("assessments", "Answer").objects.create(
        attempt=attempt, question=question, selected_choice_ids=[3], correct=True
    )
    certificate = old.get_model("certificates", "Certificate").objects.create(
        code="7KQ4M2ZDX9PA3HRT", user=trainee, enrollment=enrollment, completed_at=when(10)
    )

    new = migrate(AFTER)
    assert {"learning_enrollment", "learning_attempt"} <= tables()
    assert not {"courses_enrollment", "assessments_attempt"} & tables()
    Enrollment = new.get_model("learning", "Enrollment")
    moved = Enrollment.objects.get()
    assert (moved.pk, moved.user_id, moved.course_id) == (enrollment.pk, trainee.pk, course.pk)
    assert (moved.enrolled_at, moved.completed_at) == (when(8), when(10))
    completion = new.get_model("learning", "ModuleCompletion").objects.get()
    assert (completion.enrollment_id, completion.module_id) == (enrollment.pk, lesson.pk)
    attempt_now = new.get_model("learning", "Attempt").objects.get()
    assert (attempt_now.pk, attempt_now.enrollment_id, attempt_now.score_percent) == (
        attempt.pk,
        enrollment.pk,
        Decimal("87.50"),
    )
    assert attempt_now.snapshot["questions"] == [{"id": question.pk}]
    answer = new.get_model("learning", "Answer").objects.get()
    assert (answer.attempt_id, answer.selected_choice_ids) == (attempt.pk, [3])
    Certificate = new.get_model("certificates", "Certificate")
    assert Certificate.objects.get(pk=certificate.pk).enrollment_id == enrollment.pk
    # The content types were renamed, not recreated: permissions still point at them.
    NewContentType = new.get_model("contenttypes", "ContentType")
    for model, pk in old_kinds.items():
        assert NewContentType.objects.get(pk=pk).app_label == "learning", model
    assert not NewContentType.objects.filter(app_label__in=["courses", "assessments"]).filter(
        model__in=list(MOVED)
    )
    assert (
        new.get_model("auth", "Permission").objects.get(pk=permission.pk).content_type_id
        == (old_kinds["enrollment"])
    )

    back = migrate(BEFORE)
    assert {"courses_enrollment", "assessments_attempt"} <= tables()
    assert back.get_model("courses", "Enrollment").objects.get().pk == enrollment.pk
    assert back.get_model("assessments", "Answer").objects.get().attempt_id == attempt.pk
    assert ContentType.objects.get(pk=old_kinds["attempt"]).app_label == "assessments"
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
