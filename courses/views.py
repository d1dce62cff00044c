from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from certificates.queries import certificates_of

from .queries import lessons_by_id, my_learning, percent


@login_required
def my_learning_view(request):
    """The trainee's dashboard: enrolments, progress, where to continue."""
    enrollments = list(my_learning(request.user))
    next_lessons = lessons_by_id(e.next_lesson_id for e in enrollments)
    rows = []
    for enrollment in enrollments:
        next_lesson = next_lessons.get(enrollment.next_lesson_id)
        rows.append(
            {
                "enrollment": enrollment,
                "course": enrollment.course,
                "course_url": enrollment.course.get_url(request),
                "percent": percent(enrollment.lesson_done, enrollment.lesson_total),
                "next_url": next_lesson.get_url(request) if next_lesson else None,
                "next_lesson": next_lesson,
            }
        )
    certificates = list(certificates_of(request.user))
    return render(
        request,
        "courses/my_learning.html",
        {"rows": rows, "certificates": certificates, "pdf_languages": PDF_LANGUAGES},
    )


#: Download links offered per certificate: (value of ?lang=, label).
PDF_LANGUAGES = [("en", "English"), ("es", "Español"), ("both", _("English and Spanish"))]
