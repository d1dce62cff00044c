"""A trainer builds a bilingual course with a lesson and a final exam in the Wagtail admin."""

import re

from playwright.sync_api import expect

from assessments.models import QuizPage
from courses.models import CourseIndexPage, CoursePage, ModulePage
from tests.e2e.helpers import sign_in

COURSE = {
    "en": ("Financial Investigation Basics", "Follow the money behind a smuggling network."),
    "es": (
        "Fundamentos de la investigación financiera",
        "Siga el rastro del dinero detrás de una red de tráfico ilícito.",
    ),
}
LESSON = {
    "en": ("Reading bank records", "Bank records show who paid whom, when and how much."),
    "es": (
        "Lectura de registros bancarios",
        "Los registros bancarios muestran quién pagó a quién, cuándo y cuánto.",
    ),
}
QUESTIONS = [
    {
        "en": ("Which record shows a transfer?", ["A bank statement", "A birth certificate"]),
        "es": (
            "¿Qué registro muestra una transferencia?",
            ["Un estado de cuenta", "Una partida de nacimiento"],
        ),
    },
    {
        "en": ("Who may order a bank to disclose records?", ["A judge", "Any citizen"]),
        "es": ("¿Quién puede ordenar a un banco revelar datos?", ["Un juez", "Cualquier persona"]),
    },
    {
        "en": ("What should you note for each payment?", ["Date and amount", "Nothing"]),
        "es": ("¿Qué debe anotar de cada pago?", ["Fecha y monto", "Nada"]),
    },
]


def open_editor(page, url):
    page.goto(url)
    # wagtail-modeltranslation shows one language at a time: show the Spanish fields too.
    page.locator("button.locale-toggle", has_text="es").click()


def fill_titles(page, titles: dict):
    # Wagtail fills in each slug from its title.
    for language in ("en", "es"):
        page.locator(f"#id_title_{language}").fill(titles[language])
        page.locator(f"#id_title_{language}").blur()


def publish(page):
    page.get_by_role("button", name="More actions").click()
    with page.expect_navigation():
        page.locator("button[name=action-publish]").click()
    errors = page.locator(".error-message").all_inner_texts()
    assert errors == [], errors
    expect(page.locator(".messages")).to_contain_text("published", timeout=15_000)


def write_lesson_body(page, language: str, text: str):
    panel = page.locator(f"[data-contentpath=body_{language}]")
    panel.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Text").click()
    editor = panel.locator("[role=textbox]").first
    editor.click()
    editor.type(text)
    # Draftail copies its content into the block's hidden input; publish only once it has.
    expect(page.locator(f"input[name='body_{language}-0-value']")).to_have_value(
        re.compile(re.escape(text.split()[-1]))
    )


def test_trainer_creates_a_bilingual_course_with_a_lesson_and_final_exam(
    live_server, demo, desktop_page, settings
):
    # The test database is SQLite in memory, one connection shared by the live
    # server's threads: the editor's background autosave and editing-session pings
    # must not race the publish request (PostgreSQL in production has no such limit).
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
    page = desktop_page
    base = live_server.url
    index = CourseIndexPage.objects.get()
    sign_in(page, base, "trainer@example.org", language="en")

    # The course page.
    open_editor(page, base + f"/admin/pages/add/courses/coursepage/{index.pk}/")
    fill_titles(page, {k: v[0] for k, v in COURSE.items()})
    for language in ("en", "es"):
        page.locator(f"#id_summary_{language}").fill(COURSE[language][1])
    page.locator("#id_estimated_hours").fill("2")
    publish(page)
    course = CoursePage.objects.get(title_en=COURSE["en"][0])
    assert course.live and course.slug_es.startswith("fundamentos-de-la-investigaci")

    # One lesson, with a text block in each language.
    open_editor(page, base + f"/admin/pages/add/courses/modulepage/{course.pk}/")
    fill_titles(page, {k: v[0] for k, v in LESSON.items()})
    for language in ("en", "es"):
        write_lesson_body(page, language, LESSON[language][1])
    publish(page)

    # The final exam: three questions of two choices, the first one right.
    open_editor(page, base + f"/admin/pages/add/assessments/quizpage/{course.pk}/")
    fill_titles(page, {"en": "Final exam", "es": "Examen final"})
    page.locator("#id_kind").select_option("final_exam")
    for number, question in enumerate(QUESTIONS):
        page.locator("#id_questions-ADD").click()
        prefix = f"#id_questions-{number}"
        expect(page.locator(f"{prefix}-text_en")).to_be_visible()
        for language in ("en", "es"):
            text, choices = question[language]
            page.locator(f"{prefix}-text_{language}").fill(text)
            for position, choice in enumerate(choices):
                page.locator(f"{prefix}-choices-{position}-text_{language}").fill(choice)
        page.locator(f"{prefix}-choices-0-fraction").fill("100")
    publish(page)

    exam = QuizPage.objects.child_of(course).get()
    assert exam.live and exam.kind == QuizPage.Kind.FINAL_EXAM
    assert [q.text_es for q in exam.questions.all()] == [q["es"][0] for q in QUESTIONS]
    assert ModulePage.objects.child_of(course).live().get().title_es == LESSON["es"][0]

    # The catalogues show it in each language, with the right texts.
    for language, path in (("en", "/en/courses/"), ("es", "/es/cursos/")):
        page.goto(base + path)
        title, summary = COURSE[language]
        card = page.locator(".card", has_text=title)
        expect(card).to_contain_text(summary)
        card.get_by_role("link", name=title).click()
        expect(page.locator("h1")).to_have_text(title)
        expect(page.locator(".outline")).to_contain_text(LESSON[language][0])
        expect(page.locator(".outline")).to_contain_text(
            "Final exam" if language == "en" else "Examen final"
        )
