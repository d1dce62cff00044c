"""Read side of evaluation: the figures reports add up, and what a trainee is offered.

Definitions (the README repeats them; the report pages show them):

* **Reaction score**: each reaction-survey answer has a *mean rating*, the
  mean of its rating questions (1 to 5) that were answered; the reaction
  score of a set of enrolments is the mean of those means, over the answers
  that have one (each answer weighs the same, however many rating questions
  it answered). Its denominator is ``rated``, not ``responses``.
* **Follow-up response rate**: follow-ups *answered* / follow-ups *sent* (the
  e-mail went out; scheduled follow-ups not yet due are not counted). With a
  period, the follow-ups sent in it, answered at any time since.
* **Share reporting on-the-job use**: of the follow-ups answered, those whose
  answer to "Since the course, have you used what you learned in your work?"
  is "yes" or "partly"; ``used_yes``, ``used_partly`` and ``used_no`` give the
  split, which adds up to ``responded``.

Rates are percentages (0 to 100, one decimal), None when the denominator is
zero. Every function costs a constant number of queries.
"""

import datetime

from django.core import signing
from django.db.models import Avg, Count, Exists, F, FloatField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast
from modeltranslation.utils import build_localized_fieldname

from core import languages

from .models import (
    FollowUp,
    FollowUpPage,
    FollowUpQuestion,
    ReactionQuestion,
    ReactionSurveyPage,
    SurveyResponse,
)


def percent(part: int, whole: int) -> float | None:
    """``part`` as a percentage of ``whole``, one decimal; None when ``whole`` is 0."""
    if not whole:
        return None
    return round(100 * part / whole, 1)


def _period(field: str, start, end) -> Q:
    q = Q()
    if start is not None:
        q &= Q(**{f"{field}__gte": start})
    if end is not None:
        q &= Q(**{f"{field}__lt": end})
    return q


def _rounded(value, places: int = 2) -> float | None:
    return round(float(value), places) if value is not None else None


REACTION_AGGREGATES = {
    "responses": Count("pk"),
    "rated": Count("pk", filter=Q(mean_rating__isnull=False)),
    "mean_score": Avg(Cast("mean_rating", FloatField())),
}


def reaction_figures(
    enrollments: QuerySet,
    *,
    start: datetime.datetime | None = None,
    end: datetime.datetime | None = None,
) -> dict:
    """Reaction surveys answered by ``enrollments`` (one query).

    ``{"responses": answers, "rated": answers with a mean rating,
    "mean_score": mean of their mean ratings (1 to 5, two decimals) or None}``.
    With ``start``/``end`` (``end`` exclusive), the answers submitted in that period.
    """
    figures = SurveyResponse.objects.filter(
        _period("submit_time", start, end),
        kind=SurveyResponse.Kind.REACTION,
        enrollment__in=enrollments,
    ).aggregate(**REACTION_AGGREGATES)
    figures["mean_score"] = _rounded(figures["mean_score"])
    return figures


def _follow_up_aggregates(prefix: str = "") -> dict:
    answered = f"{prefix}response__isnull"
    used = f"{prefix}response__used_on_job"
    return {
        "sent": Count(f"{prefix}pk"),
        "reminded": Count(f"{prefix}pk", filter=Q(**{f"{prefix}reminded_at__isnull": False})),
        "responded": Count(f"{prefix}pk", filter=Q(**{answered: False})),
        "used_yes": Count(f"{prefix}pk", filter=Q(**{used: SurveyResponse.UsedOnJob.YES})),
        "used_partly": Count(f"{prefix}pk", filter=Q(**{used: SurveyResponse.UsedOnJob.PARTLY})),
        "used_no": Count(f"{prefix}pk", filter=Q(**{used: SurveyResponse.UsedOnJob.NO})),
    }


def _with_rates(figures: dict) -> dict:
    figures["response_rate"] = percent(figures["responded"], figures["sent"])
    figures["used_on_job"] = figures["used_yes"] + figures["used_partly"]
    figures["used_on_job_share"] = percent(figures["used_on_job"], figures["responded"])
    return figures


