"""The funder's indicators: people trained (disaggregated), enrolments, completions, learning.

Everything is counted over a period of the US federal fiscal year (1 October to
30 September, named by the calendar year it ends in: FY2026 began on 1 October
2025) or one of its quarters, in the programme's time zone (``TIME_ZONE``), and
over the trainees the viewer may see (the reports' one scoping rule).

- **People trained**: trainees who completed at least one course in the period.
  A person is counted once however many courses they completed; "completions"
  counts courses completed and "enrolments" courses started: the tables never
  mix them.
- By country, by agency and by topic, each split by the sex on the trainee's
  profile (female, male, not stated: an empty answer or "prefers not to say").
  Country and agency are those of the profile today. A person trained in
  courses of two topics counts once in each topic, so topic rows may add up to
  more than the people trained.

A constant number of queries whatever the number of trainees, courses or topics.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import (
    Avg,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from accounts.api import Agency, PartnerCountry, User
from courses.api import Topic
from evaluation.api import follow_up_figures, reaction_figures
from learning.api import Enrollment

from ..languages import in_current_language, localized_values
from .scores import with_scores

#: The columns of every "people" table: the sex on the profile, then the total.
SEXES = ("female", "male", "not_stated")
#: What a profile's ``sex`` holds for the first two columns; anything else is "not stated".
STATED = {"female": "female", "male": "male"}
#: First month of each quarter of a fiscal year, and whether it falls in the year before.
QUARTER_STARTS = {1: (10, -1), 2: (1, 0), 3: (4, 0), 4: (7, 0)}


@dataclass(frozen=True)
class Period:
    """A fiscal year (``quarter`` None) or one of its quarters (1 to 4)."""

    fiscal_year: int
    quarter: int | None = None

    @property
    def first_day(self) -> datetime.date:
        month, shift = QUARTER_STARTS[self.quarter or 1]
        return datetime.date(self.fiscal_year + shift, month, 1)

    @property
    def last_day(self) -> datetime.date:
        """The period's last day (inclusive)."""
        if self.quarter is None or self.quarter == 4:
            return datetime.date(self.fiscal_year, 9, 30)
        month, shift = QUARTER_STARTS[self.quarter + 1]
        return datetime.date(self.fiscal_year + shift, month, 1) - datetime.timedelta(days=1)

    @property
    def start(self) -> datetime.datetime:
        return _midnight(self.first_day)

    @property
    def end(self) -> datetime.datetime:
        """The first moment after the period (exclusive bound)."""
        return _midnight(self.last_day + datetime.timedelta(days=1))

    @property
    def code(self) -> str:
        """``FY2026`` or ``FY2026-Q1``: for file names and headings."""
        return f"FY{self.fiscal_year}" + (f"-Q{self.quarter}" if self.quarter else "")


def _midnight(day: datetime.date) -> datetime.datetime:
    zone = timezone.get_default_timezone() if settings.USE_TZ else None
    moment = datetime.datetime.combine(day, datetime.time.min)
    return moment.replace(tzinfo=zone) if zone is not None else moment


def fiscal_year_of(day: datetime.date) -> int:
    return day.year + 1 if day.month >= 10 else day.year


def _in(period: Period, field: str) -> Q:
    return Q(**{f"{field}__gte": period.start, f"{field}__lt": period.end})


def completed_in(trainees: QuerySet, period: Period) -> QuerySet:
    """Enrolments of ``trainees`` completed in the period."""
    return Enrollment.objects.filter(_in(period, "completed_at"), user__in=trainees)


def people_trained(trainees: QuerySet, period: Period) -> QuerySet:
    """The trainees who completed at least one course in the period (each once)."""
    completed = Enrollment.objects.filter(_in(period, "completed_at"), user=OuterRef("pk"))
    return trainees.filter(Exists(completed))


def _by_sex(path: str = "", distinct: str = "") -> dict:
    """Counts of people per sex column (``path`` leads from the rows to the user)."""
    field = f"{path}sex"
    counted = distinct or "pk"
    options = {"distinct": True} if distinct else {}
    stated = {
        column: Count(counted, filter=Q(**{field: value}), **options)
        for column, value in STATED.items()
    }
    return {
        **stated,
        "not_stated": Count(
            counted, filter=~Q(**{f"{field}__in": list(STATED.values())}), **options
        ),
        "people": Count(counted, **options),
    }


def _named(rows: list[dict], key: str, names: dict) -> list[dict]:
    """Each row's name in the language shown (``name``) and in every language (``names``)."""
    for row in rows:
        row["names"] = names.get(row[key], {})
        row["name"] = in_current_language(row["names"]) if row["names"] else ""
    return sorted(rows, key=lambda row: (row[key] is None, str(row["name"]).casefold()))


def _names(model, ids, field: str = "name") -> dict:
    """``{pk: {language: name}}`` of the ``model`` rows with these ids (one query)."""
    found = model.objects.filter(pk__in=[pk for pk in ids if pk is not None])
    return {item.pk: localized_values(item, field) for item in found}


