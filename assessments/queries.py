"""Read side of quiz content: a course's quizzes and the page after a quiz.

Learners' results (attempts, scores, item statistics) are read in ``learning``.
"""

from django.db.models import QuerySet

from .models import QuizPage


def course_quizzes(course) -> QuerySet[QuizPage]:
    """Live quizzes of a course in tree order."""
    return QuizPage.objects.live().child_of(course).order_by("path")


def next_in_course(quiz: QuizPage):
    """The live lesson or quiz after this quiz in its course, or None (one query)."""
    from wagtail.models import Page

    return (
        Page.objects.live()
        .sibling_of(quiz, inclusive=False)
        .filter(path__gt=quiz.path)
        .order_by("path")
        .first()
    )
