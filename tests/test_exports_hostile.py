"""Every spreadsheet export, downloaded with hostile names in the data.

Trainee names, agency names, job titles, course titles and audit-log lines
start with each of the six characters a spreadsheet runs as a formula
(OWASP's list: ``=``, ``+``, ``-``, ``@``, tab, carriage return). Each CSV
must start with the UTF-8 byte-order mark, carry those texts with a leading
apostrophe, keep "Núñez" readable and keep real numbers (a negative
knowledge gain) as plain numbers; no XLSX may hold a formula.

The list of exports is checked against the URLconf: a new admin listing
with CSV/XLSX export that does not use ``core.spreadsheets`` or is missing
here fails ``test_every_export_view_is_safe_and_downloaded_here``.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

import openpyxl
import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from accounts.models import AuditEvent, User
from certificates.models import Certificate
from core import languages
from core.spreadsheets import SafeSpreadsheetExportMixin
from courses.models import CoursePage
from learning.models import Enrollment
from tests import factories
from tests.reports.conftest import attempt, quiz
from vetting.models import VettingRecord, VettingRequest

pytestmark = pytest.mark.django_db

#: One hostile text per formula character, as OWASP lists them.
HOSTILE = {
    "=": '=HYPERLINK("http://x","y")',
    "+": "+cmd|' /C calc'!A0",
    "-": "-2+3",
    "@": "@SUM(A1)",
    "\t": "\tTAB",
    "\r": "\rCR",
}
NAMES = list(HOSTILE.values())
#: Written here, not imported: the test must not share a mistake with the code.
FORMULA_STARTS = tuple(HOSTILE)
ACCENTED = "José Núñez"
#: Each hostile trainee's pre-test and final exam: a knowledge gain of -50 points.
PRETEST, FINAL, GAIN = Decimal(90), Decimal(40), "-50.0"
BOM = b"\xef\xbb\xbf"


@dataclass
class World:
    admin: User
    trainees: list[User]
    accented: User
    agency: object
    course: CoursePage
    untranslated: CoursePage
    exam: object
    certificate: Certificate
    urls: dict[str, str] = field(default_factory=dict)


def course_page(title_en: str, title_es: str, *, summary_es: str, slug: str) -> CoursePage:
    return factories.publish(
        factories.course_index(),
        CoursePage(
            title_en=title_en,
            title_es=title_es,
            slug_en=slug,
            slug_es=f"{slug}-es",
            summary_en="Summary.",
            summary_es=summary_es,
        ),
    )


def build_world() -> World:
    from accounts.roles import roles_setup

    roles_setup(course_root=factories.course_index())
    honduras = factories.country("HN", en="Honduras", es="Honduras")
    agency = factories.agency(honduras, en=HOSTILE["="], es=HOSTILE["@"])
    other_agency = factories.agency(honduras, en=HOSTILE["+"], es=HOSTILE["\r"])
    trainees = [
        factories.user(
            f"hostile{i}@example.org",
            country_obj=honduras,
            agency_obj=agency,
            full_name=name,
        )
        for i, name in enumerate(NAMES)
    ]
    for i, trainee in enumerate(trainees):
        trainee.job_title = NAMES[(i + 1) % len(NAMES)]
        trainee.save(update_fields=["job_title"])
    accented = factories.user(
        "nunez@example.org", country_obj=honduras, agency_obj=other_agency, full_name=ACCENTED
    )
    course = course_page(HOSTILE["="], HOSTILE["-"], summary_es="Resumen.", slug="hostile")
    # English title, no Spanish summary: listed by the Missing Spanish report.
    untranslated = course_page(HOSTILE["@"], HOSTILE["\t"], summary_es="", slug="untranslated")
    factories.lesson(course, 1)
    pretest = quiz(course, "pretest", "Pre-test", "Prueba inicial")
    exam = quiz(course, "final_exam", "Final exam", "Examen final")
    now = timezone.now()
    certificate = None
    for trainee in [*trainees, accented]:
        enrollment = Enrollment.objects.create(
            user=trainee,
            course=course,
            enrolled_at=now - timedelta(days=10),
            completed_at=now - timedelta(days=1),
        )
        attempt(enrollment, pretest, 1, PRETEST, enrollment.enrolled_at).save()
        attempt(enrollment, exam, 1, FINAL, enrollment.enrolled_at).save()
        saved = Certificate.objects.create(
            code=f"H{enrollment.pk:015d}",
            user=trainee,
            enrollment=enrollment,
            course=course,
            completed_at=enrollment.completed_at,
            holder_name=trainee.full_name,
            country_code="HN",
            agency_names=languages.values(trainee.agency, "name"),
            course_titles=languages.values(course, "title"),
            score_percent=FINAL,
        )
        certificate = certificate or saved
    for trainee in [*trainees, accented]:
        # Waiting for vetting, with a hostile reference, for the untranslated course.
        VettingRecord.objects.create(trainee=trainee, reference=HOSTILE["+"])
        VettingRequest.objects.create(trainee=trainee, course=untranslated)
    for name in NAMES:
        AuditEvent.objects.create(actor_label=name, action="report_exported", target=name)
    AuditEvent.objects.create(actor_label="admin", action="report_exported", target=ACCENTED)
    admin = User.objects.create_superuser("admin@example.org", "x", full_name="Admin")
    world = World(
        admin=admin,
        trainees=trainees,
        accented=accented,
        agency=agency,
        course=course,
        untranslated=untranslated,
        exam=exam,
        certificate=certificate,
    )
    world.urls = export_urls(world)
    return world


def export_urls(world: World) -> dict[str, str]:
    """URL name → the export's URL (without ``export=``), filtered to show hostile text."""
    course = f"?course={world.course.pk}"
    return {
        "program_reports:countries": reverse("program_reports:countries") + course,
        "program_reports:agencies": reverse("program_reports:agencies", args=["HN"]) + course,
        "program_reports:trainees": reverse("program_reports:trainees", args=[world.agency.pk])
        + course,
        "program_reports:transcript": reverse(
            "program_reports:transcript", args=[world.trainees[0].pk]
        ),
        "program_reports:courses": reverse("program_reports:courses"),
        "program_reports:knowledge_gain": reverse("program_reports:knowledge_gain") + course,
        "program_reports:evaluation": reverse("program_reports:evaluation") + course,
        "certificates_admin:index": reverse("certificates_admin:index"),
        "audit_log:index": reverse("audit_log:index"),
        "missing_translations": reverse("missing_translations"),
        "vetting:queue": reverse("vetting:queue"),
    }


