"""Trainer tools in the Wagtail admin: question import and export.

Item statistics (computed from trainees' answers) are in ``learning.admin_views``.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import get_text_list, slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core import languages as site_languages
from core.downloads import attachment

from . import csv_format, formats, gift, gift_export, gift_pairs
from .models import QuizPage
from .services import quiz_as_parsed, quiz_import_questions

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class QuizPermissionMixin:
    """Loads the quiz and allows only users who may edit it."""

    def dispatch(self, request, *args, quiz_id, **kwargs):
        self.quiz = get_object_or_404(QuizPage, pk=quiz_id)
        if not self.quiz.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.quiz.pk]),
                "label": self.quiz.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_page_subtitle(self):
        return self.quiz.title


def language_name(code: str) -> str:
    """The language's name from settings.LANGUAGES, in the current language."""
    return str(dict(settings.LANGUAGES).get(code, code))


class ImportForm(forms.Form):
    """A GIFT file in the default language, one optional GIFT file per other language
    (``file_<code>``), or one CSV file with every language; the ``content`` fields carry
    the texts from the preview to the import."""

    format = forms.ChoiceField(label=_("Format"), initial="gift")
    file = forms.FileField(label=_("File"), required=False)
    content = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = [language_name(code) for code in site_languages.codes()]
        self.fields["format"].choices = [
            ("gift", _("Moodle GIFT")),
            (
                "csv",
                _("CSV (%(languages)s columns)") % {"languages": get_text_list(names, _("and"))},
            ),
        ]
        self.fields["file"].help_text = _(
            "GIFT: the %(language)s file. CSV: one file with every language."
        ) % {"language": language_name(site_languages.default())}
        for code in site_languages.others():
            name = language_name(code)
            self.fields[build_localized_fieldname("file", code)] = forms.FileField(
                label=_("%(language)s GIFT file (optional)") % {"language": name},
                required=False,
                help_text=_("The same questions in the same order, in %(language)s.")
                % {"language": name},
            )
            self.fields[build_localized_fieldname("content", code)] = forms.CharField(
                required=False, widget=forms.HiddenInput
            )

    def read(self, name: str) -> str:
        upload = self.cleaned_data.get(name)
        if upload is None:
            return self.cleaned_data.get(name.replace("file", "content")) or ""
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large (2 MB at most)."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file must be UTF-8 text.")) from None


def parse_upload(kind: str, content: str, translations: dict[str, str]) -> formats.ParseResult:
    """The questions of an upload: ``content`` in the default language (or CSV with every
    language) and, for GIFT, ``translations`` (``{code: text}``) paired one by one with it."""
    if kind == "csv":
        return csv_format.parse_csv(content, site_languages.codes())
    result = gift.parse_gift(content, site_languages.default())
    for code in site_languages.others():
        text = translations.get(code) or ""
        if text.strip():
            result = gift_pairs.merge_gift_pair(result, gift.parse_gift(text, code))
    return result


def preview_rows(result: formats.ParseResult) -> list[dict]:
    """Per question, its text and choices in each language, for the preview table."""
    codes = site_languages.codes()
    return [
        {
            "question": question,
            "languages": [
                {
                    "first": index == 0,
                    "text": question.text.get(code) or "",
                    "choices": [
                        (choice, choice.text.get(code) or "") for choice in question.choices
                    ],
                }
                for index, code in enumerate(codes)
            ],
        }
        for question in result.questions
    ]


def import_target(quiz: QuizPage) -> dict:
    """Which revision imported questions go into, for the preview to say so."""
    revision = quiz.latest_revision
    if quiz.live and not quiz.has_unpublished_changes:
        return {"kind": "live"}
    return {
        "kind": "draft" if quiz.live else "unpublished",
        "created_at": revision.created_at if revision else None,
        "author": (revision.user.get_full_name() or revision.user.email)
        if revision and revision.user
        else "",
    }


class QuestionImportView(QuizPermissionMixin, WagtailAdminTemplateMixin, FormView):
    """Upload → preview (questions and every bad line) → import all or nothing."""

    template_name = "assessments/admin/import.html"
    form_class = ImportForm
    page_title = _("Import questions")
    header_icon = "upload"

    def form_valid(self, form):
        try:
            content = form.read("file")
            translations = {
                code: form.read(build_localized_fieldname("file", code))
                for code in site_languages.others()
            }
        except forms.ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        if not content.strip():
            form.add_error("file", _("Choose a file to import."))
            return self.form_invalid(form)
        kind = form.cleaned_data["format"]
        result = parse_upload(kind, content, translations)
        if self.request.POST.get("action") == "import" and result.ok:
            quiz_import_questions(
                quiz=self.quiz, questions=result.questions, user=self.request.user
            )
            messages.success(
                self.request,
                _("%(count)s questions imported.") % {"count": len(result.questions)},
            )
            return redirect("wagtailadmin_pages:edit", self.quiz.pk)
        initial = {"format": kind, "content": content}
        for code, text in translations.items():
            initial[build_localized_fieldname("content", code)] = text
        confirm = ImportForm(initial=initial)
        return self.render_to_response(
            self.get_context_data(
                form=form,
                confirm_form=confirm,
                result=result,
                rows=preview_rows(result),
                target=import_target(self.quiz),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        codes = site_languages.codes()
        context["language_names"] = [language_name(code) for code in codes]
        context["csv_texts"] = ", ".join(site_languages.localized("text", codes))
        context["csv_feedbacks"] = ", ".join(site_languages.localized("feedback", codes))
        return context


class QuestionExportView(QuizPermissionMixin, View):
    """The quiz's questions (latest draft) as CSV, or GIFT in one language of settings.LANGUAGES."""

    def get(self, request):
        questions = quiz_as_parsed(self.quiz)
        kind = request.GET.get("format", "csv")
        default_title = getattr(
            self.quiz, build_localized_fieldname("title", site_languages.default())
        )
        name = slugify(default_title or self.quiz.title) or "quiz"
        codes = site_languages.codes()
        if kind == "gift":
            language = request.GET.get("lang", codes[0])
            if language not in codes:
                language = codes[0]
            body = gift_export.export_gift(questions, language)
            filename = f"{name}-{language}.gift.txt"
            content_type = "text/plain; charset=utf-8"
        else:
            body = csv_format.export_csv(questions, codes)
            filename = f"{name}.csv"
            content_type = "text/csv; charset=utf-8"
        return attachment(HttpResponse(body, content_type=content_type), filename)
