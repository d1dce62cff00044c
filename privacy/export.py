"""Read side of privacy: everything the platform holds about one trainee, as plain data.

``user_data_export`` answers a trainee's "download my data": profile, e-mail
addresses, enrolments with lesson completions, quiz attempts with their
answers, certificates with their history, survey answers, and who looked at their records.
A fixed number of queries, whatever the amount of data.

Per-question results of an attempt are included only when the quiz shows
them after submitting (review mode "full"), so the download never reveals
more of a quiz than the quiz page does; the answer key is never included.
"""

from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from accounts.api import AuditEvent, User
from core import languages

FORMAT_VERSION = 1


def iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def number(value) -> float | None:
    return float(value) if value is not None else None


def per_language(key: str, obj, field: str) -> dict:
    """``{<key>_<code>: obj.<field>_<code>}`` for each language of settings.LANGUAGES.

    ``obj`` None gives None in every language.
    """
    return {
        build_localized_fieldname(key, code): (
            getattr(obj, build_localized_fieldname(field, code)) if obj is not None else None
        )
        for code in languages.codes()
    }


def snapshot_per_language(key: str, certificate, text: str) -> dict:
    """``{<key>_<code>: text in that language}`` of a certificate's snapshot, as stored.

    A language the snapshot has no text in (one added to the site after the
    certificate was issued) is left out: the certificate never stated it.
    """
    texts = certificate.snapshot_texts(text)
    return {
        build_localized_fieldname(key, code): texts[code]
        for code in languages.codes()
        if code in texts
    }


def in_default_language(obj, field: str):
    return getattr(obj, build_localized_fieldname(field, languages.default()))


def profile_data(user: User) -> dict:
    from allauth.account.models import EmailAddress

    return {
        "email": user.email,
        "full_name": user.full_name,
        "country": {"code": user.country.code, "name": in_default_language(user.country, "name")}
        if user.country_id
        else None,
        "agency": per_language("name", user.agency, "name") if user.agency_id else None,
        "job_title": user.job_title,
        "preferred_language": user.preferred_language,
        # The stored value and its name in the language of the download; None when
        # not answered.
        "sex": {"value": user.sex, "label": str(user.get_sex_display())} if user.sex else None,
        "date_joined": iso(user.date_joined),
        "last_login": iso(user.last_login),
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
    }


def enrolments_data(user: User) -> list[dict]:
    from learning.api import Enrollment, ModuleCompletion

    enrolments = list(
        Enrollment.objects.filter(user=user).select_related("course").order_by("enrolled_at")
    )
    completions: dict[int, list[dict]] = {}
    for completion in (
        ModuleCompletion.objects.filter(enrollment__user=user)
        .select_related("module")
        .order_by("completed_at", "pk")
    ):
        completions.setdefault(completion.enrollment_id, []).append(
            {
                **per_language("lesson", completion.module, "title"),
                "completed_at": iso(completion.completed_at),
            }
        )
    return [
        {
            **per_language("course", e.course, "title"),
            "enrolled_at": iso(e.enrolled_at),
            "last_activity_at": iso(e.last_activity_at),
            "completed_at": iso(e.completed_at),
            "renewal_started_at": iso(e.renewal_started_at),
            "lessons_completed": completions.get(e.pk, []),
        }
        for e in enrolments
    ]


def attempts_data(user: User) -> list[dict]:
    from assessments.api import Choice, Question, QuizPage
    from learning.api import Answer, Attempt

    attempts = list(
        Attempt.objects.filter(user=user).select_related("quiz").order_by("started_at", "pk")
    )
    answers = list(Answer.objects.filter(attempt__user=user).order_by("attempt_id", "pk"))
    questions = Question.objects.in_bulk({a.question_id for a in answers})
    choice_ids = {c for a in answers for c in a.selected_choice_ids if isinstance(c, int)}
    choices = Choice.objects.in_bulk(choice_ids)
    by_attempt: dict[int, list[Answer]] = {}
    for answer in answers:
        by_attempt.setdefault(answer.attempt_id, []).append(answer)
    rows = []
    for attempt in attempts:
        show_results = (
            attempt.quiz.review_mode == QuizPage.ReviewMode.FULL
            and attempt.status == Attempt.Status.SUBMITTED
        )
        answer_rows = []
        for answer in by_attempt.get(attempt.pk, []):
            question = questions.get(answer.question_id)
            selected = [choices[c] for c in answer.selected_choice_ids if c in choices]
            row = {
                **per_language("question", question, "text"),
                **{
                    build_localized_fieldname("selected", code): [
                        getattr(choice, build_localized_fieldname("text", code))
                        for choice in selected
                    ]
                    for code in languages.codes()
                },
                "saved_at": iso(answer.saved_at),
            }
            if show_results:
                row["points_awarded"] = number(answer.points_awarded)
                row["correct"] = answer.correct
            answer_rows.append(row)
        rows.append(
            {
                **per_language("quiz", attempt.quiz, "title"),
                "number": attempt.number,
                "status": attempt.status,
                "language": attempt.language,
                "started_at": iso(attempt.started_at),
                "submitted_at": iso(attempt.submitted_at),
                "score_percent": number(attempt.score_percent),
                "passed": attempt.passed,
                "answers": answer_rows,
            }
        )
    return rows


def certificates_data(user: User) -> list[dict]:
    from certificates.api import Certificate, verification_url

    certificates = list(Certificate.objects.filter(user=user).order_by("issued_at", "pk"))
    events: dict[int, list[dict]] = {}
    for event in AuditEvent.objects.filter(certificate__user=user).order_by("at", "pk"):
        events.setdefault(event.object_id, []).append({"action": event.action, "at": iso(event.at)})
    return [
        {
            "code": c.display_code,
            "status": c.effective_status,
            "holder_name": c.holder_name,
            "country": c.snapshot_texts("country_name").get(languages.default(), ""),
            **snapshot_per_language("agency", c, "agency_name"),
            **snapshot_per_language("course", c, "course_title"),
            "completed_at": iso(c.completed_at),
            "issued_at": iso(c.issued_at),
            "expires_at": iso(c.expires_at),
            "revoked_at": iso(c.revoked_at),
            "score_percent": number(c.score_percent),
            "hours": number(c.hours),
            "verification_url": verification_url(c, c.language),
            "history": events.get(c.pk, []),
        }
        for c in certificates
    ]


def survey_answers_data(user: User) -> list[dict]:
    """The trainee's answers to course surveys and follow-up questionnaires."""
    from evaluation.api import survey_answers_of

    return survey_answers_of(user)


def access_log_data(user: User) -> list[dict]:
    """When program managers looked at this trainee's records (not which manager: their data).

    Lines about an object (a certificate's history) are given with that object.
    """
    return [
        {"action": e.action, "at": iso(e.at)}
        for e in AuditEvent.objects.filter(subject=user, object_id__isnull=True).order_by(
            "at", "pk"
        )
    ]


def user_data_export(user: User) -> dict:
    """Everything the platform holds about ``user``, for their own download (JSON-ready)."""
    user = User.objects.select_related("country", "agency").get(pk=user.pk)
    return {
        "format_version": FORMAT_VERSION,
        "generated_at": iso(timezone.now()),
        "profile": profile_data(user),
        "enrolments": enrolments_data(user),
        "quiz_attempts": attempts_data(user),
        "certificates": certificates_data(user),
        "survey_answers": survey_answers_data(user),
        "access_log": access_log_data(user),
    }
