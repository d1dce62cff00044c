"""Queries per page for a trainee with 1 and with 100 enrolments (must be equal)."""

import json


def measure(many: int = 100) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from accounts.models import Agency, User
    from courses.models import CourseIndexPage, CoursePage, ModulePage
    from learning.models import Enrollment

    index = CourseIndexPage.objects.first()
    agency = Agency.objects.select_related("country").first()
    existing = CoursePage.objects.filter(slug_en__startswith="bench-course-").count()
    with translation.override("en"):
        for n in range(existing, many):
            course = CoursePage(
                title_en=f"Bench course {n}",
                title_es=f"Curso de prueba {n}",
                slug_en=f"bench-course-{n}",
                slug_es=f"curso-de-prueba-{n}",
                summary_en="Bench.",
            )
            index.add_child(instance=course)
            course.save_revision().publish()
            lesson = ModulePage(title_en="Lesson", slug_en="lesson", title_es="Lección")
            course.add_child(instance=lesson)
            lesson.save_revision().publish()
    courses = list(CoursePage.objects.filter(slug_en__startswith="bench-course-").order_by("pk"))
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
    with translation.override("en"):
        pages = {"course page": course.get_url(), "lesson page": lesson.get_url()}
    for label in ("My learning", "course page", "lesson page"):
        counts = {}
        for count, user in users.items():
            client = Client(HTTP_HOST="127.0.0.1")
            client.force_login(user)
            url = "/en/my-learning/" if label == "My learning" else pages[label]
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
