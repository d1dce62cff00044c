"""Course content: the catalogue, courses and lessons as Wagtail pages.

Tree: HomePage → CourseIndexPage → CoursePage → ModulePage (lesson) and
quizzes. Page types restrict their parents and children so trainers cannot
build a broken tree. What a trainee did with them (enrolment, progress) is
kept by ``learning``, which fills the pages' learner parts through
``core.page_hooks``.
"""

import copy

from django import forms
from django.contrib import messages
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core import content_version, page_hooks, personal_pages
from core.pages import ServedPageMixin, fragment_key
from core.panels import TranslationStatusPanel
from core.translation_status import TranslatedPageMixin

from .blocks import RICH_TEXT_FEATURES, LessonBodyBlock


class Topic(models.Model):
    """A subject funders track across courses (human rights, gender, anti-corruption...).

    ``code`` is the stable key exports and reports use: names may be reworded
    in any language without changing what was counted under the topic.
    """

    code = models.SlugField(
        _("code"),
        max_length=50,
        unique=True,
        help_text=_("Stable key used in exports, e.g. human-rights. Keep it once reports use it."),
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name


class HomePage(ServedPageMixin, TranslatedPageMixin, Page):
    """The site's front page."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        TranslationStatusPanel(),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .queries import catalogue

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = catalogue()[:6]
        context["course_index"] = CourseIndexPage.objects.live().first()
        return context


class CourseIndexPage(ServedPageMixin, TranslatedPageMixin, Page):
    """The catalogue: every published course."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [TranslationStatusPanel(), FieldPanel("intro")]
    parent_page_types = ["courses.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from .queries import catalogue

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = catalogue(parent=self)
        context["enrolled_ids"] = page_hooks.call("learning.enrolled_course_ids", request.user)
        return context


class CoursePage(ServedPageMixin, TranslatedPageMixin, RoutablePageMixin, Page):
    """A course: its description, and lessons and quizzes as child pages."""

    summary = models.TextField(_("summary"), help_text=_("One or two sentences for the catalogue."))
    objectives = RichTextField(_("learning objectives"), blank=True, features=RICH_TEXT_FEATURES)
    audience = models.TextField(_("audience"), blank=True)
    estimated_hours = models.DecimalField(
        _("estimated hours"), max_digits=5, decimal_places=1, default=1
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    validity_months = models.PositiveSmallIntegerField(
        _("certificate validity (months)"),
        null=True,
        blank=True,
        help_text=_("Leave empty for certificates that never expire."),
    )
    topics = ParentalManyToManyField(
        "courses.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="courses",
        help_text=_("The subjects this course covers; the funder's tables count people per topic."),
    )
    requires_vetting = models.BooleanField(
        _("requires vetting"),
        default=True,
        # Also the database's default: existing courses get it on upgrade, and a
        # row written without it (a server still on the previous release during
        # a deploy) requires vetting too.
        db_default=True,
        help_text=_(
            "Trainees enrol only once a program manager of their country has recorded a "
            "clearance that has not expired; until then their request waits in the vetting queue."
        ),
    )

    content_panels = Page.content_panels + [
        TranslationStatusPanel(),
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_hours"),
                FieldPanel("image"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Details"),
        ),
        MultiFieldPanel([FieldPanel("requires_vetting")], heading=_("Enrolment")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("audience"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = [
        "courses.ModulePage",
        "assessments.QuizPage",
        "evaluation.ReactionSurveyPage",
        "evaluation.FollowUpPage",
    ]

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The course's description is the same for every visitor.
        context["fragment_key"] = fragment_key(request, self)
        # Lazy: read only when the cached summary is rendered (one query), and
        # from the draft itself in previews.
        context["topics"] = self.topics.all()
        # The trainee's enrolment and outline with progress (learning records).
        context.update(page_hooks.call("learning.course_context", request, self))
        return context

    @path("")
    def course_home(self, request):
        return personal_pages.keep(self.render(request))

    @path("enrol/")
    def enrol(self, request):
        return page_hooks.call("learning.course_enrol", request, self)


class ModulePage(ServedPageMixin, TranslatedPageMixin, RoutablePageMixin, Page):
    """A lesson of a course. Only enrolled trainees (and staff) may read it."""

    body = StreamField(LessonBodyBlock(), verbose_name=_("body"), blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)
    required = models.BooleanField(
        _("required for completion"),
        default=True,
        help_text=_("Optional lessons do not count towards course completion."),
    )

    content_panels = Page.content_panels + [
        TranslationStatusPanel(),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("estimated_minutes"), FieldPanel("required")], heading=_("Details")
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def course(self) -> "CoursePage":
        """The course (parent page), kept per process under the content version."""
        path = self.path[: -self.steplen]
        course = content_version.remember(
            ("course-at", path), lambda: CoursePage.objects.get(path=path)
        )
        return copy.copy(course)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # lesson() has already looked up the course and enrolment; previews have not.
        state = getattr(request, "lesson_state", None) or self.lesson_state(request)
        context["course"] = state["course"]
        # The lesson's header and body are the same for every trainee.
        context["fragment_key"] = fragment_key(request, self)
        context.update(
            page_hooks.call("learning.lesson_context", request, self, state["enrollment"])
        )
        return context

    def lesson_state(self, request) -> dict:
        course = self.course()
        enrollment = page_hooks.call("learning.enrollment_for", request.user, course, lesson=self)
        return {"course": course, "enrollment": enrollment}

    def check_access(self, request, course, enrollment):
        """Returns a response when the user may not read this lesson, else None."""
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request, request.get_full_path())
        if user.is_staff or user.is_superuser:
            return None
        if enrollment is None:
            messages.warning(request, _("Enrol in the course to study its lessons."))
            return redirect(course.get_url(request))
        return None

    @path("")
    def lesson(self, request):
        state = self.lesson_state(request)
        denied = self.check_access(request, state["course"], state["enrollment"])
        if denied is not None:
            return denied
        request.lesson_state = state
        return personal_pages.keep(self.render(request))

    @path("complete/")
    def complete(self, request):
        return page_hooks.call("learning.lesson_complete", request, self)


def redirect_to_login(request, next_url):
    from django.contrib.auth.views import redirect_to_login as django_redirect_to_login
    from django.urls import reverse

    return django_redirect_to_login(next_url, reverse("account_login"))
