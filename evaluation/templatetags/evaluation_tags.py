"""The reaction survey offered on other apps' pages (the course page, My learning).

Template tags rather than imports: those pages (``courses``, ``learning``) sit
below evaluation in the app layers. Answering bumps the trainee's state
(``services.survey_response_save``), so a stored page stops offering it at once.
"""

from django import template

from learning.api import Enrollment

from .. import queries

register = template.Library()


@register.inclusion_tag("evaluation/includes/my_surveys.html", takes_context=True)
def my_surveys(context, rows=None):
    """Completed courses whose reaction survey the trainee has not answered.

    Given My learning's ``rows``, only their completed enrolments are looked
    at: no query before the first completion, two after.
    """
    request = context["request"]
    enrollments = Enrollment.objects.all()
    if rows is not None:
        done = [row["enrollment"].pk for row in rows if row["enrollment"].completed_at]
        if not done:
            return {"surveys": [], "request": request}
        enrollments = enrollments.filter(pk__in=done)
    offered = queries.reaction_surveys_open_to(request.user, enrollments)
    return {
        "surveys": [
            {"course": enrollment.course, "url": page.get_url(request)}
            for enrollment, page in offered
        ],
        "request": request,
    }


@register.inclusion_tag("evaluation/includes/course_survey.html", takes_context=True)
def course_survey(context, course, enrollment):
    """On a course page: the link to its reaction survey, for a completed enrolment that
    has not answered it (one query, none before completion)."""
    request = context["request"]
    survey = None
    if enrollment is not None and enrollment.completed_at is not None:
        offered = queries.reaction_surveys_open_to(
            request.user, Enrollment.objects.filter(pk=enrollment.pk)
        )
        survey = offered[0][1] if offered else None
    return {"survey": survey, "request": request}


@register.filter
def is_choice_group(bound_field) -> bool:
    """Radio buttons or checkboxes: shown as a group with a legend."""
    widget = bound_field.field.widget
    return getattr(widget, "input_type", "") in ("radio", "checkbox") and hasattr(widget, "choices")
