"""Small fixtures for evaluation: a one-lesson course with a reaction survey and a
follow-up questionnaire (both languages), and trainees who complete it."""

import pytest
from django.utils import timezone

from courses.api import ModulePage
from evaluation.models import (
    FollowUpPage,
    FollowUpQuestion,
    ReactionQuestion,
    ReactionSurveyPage,
)
from learning.api import enrollment_create, module_complete
from tests import factories


def reaction_survey(course) -> ReactionSurveyPage:
    return factories.publish(
        course,
        ReactionSurveyPage(
            title_en="Course survey",
            title_es="Encuesta del curso",
            slug_en="survey",
            slug_es="encuesta",
            intro_en="Tell us what you thought.",
            intro_es="Díganos qué le pareció.",
            form_fields=[
                ReactionQuestion(
                    sort_order=0,
                    field_type="rating",
                    label_en="The course was relevant to my work",
                    label_es="El curso fue pertinente para mi trabajo",
                ),
                ReactionQuestion(
                    sort_order=1,
                    field_type="rating",
                    label_en="The examples were clear",
                    label_es="Los ejemplos fueron claros",
                ),
                ReactionQuestion(
                    sort_order=2,
                    field_type="radio",
                    label_en="Length of the course",
                    label_es="Duración del curso",
                    choices_en="Too short\nAbout right\nToo long",
                    choices_es="Demasiado corto\nAdecuado\nDemasiado largo",
                ),
                ReactionQuestion(
                    sort_order=3,
                    field_type="multiline",
                    required=False,
                    label_en="What would you change?",
                    label_es="¿Qué cambiaría?",
                ),
            ],
        ),
    )


def follow_up_page(course, days=90) -> FollowUpPage:
    return factories.publish(
        course,
        FollowUpPage(
            title_en="Three months on",
            title_es="Tres meses después",
            slug_en="follow-up",
            slug_es="seguimiento",
            days_after_completion=days,
            form_fields=[
                FollowUpQuestion(
                    sort_order=0,
                    field_type="rating",
                    label_en="The course helps me in my daily work",
                    label_es="El curso me ayuda en mi trabajo diario",
                ),
            ],
        ),
    )


def complete(user, course):
    """Enrols ``user`` and completes the course's lessons (it has no final exam)."""
    enrollment, _ = enrollment_create(user=user, course=course)
    for lesson in ModulePage.objects.child_of(course).live():
        module_complete(user=user, module=lesson)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    return enrollment


REACTION_ANSWERS = {
    "the_course_was_relevant_to_my_work": "4",
    "the_examples_were_clear": "5",
    "length_of_the_course": "About right",
}


@pytest.fixture
def course(db):
    page = factories.course(lessons=1)
    reaction_survey(page)
    follow_up_page(page)
    return page


@pytest.fixture
def trainee(db):
    return factories.trainee("ana@example.org", code="HN", language="es", full_name="Ana Núñez")


@pytest.fixture
def now():
    return timezone.now()
