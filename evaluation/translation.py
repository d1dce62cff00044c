from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import FollowUpPage, FollowUpQuestion, ReactionQuestion, ReactionSurveyPage


@register(ReactionSurveyPage)
class ReactionSurveyPageTR(TranslationOptions):
    fields = ("intro", "thank_you_text")


@register(FollowUpPage)
class FollowUpPageTR(TranslationOptions):
    fields = ("intro", "thank_you_text")


@register(ReactionQuestion)
class ReactionQuestionTR(TranslationOptions):
    fields = ("label", "help_text", "choices")


@register(FollowUpQuestion)
class FollowUpQuestionTR(TranslationOptions):
    fields = ("label", "help_text", "choices")
