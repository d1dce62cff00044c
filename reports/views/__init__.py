"""Program-manager reports in the Wagtail admin, one module per report.

Views only read the viewer's scope, validate the filters and call
``reports.queries``; Wagtail's ``ReportView`` provides the listing, the
filters UI and the CSV/XLSX export of exactly the rows on the screen.
"""

from .agency import AgencyReportView
from .country import CountryReportView
from .course import CourseReportView
from .knowledge_gain import KnowledgeGainReportView
from .trainees import TraineeListReportView
from .transcript import TranscriptView

__all__ = [
    "AgencyReportView",
    "CountryReportView",
    "CourseReportView",
    "KnowledgeGainReportView",
    "TraineeListReportView",
    "TranscriptView",
]
