"""How report figures are shown and exported: headings, rounding, cells.

Views, the PDF summary and the all-trainees export share these, so a figure
reads the same on the screen, in the PDF and in a spreadsheet.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import pgettext_lazy

HEADINGS = {
    "country": pgettext_lazy("report heading", "Country"),
    "code": pgettext_lazy("report heading", "Code"),
    "country_en": pgettext_lazy("report heading", "Country (English)"),
    "country_es": pgettext_lazy("report heading", "Country (Spanish)"),
    "agency": pgettext_lazy("report heading", "Agency"),
    "agency_en": pgettext_lazy("report heading", "Agency (English)"),
    "agency_es": pgettext_lazy("report heading", "Agency (Spanish)"),
    "trainee": pgettext_lazy("report heading", "Trainee"),
    "email": pgettext_lazy("report heading", "E-mail"),
    "language": pgettext_lazy("report heading", "Language"),
    "course": pgettext_lazy("report heading", "Course"),
    "course_en": pgettext_lazy("report heading", "Course (English)"),
    "course_es": pgettext_lazy("report heading", "Course (Spanish)"),
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


@dataclass
class GainRow:
    course_id: int
    course_title: str
    title_en: str
    title_es: str
    country_code: str
    country_name: str
    country_name_en: str
    country_name_es: str
    trainees: int
    pretest: float | None
    final: float | None
    gain: float | None
    cells: list | None = None
    course_title_en: str = ""
    course_title_es: str = ""


def gain_row(values: dict) -> GainRow:
    from django.utils.translation import get_language

    spanish = (get_language() or "en").startswith("es")
    title_en, title_es = values["course__title_en"], values["course__title_es"] or ""
    name_en, name_es = values["user__country__name_en"], values["user__country__name_es"] or ""
    return GainRow(
        course_id=values["course_id"],
        course_title=(title_es or title_en) if spanish else title_en,
        title_en=title_en,
        title_es=title_es,
        country_code=values["user__country__code"],
        country_name=(name_es or name_en) if spanish else name_en,
        country_name_en=name_en,
        country_name_es=name_es,
        trainees=values["trainees"],
        pretest=rounded(values["pretest"]),
        final=rounded(values["final"]),
        gain=rounded(values["gain"]),
    )
