"""Demo pages from the data files: home, course catalogue, courses, lessons and quizzes.

Pages are added and published as an editor's would be; quiz questions go in
through the trainer's GIFT import (``assessments.services.quiz_import_questions``).
A page that already exists (same default-language slug under the same parent)
is left as it is.
"""

import io
from decimal import Decimal

from django.conf import settings
from django.core.files.images import ImageFile
from django.utils import translation
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site

from assessments.api import QuizPage, quiz_import_questions
from courses.api import (
    CourseIndexPage,
    CoursePage,
    HomePage,
    ModulePage,
    Topic,
    topics_create_standard,
)

from . import data

BANNER_TITLE = "Demo course banner"
#: QuizPage kind of each quiz entry in a course file.
QUIZ_KINDS = {
    "pretest": QuizPage.Kind.PRETEST,
    "check": QuizPage.Kind.LESSON_CHECK,
    "final_exam": QuizPage.Kind.FINAL_EXAM,
}
#: QuizPage settings a course file may give a quiz.
QUIZ_SETTINGS = (
    "pass_mark",
    "max_attempts",
    "shuffle_choices",
    "shuffle_questions",
    "draw_count",
    "review_mode",
)


def tree_root() -> Page:
    """Wagtail's root page and root collection (recreated after a database flush)."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page(slug="root")
        data.set_translated(root, "title", {"en": "Root", "es": "Raíz"})
        data.set_translated(root, "slug", {data.default_language(): "root"})
        root = Page.add_root(instance=root)
    return root


def add_page(parent: Page, page: Page) -> Page:
    with translation.override(data.default_language()):
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def translated_page(page_class, values: dict, fields) -> Page:
    """An unsaved page whose ``fields`` come from ``values`` in every language."""
    page = page_class(
        title=data.in_default(values["title"]),
        slug=data.in_default(values["slug"]),
    )
    for field in fields:
        data.set_translated(page, field, values.get(field) or {})
    return page


def seed_home() -> tuple[HomePage, CourseIndexPage]:
    home = HomePage.objects.first()
    texts = data.site()
    if home is None:
        root = tree_root()
        home = translated_page(HomePage, texts["home"], ("title", "slug", "intro"))
        add_page(root, home)
        site = Site.objects.filter(is_default_site=True).first()
        old_root_id = site.root_page_id if site else None
        if site is None:
            site = Site(hostname="localhost", is_default_site=True)
        site.root_page = home
        site.save()
        if old_root_id and old_root_id != home.pk:
            old = Page.objects.filter(pk=old_root_id, depth=2).first()
            if old is not None and old.specific_class is Page:
                old.delete()
    # The admin's dashboard names the site by its name, else by its host ("localhost").
    Site.objects.filter(root_page=home, site_name="").update(site_name=settings.WAGTAIL_SITE_NAME)
    index = CourseIndexPage.objects.first()
    if index is None:
        index = translated_page(CourseIndexPage, texts["index"], ("title", "slug", "intro"))
        add_page(home, index)
    return home, index


def course_banner() -> Image | None:
    """A simple generated banner so the demo course has an image without network."""
    existing = Image.objects.filter(title=BANNER_TITLE).first()
    if existing is not None:
        return existing
    from PIL import Image as PILImage
    from PIL import ImageDraw

    canvas = PILImage.new("RGB", (1200, 500), (20, 58, 107))
    draw = ImageDraw.Draw(canvas)
    for i, colour in enumerate([(15, 110, 90), (29, 79, 145), (242, 169, 0)]):
        draw.ellipse(
            (700 + i * 120, 80 + i * 60, 1050 + i * 120, 430 + i * 60), outline=colour, width=18
        )
    for x in range(60, 620, 70):
        draw.line((x, 420, x + 40, 120), fill=(90, 130, 190), width=6)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    buffer.seek(0)
    image = Image(title=BANNER_TITLE)
    image.file.save("demo-course-banner.png", ImageFile(buffer, name="demo-course-banner.png"))
    image.save()
    return image


def by_default_slug(queryset, values: dict):
    slug_field = build_localized_fieldname("slug", data.default_language())
    return queryset.filter(**{slug_field: data.in_default(values["slug"])}).first()


def seed_course(index: CourseIndexPage, course_data: dict) -> CoursePage:
    """The course page and its lessons (only the missing ones)."""
    course = by_default_slug(CoursePage.objects.child_of(index), course_data)
    if course is None:
        course = translated_page(
            CoursePage, course_data, ("title", "slug", "summary", "objectives", "audience")
        )
        course.estimated_hours = Decimal(str(course_data["estimated_hours"]))
        course.image = course_banner() if course_data.get("banner") else None
        if hasattr(course, "validity_months") and course_data.get("validity_months"):
            course.validity_months = course_data["validity_months"]
        course.topics = course_topics(course_data)
        course.requires_vetting = bool(course_data.get("requires_vetting", False))
        add_page(index, course)
    else:
        tag_untagged_course(course, course_topics(course_data))
        set_requires_vetting(course, bool(course_data.get("requires_vetting", False)))
    for lesson_data in course_data["lessons"]:
        if by_default_slug(ModulePage.objects.child_of(course), lesson_data) is None:
            lesson = translated_page(ModulePage, lesson_data, ("title", "slug"))
            for code in data.languages():
                blocks = lesson_data["body"].get(code) or []
                setattr(lesson, build_localized_fieldname("body", code), list(blocks))
            lesson.estimated_minutes = lesson_data.get("estimated_minutes", 20)
            add_page(course, lesson)
    return course


def course_topics(course_data: dict) -> list[Topic]:
    """The topics a course file names by code (the standard topics are created if missing)."""
    codes = course_data.get("topics") or []
    if not codes:
        return []
    topics_create_standard()
    found = {topic.code: topic for topic in Topic.objects.filter(code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        slug = data.in_default(course_data["slug"])
        raise data.DemoContentError(f"courses/{slug}: unknown topics {', '.join(unknown)}")
    return [found[code] for code in codes]


def set_requires_vetting(course: CoursePage, requires: bool) -> None:
    """Gives a demo course the vetting setting of its file, as an editor would (a
    published revision): a course seeded before the setting existed got the
    migration's default (on). A course with a draft pending is left alone."""
    if course.requires_vetting == requires or course.has_unpublished_changes:
        return
    course.requires_vetting = requires
    with translation.override(data.default_language()):
        course.save_revision().publish()


