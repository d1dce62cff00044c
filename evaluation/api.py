"""The door to evaluation: reaction and follow-up figures, a trainee's answers.

Other apps import from here, never from this app's other modules
(tests/test_app_layers.py checks it). The definitions of the figures
(denominators included) are in ``queries``' docstring and the README.
"""

from .models import FollowUp, FollowUpPage, ReactionSurveyPage, SurveyResponse
from .queries import (
    figures_by_course_and_country,
    follow_up_figures,
    reaction_figures,
    survey_answers_of,
)
from .services import follow_up_schedule, follow_ups_send_due, survey_response_save


def survey_question_model(page_model):
    """The question model of a survey page model (for loaders such as the demo's)."""
    return page_model.form_fields.rel.related_model


__all__ = [
    "FollowUp",
    "FollowUpPage",
    "ReactionSurveyPage",
    "SurveyResponse",
    "figures_by_course_and_country",
    "follow_up_figures",
    "follow_up_schedule",
    "follow_ups_send_due",
    "reaction_figures",
    "survey_answers_of",
    "survey_question_model",
    "survey_response_save",
]
