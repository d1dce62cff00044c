"""Quiz-taking views: each gets the attempt, calls one service, and renders or redirects.

Called from the routes of ``QuizPage`` through ``core.page_hooks``. They work
without JavaScript (every page move is a POST that saves);
``static/js/assessments.js`` adds autosave through the same save endpoint
answering JSON.
"""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from assessments.api import QuizPage, next_in_course
from core import languages as site_languages
from courses.api import redirect_to_login

from . import attempts as services
from . import queries
from .forms import parse_answers, parse_position
from .models import Attempt


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def not_found(request, quiz: QuizPage):
    """A 404 that says, in the trainee's language, why there is nothing here."""
    return TemplateResponse(
        request,
        "learning/not_found.html",
        {"page": quiz, "self": quiz},
        status=404,
    )


def attempt_url(request, quiz: QuizPage, attempt: Attempt, suffix: str = "") -> str:
    return quiz.get_url(request) + quiz.reverse_subpage("attempt", args=[attempt.pk]) + suffix


def review_url(request, quiz: QuizPage, attempt: Attempt) -> str:
    return quiz.get_url(request) + quiz.reverse_subpage("attempt_review", args=[attempt.pk])


def quiz_home(request, quiz: QuizPage):
    """Introduction, rules, the trainee's attempts and the start/resume button."""
    user = request.user
    context = {"course": quiz.course(), "enrollment": None, "history": []}
    if user.is_authenticated:
        context["enrollment"] = queries.enrollment_for(user, context["course"])
        history = list(queries.attempt_history(user, quiz))
        for attempt in history:
            if attempt.status == Attempt.Status.IN_PROGRESS and attempt.is_overdue():
                services.attempt_expire_if_overdue(attempt=attempt)
        context["history"] = history
        context["open_attempt"] = next(
            (a for a in history if a.status == Attempt.Status.IN_PROGRESS), None
        )
        counted = len(
            [
                a
                for a in history
                if context["enrollment"] is None
                or context["enrollment"].renewal_started_at is None
                or a.started_at >= context["enrollment"].renewal_started_at
            ]
        )
        if quiz.max_attempts:
            context["attempts_left"] = max(quiz.max_attempts - counted, 0)
        if (
            quiz.requires_lessons
            and context["enrollment"] is not None
            and context["open_attempt"] is None
            and not getattr(request, "is_preview", False)
        ):
            # Listed instead of the start button until none remains.
            context["remaining_lessons"] = list(
                queries.remaining_required_lessons(context["course"], context["enrollment"])
            )
    return quiz.render(request, context_overrides=context)


def quiz_start(request, quiz: QuizPage):
    if request.method != "POST":
        return redirect(quiz.get_url(request))
    if not request.user.is_authenticated:
        return redirect_to_login(request, quiz.get_url(request))
    try:
        attempt = services.attempt_start(
            user=request.user, quiz=quiz, language=get_language() or site_languages.default()
        )
    except services.MustWaitError as error:
        until = formats.date_format(timezone.localtime(error.until), "DATETIME_FORMAT")
        messages.warning(
            request,
            # Not "after %(time)s.": an English time ends in "a.m." and the
            # sentence would end in two full stops.
            _("You can start your next attempt on %(time)s (after the wait).") % {"time": until},
        )
        return redirect(quiz.get_url(request))
    except services.AttemptError as error:
        messages.error(request, str(error.message))
        return redirect(quiz.get_url(request))
    return redirect(attempt_url(request, quiz, attempt))


def open_attempt_or_response(request, quiz: QuizPage, attempt_id: int):
    """(attempt, None) for the owner's open attempt, else (None, a response)."""
    if not request.user.is_authenticated:
        return None, redirect_to_login(request, request.get_full_path())
    attempt = queries.attempt_for(request.user, quiz, attempt_id)
    if attempt is None:
        if wants_json(request):
            message = _("This attempt does not exist or is not yours.")
            return None, JsonResponse({"ok": False, "error": message}, status=404)
        return None, not_found(request, quiz)
    services.attempt_expire_if_overdue(attempt=attempt)
    if attempt.status == Attempt.Status.IN_PROGRESS:
        return attempt, None
    if attempt.status == Attempt.Status.EXPIRED:
        message = _("The time limit has passed: this attempt was closed and not scored.")
    else:
        message = _("This attempt has already been submitted.")
    if wants_json(request):
        return None, JsonResponse({"ok": False, "error": message, "closed": True}, status=409)
    messages.warning(request, message)
    return None, redirect(review_url(request, quiz, attempt))


