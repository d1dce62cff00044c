"""The indicators as a bilingual PDF summary: the same figures told once in each
of the site's languages (``settings.LANGUAGES``), each part with its charts, its
tables and its definitions. Names of countries, agencies and topics are given
in the part's language (falling back like the site does)."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from core.languages import codes as language_codes
from core.pdf import render_pdf

from . import charts
from .queries.indicators import names_in_current_language

#: Rows shown in a chart (the table beside it holds every row).
CHART_ROWS = 15


def _sexes() -> list[str]:
    return [_("Female"), _("Male"), _("Not stated")]


def _people(row: dict) -> list[int]:
    return [row["female"], row["male"], row["not_stated"]]


def part(context: dict, definitions) -> dict:
    """One language's part: its charts and its definitions (the language now active)."""
    names_in_current_language(context)
    countries = [(row["name"] or _("No country"), _people(row)) for row in context["by_country"]]
    topics = [(row["name"] or _("No topic"), row["people"]) for row in context["by_topic"]]
    return {
        "lang": translation.get_language(),
        "definitions": definitions(),
        "by_country": [dict(row) for row in context["by_country"]],
        "by_agency": [dict(row) for row in context["by_agency"]],
        "by_topic": [dict(row) for row in context["by_topic"]],
        "country_chart": charts.stacked_bar_chart(
            _("People trained by country and sex"),
            _("People who completed at least one course in the period, per country, by sex."),
            _sexes(),
            countries[:CHART_ROWS],
        ),
        "topic_chart": charts.bar_chart(
            _("People trained by topic"),
            _("People who completed a course of each topic in the period."),
            topics[:CHART_ROWS],
        ),
    }


def indicators_pdf(context: dict, definitions) -> bytes:
    """The PDF of ``context`` (the report's tables), a part per language.

    ``definitions`` is called once per language for the definitions' text.
    """
    parts = []
    for code in language_codes():
        with translation.override(code):
            parts.append(
                render_to_string(
                    "reports/indicators_pdf_part.html", {**context, **part(context, definitions)}
                )
            )
    names_in_current_language(context)
    html = render_to_string("reports/indicators_pdf.html", {**context, "parts": parts})
    return render_pdf(html)