def tag_untagged_course(course: CoursePage, topics: list[Topic]) -> None:
    """Tags a demo course made before courses had topics, as an editor would (a
    published revision); a course with topics, or with a draft pending, is left alone."""
    if not topics or course.has_unpublished_changes or course.topics.exists():
        return
    course.topics = topics
    with translation.override(data.default_language()):
        course.save_revision().publish()


def quiz_page(quiz_data: dict, kind: str) -> QuizPage:
    """An unsaved quiz page (no questions yet) from a course file's quiz entry."""
    title = quiz_data["title"]
    page = QuizPage(
        title=data.in_default(title),
        slug=quiz_slug(quiz_data),
        kind=kind,
        review_mode=QuizPage.ReviewMode.FULL,
    )
    data.set_translated(page, "title", title)
    slugs = {code: title.get(code) or data.in_default(title) for code in data.languages()}
    data.set_translated(page, "slug", {code: slugify(text)[:80] for code, text in slugs.items()})
    data.set_translated(page, "intro", quiz_data.get("intro") or {})
    for setting in QUIZ_SETTINGS:
        if setting in quiz_data:
            setattr(page, setting, quiz_data[setting])
    return page


def quiz_slug(quiz_data: dict) -> str:
    return slugify(data.in_default(quiz_data["title"]))[:80]


def place(page, previous) -> None:
    """Moves a newly added page right after ``previous`` (or first) in the course."""
    # Tree paths shift on every move: always work on fresh rows.
    page = Page.objects.get(pk=page.pk)
    if previous is not None:
        previous = Page.objects.get(pk=previous.pk)
    if previous is None:
        first = page.get_first_sibling()
        if first.pk != page.pk:
            page.move(first, pos="left")
        return
    before = page.get_prev_sibling()
    if before is None or before.pk != previous.pk:
        page.move(previous, pos="right")


def add_quiz(course: CoursePage, quiz_data: dict, kind: str) -> QuizPage:
    """Adds and publishes the quiz, then imports its GIFT questions into it."""
    questions = data.quiz_questions(quiz_data["gift"])
    page = add_page(course, quiz_page(quiz_data, kind))
    quiz_import_questions(quiz=QuizPage.objects.get(pk=page.pk), questions=questions)
    return QuizPage.objects.get(pk=page.pk)


def quiz_sequence(course_data: dict, lessons: list):
    """(quiz entry, kind) or (None, lesson) in course order: pre-test, lessons each
    followed by its check, final exam."""
    if course_data.get("pretest"):
        yield course_data["pretest"], QUIZ_KINDS["pretest"]
    for lesson, lesson_data in zip(lessons, course_data["lessons"], strict=False):
        yield None, lesson
        if lesson_data.get("check"):
            yield lesson_data["check"], QUIZ_KINDS["check"]
    if course_data.get("final_exam"):
        yield course_data["final_exam"], QUIZ_KINDS["final_exam"]


def seed_course_quizzes(course: CoursePage, course_data: dict) -> dict:
    """Pre-test first, a lesson check after each lesson, final exam last (only missing ones).

    Returns {"pretest": page|None, "final_exam": page|None, "checks": [page per check]}.
    """
    lessons = list(ModulePage.objects.child_of(course).order_by("path"))
    slug_field = build_localized_fieldname("slug", data.default_language())
    existing = {getattr(q, slug_field): q for q in QuizPage.objects.child_of(course)}
    previous = None
    result = {"pretest": None, "final_exam": None, "checks": []}
    for quiz_data, kind in quiz_sequence(course_data, lessons):
        if quiz_data is None:
            previous = kind  # a lesson
            continue
        page = existing.get(quiz_slug(quiz_data))
        if page is None:
            page = add_quiz(course, quiz_data, kind)
            if kind != QuizPage.Kind.FINAL_EXAM:
                place(page, previous)
        previous = page
        if kind == QuizPage.Kind.LESSON_CHECK:
            result["checks"].append(page)
        else:
            result[kind] = page
    return result
