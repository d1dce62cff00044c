"""The door to quiz content: quiz pages, questions, scoring, the import formats.

Other apps import from here, never from this app's other modules
(tests/test_app_layers.py checks it).
"""

from . import review
from .admin_views import QuizPermissionMixin
from .formats import ParsedQuestion, ParseResult
from .gift import parse_gift
from .gift_pairs import merge_gift_pair
from .models import QUESTION_ORDER, Choice, Question, QuizPage
from .queries import course_quizzes, next_in_course
from .scoring import QuestionKey, score_attempt
from .services import quiz_import_questions

__all__ = [
    "QUESTION_ORDER",
    "Choice",
    "ParseResult",
    "ParsedQuestion",
    "Question",
    "QuestionKey",
    "QuizPage",
    "QuizPermissionMixin",
    "course_quizzes",
    "merge_gift_pair",
    "next_in_course",
    "parse_gift",
    "quiz_import_questions",
    "review",
    "score_attempt",
]
