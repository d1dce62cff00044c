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
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

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


class ImportForm(forms.Form):
    FORMATS = [("gift", _("Moodle GIFT")), ("csv", _("CSV (English and Spanish columns)"))]
    format = forms.ChoiceField(label=_("Format"), choices=FORMATS, initial="gift")
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("GIFT: the English file. CSV: one file with both languages."),
    )
    file_es = forms.FileField(
        label=_("Spanish GIFT file (optional)"),
        required=False,
        help_text=_("The same questions in the same order, in Spanish."),
    )
    content = forms.CharField(required=False, widget=forms.HiddenInput)
    content_es = forms.CharField(required=False, widget=forms.HiddenInput)

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


def languages() -> list[str]:
    """Language codes from settings; the first is the main (English) file's."""
    return [code for code, _name in settings.LANGUAGES]


def parse_upload(kind: str, content: str, content_es: str) -> formats.ParseResult:
    codes = languages()
    if kind == "csv":
        return csv_format.parse_csv(content, codes)
    english = gift.parse_gift(content, codes[0])
    if not content_es.strip():
        return english
    return gift_pairs.merge_gift_pair(english, gift.parse_gift(content_es, codes[1]))


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
            content_es = form.read("file_es")
        except forms.ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        if not content.strip():
            form.add_error("file", _("Choose a file to import."))
            return self.form_invalid(form)
        kind = form.cleaned_data["format"]
        result = parse_upload(kind, content, content_es)
        if self.request.POST.get("action") == "import" and result.ok:
            quiz_import_questions(
                quiz=self.quiz, questions=result.questions, user=self.request.user
            )
            messages.success(
                self.request,
                _("%(count)s questions imported.") % {"count": len(result.questions)},
            )
            return redirect("wagtailadmin_pages:edit", self.quiz.pk)
        confirm = ImportForm(initial={"format": kind, "content": content, "content_es": content_es})
        return self.render_to_response(
            self.get_context_data(
                form=form, confirm_form=confirm, result=result, target=import_target(self.quiz)
            )
        )


class QuestionExportView(QuizPermissionMixin, View):
    """The quiz's questions (latest draft) as CSV, or GIFT in one language of settings.LANGUAGES."""

    def get(self, request):
        questions = quiz_as_parsed(self.quiz)
        kind = request.GET.get("format", "csv")
        name = slugify(self.quiz.title_en or self.quiz.title) or "quiz"
        codes = languages()
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
