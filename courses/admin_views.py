"""Admin listings of every page with fields still empty in a language.

One report per language of ``settings.LANGUAGES`` but the default one:
"Missing Spanish" at ``reports/missing-spanish/``, "Missing Portuguese" at
``reports/missing-portuguese/``, ... The first of them keeps the URL names
``missing_translations`` and ``missing_translations_results``; the others add
their code (``missing_translations_pt``).
"""

import datetime

from django.apps import apps
from django.db.models import Q, prefetch_related_objects
from django.utils.functional import lazy
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from core import languages as site_languages
from core.spreadsheets import SafeSpreadsheetExportMixin
from core.translation_status import (
    TECHNICAL_FIELDS,
    missing_everywhere_labels,
    translated_field_names,
)


def report_languages() -> list[str]:
    """The languages with a report: every language but the default one."""
    return site_languages.others()


def url_slug(language: str) -> str:
    """``spanish`` in ``reports/missing-spanish/``: the language's English name."""
    return get_language_info(language)["name"].lower().replace(" ", "-")


def url_name(language: str, *, results: bool = False) -> str:
    name = "missing_translations_results" if results else "missing_translations"
    others = report_languages()
    return name if others and language == others[0] else f"{name}_{language}"


def menu_label(language: str) -> str:
    return _("Missing %(language)s") % {"language": site_languages.name_in_sentence(language)}


#: The reports menu's label of a language's report, in the language of each request.
lazy_menu_label = lazy(menu_label, str)


def empty_q(name: str, language: str, field) -> Q:
    column = build_localized_fieldname(name, language)
    q = Q(**{f"{column}__isnull": True})
    if hasattr(field, "stream_block"):
        # StreamFields are stored as JSON: empty is an empty list.
        q |= Q(**{column: []})
    elif field.get_internal_type() in {"CharField", "TextField", "SlugField"}:
        q |= Q(**{column: ""})
    return q


def filled_q(name: str, language: str, field) -> Q:
    return ~empty_q(name, language, field)


def pages_missing_translation(language: str | None = None) -> list[int]:
    """Ids of pages with a content field filled in the default language but empty in ``language``.

    Pages whose parts are missing it too (``untranslated_parts_q``, such as a
    quiz's questions) are included. ``language`` is the first non-default
    language if not given. One query per page type, whatever the number of
    pages.
    """
    language = language or report_languages()[0]
    default = site_languages.default()
    ids: list[int] = []
    for model in apps.get_models():
        if not issubclass(model, Page) or model is Page:
            continue
        names = [n for n in translated_field_names(model) if n not in TECHNICAL_FIELDS]
        condition = Q()
        for name in names:
            field = model._meta.get_field(build_localized_fieldname(name, default))
            condition |= empty_q(name, language, field) & filled_q(name, default, field)
        parts_q = getattr(model, "untranslated_parts_q", None)
        if parts_q is not None:
            condition |= parts_q(language)
        elif not names:
            continue
        ids.extend(model.objects.filter(condition).values_list("pk", flat=True).distinct())
    return ids


class MissingTranslationReportView(SafeSpreadsheetExportMixin, PageReportView):
    #: The report's language (``as_view(language=...)``); the first non-default one if None.
    language = None
    header_icon = "site"
    results_template_name = "courses/admin/missing_translations_results.html"
    list_export = PageReportView.list_export + ["missing_labels"]

    @property
    def report_language(self) -> str:
        return self.language or report_languages()[0]

    @property
    def language_name(self) -> str:
        return site_languages.name_in_sentence(self.report_language)

    @property
    def page_title(self):
        return _("Pages missing %(language)s") % {"language": self.language_name}

    @property
    def index_url_name(self):
        return url_name(self.report_language)

    @property
    def index_results_url_name(self):
        return url_name(self.report_language, results=True)

    @property
    def export_headings(self):
        return dict(
            PageReportView.export_headings,
            missing_labels=_("Missing in %(language)s") % {"language": self.language_name},
        )

    def user_has_permission(self, permission):
        user = self.request.user
        return user.is_superuser or user.has_perm("wagtailadmin.access_admin")

    def get_filename(self):
        return f"missing-{url_slug(self.report_language)}-{datetime.date.today().isoformat()}"

    def get_queryset(self):
        ids = pages_missing_translation(self.report_language)
        self.queryset = Page.objects.filter(pk__in=ids).order_by("path")
        return super().get_queryset()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["language_name"] = self.language_name
        return context

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list.specific() if hasattr(object_list, "specific") else object_list)
        # Parts (a quiz's questions) are read in one batch per page type, not per page.
        by_type: dict[type, list] = {}
        for page in pages:
            by_type.setdefault(type(page), []).append(page)
        for model, same in by_type.items():
            lookups = getattr(model, "untranslated_parts_prefetch", ())
            if lookups:
                prefetch_related_objects(same, *lookups)
        for page in pages:
            page = page.specific if not hasattr(page, "untranslated_labels") else page
            labels = missing_everywhere_labels(page, self.report_language, include_technical=False)
            page.missing_labels = ", ".join(labels)
        return pages