def attempt_take(request, quiz: QuizPage, attempt_id: int):
    """One question per page (``?q=N``) or all on one page (``?all=1``).

    ``?confirm=1`` asks before submitting an attempt with unanswered questions.
    """
    attempt, response = open_attempt_or_response(request, quiz, attempt_id)
    if response is not None:
        return response
    if request.GET.get("confirm") == "1":
        return attempt_confirm(request, quiz, attempt)
    items = queries.attempt_questions(attempt)
    answers = queries.attempt_answers(attempt)
    total = len(items)
    show_all = request.GET.get("all") == "1"
    try:
        position = int(request.GET.get("q", "")) - 1
    except ValueError:
        position = attempt.position
    position = max(0, min(position, total - 1))
    for item in items:
        answer = answers.get(item["question"].pk)
        item["selected"] = set(answer.selected_choice_ids) if answer else set()
    shown = items if show_all else items[position : position + 1]
    context = {
        "attempt": attempt,
        "items": shown,
        "all_items": items,
        "total": total,
        "answered": sum(1 for i in items if i["selected"]),
        "show_all": show_all,
        "position": position,
        "previous": position - 1 if position > 0 else None,
        "next": position + 1 if position + 1 < total else None,
        "is_last": show_all or position + 1 >= total,
        "save_url": attempt_url(request, quiz, attempt, "save/"),
        "submit_url": attempt_url(request, quiz, attempt, "submit/"),
        "course": quiz.course(),
    }
    return TemplateResponse(request, "learning/attempt.html", {"page": quiz, **context})


def attempt_save(request, quiz: QuizPage, attempt_id: int):
    """Saves the answers on screen; redirects to the next page or answers JSON."""
    if request.method != "POST":
        return redirect(quiz.get_url(request))
    attempt, response = open_attempt_or_response(request, quiz, attempt_id)
    if response is not None:
        return response
    total = len(attempt.question_ids())
    show_all = request.POST.get("view") == "all"
    try:
        answers = parse_answers(request.POST)
        position = parse_position(request.POST, total)
        result = services.attempt_save_answers(attempt=attempt, answers=answers, position=position)
    except services.AttemptError as error:
        if wants_json(request):
            return JsonResponse({"ok": False, "error": str(error.message)}, status=400)
        messages.error(request, str(error.message))
        return redirect(attempt_url(request, quiz, attempt, f"?q={attempt.position + 1}"))
    if result.expired:
        message = _("The time limit has passed: this attempt was closed and not scored.")
        if wants_json(request):
            return JsonResponse({"ok": False, "error": message, "closed": True}, status=409)
        messages.warning(request, message)
        return redirect(review_url(request, quiz, attempt))
    if wants_json(request):
        return JsonResponse(
            {
                "ok": True,
                "saved": result.saved,
                "message": _("Answers saved at %(time)s.")
                % {"time": formats.time_format(timezone.localtime(), "TIME_FORMAT")},
            }
        )
    query = "?all=1" if show_all else f"?q={result.attempt.position + 1}"
    return redirect(attempt_url(request, quiz, attempt, query))


def attempt_confirm(request, quiz: QuizPage, attempt: Attempt):
    """Which questions are unanswered, with "Submit anyway" and "Go back"."""
    unanswered = queries.unanswered_numbers(attempt)
    if not unanswered:
        return redirect(attempt_url(request, quiz, attempt, f"?q={attempt.position + 1}"))
    context = {
        "attempt": attempt,
        "unanswered": unanswered,
        "total": len(attempt.question_ids()),
        "submit_url": attempt_url(request, quiz, attempt, "submit/"),
        "back_url": attempt_url(request, quiz, attempt, f"?q={unanswered[0]}"),
        "course": quiz.course(),
    }
    return TemplateResponse(request, "learning/attempt_confirm.html", {"page": quiz, **context})


