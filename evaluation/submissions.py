"""The admin's listing of a survey's answers (Wagtail's *Forms*), with the platform's
safe export: free-text answers never run as formulas in a spreadsheet, and the CSV
(written after the view returns) stays in the admin's language."""

from wagtail.contrib.forms.views import SubmissionsListView

from core.spreadsheets import SafeSpreadsheetExportMixin


class SurveySubmissionsView(SafeSpreadsheetExportMixin, SubmissionsListView):
    pass
