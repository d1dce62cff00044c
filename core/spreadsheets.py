"""The export layer of every admin listing that offers CSV/XLSX downloads.

Wagtail's ``SpreadsheetExportMixin`` (behind ``ReportView``, ``IndexView``
and ``PageReportView``) writes cell values as they are. Every export view of
the platform mixes in ``SafeSpreadsheetExportMixin`` instead, so that:

- CSV text cells pass through ``spreadsheet_safe``: a name such as
  ``=HYPERLINK(...)`` arrives as text with a leading apostrophe; numbers
  (a negative knowledge gain) stay numbers;
- the CSV starts with the UTF-8 byte-order mark, so Excel shows "Núñez";
- XLSX text is stored as text, never as a formula;
- the download is private (``Cache-Control: private, no-store``).

``tests/test_exports_hostile.py`` finds every export view in the URLconf and
fails for one that does not use this mixin.
"""

import csv

from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin

from .downloads import private_response
from .exports import BOM, spreadsheet_safe, xlsx_as_text


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Put before Wagtail's view class: ``class V(SafeSpreadsheetExportMixin, ReportView)``."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return spreadsheet_safe(value)
        return value

    def stream_csv(self, queryset):
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export)
        yield BOM.encode() + writer.writerow(
            {
                field: spreadsheet_safe(self.get_heading(queryset, field))
                for field in self.list_export
            }
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format=date_format):
            yield xlsx_as_text(cell)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response

    def as_spreadsheet(self, queryset, spreadsheet_format):
        response = super().as_spreadsheet(queryset, spreadsheet_format)
        return private_response(response) if response is not None else response
