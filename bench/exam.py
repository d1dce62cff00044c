"""Exam burst: trainees submit a 20-question final exam at once.

``python -m bench.exam prepare N [LABEL [WARMUP]]`` (bench environment)
creates the bench final exam (once) and N (+ WARMUP) trainees named after
LABEL, each enrolled with the course's required lessons done, an open
attempt and a signed-in session, all inserted in bulk; it prints them as
JSON. ``bench.exam_client.burst`` sends every submit at a random moment
within a window and measures it from that moment; ``verify`` checks in the
database that every trainee has exactly one attempt, scored as the answers
sent deserve, with all 20 answers as sent, and a certificate exactly when
the exam was passed.

Most trainees pass (each answer is right with probability
``exam_client.RIGHT``), and a pass completes the course, so most submits
also issue a certificate: the heaviest path of a real final exam, not only
the scoring.
"""

import json
import random
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from bench.exam_client import CSRF, answers_for, form_fields

QUESTIONS = 20
PASS_MARK = 70
COURSE_SLUG = "investigating-human-smuggling-networks"
DOMAIN = "bench.example.org"  # bench.generate deletes these users at the next run
#: Trainees the exam burst has submit before it, unmeasured, so that every
#: gunicorn worker and thread has served the path once (a server is warm
#: during an exam).
WARMUP = 16


def bench_exam(course):
    """The bench final exam of ``course``: 20 single-choice questions of 4 choices."""
    from django.utils import translation

    from assessments.models import Choice, Question, QuizPage
    from core import languages

    slug = languages.default_field("slug")
    quiz = QuizPage.objects.child_of(course).filter(**{slug: "bench-final-exam"}).first()
    if quiz is not None:
        if quiz.requires_lessons:  # created before the setting existed
            QuizPage.objects.filter(pk=quiz.pk).update(requires_lessons=False)
        return quiz
    quiz = QuizPage(
        **languages.field_values(
            "title", {"en": "Bench final exam", "es": "Examen final de prueba"}
        ),
        **languages.field_values(
            "slug", {"en": "bench-final-exam", "es": "examen-final-de-prueba"}
        ),
        kind=QuizPage.Kind.FINAL_EXAM,
        # Attempts are created ahead of the burst by prepare(), not started through the page.
        requires_lessons=False,
        pass_mark=PASS_MARK,
        max_attempts=0,
        review_mode=QuizPage.ReviewMode.SCORE,
    )
    for q in range(QUESTIONS):
        question = Question(
            kind="single",
            points=1,
            **languages.field_values(
                "text", {"en": f"Question {q + 1}", "es": f"Pregunta {q + 1}"}
            ),
        )
        question.choices = [
            Choice(
                fraction=100 if c == 0 else 0,
                **languages.field_values("text", {"en": f"Choice {c}", "es": f"Opción {c}"}),
            )
            for c in range(4)
        ]
        quiz.questions.add(question)
    with translation.override(languages.default()):
        course.add_child(instance=quiz)
        quiz.save_revision().publish()
    return quiz


