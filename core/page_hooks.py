"""Slots a content page fills from an app above it, through Wagtail's hooks.

A course, lesson or quiz page knows nothing of learners' records, yet its
routes must enrol a trainee, mark a lesson complete or run a quiz attempt.
The page calls ``page_hooks.call("learning.quiz_start", request, page)``;
the app that keeps the records registers the function under that name in
its ``wagtail_hooks.py`` (``@hooks.register("learning.quiz_start")``).
The page never imports that app, so the import graph stays a DAG.
"""

from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks


def call(name: str, *args, **kwargs):
    """Calls the function registered last under ``name``; an unfilled slot is a set-up error."""
    registered = hooks.get_hooks(name)
    if not registered:
        raise ImproperlyConfigured(f"No installed app registers the page hook {name!r}.")
    return registered[-1](*args, **kwargs)
