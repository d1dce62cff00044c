from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import CourseIndexPage, CoursePage, HomePage, ModulePage, Topic


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ("intro", "body")


@register(CourseIndexPage)
class CourseIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(CoursePage)
class CoursePageTR(TranslationOptions):
    fields = ("summary", "objectives", "audience")


@register(ModulePage)
class ModulePageTR(TranslationOptions):
    fields = ("body",)


@register(Topic)
class TopicTR(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)