def names_in_current_language(tables: dict) -> None:
    """Names every row of ``tables`` (``indicators()``) again in the language now active."""
    for key in ("by_country", "by_agency", "by_topic"):
        for row in tables[key]:
            row["name"] = in_current_language(row["names"]) if row["names"] else ""
            if "country_names" in row:
                row["country"] = (
                    in_current_language(row["country_names"]) if row["country_names"] else ""
                )


def total_row(rows: list[dict]) -> dict:
    return {column: sum(row[column] for row in rows) for column in (*SEXES, "people")}


def people_by_country(trainees: QuerySet, period: Period) -> list[dict]:
    """People trained per country of their profile, by sex (two queries)."""
    rows = list(
        people_trained(trainees, period)
        .order_by()
        .values("country_id", code=F("country__code"))
        .annotate(**_by_sex())
    )
    return _named(rows, "country_id", _names(PartnerCountry, [r["country_id"] for r in rows]))


def people_by_agency(trainees: QuerySet, period: Period) -> list[dict]:
    """People trained per agency of their profile, by sex (three queries)."""
    rows = list(
        people_trained(trainees, period)
        .order_by()
        .values("agency_id", "agency__country_id")
        .annotate(**_by_sex())
    )
    agencies = _names(Agency, [r["agency_id"] for r in rows])
    countries = _names(PartnerCountry, [r["agency__country_id"] for r in rows])
    for row in rows:
        row["country_names"] = countries.get(row["agency__country_id"], {})
        row["country"] = in_current_language(row["country_names"]) if row["country_names"] else ""
    return _named(rows, "agency_id", agencies)


def people_by_topic(trainees: QuerySet, period: Period) -> list[dict]:
    """People trained per topic of the courses they completed, by sex (two queries)."""
    rows = list(
        completed_in(trainees, period)
        .order_by()
        .values("course__topics")
        .annotate(**_by_sex("user__", distinct="user"))
    )
    for row in rows:
        row["topic_id"] = row.pop("course__topics")
    topics = Topic.objects.filter(pk__in=[r["topic_id"] for r in rows if r["topic_id"]])
    names = {topic.pk: localized_values(topic, "name") for topic in topics}
    codes = {topic.pk: topic.code for topic in topics}
    for row in rows:
        row["code"] = codes.get(row["topic_id"], "")
    return _named(rows, "topic_id", names)


def learning_figures(trainees: QuerySet, period: Period) -> dict:
    """Enrolments, completions, completion rate, knowledge gain (three queries)."""
    started = Enrollment.objects.filter(_in(period, "enrolled_at"), user__in=trainees)
    begun = started.aggregate(
        enrolments=Count("pk"), completed=Count("pk", filter=Q(completed_at__lt=period.end))
    )
    completions = completed_in(trainees, period)
    done = completions.aggregate(completions=Count("pk"), people=Count("user", distinct=True))
    normalised = ExpressionWrapper(
        (F("final_score") - F("pretest_score")) * Value(1.0) / (Value(100) - F("pretest_score")),
        output_field=FloatField(),
    )
    gains = with_scores(completions).aggregate(
        measured=Count("pk", filter=Q(gain__isnull=False)),
        mean_gain=Avg(ExpressionWrapper(F("gain") * Value(1.0), output_field=FloatField())),
        normalised_measured=Count("pk", filter=Q(gain__isnull=False, pretest_score__lt=100)),
        mean_normalised_gain=Avg(
            Case(
                When(Q(gain__isnull=False, pretest_score__lt=100), then=normalised),
                output_field=FloatField(),
            )
        ),
    )
    rate = begun["completed"] / begun["enrolments"] if begun["enrolments"] else None
    percent = round(rate * 100, 1) if rate is not None else None
    gains["gain"] = gains.pop("mean_gain")
    gains["normalised_gain"] = gains.pop("mean_normalised_gain")
    return {**begun, **done, **gains, "completion_rate": rate, "completion_percent": percent}


def evaluation_figures(trainees: QuerySet, period: Period) -> dict:
    """Reaction (level 1) and on-the-job use (level 3) for the period (two queries).

    ``reaction``: the reaction surveys answered in the period, and their mean
    score (1 to 5) over those with a rating. ``follow_up``: the follow-up
    questionnaires sent in the period, how many were answered (at any time
    since), the response rate (answered / sent) and the share of the answers
    reporting use of the training on the job (yes or partly / answered).
    """
    enrollments = Enrollment.objects.filter(user__in=trainees)
    return {
        "reaction": reaction_figures(enrollments, start=period.start, end=period.end),
        "follow_up": follow_up_figures(enrollments, start=period.start, end=period.end),
    }


def indicators(trainees: QuerySet, period: Period) -> dict:
    """Every table of the indicators report."""
    countries = people_by_country(trainees, period)
    return {
        **evaluation_figures(trainees, period),
        "period": period,
        "by_country": countries,
        "total": total_row(countries),
        "by_agency": people_by_agency(trainees, period),
        "by_topic": people_by_topic(trainees, period),
        "learning": learning_figures(trainees, period),
    }


__all__ = ["Period", "User", "fiscal_year_of", "indicators", "names_in_current_language"]
