"""Queries per page (warm) for a trainee with 1 and with 100 enrolments (must be equal)."""

import json


def measure(many: int = 100) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from accounts.models import Agency, User
    from core import languages
    from courses.models import CourseIndexPage, CoursePage, ModulePage
    from learning.models import Enrollment

    index = CourseIndexPage.objects.first()
    agency = Agency.objects.select_related("country").first()
    slug = {languages.default_field("slug") + "__startswith": "bench-course-"}
    existing = CoursePage.objects.filter(**slug).count()
    with translation.override(languages.default()):
        for n in range(existing, many):
            course = CoursePage(
                **languages.field_values(
                    "title", {"en": f"Bench course {n}", "es": f"Curso de prueba {n}"}
                ),
                **languages.field_values(
                    "slug", {"en": f"bench-course-{n}", "es": f"curso-de-prueba-{n}"}
                ),
                **languages.field_values("summary", {"en": "Bench."}),
            )
            index.add_child(instance=course)
            course.save_revision().publish()
            lesson = ModulePage(
                **languages.field_values("title", {"en": "Lesson", "es": "Lección"}),
                **languages.field_values("slug", {"en": "lesson"}),
            )
            course.add_child(instance=lesson)
            lesson.save_revision().publish()
    courses = list(CoursePage.objects.filter(**slug).order_by("pk"))
    rows = []
    users = {}
    for count in (1, many):
        user, _ = User.objects.get_or_create(
            email=f"querycount{count}@bench.example.org",
            defaults={"full_name": "Query Count", "country": agency.country, "agency": agency},
        )
        for course in courses[:count]:
            Enrollment.objects.get_or_create(user=user, course=course)
        users[count] = user
    course = courses[0]
    lesson = ModulePage.objects.child_of(course).first()
    with translation.override(languages.default()):
        pages = {"course page": course.get_url(), "lesson page": lesson.get_url()}
    for label in ("My learning", "course page", "lesson page"):
        counts = {}
        for count, user in users.items():
            client = Client(HTTP_HOST="127.0.0.1")
            client.force_login(user)
            url = "/en/my-learning/" if label == "My learning" else pages[label]
            # Warm: the first requests after a publish fill the per-process
            # content memo (core/content_version.py); these are every other request.
            client.get(url)
            client.get(url)
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            counts[count] = len(ctx.captured_queries)
        rows.append({"page": label, "one": counts[1], "many": counts[many], "n": many})
    return rows


def main():
    from bench.environment import setup_django

    setup_django()
    import sys

    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 100)))


if __name__ == "__main__":
    main()