def prepare(count: int, label: str = "a", warmup: int = 0) -> dict:
    """``count`` trainees ready to submit the bench exam, and ``warmup`` more to warm the
    server up (earlier trainees of ``label`` are replaced).

    Everything a trainee would have done before the end of the exam is
    inserted in bulk: the enrolment, the required lessons, a pass in the
    course's other final exams (so that passing this one completes the course),
    the open attempt (the exam's snapshot, as ``attempt_start`` takes it) and a
    session, created through the configured ``SESSION_ENGINE``.
    """
    import importlib
    from decimal import Decimal

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone, translation

    from accounts.models import Agency, User
    from accounts.names import name_key
    from assessments.models import QuizPage
    from core import languages
    from core.sessions import SEEN_KEY, STARTED_KEY
    from courses.models import CoursePage, ModulePage
    from learning.attempts import build_snapshot
    from learning.models import Attempt, Enrollment, ModuleCompletion

    course = CoursePage.objects.get(**{languages.default_field("slug"): COURSE_SLUG})
    quiz = bench_exam(course)
    store = importlib.import_module(settings.SESSION_ENGINE).SessionStore
    agency = Agency.objects.select_related("country").first()
    prefix = f"exam-{label}-"
    now = timezone.now()
    snapshot = build_snapshot(quiz, now=now, rng=random.Random(1))  # no shuffling: one for all
    lessons = list(
        ModulePage.objects.live()
        .child_of(course)
        .filter(required=True)
        .values_list("pk", flat=True)
    )
    other_exams = list(
        QuizPage.objects.live()
        .child_of(course)
        .filter(kind=QuizPage.Kind.FINAL_EXAM)
        .exclude(pk=quiz.pk)
        .values_list("pk", flat=True)
    )
    password = make_password("Bench-Password-2026")
    with transaction.atomic():
        User.objects.filter(email__startswith=prefix, email__endswith="@" + DOMAIN).delete()
        users = User.objects.bulk_create(
            User(
                email=f"{prefix}{n:05d}@{DOMAIN}",
                password=password,
                full_name=f"Examinada {label} {n:05d}",
                name_key=name_key(f"Examinada {label} {n:05d}"),
                country=agency.country,
                agency=agency,
                preferred_language="es" if n % 5 else "en",
            )
            for n in range(count + warmup)
        )
        enrollments = Enrollment.objects.bulk_create(
            Enrollment(user=user, course=course, enrolled_at=now) for user in users
        )
        ModuleCompletion.objects.bulk_create(
            (ModuleCompletion(enrollment=e, module_id=m) for e in enrollments for m in lessons),
            batch_size=5000,
        )
        passed = {"kind": QuizPage.Kind.FINAL_EXAM, "pass_mark": PASS_MARK, "questions": []}
        Attempt.objects.bulk_create(
            (
                Attempt(
                    user=e.user,
                    quiz_id=exam,
                    enrollment=e,
                    number=1,
                    language=e.user.preferred_language,
                    status=Attempt.Status.SUBMITTED,
                    started_at=now,
                    submitted_at=now,
                    score_points=Decimal(1),
                    max_points=Decimal(1),
                    score_percent=Decimal(100),
                    passed=True,
                    snapshot=passed,
                )
                for e in enrollments
                for exam in other_exams
            ),
            batch_size=2000,
        )
        attempts = Attempt.objects.bulk_create(
            (
                Attempt(
                    user=e.user,
                    quiz=quiz,
                    enrollment=e,
                    number=1,
                    language=e.user.preferred_language,
                    started_at=now,
                    snapshot=snapshot,
                )
                for e in enrollments
            ),
            batch_size=1000,
        )
        cookies = []
        for user in users:
            session = store()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            # Signed in a little earlier and active since, as during an exam.
            session[STARTED_KEY] = session[SEEN_KEY] = time.time()
            session.create()
            cookies.append(
                f"{settings.SESSION_COOKIE_NAME}={session.session_key}; csrftoken={CSRF}"
            )
    # [question id, its choices, the right one]: the same for every attempt.
    questions = [[q["id"], q["choices"], q["correct"][0]] for q in snapshot["questions"]]
    bases = {}
    for code in languages.codes():
        with translation.override(code):
            bases[code] = quiz.get_url()
    trainees = [
        {
            "user_id": attempt.user_id,
            "attempt_id": attempt.pk,
            "cookie": cookie,
            "submit": f"{bases[attempt.language]}attempt/{attempt.pk}/submit/",
            "save": f"{bases[attempt.language]}attempt/{attempt.pk}/save/",
            "questions": [[qid, choices] for qid, choices, _right in questions],
        }
        for attempt, cookie in zip(attempts, cookies, strict=True)
    ]
    return {
        "quiz_id": quiz.pk,
        "label": label,
        "questions": questions,
        "trainees": trainees[warmup:],
        "warmup": trainees[:warmup],
    }


