"""Writes of evaluation: answers, follow-ups scheduled on completion, their e-mails.

Each write runs in one transaction (``f = transaction.atomic(f)`` after it),
takes keyword-only arguments and may be called from views, receivers, tasks
and the ``evaluation_send_due`` command alike.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from core import content_version, languages, personal_pages
from learning.api import Enrollment

from .forms import USED_ON_JOB_FIELD, mean_rating
from .models import FollowUp, FollowUpPage, SurveyResponse
from .queries import follow_up_link

logger = logging.getLogger(__name__)

#: A follow-up not answered this long after it was sent is reminded, once.
REMINDER_AFTER = datetime.timedelta(days=14)


def site_root_url() -> str:
    """Absolute root of the site, for links in e-mails (as password-reset links)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def follow_up_url(follow_up: FollowUp, language: str) -> str:
    """The absolute link of the e-mail: no password, its signed token is the credential."""
    with translation.override(language):
        path = reverse("evaluation:follow_up", kwargs={"link": follow_up_link(follow_up)})
    return site_root_url() + path


def survey_response_save(
    *, page, enrollment: Enrollment, form, language: str
) -> tuple[SurveyResponse, bool]:
    """Stores a trainee's answers to ``page``: (the answer, True) or, when this
    enrolment has answered this kind already, (that answer, False) and nothing changes.

    One answer per enrolment and kind (a unique constraint), whatever the
    number of concurrent submits. The follow-up's built-in question goes to
    its own column; rating questions are averaged into ``mean_rating``.
    """
    data = dict(form.cleaned_data)
    used = data.pop(USED_ON_JOB_FIELD, "") if page.kind == SurveyResponse.Kind.FOLLOW_UP else ""
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                page=page,
                kind=page.kind,
                enrollment=enrollment,
                form_data=data,
                language=language,
                mean_rating=mean_rating(form),
                used_on_job=used or "",
            )
    except IntegrityError:
        existing = SurveyResponse.objects.get(enrollment=enrollment, kind=page.kind)
        return existing, False
    # The course page and My learning stop offering the survey at once.
    personal_pages.bump(enrollment.user_id)
    if page.kind == SurveyResponse.Kind.FOLLOW_UP:
        FollowUp.objects.filter(enrollment=enrollment, response__isnull=True).update(
            response=response
        )
    return response, True


survey_response_save = transaction.atomic(survey_response_save)


def follow_up_page_of(course_id: int) -> tuple[int, int] | None:
    """(page id, days after completion) of a course's live follow-up questionnaire, or None.

    Kept in the process until the next publish (``core.content_version``): a
    completion in a course without one costs no query.
    """

    def find():
        return (
            FollowUpPage.objects.live()
            .filter(
                path__startswith=Page.objects.filter(pk=course_id).values("path")[:1],
            )
            .order_by("path")
            .values_list("pk", "days_after_completion")
            .first()
        )

    return content_version.remember(("evaluation.follow_up_page", course_id), find)


def schedule_follow_up(enrollment: Enrollment) -> bool:
    """``follow_up_schedule`` without its own transaction (the completion receiver's,
    inside the completion's). One statement, none without a live questionnaire:
    an insert that a follow-up already scheduled for the enrolment (a renewal)
    turns into nothing, since a final exam's submit runs it. True if one is owed.
    """
    if enrollment.completed_at is None:
        return False
    found = follow_up_page_of(enrollment.course_id)
    if found is None:
        return False
    page_id, days = found
    due = enrollment.completed_at + datetime.timedelta(days=days)
    owed = FollowUp(enrollment=enrollment, page_id=page_id, due_at=due)
    FollowUp.objects.bulk_create([owed], ignore_conflicts=True)
    return True


def follow_up_schedule(*, enrollment: Enrollment) -> FollowUp | None:
    """The follow-up of a completed enrolment, due ``days_after_completion`` after it.

    None when the course has no live follow-up questionnaire. Completing again
    (a renewal) keeps the follow-up already scheduled, sent or answered.
    """
    if not schedule_follow_up(enrollment):
        return None
    return FollowUp.objects.get(enrollment=enrollment)


follow_up_schedule = transaction.atomic(follow_up_schedule)


