from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import Choice, Question, QuizPage


@register(QuizPage)
class QuizPageTR(TranslationOptions):
    fields = ("intro",)


@register(Question)
class QuestionTR(TranslationOptions):
    fields = ("text", "feedback")


@register(Choice)
class ChoiceTR(TranslationOptions):
    fields = ("text", "feedback")
