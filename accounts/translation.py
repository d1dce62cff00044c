from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import Agency, PartnerCountry


@register(PartnerCountry)
class PartnerCountryTR(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(Agency)
class AgencyTR(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)
