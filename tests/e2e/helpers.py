"""Shared steps for the browser journeys."""

from courses.demo import DEMO_PASSWORD

DEMO_COURSE_ES = "/es/cursos/investigacion-de-redes-de-trafico-ilicito-de-migrantes/"
DEMO_COURSE_EN = "/en/courses/investigating-human-smuggling-networks/"
DEMO_LESSON_ES = DEMO_COURSE_ES + "entrevista-centrada-en-la-victima/"
DEMO_LESSON_EN = DEMO_COURSE_EN + "victim-centred-interviewing/"


def sign_in(page, base_url, email, password=DEMO_PASSWORD, language="es"):
    page.goto(f"{base_url}/{language}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
