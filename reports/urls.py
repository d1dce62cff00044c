from django.urls import path

from . import exports, pdf, views
from .views.duplicates import DuplicatesView, MergeView
from .views.evaluation import EvaluationReportView
from .views.indicators import IndicatorsView

app_name = "program_reports"


def listing(name: str, route: str, view_class):
    """The page and its results-only fragment (Wagtail refreshes it on filtering)."""
    return [
        path(route, view_class.as_view(), name=name),
        path(f"{route}results/", view_class.as_view(results_only=True), name=f"{name}_results"),
    ]


urlpatterns = [
    *listing("countries", "countries/", views.CountryReportView),
    *listing("agencies", "countries/<str:code>/", views.AgencyReportView),
    path(
        "countries/<str:code>/summary.pdf",
        pdf.CountrySummaryPdfView.as_view(),
        name="country_pdf",
    ),
    path(
        "all-trainees.csv",
        exports.AllTraineesExportView.as_view(export_format="csv"),
        name="all_trainees_csv",
    ),
    path(
        "all-trainees.xlsx",
        exports.AllTraineesExportView.as_view(export_format="xlsx"),
        name="all_trainees_xlsx",
    ),
    *listing("trainees", "agencies/<int:pk>/", views.TraineeListReportView),
    *listing("transcript", "trainees/<int:pk>/", views.TranscriptView),
    path(
        "trainees/<int:pk>/print/",
        views.TranscriptView.as_view(printable=True),
        name="transcript_print",
    ),
    *listing("courses", "courses/", views.CourseReportView),
    *listing("knowledge_gain", "knowledge-gain/", views.KnowledgeGainReportView),
    path("indicators/", IndicatorsView.as_view(), name="indicators"),
    *listing("evaluation", "evaluation/", EvaluationReportView),
    path("duplicates/", DuplicatesView.as_view(), name="duplicates"),
    path(
        "duplicates/merge/<int:first>/<int:second>/",
        MergeView.as_view(),
        name="merge",
    ),
]
