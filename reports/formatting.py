"""How report figures are shown and exported: headings, rounding, cells, languages.

Views, the PDF summary and the all-trainees export share these, so a figure
reads the same on the screen, in the PDF and in a spreadsheet.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.translation import gettext_noop, pgettext, pgettext_lazy
from modeltranslation.utils import build_localized_fieldname

from core import languages as site_languages

from .languages import in_current_language, language_codes, localized_values, set_localized

#: The last column of every report export: when its figures were computed.
AS_OF_FIELD = "figures_as_of"
AS_OF_HEADING = gettext_noop("Figures as of (UTC)")


def as_of_moment(moment: datetime.datetime | None = None) -> datetime.datetime:
    """``moment`` (now if None) in UTC to the minute, without its zone: a date-time
    cell in XLSX (spreadsheets have no time zones; the heading says UTC), written
    to the minute in CSV like every date-time (``core.exports.csv_cell``)."""
    utc = (moment or timezone.now()).astimezone(datetime.UTC)
    return utc.replace(second=0, microsecond=0, tzinfo=None)


HEADINGS = {
    "country": pgettext_lazy("report heading", "Country"),
    "code": pgettext_lazy("report heading", "Code"),
    "agency": pgettext_lazy("report heading", "Agency"),
    "trainee": pgettext_lazy("report heading", "Trainee"),
    "email": pgettext_lazy("report heading", "E-mail"),
    "language": pgettext_lazy("report heading", "Language"),
    "course": pgettext_lazy("report heading", "Course"),
    "registered": pgettext_lazy("report heading", "Registered"),
    "enrolled": pgettext_lazy("report heading", "Enrolled"),
    "active": pgettext_lazy("report heading", "Active (30 days)"),
    "enrolments": pgettext_lazy("report heading", "Enrolments"),
    "completions": pgettext_lazy("report heading", "Completions"),
    "completion_rate": pgettext_lazy("report heading", "Completion rate (%)"),
    "average_final_score": pgettext_lazy("report heading", "Average final exam (%)"),
    "valid_certificates": pgettext_lazy("report heading", "Valid certificates"),
    "last_activity": pgettext_lazy("report heading", "Last activity"),
    "median_days": pgettext_lazy("report heading", "Median days to complete"),
    "gain_trainees": pgettext_lazy("report heading", "Trainees with both tests"),
    "pretest": pgettext_lazy("report heading", "Average pre-test (%)"),
    "final": pgettext_lazy("report heading", "Average final exam (%)"),
    "knowledge_gain": pgettext_lazy("report heading", "Knowledge gain (points)"),
    "month": pgettext_lazy("report heading", "Month"),
    "enrolled_at": pgettext_lazy("report heading", "Enrolled on"),
    "completed_at": pgettext_lazy("report heading", "Completed on"),
    "lessons": pgettext_lazy("report heading", "Lessons completed"),
    "lesson_total": pgettext_lazy("report heading", "Lessons in course"),
    "pretest_score": pgettext_lazy("report heading", "Pre-test (%)"),
    "final_score": pgettext_lazy("report heading", "Best final exam (%)"),
    "gain": pgettext_lazy("report heading", "Gain (points)"),
    # Training evaluation (evaluation.api)
    "responses": pgettext_lazy("report heading", "Reaction answers"),
    "mean_score": pgettext_lazy("report heading", "Reaction score (1–5)"),
    "sent": pgettext_lazy("report heading", "Follow-ups sent"),
    "responded": pgettext_lazy("report heading", "Follow-ups answered"),
    "response_rate": pgettext_lazy("report heading", "Follow-up response rate (%)"),
    "used_on_job_share": pgettext_lazy("report heading", "Using it on the job (%)"),
}


@dataclass
class Cell:
    text: str
    url: str = ""
    numeric: bool = False


def rounded(value, places: int = 1):
    """Figures shown and exported alike: floats rounded, missing values None."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float):
        return round(value, places)
    return value


def percent(part: int, whole: int) -> float | None:
    """Pure: ``part`` as a percentage of ``whole`` (one decimal), None when empty."""
    if not whole:
        return None
    return round(100 * part / whole, 1)


def shown(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, datetime.datetime):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


# --- a column per language of settings.LANGUAGES


def _in_language(heading, code: str) -> str:
    return pgettext("report heading", "%(heading)s (%(language)s)") % {
        "heading": heading,
        "language": site_languages.name_in_sentence(code),
    }


#: "Course (English)": a heading for the column of one language (lazy, like the headings).
in_language = lazy(_in_language, str)


def localized_headings(field: str, heading) -> dict:
    """Export headings of ``field`` in each language: ``{"name_en": "Country (English)", ...}``."""
    return {
        build_localized_fieldname(field, code): in_language(heading, code)
        for code in language_codes()
    }


@dataclass
class GainRow:
    """One course and country of the knowledge-gain table.

    ``gain_row`` also sets ``title_<code>`` and ``country_name_<code>`` for
    each language (the export's columns).
    """

    course_id: int
    course_title: str
    country_code: str
    country_name: str
    trainees: int
    pretest: float | None
    final: float | None
    gain: float | None
    cells: list | None = None


def gain_row(values: dict) -> GainRow:
    """A row of ``queries.knowledge_gain_rows`` shaped for the page, the PDF and the export."""
    titles = localized_values(values, "course__title")
    names = localized_values(values, "user__country__name")
    row = GainRow(
        course_id=values["course_id"],
        course_title=in_current_language(titles),
        country_code=values["user__country__code"],
        country_name=in_current_language(names),
        trainees=values["trainees"],
        pretest=rounded(values["pretest"]),
        final=rounded(values["final"]),
        gain=rounded(values["gain"]),
    )
    set_localized(row, "title", {code: title or "" for code, title in titles.items()})
    set_localized(row, "country_name", {code: name or "" for code, name in names.items()})
    return row
