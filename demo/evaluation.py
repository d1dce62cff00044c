"""The demo's training evaluation: a reaction survey and a follow-up questionnaire on
the first course (from its data file), and answers from the trainees who completed it.

Answers go in through the same form and service as a trainee's; the follow-ups
of the demo are marked sent so that the report has a response rate to show.
"""

import random

from django.http import QueryDict
from django.utils import timezone, translation

from courses.api import CoursePage
from evaluation.api import (
    FollowUp,
    FollowUpPage,
    ReactionSurveyPage,
    SurveyResponse,
    follow_up_schedule,
    survey_question_model,
    survey_response_save,
)
from learning.api import Enrollment

from . import data
from .load import add_page, by_default_slug, translated_page


def survey_page(course: CoursePage, model, values: dict):
    existing = by_default_slug(model.objects.child_of(course), values)
    if existing is not None:
        return existing
    page = translated_page(model, values, ("title", "slug", "intro"))
    if "days_after_completion" in values:
        page.days_after_completion = values["days_after_completion"]
    question_model = survey_question_model(model)
    questions = []
    for number, question in enumerate(values["questions"]):
        row = question_model(
            sort_order=number,
            field_type=question["type"],
            required=question.get("required", True),
        )
        data.set_translated(row, "label", question["label"])
        data.set_translated(row, "choices", question.get("choices") or {})
        data.set_translated(row, "help_text", question.get("help_text") or {})
        questions.append(row)
    page.form_fields = questions
    return add_page(course, page)


def demo_answers(page, rng: random.Random) -> QueryDict:
    """Plausible answers to every question of ``page`` (ratings mostly 4 and 5)."""
    answers = QueryDict(mutable=True)
    for name, field in page.get_form_class()().fields.items():
        choices = [value for value, _label in getattr(field, "choices", []) if value]
        if getattr(field, "is_rating", False):
            answers[name] = rng.choice(["3", "4", "4", "5", "5"])
        elif name == "used_on_job":
            answers[name] = rng.choice(["yes", "yes", "partly", "no"])
        elif hasattr(field, "choices") and field.widget.allow_multiple_selected:
            answers.setlist(name, rng.sample(choices, 2))
        elif choices:
            answers[name] = rng.choice(choices)
    return answers


def answer(page, enrollment: Enrollment, rng: random.Random) -> None:
    language = enrollment.user.preferred_language
    with translation.override(language):
        form = page.get_form(demo_answers(page, rng), page=page, user=enrollment.user)
        if form.is_valid():
            survey_response_save(page=page, enrollment=enrollment, form=form, language=language)


def seed_demo_surveys(course: CoursePage, course_data: dict) -> None:
    """Adds the course file's reaction survey and follow-up questionnaire (idempotent)."""
    values = course_data.get("evaluation")
    if values:
        survey_page(course, ReactionSurveyPage, values["reaction"])
        survey_page(course, FollowUpPage, values["follow_up"])


def seed_demo_answers(course: CoursePage) -> int:
    """Answers from the trainees who completed ``course`` (trainee.gt, and some synthetic
    trainees); returns how many reaction answers were added (idempotent)."""
    reaction = ReactionSurveyPage.objects.child_of(course).first()
    follow_up = FollowUpPage.objects.child_of(course).first()
    if reaction is None or follow_up is None:
        return 0
    rng = random.Random(17)
    answered = set(
        SurveyResponse.objects.filter(enrollment__course=course).values_list(
            "enrollment_id", "kind"
        )
    )
    added = 0
    completed = Enrollment.objects.filter(course=course, completed_at__isnull=False).select_related(
        "user", "course"
    )
    for enrollment in completed.order_by("pk"):
        follow_up_schedule(enrollment=enrollment)  # completed before the page existed
        demo_account = enrollment.user.email.endswith("@example.org")
        if (enrollment.pk, "reaction") not in answered and (demo_account or rng.random() < 0.8):
            answer(reaction, enrollment, rng)
            added += 1
        # The follow-up of a demo completion is marked sent at once (it is not
        # 90 days old); most are answered.
        FollowUp.objects.filter(enrollment=enrollment, sent_at__isnull=True).update(
            sent_at=timezone.now()
        )
        if (enrollment.pk, "follow_up") not in answered and (demo_account or rng.random() < 0.6):
            answer(follow_up, enrollment, rng)
    return added
