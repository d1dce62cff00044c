"""Programme-scale data for benchmarks: N trainees with their learning records.

PostgreSQL only (the benchmarks run on it). Every table is filled with one
``COPY`` streamed from a Python generator: rows are written as COPY text,
with ids given explicitly (so no table is read back to learn them) and the
identity sequences moved past them at the end. 1,000,000 trainees take about
ten minutes on two cores (see bench/README.md). Run after
``seed_demo --force``, which creates the countries, agencies and courses the
trainees are spread over.

    python -m bench.generate --trainees 100000

Per trainee, as before: each course enrolled with probability 3/4; lessons
done none, one, half or all (all twice as likely); a pre-test attempt for 4
enrolments in 5; the final exam passed (on the first or second try) by those
who completed and tried and failed by some who studied; a certificate for
each completion, with the score of its passing attempt; an answer per
question of each attempt, right with the attempt's score as probability.
"""

import argparse
import json
import random
import sys
import time
from datetime import timedelta
from decimal import Decimal
from functools import cache

from bench.copy_loader import NULL, Loader, copy_text, json_text
from bench.environment import LEARNER_TABLES
from bench.generate_evaluation import evaluation_rows

BENCH_DOMAIN = "bench.example.org"
#: The stated sex of generated trainees, in turn: 40 % each, 10 % prefer not to say, 10 % no answer.
SEXES = ("female", "male") * 4 + ("undisclosed", "")


class Catalogue:
    """What the trainees are spread over: agencies, courses, lessons, quizzes (read once)."""

    def __init__(self):
        from accounts.models import Agency, PartnerCountry
        from assessments.models import QuizPage
        from core import languages
        from courses.models import CoursePage, ModulePage
        from evaluation.models import FollowUpPage, ReactionSurveyPage

        def snapshot(obj, field) -> str:
            """A snapshot text in every language (the default's where one is missing)."""
            texts = languages.values(obj, field)
            default = texts.get(languages.default()) or ""
            return json_text({code: texts.get(code) or default for code in languages.codes()})

        countries = {c.pk: c for c in PartnerCountry.objects.all()}
        self.agencies = [
            (
                a.pk,
                a.country_id,
                countries[a.country_id].code,
                snapshot(countries[a.country_id], "name"),
                snapshot(a, "name"),
            )
            for a in Agency.objects.order_by("pk")
        ]
        self.courses = []
        #: Per course id: its live reaction survey's page id, its follow-up's page id
        #: and days after completion (None where the course has none).
        self.surveys = {}
        for course in CoursePage.objects.live().order_by("path"):
            reaction = ReactionSurveyPage.objects.live().child_of(course).first()
            follow_up = FollowUpPage.objects.live().child_of(course).first()
            self.surveys[course.pk] = (
                reaction.pk if reaction else None,
                (follow_up.pk, follow_up.days_after_completion) if follow_up else None,
            )
            lessons = list(
                ModulePage.objects.live()
                .child_of(course)
                .order_by("path")
                .values_list("pk", flat=True)
            )
            quizzes = {}
            for kind in ("pretest", "final_exam"):
                quiz = QuizPage.objects.live().child_of(course).filter(kind=kind).first()
                if quiz is not None:
                    quizzes[kind] = Quiz(quiz)
            self.courses.append(
                (
                    course.pk,
                    lessons,
                    quizzes,
                    str(course.estimated_hours),
                    snapshot(course, "title"),
                )
            )


class Quiz:
    """A quiz as the generator uses it: id, pass mark, each question's right and wrong choices."""

    def __init__(self, quiz):
        self.pk = quiz.pk
        self.pass_mark = float(quiz.pass_mark)
        self.questions = []
        for question in quiz.questions.prefetch_related("choices"):
            choices = [(c.pk, c.fraction > 0) for c in question.choices.all()]
            right = [f"[{pk}]" for pk, ok in choices if ok]
            wrong = [f"[{pk}]" for pk, ok in choices if not ok]
            every = [f"[{pk}]" for pk, _ok in choices]
            self.questions.append((question.pk, right or every, wrong or every))
        self.max_points = Decimal(len(self.questions))
        self.snapshot = copy_text(json.dumps({"questions": [q for q, _r, _w in self.questions]}))