def _claim(queryset, field: str, now) -> list[int]:
    """Marks each row of ``queryset`` with ``field=now`` unless another run did first.

    ``select_for_update(skip_locked)`` keeps two runs off the same rows where
    the database can (PostgreSQL); the conditional update makes each row
    claimed once everywhere, so no e-mail goes twice.
    """
    with transaction.atomic():
        candidates = list(
            queryset.select_for_update(skip_locked=True, of=("self",)).values_list("pk", flat=True)
        )
        claimed = [
            pk
            for pk in candidates
            if FollowUp.objects.filter(pk=pk, **{f"{field}__isnull": True}).update(**{field: now})
        ]
    return claimed


def follow_ups_send_due(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Sends the follow-ups that are due and the reminders owed; returns how many of each.

    A follow-up is sent once its ``due_at`` has passed; one not answered
    ``REMINDER_AFTER`` after it was sent is reminded once. Trainees whose
    account is deactivated (or has no e-mail) and questionnaires no longer
    published are skipped, and stay unsent. Safe to run as often as wanted and
    from two places at once: each row is claimed before its e-mail is queued.
    The e-mails go through the task worker (``tasks.follow_up_email_task``).
    """
    from .tasks import follow_up_email_task

    now = now or timezone.now()
    reachable = Q(enrollment__user__is_active=True, page__live=True) & ~Q(
        enrollment__user__email=""
    )
    first = FollowUp.objects.filter(reachable, sent_at__isnull=True, due_at__lte=now)
    reminders = FollowUp.objects.filter(
        reachable,
        sent_at__lte=now - REMINDER_AFTER,
        reminded_at__isnull=True,
        response__isnull=True,
    )
    sent = _claim(first.order_by("due_at", "pk"), "sent_at", now)
    reminded = _claim(reminders.order_by("sent_at", "pk"), "reminded_at", now)
    for pk in sent:
        follow_up_email_task.enqueue(pk, False)
    for pk in reminded:
        follow_up_email_task.enqueue(pk, True)
    return {"sent": len(sent), "reminded": len(reminded)}


def follow_up_email_send(*, follow_up_id: int, reminder: bool = False) -> bool:
    """E-mails the trainee the follow-up link, in their preferred language.

    Not when the questionnaire has been answered meanwhile, nor to an account
    deactivated since (a merged-away account, say).
    """
    follow_up = (
        FollowUp.objects.select_related("enrollment__user", "enrollment__course", "page")
        .filter(pk=follow_up_id)
        .first()
    )
    if follow_up is None or follow_up.response_id is not None:
        return False
    user = follow_up.enrollment.user
    if not user.is_active or not user.email:
        return False
    language = user.preferred_language if user.preferred_language in languages.codes() else None
    language = language or languages.default()
    with translation.override(language):
        course = follow_up.enrollment.course
        context = {
            "name": user.full_name or user.email,
            "course_title": course.title,
            "completed_at": follow_up.enrollment.completed_at,
            "days": follow_up.page.days_after_completion,
            "url": follow_up_url(follow_up, language),
            "reminder": reminder,
        }
        subject = render_to_string("evaluation/email/follow_up_subject.txt", context)
        body = render_to_string("evaluation/email/follow_up_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])
    return True


def evaluation_on_enrollment_merging(*, source: Enrollment, target: Enrollment) -> None:
    """Two enrolments of one person in one course become ``target``: answers follow it.

    Where both answered the same survey, ``target``'s answer is kept and the
    other goes with ``source``; the follow-up kept is the one answered, else
    the one sent first, else ``target``'s.
    """
    kinds = set(SurveyResponse.objects.filter(enrollment=target).values_list("kind", flat=True))
    SurveyResponse.objects.filter(enrollment=source).exclude(kind__in=kinds).update(
        enrollment=target
    )
    mine = FollowUp.objects.filter(enrollment=target).first()
    theirs = FollowUp.objects.filter(enrollment=source).first()
    if theirs is None:
        return
    if mine is not None:

        def rank(f):
            return (f.response_id is not None, f.sent_at is not None)

        if rank(theirs) <= rank(mine):
            return  # source's goes with source
        mine.delete()
    # Its answer, if any, moved with the answers above (target had none of that kind).
    theirs.enrollment = target
    theirs.save(update_fields=["enrollment"])


evaluation_on_enrollment_merging = transaction.atomic(evaluation_on_enrollment_merging)