#: Exports written outside Wagtail's export mixin (streamed), by URL name.
STREAMED = {
    "program_reports:all_trainees_csv": "csv",
    "program_reports:all_trainees_xlsx": "xlsx",
}
#: Hostile texts each export must carry (apostrophe-prefixed in the CSV).
EXPECTED = {
    "program_reports:countries": [HOSTILE["="], HOSTILE["-"]],  # the filtered course
    "program_reports:agencies": [HOSTILE["="], HOSTILE["@"], HOSTILE["+"], HOSTILE["\r"]],
    "program_reports:trainees": NAMES + [HOSTILE["="], HOSTILE["@"]],
    "program_reports:transcript": [HOSTILE["="], HOSTILE["-"]],
    "program_reports:courses": [HOSTILE["="], HOSTILE["-"], HOSTILE["@"], HOSTILE["\t"]],
    "program_reports:knowledge_gain": [HOSTILE["="], HOSTILE["-"]],
    "program_reports:evaluation": [HOSTILE["="], HOSTILE["-"]],
    "certificates_admin:index": NAMES + [HOSTILE["+"]],
    "audit_log:index": NAMES,
    "missing_translations": [HOSTILE["@"]],
    "vetting:queue": NAMES + [HOSTILE["="], HOSTILE["+"], HOSTILE["@"], HOSTILE["\t"]],
    "program_reports:all_trainees_csv": NAMES + [HOSTILE["="], HOSTILE["@"], HOSTILE["+"]],
}
#: Exports holding a negative knowledge gain, which must stay a number.
WITH_GAIN = {
    "program_reports:transcript",
    "program_reports:courses",
    "program_reports:knowledge_gain",
}
#: Exports listing people, where "Núñez" must read back as written.
WITH_PEOPLE = {
    "program_reports:countries": False,
    "program_reports:agencies": False,
    "program_reports:trainees": False,  # another agency
    "program_reports:transcript": False,
    "program_reports:courses": False,
    "program_reports:knowledge_gain": False,
    "certificates_admin:index": True,
    "audit_log:index": True,
    "missing_translations": False,
    "vetting:queue": True,
    "program_reports:all_trainees_csv": True,
}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The hostile world, built once; each test runs in a savepoint inside it."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield build_world()
            transaction.set_rollback(True)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def download(client, world: World, name: str, export_format: str):
    if name in STREAMED:
        url = reverse(name)
    else:
        url = world.urls[name]
        url += ("&" if "?" in url else "?") + f"export={export_format}"
    response = client.get(url)
    assert response.status_code == 200, (name, response.status_code)
    return response


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


CSV_EXPORTS = [
    "program_reports:countries",
    "program_reports:agencies",
    "program_reports:trainees",
    "program_reports:transcript",
    "program_reports:courses",
    "program_reports:knowledge_gain",
    "certificates_admin:index",
    "audit_log:index",
    "missing_translations",
    "vetting:queue",
    "program_reports:all_trainees_csv",
]
XLSX_EXPORTS = [name for name in CSV_EXPORTS if name not in STREAMED] + [
    "program_reports:all_trainees_xlsx"
]


