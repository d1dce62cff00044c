from django.urls import include, path, reverse
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .models import REPORTS_PERMISSION


@hooks.register("register_admin_urls")
def register_program_report_urls():
    return [path("reports/program/", include(urls, namespace="program_reports"))]


class ProgramReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORTS_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_country_report_menu_item():
    return ProgramReportMenuItem(
        pgettext_lazy("report title", "Progress by country"),
        reverse("program_reports:countries"),
        icon_name="site",
        order=100,
    )


@hooks.register("register_reports_menu_item")
def register_course_report_menu_item():
    return ProgramReportMenuItem(
        pgettext_lazy("report title", "Progress by course"),
        reverse("program_reports:courses"),
        icon_name="table",
        order=110,
    )


@hooks.register("register_reports_menu_item")
def register_knowledge_gain_menu_item():
    return ProgramReportMenuItem(
        pgettext_lazy("report title", "Knowledge gain"),
        reverse("program_reports:knowledge_gain"),
        icon_name="pick",
        order=120,
    )


@hooks.register("register_reports_menu_item")
def register_indicators_menu_item():
    return ProgramReportMenuItem(
        pgettext_lazy("report title", "Indicators"),
        reverse("program_reports:indicators"),
        icon_name="doc-full",
        order=130,
    )


@hooks.register("register_reports_menu_item")
def register_duplicates_menu_item():
    return ProgramReportMenuItem(
        pgettext_lazy("report title", "Likely duplicates"),
        reverse("program_reports:duplicates"),
        icon_name="group",
        order=140,
    )


@hooks.register("register_reports_menu_item")
def register_evaluation_menu_item():
    return ProgramReportMenuItem(
        pgettext_lazy("report title", "Training evaluation"),
        reverse("program_reports:evaluation"),
        icon_name="form",
        order=125,
    )
