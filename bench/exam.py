"""Exam burst: hundreds of trainees submit a 20-question final exam at once.

``python -m bench.exam prepare N`` (bench environment) creates a bench final
exam with 20 questions, N enrolled trainees each with an open attempt and a
signed-in session, and prints them as JSON. ``burst`` (client side, no
Django) sends every submit within a window and measures; ``verify`` checks in
the database that there is exactly one scored attempt per trainee, each with
all 20 answers as sent.
"""

import json
import random
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

QUESTIONS = 20
CSRF = "benchcsrftoken0123456789abcdefgh"  # cookie and header must match


def prepare(count: int) -> dict:
    """Creates the bench exam and ``count`` trainees with open attempts (idempotent)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import translation

    from accounts.models import Agency, User
    from assessments.models import Choice, Question, QuizPage
    from core import languages
    from courses.models import CoursePage
    from learning.attempts import attempt_start
    from learning.models import Attempt, Enrollment

    slug = languages.default_field("slug")
    course = CoursePage.objects.get(**{slug: "investigating-human-smuggling-networks"})
    quiz = QuizPage.objects.child_of(course).filter(**{slug: "bench-final-exam"}).first()
    if quiz is None:
        quiz = QuizPage(
            **languages.field_values(
                "title", {"en": "Bench final exam", "es": "Examen final de prueba"}
            ),
            **languages.field_values(
                "slug", {"en": "bench-final-exam", "es": "examen-final-de-prueba"}
            ),
            kind=QuizPage.Kind.FINAL_EXAM,
            # The bench trainees sit the exam without studying the lessons.
            requires_lessons=False,
            pass_mark=70,
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
    if quiz.requires_lessons:  # created before the setting existed
        QuizPage.objects.filter(pk=quiz.pk).update(requires_lessons=False)
        quiz.requires_lessons = False
    Attempt.objects.filter(quiz=quiz).delete()
    agency = Agency.objects.select_related("country").first()
    trainees = []
    for n in range(count):
        user, _ = User.objects.get_or_create(
            email=f"exam{n:04d}@bench.example.org",
            defaults={
                "full_name": f"Examinada {n:04d}",
                "country": agency.country,
                "agency": agency,
                "preferred_language": "es" if n % 5 else "en",
            },
        )
        Enrollment.objects.get_or_create(user=user, course=course)
        attempt = attempt_start(user=user, quiz=quiz, language=user.preferred_language)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        with translation.override(user.preferred_language):
            base = quiz.get_url()
        questions = [
            [q.pk, list(q.choices.order_by("sort_order").values_list("pk", flat=True))]
            for q in Question.objects.filter(pk__in=attempt.question_ids()).order_by("pk")
        ]
        trainees.append(
            {
                "user_id": user.pk,
                "attempt_id": attempt.pk,
                "cookie": f"sessionid={session.session_key}; csrftoken={CSRF}",
                "save": f"{base}attempt/{attempt.pk}/save/",
                "submit": f"{base}attempt/{attempt.pk}/submit/",
                "questions": questions,
            }
        )
    return {"quiz_id": quiz.pk, "trainees": trainees}


def answers_for(trainee: dict, seed: int) -> dict[int, int]:
    rng = random.Random(seed)
    return {qid: rng.choice(choices) for qid, choices in trainee["questions"]}


def post(url: str, cookie: str, fields: list[tuple[str, str]], *, json_reply=False, timeout=30):
    """One form POST; returns (status, seconds)."""
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
    fields = [("shown", str(qid)) for qid in answers]
    fields += [(f"q{qid}", str(choice)) for qid, choice in answers.items()]
    return fields


def burst(base_url: str, prepared: dict, *, window: float = 10.0) -> dict:
    """Every trainee submits once, at a random moment within ``window`` seconds."""
    results = []
    lock = threading.Lock()
    start = time.monotonic() + 0.5
    rng = random.Random(1)

    def one(trainee, at):
        time.sleep(max(0.0, start + at - time.monotonic()))
        answers = answers_for(trainee, trainee["attempt_id"])
        status, seconds = post(
            base_url + trainee["submit"], trainee["cookie"], submit_fields(trainee, answers)
        )
        with lock:
            results.append((status, seconds))

    threads = [
        threading.Thread(target=one, args=(t, rng.uniform(0, window))) for t in prepared["trainees"]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return summarise(results)


def summarise(results: list[tuple[int, float]]) -> dict:
    """Submits, errors (anything but the redirect to the result) and latency percentiles."""
    from bench.stats import percentile

    latencies = [seconds for _status, seconds in results]
    ok = sum(1 for status, _ in results if status in (302, 303))
    return {
        "submits": len(results),
        "ok": ok,
        "errors": len(results) - ok,
        "p50_ms": 1000 * percentile(latencies, 0.50),
        "p95_ms": 1000 * percentile(latencies, 0.95),
        "max_ms": 1000 * max(latencies),
    }


def verify(prepared: dict) -> dict:
    """Duplicates and lost answers, counted in the database."""
    from django.db.models import Count

    from learning.models import Answer, Attempt

    quiz_id = prepared["quiz_id"]
    per_user = (
        Attempt.objects.filter(quiz_id=quiz_id)
        .values("user_id")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    unscored = Attempt.objects.filter(quiz_id=quiz_id).exclude(status="submitted").count()
    stored = {
        (a.attempt_id, a.question_id): a.selected_choice_ids
        for a in Answer.objects.filter(attempt__quiz_id=quiz_id)
    }
    lost = 0
    for trainee in prepared["trainees"]:
        for qid, choice in answers_for(trainee, trainee["attempt_id"]).items():
            if stored.get((trainee["attempt_id"], qid)) != [choice]:
                lost += 1
    return {"duplicates": per_user.count(), "not_submitted": unscored, "lost_answers": lost}


def main():
    from bench.environment import setup_django

    setup_django()
    command = sys.argv[1]
    if command == "prepare":
        print(json.dumps(prepare(int(sys.argv[2]))))
    elif command == "verify":
        print(json.dumps(verify(json.load(open(sys.argv[2], encoding="utf-8")))))


if __name__ == "__main__":
    main()
