from django.core.management.base import BaseCommand

from accounts.api import roles_setup
from courses.models import CourseIndexPage


class Command(BaseCommand):
    help = "Create the Trainers and Program managers groups and their permissions."

    def handle(self, *args, **options):
        course_root = CourseIndexPage.objects.first()
        groups = roles_setup(course_root=course_root)
        self.stdout.write(self.style.SUCCESS("Groups ready: " + ", ".join(groups)))
        if course_root is None:
            self.stdout.write("No course catalogue yet: run again after creating it.")