def attempt_submit(request, quiz: QuizPage, attempt_id: int):
    """Saves the answers on screen, scores the attempt once, shows the result.

    With questions still unanswered, and without ``confirm=1``, it only saves
    and asks first (``attempt_confirm``): nothing is scored or counted yet.
    One service call, one transaction (``attempts.attempt_submit``).
    """
    if request.method != "POST":
        return redirect(quiz.get_url(request))
    if not request.user.is_authenticated:
        return redirect_to_login(request, quiz.get_url(request))
    attempt = queries.attempt_for(request.user, quiz, attempt_id, snapshot=False)
    if attempt is None:
        return not_found(request, quiz)
    try:
        answers = parse_answers(request.POST)
        result = services.attempt_submit(
            attempt=attempt, answers=answers, confirmed=request.POST.get("confirm") == "1"
        )
    except services.AttemptError as error:
        messages.error(request, str(error.message))
        if attempt.status == Attempt.Status.IN_PROGRESS:
            return redirect(attempt_url(request, quiz, attempt, f"?q={attempt.position + 1}"))
        return redirect(review_url(request, quiz, attempt))
    if result.unanswered:
        return redirect(attempt_url(request, quiz, attempt, "?confirm=1"))
    if result.expired:
        messages.warning(
            request, _("The time limit has passed: this attempt was closed and not scored.")
        )
    elif not result.scored_now:
        messages.info(request, _("This attempt had already been submitted; its result is below."))
    return redirect(review_url(request, quiz, attempt))


def attempts_remaining(quiz: QuizPage, attempt: Attempt) -> int | None:
    """Attempts the trainee may still start at this quiz (None: unlimited).

    Attempts before a renewal do not count, as on the quiz page.
    """
    if not quiz.max_attempts:
        return None
    attempts = Attempt.objects.filter(user_id=attempt.user_id, quiz=quiz)
    renewal = attempt.enrollment.renewal_started_at if attempt.enrollment_id else None
    if renewal is not None:
        attempts = attempts.filter(started_at__gte=renewal)
    return max(quiz.max_attempts - attempts.count(), 0)


def key_shown(quiz: QuizPage, attempt: Attempt, remaining: int | None) -> bool:
    """Whether the review shows the answer key and feedback (per the review mode)."""
    if attempt.status != Attempt.Status.SUBMITTED:
        return False
    if quiz.review_mode == QuizPage.ReviewMode.FULL:
        return True
    if quiz.review_mode == QuizPage.ReviewMode.AFTER_PASSING:
        return bool(attempt.passed) or remaining == 0
    return False


def course_completion(request, quiz: QuizPage, attempt: Attempt, course) -> dict:
    """After a passed final exam: the course complete, or the lessons still to do."""
    if quiz.kind != QuizPage.Kind.FINAL_EXAM or not attempt.passed:
        return {}
    enrollment = queries.enrollment_for(request.user, course)
    if enrollment is None:
        return {}
    if enrollment.completed_at is not None:
        return {"course_complete": True}
    outline = queries.course_outline(course, enrollment=enrollment, request=request)
    remaining = [
        item
        for item in outline["items"]
        if not item.completed
        and (
            (item.kind == "lesson" and item.page.required)
            or (item.quiz_kind == QuizPage.Kind.FINAL_EXAM and item.page.pk != quiz.pk)
        )
    ]
    return {"course_complete": False, "remaining": remaining}


def attempt_review(request, quiz: QuizPage, attempt_id: int):
    """The result, and per the quiz's review mode the answers with the key and feedback.

    A passed final exam that completes the course leads to the certificate.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request, request.get_full_path())
    attempt = queries.attempt_for(request.user, quiz, attempt_id)
    if attempt is None:
        return not_found(request, quiz)
    services.attempt_expire_if_overdue(attempt=attempt)
    if attempt.status == Attempt.Status.IN_PROGRESS:
        return redirect(attempt_url(request, quiz, attempt))
    language = get_language() or site_languages.default()
    submitted = attempt.status == Attempt.Status.SUBMITTED
    remaining = None
    if quiz.review_mode == QuizPage.ReviewMode.AFTER_PASSING:
        remaining = attempts_remaining(quiz, attempt)
    full = key_shown(quiz, attempt, remaining)
    # Without the key: which questions were right or wrong, nothing more.
    marked = not full and quiz.review_mode == QuizPage.ReviewMode.AFTER_PASSING and submitted
    items = queries.attempt_review(attempt, language=language) if full or marked else []
    # A pre-test is a baseline: no pass or fail, but what to study.
    baseline = attempt.snapshot.get("kind") == QuizPage.Kind.PRETEST
    revisit = []
    if baseline and submitted:
        revisit = (
            [item for item in items if not item.is_correct]
            if items
            else queries.questions_to_revisit(attempt, language=language)
        )
    course = quiz.course()
    context = {
        "attempt": attempt,
        "items": items,
        "full": full,
        "marked": marked,
        "attempts_left": remaining,
        "baseline": baseline,
        "revisit": revisit,
        "course": course,
        "pass_mark": attempt.snapshot.get("pass_mark"),
        "next_page": next_in_course(quiz),
        **course_completion(request, quiz, attempt, course),
    }
    return TemplateResponse(request, "learning/review.html", {"page": quiz, **context})