def verify(prepared: dict) -> dict:
    """Duplicates, unscored attempts, lost answers, wrong scores and certificates, counted
    in the database for this burst's trainees (those of the warm-up too)."""
    from django.conf import settings
    from django.db.models import Count

    from certificates.models import Certificate
    from learning.models import Answer, Attempt

    quiz_id = prepared["quiz_id"]
    trainees = {t["user_id"]: t for t in prepared["trainees"] + prepared.get("warmup", [])}
    attempts = Attempt.objects.filter(quiz_id=quiz_id, user_id__in=trainees)
    duplicates = (
        attempts.values("user_id").annotate(n=Count("pk")).filter(n__gt=1).count()
        + len(trainees)
        - attempts.values("user_id").distinct().count()  # no attempt at all
    )
    not_submitted = attempts.exclude(status=Attempt.Status.SUBMITTED).count()
    stored = {
        (attempt_id, question_id): selected
        for attempt_id, question_id, selected in Answer.objects.filter(
            attempt__in=attempts
        ).values_list("attempt_id", "question_id", "selected_choice_ids")
    }
    scores = dict(attempts.values_list("pk", "score_points"))
    certified = dict(
        Certificate.objects.filter(
            enrollment__user_id__in=trainees, status=Certificate.Status.VALID
        )
        .values("enrollment__user_id")
        .annotate(n=Count("pk"))
        .values_list("enrollment__user_id", "n")
    )
    lost = wrong_scores = certificate_errors = 0
    right = {qid: choice for qid, _choices, choice in prepared["questions"]}
    for trainee in trainees.values():
        answers = answers_for(prepared, trainee)
        lost += sum(
            1
            for qid, choice in answers.items()
            if stored.get((trainee["attempt_id"], qid)) != [choice]
        )
        points = sum(1 for qid, choice in answers.items() if right[qid] == choice)
        if scores.get(trainee["attempt_id"]) != points:
            wrong_scores += 1
        passed = 100 * points >= PASS_MARK * len(answers)
        if certified.get(trainee["user_id"], 0) != (1 if passed else 0):
            certificate_errors += 1
    checked = {
        "duplicates": duplicates,
        "not_submitted": not_submitted,
        "lost_answers": lost,
        "wrong_scores": wrong_scores,
        "certificate_errors": certificate_errors,
        "certificates": sum(certified.values()),
    }
    if settings.TASKS["default"]["BACKEND"].endswith("DatabaseBackend"):
        from django_tasks_db.models import DBTaskResult

        issued = Certificate.objects.filter(enrollment__user_id__in=trainees).values_list(
            "pk", flat=True
        )
        checked["emails_queued"] = DBTaskResult.objects.filter(
            task_path__endswith="certificate_email_task", args_kwargs__args__0__in=list(issued)
        ).count()
        checked["emails_missing"] = checked["certificates"] - checked["emails_queued"]
    return checked


#: What must be zero after a burst, and what it means when it is not.
CHECKS = {
    "errors": "submits did not redirect to the result",
    "duplicates": "trainees have no attempt or more than one",
    "lost_answers": "answers were lost",
    "not_submitted": "attempts were not scored",
    "wrong_scores": "attempts were scored wrongly",
    "certificate_errors": "trainees have a certificate they should not have, or lack one",
    "emails_missing": "certificates have no e-mail queued",
}


def problems(result: dict, checked: dict) -> list[str]:
    """Every integrity check of a burst that is not zero, said in words."""
    counts = {**checked, **result}
    return [f"{counts[key]} {what}" for key, what in CHECKS.items() if counts.get(key)]


def post(url: str, cookie: str, fields: list[tuple[str, str]], *, json_reply=False, timeout=30):
    """One form POST without following redirects (the fault test's client); (status, seconds)."""
    body = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(url, data=body, method="POST")
    request.add_header("Cookie", cookie)
    request.add_header("X-CSRFToken", CSRF)
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    request.add_header("Referer", url)
    if json_reply:
        request.add_header("Accept", "application/json")
    started = time.monotonic()
    try:
        opener = urllib.request.build_opener(NoRedirect)
        with opener.open(request, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return status, time.monotonic() - started


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def submit_fields(trainee: dict, answers: dict[int, int]) -> list[tuple[str, str]]:
    return form_fields(answers)


def main():
    from bench.environment import setup_django

    setup_django()
    command = sys.argv[1]
    if command == "prepare":
        label = sys.argv[3] if len(sys.argv) > 3 else "a"
        warmup = int(sys.argv[4]) if len(sys.argv) > 4 else 0
        print(json.dumps(prepare(int(sys.argv[2]), label, warmup)))
    elif command == "verify":
        with open(sys.argv[2], encoding="utf-8") as handle:
            print(json.dumps(verify(json.load(handle))))


if __name__ == "__main__":
    main()