def generate(*, trainees: int, seed: int = 7) -> dict:
    """Adds ``trainees`` bench trainees (idempotent: existing bench data is replaced)."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.utils import timezone

    from accounts.models import User
    from certificates.models import Certificate

    if connection.vendor != "postgresql":
        sys.exit("bench.generate: PostgreSQL only (it loads with COPY).")
    rng = random.Random(seed)
    now = timezone.now()
    started = time.monotonic()
    catalogue = Catalogue()

    @cache
    def stamp(days: int, minutes: int = 0) -> str:
        """``now`` minus whole days and minutes, as COPY reads a timestamp."""
        return (now - timedelta(days=days, minutes=minutes)).isoformat()

    password = copy_text(make_password("Bench-Password-2026"))
    with transaction.atomic():
        # Certificates outlive their holder's account (SET_NULL): they go first.
        Certificate.objects.filter(user__email__endswith="@" + BENCH_DOMAIN).delete()
        User.objects.filter(email__endswith="@" + BENCH_DOMAIN).delete()
        with connection.cursor() as cursor:
            loader = Loader(cursor.cursor)
            # Row-by-row foreign-key checks (deferred to the commit) would cost more
            # than the load: they are off for this transaction, and every reference
            # loaded is checked afterwards with one query per foreign key.
            cursor.execute("SET LOCAL session_replication_role = replica")
            figures = _load(
                loader, catalogue, trainees=trainees, rng=rng, password=password, stamp=stamp
            )
            loader.check_references()
    with connection.cursor() as cursor:
        # A steady state, not a fresh load: visibility map, hint bits, statistics.
        vacuum_started = time.monotonic()
        evaluation = ("evaluation_surveyresponse", "evaluation_followup")
        for table in (*LEARNER_TABLES, "certificates_certificate", *evaluation):
            cursor.execute(f"VACUUM (ANALYZE) {table}")
        loader.timings["vacuum"] = round(time.monotonic() - vacuum_started, 1)
    print(f"bench.generate: seconds per table {loader.timings}", file=sys.stderr)
    return {
        "database": connection.settings_dict["NAME"],
        **figures,
        "seconds": round(time.monotonic() - started, 1),
    }


def _load(loader: Loader, catalogue: Catalogue, *, trainees, rng, password, stamp) -> dict:
    """The rows of every table, one COPY each, in dependency order."""
    agencies = catalogue.agencies
    first_user = loader.first_id("accounts_user")
    joined = []  # days before now, per trainee
    spanish = bytearray(trainees)

    def user_rows():
        for n in range(trainees):
            agency_id, country_id, *_names = agencies[n % len(agencies)]
            days = rng.randint(1, 720)
            joined.append(days)
            language = "es" if rng.random() < 0.8 else "en"
            spanish[n] = language == "es"
            yield (
                f"{first_user + n}\t{password}\tf\tf\tt\t{stamp(days)}\tt{n:06d}@{BENCH_DOMAIN}"
                f"\tParticipante {n:06d}\t{country_id}\t{agency_id}\tInvestigador\t{language}\tf"
                f"\t{SEXES[n % len(SEXES)]}\tparticipante {n:06d}\n"
            )

    n_users = loader.copy(
        "accounts_user",
        [
            "id",
            "password",
            "is_superuser",
            "is_staff",
            "is_active",
            "date_joined",
            "email",
            "full_name",
            "country_id",
            "agency_id",
            "job_title",
            "preferred_language",
            "manages_all_countries",
            "sex",
            "name_key",  # accounts.names.name_key of the full name
        ],
        user_rows(),
    )

    # One plan per enrolment: (trainee index, course index, lessons done,
    # enrolled and last activity in days before now, completed).
    plans = []
    for n in range(trainees):
        for course_index, (_pk, lessons, _quizzes, _hours, _title) in enumerate(catalogue.courses):
            if rng.random() < 0.25:
                continue
            enrolled = joined[n] - rng.randint(0, 30)
            total = len(lessons)
            done = rng.choice((0, 1, total // 2, total, total))
            last = max(0, enrolled - rng.randint(0, 90))
            plans.append(
                (n, course_index, done, max(enrolled, 0), last, bool(total) and done == total)
            )
    first_enrollment = loader.first_id("learning_enrollment")

    def enrollment_rows():
        for number, (n, course_index, _done, enrolled, last, complete) in enumerate(plans):
            yield (
                f"{first_enrollment + number}\t{first_user + n}"
                f"\t{catalogue.courses[course_index][0]}"
                f"\t{stamp(enrolled)}\t{stamp(last)}\t{stamp(last) if complete else NULL}\n"
            )

    n_enrol = loader.copy(
        "learning_enrollment",
        ["id", "user_id", "course_id", "enrolled_at", "last_activity_at", "completed_at"],
        enrollment_rows(),
    )

    def completion_rows():
        for number, (_n, course_index, done, _enrolled, last, _complete) in enumerate(plans):
            when = stamp(last)
            for module_id in catalogue.courses[course_index][1][:done]:
                yield f"{first_enrollment + number}\t{module_id}\t{when}\n"

    n_done = loader.copy(
        "learning_modulecompletion",
        ["enrollment_id", "module_id", "completed_at"],
        completion_rows(),
    )
    n_attempts, n_answers, n_certificates = _assessments(
        loader,
        catalogue,
        plans=plans,
        first_user=first_user,
        first_enrollment=first_enrollment,
        spanish=spanish,
        rng=rng,
        stamp=stamp,
    )
    n_reactions, n_follow_ups = evaluation_rows(
        loader,
        catalogue,
        plans=plans,
        first_enrollment=first_enrollment,
        spanish=spanish,
        rng=rng,
        stamp=stamp,
    )
    return {
        "trainees": n_users,
        "enrollments": n_enrol,
        "lesson_completions": n_done,
        "attempts": n_attempts,
        "answers": n_answers,
        "certificates": n_certificates,
        "reaction_answers": n_reactions,
        "follow_ups": n_follow_ups,
    }


def _assessments(loader, catalogue, *, plans, first_user, first_enrollment, spanish, rng, stamp):
    """Pre-test and final-exam attempts with answers, and certificates for completions."""
    from certificates.codes import ALPHABET, LENGTH

    # One per attempt: (enrolment id, trainee index, quiz, number, percent, days, minutes
    # before now of the submission); and (enrolment id, trainee index, course index, days,
    # score) per certificate.
    attempts = []
    completed = []
    for number, (n, course_index, done, _enrolled, last, complete) in enumerate(plans):
        enrollment_id = first_enrollment + number
        quizzes = catalogue.courses[course_index][2]
        pre = quizzes.get("pretest")
        if pre and rng.random() < 0.8:
            attempts.append((enrollment_id, n, pre, 1, rng.uniform(20, 70), last + 20, 0))
        final = quizzes.get("final_exam")
        # Completed enrolments passed the final exam (on the last try); some others
        # that studied tried it and failed.
        if final and (complete or (done and rng.random() < 0.3)):
            tries = rng.choice((1, 1, 2))
            for attempt_number in range(1, tries + 1):
                passing = complete and attempt_number == tries
                percent = rng.uniform(70, 100) if passing else rng.uniform(30, 69)
                attempts.append(
                    (
                        enrollment_id,
                        n,
                        final,
                        attempt_number,
                        percent,
                        last,
                        60 * (tries - attempt_number),
                    )
                )
            if complete:
                completed.append((enrollment_id, n, course_index, last, percent))
    first_attempt = loader.first_id("learning_attempt")
    hundred = Decimal(100)
    cent = Decimal("0.01")

    def attempt_rows():
        for number, (enrollment_id, n, quiz, attempt_number, percent, days, minutes) in enumerate(
            attempts
        ):
            score = Decimal(percent).quantize(cent)
            points = (quiz.max_points * Decimal(percent) / hundred).quantize(cent)
            yield (
                f"{first_attempt + number}\t{first_user + n}\t{quiz.pk}\t{enrollment_id}"
                f"\t{attempt_number}\tsubmitted\t{'es' if spanish[n] else 'en'}"
                f"\t{stamp(days, minutes + 30)}\t{stamp(days, minutes)}"
                f"\t{points}\t{quiz.max_points}"
                f"\t{score}\t{'t' if percent >= quiz.pass_mark else 'f'}\t{quiz.snapshot}\t0\n"
            )

    n_attempts = loader.copy(
        "learning_attempt",
        [
            "id",
            "user_id",
            "quiz_id",
            "enrollment_id",
            "number",
            "status",
            "language",
            "started_at",
            "submitted_at",
            "score_points",
            "max_points",
            "score_percent",
            "passed",
            "snapshot",
            "position",
        ],
        attempt_rows(),
    )

    def answer_rows():
        random_ = rng.random
        choice = rng.choice
        for number, (_e, _n, quiz, _number, percent, days, minutes) in enumerate(attempts):
            prefix = first_attempt + number
            when = stamp(days, minutes)
            for question_id, right, wrong in quiz.questions:
                if random_() * 100 < percent:
                    yield f"{prefix}\t{question_id}\t{choice(right)}\t{when}\t1\tt\n"
                else:
                    yield f"{prefix}\t{question_id}\t{choice(wrong)}\t{when}\t0\tf\n"

    n_answers = loader.copy(
        "learning_answer",
        [
            "attempt_id",
            "question_id",
            "selected_choice_ids",
            "saved_at",
            "points_awarded",
            "correct",
        ],
        answer_rows(),
    )

    def code() -> str:
        bits = rng.getrandbits(5 * LENGTH)
        return "".join(ALPHABET[(bits >> (5 * i)) & 31] for i in range(LENGTH))

    def certificate_rows():
        for enrollment_id, n, course_index, days, percent in completed:
            course_id, _lessons, _quizzes, hours, title = catalogue.courses[course_index]
            _agency, _country, country_code, country_names, agency_names = catalogue.agencies[
                n % len(catalogue.agencies)
            ]
            when = stamp(days)
            yield (
                f"{code()}\t{first_user + n}\t{enrollment_id}\t{course_id}\tvalid\t{when}\t\\N"
                f"\t{when}\t{Decimal(percent).quantize(cent)}\t{hours}\tParticipante {n:06d}"
                f"\t{country_code}\t{country_names}\t{agency_names}\t{title}"
                f"\t{'es' if spanish[n] else 'en'}\t\n"
            )

    n_certificates = loader.copy(
        "certificates_certificate",
        [
            "code",
            "user_id",
            "enrollment_id",
            "course_id",
            "status",
            "issued_at",
            "expires_at",
            "completed_at",
            "score_percent",
            "hours",
            "holder_name",
            "country_code",
            "country_names",
            "agency_names",
            "course_titles",
            "language",
            "revoke_reason",
        ],
        certificate_rows(),
    )
    return n_attempts, n_answers, n_certificates


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trainees", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    from bench.environment import setup_django

    setup_django()
    print(generate(trainees=args.trainees, seed=args.seed))


if __name__ == "__main__":
    main()