def follow_up_figures(
    enrollments: QuerySet,
    *,
    start: datetime.datetime | None = None,
    end: datetime.datetime | None = None,
) -> dict:
    """Follow-ups of ``enrollments`` that were sent, and their answers (one query).

    ``{"sent", "reminded", "responded", "used_yes", "used_partly", "used_no",
    "used_on_job" (yes + partly), "response_rate" (responded / sent, %),
    "used_on_job_share" (used_on_job / responded, %)}``. With ``start``/``end``
    (``end`` exclusive), the follow-ups *sent* in that period, answered at any time.
    """
    figures = FollowUp.objects.filter(
        _period("sent_at", start, end), sent_at__isnull=False, enrollment__in=enrollments
    ).aggregate(**_follow_up_aggregates())
    return _with_rates(figures)


def figures_by_course_and_country(enrollments: QuerySet) -> list[dict]:
    """Per course and trainee's country: completions, reaction and follow-up figures.

    Three grouped queries whatever the number of enrolments. Each row:
    ``course_id``, ``course__title_<code>``, ``course__path``, ``country_code``,
    ``country_name_<code>`` (per language), ``completions``, ``responses``,
    ``rated``, ``mean_score``, and the keys of ``follow_up_figures``. Rows with
    no completion and no answer are left out.
    """
    titles = languages.localized("course__title")
    names = languages.localized("user__country__name")
    completed = (
        enrollments.filter(completed_at__isnull=False)
        .values("course_id", "course__path", *titles, "user__country__code", *names)
        .annotate(completions=Count("pk"))
    )
    reactions = (
        SurveyResponse.objects.filter(
            kind=SurveyResponse.Kind.REACTION, enrollment__in=enrollments.values("pk")
        )
        .values(course_id=F("enrollment__course_id"), country=F("enrollment__user__country__code"))
        .annotate(**REACTION_AGGREGATES)
    )
    follow_ups = (
        FollowUp.objects.filter(sent_at__isnull=False, enrollment__in=enrollments.values("pk"))
        .values(course_id=F("enrollment__course_id"), country=F("enrollment__user__country__code"))
        .annotate(**_follow_up_aggregates())
    )
    rows = {}
    for group in completed:
        row = {
            "course_id": group["course_id"],
            "course__path": group["course__path"],
            "country_code": group["user__country__code"],
            "completions": group["completions"],
        }
        for code in languages.codes():
            title = build_localized_fieldname("course__title", code)
            row[title] = group[title]
            row[build_localized_fieldname("country_name", code)] = group[
                build_localized_fieldname("user__country__name", code)
            ]
        rows[(group["course_id"], group["user__country__code"])] = row
    empty_reaction = {"responses": 0, "rated": 0, "mean_score": None}
    empty_follow_up = {key: 0 for key in _follow_up_aggregates()}
    for row in rows.values():
        row.update(empty_reaction, **empty_follow_up)
    # Answers of enrolments completed and then merged or re-opened still count
    # under their course and country; a group seen only here has no titles.
    for group in reactions:
        row = rows.get((group["course_id"], group["country"]))
        if row is not None:
            row.update(
                responses=group["responses"],
                rated=group["rated"],
                mean_score=_rounded(group["mean_score"]),
            )
    for group in follow_ups:
        row = rows.get((group["course_id"], group["country"]))
        if row is not None:
            row.update({key: group[key] for key in empty_follow_up})
    for row in rows.values():
        _with_rates(row)
    return sorted(rows.values(), key=lambda r: (r["course__path"], r["country_code"] or ""))


# --- what a trainee is offered


def _survey_of_course(model, course_ref: str = "course"):
    """The live survey page of ``model`` under the enrolment's course (a subquery)."""
    return Subquery(
        model.objects.live()
        .filter(
            path__startswith=OuterRef(f"{course_ref}__path"),
            depth=OuterRef(f"{course_ref}__depth") + 1,
        )
        .order_by("path")
        .values("pk")[:1]
    )