@pytest.mark.parametrize("name", CSV_EXPORTS)
def test_csv_export_is_safe_to_open_in_a_spreadsheet(client, world, name):
    client.force_login(world.admin)
    response = download(client, world, name, "csv")
    data = body(response)
    assert data.startswith(BOM), "no UTF-8 byte-order mark: Excel would garble accents"
    assert "charset=utf-8" in response["Content-Type"]
    text = data.decode("utf-8-sig")  # strict: invalid UTF-8 fails here
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    live = [c for c in cells if c.startswith(FORMULA_STARTS) and not is_number(c)]
    assert not live, f"cells a spreadsheet would run as formulas: {live!r}"
    for hostile in EXPECTED[name]:
        assert "'" + hostile in cells, f"{hostile!r} missing (or not escaped) in {name}"
    if WITH_PEOPLE[name]:
        assert any(ACCENTED in cell for cell in cells)


@pytest.mark.parametrize("name", sorted(WITH_GAIN))
def test_negative_knowledge_gain_stays_a_number(client, world, name):
    client.force_login(world.admin)
    text = body(download(client, world, name, "csv")).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    assert GAIN in cells and "'" + GAIN not in cells
    assert f",{GAIN}," in text or f",{GAIN}\r\n" in text  # written unquoted


@pytest.mark.parametrize("name", XLSX_EXPORTS)
def test_xlsx_export_holds_no_formula(client, world, name):
    client.force_login(world.admin)
    response = download(client, world, name, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(body(response))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    formulas = [cell.value for cell in cells if cell.data_type == "f"]
    assert not formulas, f"formulas in {name}: {formulas!r}"
    texts = {cell.value for cell in cells if cell.data_type == "s"}
    expected = EXPECTED.get(name, EXPECTED["program_reports:all_trainees_csv"])
    assert HOSTILE["="] in texts or HOSTILE["@"] in texts, texts
    assert {h for h in expected if h.startswith(("=", "+", "@"))} <= texts


@pytest.mark.parametrize("name", [*CSV_EXPORTS, "program_reports:all_trainees_xlsx"])
def test_export_is_a_private_download(client, world, name):
    client.force_login(world.admin)
    export_format = "xlsx" if name.endswith("xlsx") else "csv"
    response = download(client, world, name, export_format)
    body(response)
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


# -- Every export view of the URLconf is safe and downloaded above -------------------------


def export_views(patterns=None, namespace: str = ""):
    """(URL name, view class) of every listing view that can export CSV/XLSX."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from export_views(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None)
            kwargs = getattr(pattern.callback, "view_initkwargs", {})
            # A listing offers downloads only when it has columns to export.
            offers_export = kwargs.get("list_export", getattr(view_class, "list_export", None))
            if (
                view_class is not None
                and issubclass(view_class, SpreadsheetExportMixin)
                and offers_export
                and not kwargs.get("results_only")
            ):
                yield f"{namespace}{pattern.name}", view_class


#: Wagtail's own listings (page reports, snippets): Wagtail writes their files.
WAGTAIL_OWN = ("wagtail.",)


def test_every_export_view_is_safe_and_downloaded_here(world):
    ours = {
        name: view_class
        for name, view_class in export_views()
        if not view_class.__module__.startswith(WAGTAIL_OWN)
    }
    unsafe = [
        name
        for name, view_class in ours.items()
        if not issubclass(view_class, SafeSpreadsheetExportMixin)
    ]
    assert not unsafe, f"exports without core.spreadsheets.SafeSpreadsheetExportMixin: {unsafe}"
    downloaded = {resolve(url.split("?")[0]).func.view_class for url in world.urls.values()}
    missing = sorted(name for name, view_class in ours.items() if view_class not in downloaded)
    assert not missing, f"exports not downloaded here (add them to export_urls): {missing}"


# -- Each formula character on its own (a dropped prefix fails here) ------------------------


@pytest.mark.parametrize("prefix", list(HOSTILE))
@pytest.mark.parametrize(
    "name",
    ["program_reports:trainees", "program_reports:all_trainees_csv", "certificates_admin:index"],
)
def test_each_formula_character_is_neutralised_in_csv_downloads(client, world, name, prefix):
    """One trainee's name per formula character, read back from the downloaded CSV."""
    client.force_login(world.admin)
    text = body(download(client, world, name, "csv")).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    assert "'" + HOSTILE[prefix] in cells
    assert HOSTILE[prefix] not in cells


@pytest.mark.parametrize("prefix", list(HOSTILE))
@pytest.mark.parametrize(
    "name",
    ["program_reports:trainees", "program_reports:all_trainees_xlsx", "certificates_admin:index"],
)
def test_each_formula_character_stays_text_in_xlsx_downloads(client, world, name, prefix):
    """In XLSX the same names are stored as text cells, never as formulas."""
    client.force_login(world.admin)
    sheet = openpyxl.load_workbook(io.BytesIO(body(download(client, world, name, "xlsx")))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    # XML reads a stored carriage return back as a line feed.
    written = {HOSTILE[prefix], HOSTILE[prefix].replace("\r", "\n")}
    holding = [cell for cell in cells if cell.value in written]
    assert holding, f"{HOSTILE[prefix]!r} not found in {name}"
    for cell in holding:
        assert cell.data_type == "s", (cell.coordinate, cell.value, cell.data_type)
    assert not [cell.value for cell in cells if cell.data_type == "f"]
