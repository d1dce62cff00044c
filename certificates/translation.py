from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import CertificateSettings


@register(CertificateSettings)
class CertificateSettingsTR(TranslationOptions):
    fields = ("programme_name", "signatory_1_title", "signatory_2_title")