def reaction_surveys_open_to(user, enrollments: QuerySet) -> list[tuple]:
    """``(enrolment, survey page)`` of each completed enrolment among ``enrollments`` of
    ``user`` whose course has a live reaction survey this enrolment has not answered.

    Two queries. Anonymous users and staff are offered none.
    """
    if not user.is_authenticated:
        return []
    pending = list(
        enrollments.filter(user=user, completed_at__isnull=False)
        .annotate(survey_id=_survey_of_course(ReactionSurveyPage))
        .filter(survey_id__isnull=False)
        .exclude(
            Exists(
                SurveyResponse.objects.filter(
                    enrollment=OuterRef("pk"), kind=SurveyResponse.Kind.REACTION
                )
            )
        )
        .select_related("course")
        .order_by("-completed_at")
    )
    if not pending:
        return []
    pages = ReactionSurveyPage.objects.in_bulk([e.survey_id for e in pending])
    return [(e, pages[e.survey_id]) for e in pending if e.survey_id in pages]


def reaction_response_of(enrollment) -> SurveyResponse | None:
    return SurveyResponse.objects.filter(
        enrollment=enrollment, kind=SurveyResponse.Kind.REACTION
    ).first()


#: Signs follow-up links apart from every other signed value of the site.
LINK_SALT = "evaluation.follow-up-link"


def follow_up_link(follow_up: FollowUp) -> str:
    """The part of a follow-up's address that opens it: its token, signed with the site's key.

    The token alone (as stored) opens nothing: a copy of the database without
    the secret key cannot make a link. Signed with ``SECRET_KEY`` and checked
    against ``SECRET_KEY_FALLBACKS`` too, so a key rotation keeps sent links.
    """
    return signing.Signer(salt=LINK_SALT).sign(follow_up.token)


def follow_up_by_link(link: str) -> FollowUp | None:
    """The follow-up of a signed link, with its enrolment, trainee, course and page.

    None for a link whose signature does not hold (no query then), else one query.
    """
    if not link or len(link) > 160:
        return None
    try:
        token = signing.Signer(salt=LINK_SALT).unsign(link)
    except signing.BadSignature:
        return None
    return (
        FollowUp.objects.select_related("enrollment__user", "enrollment__course", "page")
        .filter(token=token)
        .first()
    )


def follow_up_page_of(course) -> FollowUpPage | None:
    return FollowUpPage.objects.live().child_of(course).order_by("path").first()


def survey_answers_of(user) -> list[dict]:
    """The trainee's own survey answers, for "download my data" (three queries).

    Each answer: its kind, the course and question texts in every language,
    when and in which language it was given, and the values as stored.
    """
    responses = list(
        SurveyResponse.objects.filter(enrollment__user=user)
        .select_related("enrollment__course")
        .order_by("submit_time", "pk")
    )
    page_ids = {r.page_id for r in responses}
    questions: dict[tuple[int, str], object] = {}
    for model in (ReactionQuestion, FollowUpQuestion):
        for question in model.objects.filter(page_id__in=page_ids):
            questions[(question.page_id, question.clean_name)] = question
    rows = []
    for response in responses:
        course = response.enrollment.course
        answers = []
        for name, value in response.form_data.items():
            question = questions.get((response.page_id, name))
            answers.append(
                {
                    "name": name,
                    **{
                        build_localized_fieldname("question", code): label
                        for code, label in languages.values(question, "label").items()
                    },
                    "answer": value,
                }
            )
        rows.append(
            {
                "kind": response.kind,
                **{
                    build_localized_fieldname("course", code): title
                    for code, title in languages.values(course, "title").items()
                },
                "submitted_at": response.submit_time.isoformat(),
                "language": response.language,
                "mean_rating": _rounded(response.mean_rating),
                "used_on_job": response.used_on_job or None,
                "answers": answers,
            }
        )
    return rows
