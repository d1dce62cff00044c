"""Admin listing of every page with fields still empty in Spanish."""

import datetime

from django.apps import apps
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from core.spreadsheets import SafeSpreadsheetExportMixin

from .translation_status import (
    TECHNICAL_FIELDS,
    missing_translation_labels,
    translated_field_names,
)

TARGET_LANGUAGE = "es"


def empty_q(name: str, language: str, field) -> Q:
    column = f"{name}_{language}"
    q = Q(**{f"{column}__isnull": True})
    if hasattr(field, "stream_block"):
        # StreamFields are stored as JSON: empty is an empty list.
        q |= Q(**{column: []})
    elif field.get_internal_type() in {"CharField", "TextField", "SlugField"}:
        q |= Q(**{column: ""})
    return q


def filled_q(name: str, language: str, field) -> Q:
    return ~empty_q(name, language, field)


def pages_missing_translation(language: str = TARGET_LANGUAGE) -> list[int]:
    """Ids of pages with a content field filled in English but empty in ``language``.

    One query per page type, whatever the number of pages.
    """
    ids: list[int] = []
    for model in apps.get_models():
        if not issubclass(model, Page) or model is Page:
            continue
        names = [n for n in translated_field_names(model) if n not in TECHNICAL_FIELDS]
        condition = Q()
        for name in names:
            field = model._meta.get_field(f"{name}_en")
            condition |= empty_q(name, language, field) & filled_q(name, "en", field)
        if not names:
            continue
        ids.extend(model.objects.filter(condition).values_list("pk", flat=True))
    return ids


class MissingTranslationReportView(SafeSpreadsheetExportMixin, PageReportView):
    page_title = _("Pages missing Spanish")
    header_icon = "site"
    index_url_name = "missing_translations"
    index_results_url_name = "missing_translations_results"
    results_template_name = "courses/admin/missing_translations_results.html"
    list_export = PageReportView.list_export + ["missing_spanish"]
    export_headings = dict(PageReportView.export_headings, missing_spanish=_("Missing in Spanish"))

    def user_has_permission(self, permission):
        user = self.request.user
        return user.is_superuser or user.has_perm("wagtailadmin.access_admin")

    def get_filename(self):
        return f"missing-spanish-{datetime.date.today().isoformat()}"

    def get_queryset(self):
        self.queryset = Page.objects.filter(pk__in=pages_missing_translation()).order_by("path")
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list.specific() if hasattr(object_list, "specific") else object_list)
        for page in pages:
            page = page.specific if not hasattr(page, "untranslated_labels") else page
            labels = missing_translation_labels(page, TARGET_LANGUAGE, include_technical=False)
            page.missing_spanish = ", ".join(labels)
        return pages
