"""Read side of the reports: every figure is one SQL aggregate.

Each function takes ``trainees``, the queryset returned by
``accounts.scoping.trainees_visible_to(viewer)``, so the scoping rule is applied
once, in one place, and every report, drill-down, export and transcript starts
from it. Nothing here loops over trainees in Python: groups (countries,
agencies, courses, trainees of one page) get their figures from grouped
queries (countries, agencies and trainees from one statement,
``figures.py``), so a report costs the same number of queries with 10 or
10,000 trainees. Large programmes read the country and agency figures from
a summary computed ahead of time (``summary.py``; countries visible to the
viewer only).

Definitions (shown on the report pages too):

* **period** selects trainees *registered* in it (``date_joined``) and the
  *cohort* of enrolments *started* in it (``enrolled_at``); every learning
  figure (enrolled, active, completions, scores, certificates, knowledge
  gain, days to complete) is about that cohort. Without a period: everything.
* **active** = a trainee whose account is active (not deactivated by an
  administrator) with a cohort enrolment that has activity
  (``last_activity_at``) in the last 30 days before now.
* **completion rate** = completed cohort enrolments / cohort enrolments.
* **final exam score** of an enrolment = its *best* submitted final-exam
  attempt (``scores.final_exam_score``); the average is over enrolments
  that have one.
* **knowledge gain** of an enrolment = best submitted final-exam score minus
  the *first* submitted pre-test score (the pre-test is a baseline: a retake
  after studying would hide what was learned). Only enrolments with both
  count; the gain is averaged per country and course.
* **valid certificates** = certificates of cohort enrolments that are valid
  now (not revoked, superseded or expired).
"""

from .all_trainees import TRAINEE_EXPORT_FIELDS, all_trainee_rows, per_trainee
from .cohort import (
    ACTIVE_DAYS,
    ReportFilters,
    active_since,
    cohort_enrollments,
    cohort_filter,
    registered_trainees,
    report_trainees,
)
from .courses import (
    DaysBetween,
    PercentileCont,
    attach_course_figures,
    course_groups,
    course_rows,
    knowledge_gain_rows,
    median_days_to_complete,
)
from .figures import group_figures
from .groups import (
    NO_FIGURES,
    agency_groups,
    agency_rows,
    attach_figures,
    country_groups,
    country_rows,
    trainee_groups,
)
from .months import completions_by_month, fill_months, month_span
from .scores import SCORE_FIELD, final_exam_score, first_pretest_score, with_scores
from .summary import (
    SUMMARY_MAX_AGE,
    attach_group_figures,
    summary_figures,
    summary_months,
    summary_time,
)
from .transcript import (
    transcript_attempts,
    transcript_certificates,
    transcript_enrollments,
    transcript_lessons,
)

__all__ = [
    "ACTIVE_DAYS",
    "NO_FIGURES",
    "SCORE_FIELD",
    "SUMMARY_MAX_AGE",
    "TRAINEE_EXPORT_FIELDS",
    "DaysBetween",
    "PercentileCont",
    "ReportFilters",
    "active_since",
    "agency_groups",
    "agency_rows",
    "all_trainee_rows",
    "attach_course_figures",
    "attach_figures",
    "attach_group_figures",
    "cohort_enrollments",
    "cohort_filter",
    "completions_by_month",
    "country_groups",
    "country_rows",
    "course_groups",
    "course_rows",
    "fill_months",
    "final_exam_score",
    "first_pretest_score",
    "group_figures",
    "knowledge_gain_rows",
    "median_days_to_complete",
    "month_span",
    "per_trainee",
    "registered_trainees",
    "report_trainees",
    "summary_figures",
    "summary_months",
    "summary_time",
    "trainee_groups",
    "transcript_attempts",
    "transcript_certificates",
    "transcript_enrollments",
    "transcript_lessons",
    "with_scores",
]
