"""The trainee's side of the surveys: the reaction survey page and the follow-up link.

Thin: who may answer is decided here, the answer is stored by
``services.survey_response_save``.
"""

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from core import languages
from courses.api import redirect_to_login
from learning.api import enrollment_for

from . import queries, services


def _render(request, page, template, context=None, status=200):
    base = page.get_context(request)
    base.update(context or {})
    return TemplateResponse(request, template, base, status=status)


def _answer(request, page, enrollment, *, follow_up=None):
    """The form (GET), or the answer stored and the thank-you page (valid POST)."""
    form_kwargs = {"page": page, "user": request.user}
    if request.method == "POST":
        form = page.get_form(request.POST, **form_kwargs)
        if form.is_valid():
            response, _created = services.survey_response_save(
                page=page, enrollment=enrollment, form=form, language=languages.current()
            )
            return _render(
                request,
                page,
                page.get_landing_page_template(request),
                {
                    "form_submission": response,
                    "follow_up": follow_up,
                },
            )
    elif request.method in ("GET", "HEAD"):
        form = page.get_form(**form_kwargs)
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    return _render(
        request,
        page,
        page.get_template(request),
        {
            "form": form,
            "follow_up": follow_up,
            "can_answer": True,
        },
    )


def survey_page_serve(request, page):
    """A survey page at its own address.

    The reaction survey: for a trainee who completed the course, once (then a
    thank-you); anyone else signed in is sent back to the course with a word
    why; anonymous visitors sign in first. Staff see the questions without a
    submit button. The follow-up page only explains where its link is: it is
    answered through the link of the e-mail (``follow_up_view``).
    """
    if request.user.is_authenticated and request.user.is_staff:
        return _render(
            request,
            page,
            page.get_template(request),
            {
                "form": page.get_form(page=page, user=request.user),
                "can_answer": False,
            },
        )
    if page.kind != "reaction":
        return _render(request, page, page.get_template(request), {"can_answer": False})
    if not request.user.is_authenticated:
        return redirect_to_login(request, request.get_full_path())
    course = page.get_parent().specific
    enrollment = enrollment_for(request.user, course)
    if enrollment is None or enrollment.completed_at is None:
        messages.info(request, _("The course survey opens once you have completed the course."))
        return redirect(course.get_url(request))
    answered = queries.reaction_response_of(enrollment)
    if answered is not None:
        return _render(
            request,
            page,
            page.get_landing_page_template(request),
            {
                "form_submission": answered,
                "already": True,
            },
        )
    return _answer(request, page, enrollment)


def survey_page_preview(request, page, mode_name):
    """The editor's preview: the form, or the thank-you page."""
    template = (
        page.get_landing_page_template(request)
        if mode_name == "landing"
        else page.get_template(request)
    )
    return _render(
        request,
        page,
        template,
        {
            "form": page.get_form(page=page, user=request.user),
            "can_answer": False,
        },
    )


def follow_up_view(request, link):
    """The link of the follow-up e-mail: the questionnaire without a password, answered once.

    An unknown or altered link gets a 404 page that says so (in the language
    of the address); an answered one, the thank-you page.
    """
    follow_up = queries.follow_up_by_link(link)
    if follow_up is None or not follow_up.page.live:
        response = TemplateResponse(request, "evaluation/follow_up_invalid.html", status=404)
    else:
        page = follow_up.page.specific
        if follow_up.response_id is not None:
            response = _render(
                request,
                page,
                page.get_landing_page_template(request),
                {
                    "follow_up": follow_up,
                    "already": True,
                },
            )
        else:
            response = _answer(request, page, follow_up.enrollment, follow_up=follow_up)
    # The address is the credential: never cached, never sent on as a referrer.
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "no-referrer"
    return response
