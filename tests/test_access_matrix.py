"""Access matrix: every URL × every role → the status the policy expects.

Read the table as the access policy. Columns are roles (anonymous, trainee A of
Honduras, trainee B of Guatemala, trainer, manager of Honduras, manager of all
countries, administrator); cells are:

    200    the page or file is served
    login  a redirect to a sign-in page (allauth; Wagtail's admin goes there too)
    home   a redirect to the admin dashboard: Wagtail's "no permission" answer to
           staff (it shows "Sorry, you do not have permission" and nothing else)
    3xx    another redirect (a GET on a POST-only step goes back to its page...)
    400 403 404 405 429   as HTTP says

``{name}`` placeholders are filled from ``tests.security_world`` (trainee A is in
Honduras, trainee B in Guatemala). Rows starting with ``/{lang}/`` or a page
placeholder are checked in English and in Spanish.

Every route of the URLconf must be matched by a row, or be one of Wagtail's
own admin views (``WAGTAIL_INTERNAL``: anonymous visitors are sent to sign in,
signed-in trainees get 403, staff get
Wagtail's own permission checks and never a 500). A new route that is in
neither fails ``test_every_route_is_classified``: add a row.
"""

import io
import re
import zipfile

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import translation

from accounts.models import AuditEvent, User
from certificates.models import Certificate, CertificateZip
from learning.models import Answer, Attempt, Enrollment, ModuleCompletion
from tests.security_world import ROLES, build_world

pytestmark = pytest.mark.django_db

# fmt: off
MATRIX = """
URL                                                      anon  A     B     train mg_hn mg_al admin
# -- Public site (Wagtail pages, both languages) --------------------------------------------------
{home}                                                   200   200   200   200   200   200   200
{index}                                                  200   200   200   200   200   200   200
{course}                                                 200   200   200   200   200   200   200
{course}enrol/                                           3xx   3xx   3xx   3xx   3xx   3xx   3xx
{lesson}                                                 login 200   200   200   200   200   200
{lesson}complete/                                        3xx   3xx   3xx   3xx   3xx   3xx   3xx
{exam}                                                   200   200   200   200   200   200   200
{exam}start/                                             3xx   3xx   3xx   3xx   3xx   3xx   3xx
{check}                                                  200   200   200   200   200   200   200
/{lang}/no-such-page/                                    404   404   404   404   404   404   404
# -- Attempts: only their owner; everyone else gets the quiz's 404 --------------------------------
{attempt_a}                                              login 3xx   404   404   404   404   404
{attempt_a}review/                                       login 200   404   404   404   404   404
{attempt_a}save/                                         3xx   3xx   3xx   3xx   3xx   3xx   3xx
{attempt_a}submit/                                       3xx   3xx   3xx   3xx   3xx   3xx   3xx
{attempt_b}review/                                       login 404   200   404   404   404   404
{open_a}                                                 login 200   404   404   404   404   404
{open_a}save/                                            3xx   3xx   3xx   3xx   3xx   3xx   3xx
{exam}attempt/999999/review/                             login 404   404   404   404   404   404
# -- Trainee pages --------------------------------------------------------------------------------
/{lang}/my-learning/                                     login 200   200   200   200   200   200
/{lang}/accounts/profile/                                login 200   200   200   200   200   200
/{lang}/accounts/privacy/my-data.json                    login 200   200   200   200   200   200
/{lang}/accounts/privacy/delete/                         login 200   200   200   200   200   200
# -- Certificates: verification is public; the PDF only for its holder ---------------------------
/{lang}/certificates/verify/                             200   200   200   200   200   200   200
/{lang}/certificates/verify/{cert_a}/                    200   200   200   200   200   200   200
/{lang}/certificates/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ/         404   404   404   404   404   404   404
/{lang}/certificates/verify/not-a-code/                  400   400   400   400   400   400   400
/{lang}/certificates/{cert_a}/pdf/                       login 200   404   404   404   404   404
/{lang}/certificates/{cert_b}/pdf/                       login 404   200   404   404   404   404
/{lang}/certificates/{cert_a}/renew/                     login 405   405   405   405   405   405
# -- allauth --------------------------------------------------------------------------------------
/{lang}/accounts/login/                                  200   3xx   3xx   home  home  home  home
/{lang}/accounts/logout/                                 3xx   200   200   200   200   200   200
/{lang}/accounts/signup/                                 200   3xx   3xx   home  home  home  home
/{lang}/accounts/inactive/                               200   200   200   200   200   200   200
/{lang}/accounts/reauthenticate/                         login 200   200   200   200   200   200
/{lang}/accounts/email/                                  login 200   200   200   200   200   200
/{lang}/accounts/confirm-email/                          200   200   200   200   200   200   200
/{lang}/accounts/confirm-email/bogus-key/                200   200   200   200   200   200   200
/{lang}/accounts/password/change/                        login 200   200   200   200   200   200
/{lang}/accounts/password/set/                           login 3xx   3xx   3xx   3xx   3xx   3xx
/{lang}/accounts/password/reset/                         200   200   200   200   200   200   200
/{lang}/accounts/password/reset/done/                    200   200   200   200   200   200   200
/{lang}/accounts/password/reset/key/1-bogus/             200   200   200   200   200   200   200
/{lang}/accounts/password/reset/key/done/                200   200   200   200   200   200   200
/{lang}/accounts/login/code/confirm/                     login 3xx   3xx   home  home  home  home
# -- Wagtail's front-end helpers (private pages; none are private here) ---------------------------
/{lang}/_util/login/                                     login login login login login login login
/{lang}/_util/authenticate_with_password/999/{home_pk}/  404   404   404   404   404   404   404
# -- Unprefixed -----------------------------------------------------------------------------------
/healthz                                                 200   200   200   200   200   200   200
/                                                        3xx   3xx   3xx   3xx   3xx   3xx   3xx
/documents/authenticate_with_password/999/               404   404   404   404   404   404   404
# -- Lesson documents: staff, and trainees enrolled in a course that uses the document -----------
# ({doc} is used by no course: staff only. A document a lesson uses: see
# test_lesson_document_by_role below.)
/documents/{doc}                                         login 403   403   200   200   200   200
# -- Wagtail admin: the doors -------------------------------------------------------------------
/admin/                                                  login 403   403   200   200   200   200
/admin/login/                                            login login login login login login login
/admin/account/                                          login 403   403   200   200   200   200
/admin/pages/                                            login 403   403   3xx   home  home  200
/admin/pages/{course_pk}/                                login 403   403   200   home  home  200
/admin/pages/{course_pk}/edit/                           login 403   403   200   home  home  200
/admin/pages/{exam_pk}/edit/                             login 403   403   200   home  home  200
/admin/pages/{home_pk}/edit/                             login 403   403   home  home  home  200
# wagtail-modeltranslation's AJAX helper crashes on a plain GET inside the library, so
# config/urls.py lets only POST (from admin users) reach it.
/admin/pages/{course_pk}/edit/copy_translation_content/  405   403   403   405   405   405   405
/admin/snippets/                                         login 403   403   home  home  home  home
/admin/snippets/accounts/partnercountry/                 login 403   403   home  home  home  200
/admin/snippets/accounts/agency/                         login 403   403   home  home  home  200
# Accounts: only administrators (the role field can make an administrator).
/admin/users/                                            login 403   403   home  home  home  200
/admin/users/results/                                    login 403   403   home  home  home  200
/admin/users/new/                                        login 403   403   home  home  home  200
/admin/users/edit/{trainee_a}/                           login 403   403   home  home  home  200
/admin/users/edit/{manager_hn}/                          login 403   403   home  home  home  200
/admin/users/edit/{admin_pk}/                            login 403   403   home  home  home  200
/admin/users/delete/{trainee_a}/                         login 403   403   home  home  home  200
/admin/users/history/{trainee_a}/                        login 403   403   home  home  home  200
/admin/users/history-results/{trainee_a}/                login 403   403   home  home  home  200
/admin/users/usage/{trainee_a}/                          login 403   403   home  home  home  200
/admin/groups/                                           login 403   403   home  home  home  200
/admin/sites/                                            login 403   403   home  home  home  200
/admin/collections/                                      login 403   403   home  home  home  200
/admin/workflows/list/                                   login 403   403   home  home  home  200
/admin/redirects/                                        login 403   403   home  home  home  200
/admin/forms/                                            login 403   403   200   home  home  200
/admin/settings/certificates/certificatesettings/        login 403   403   home  home  home  3xx
/admin/images/                                           login 403   403   200   home  home  200
/admin/documents/                                        login 403   403   200   home  home  200
/admin/reports/site-history/                             login 403   403   200   200   200   200
/admin/test404/                                          login 403   403   200   200   200   200
/admin/password_reset/                                   404   403   403   404   404   404   404
/admin/password_reset/done/                              404   403   403   404   404   404   404
/admin/password_reset/confirm/x/y/                       404   403   403   404   404   404   404
/admin/password_reset/complete/                          404   403   403   404   404   404   404
/admin/sprite/                                           200   200   200   200   200   200   200
/admin/jsi18n/                                           200   200   200   200   200   200   200
/admin/api/main/pages/                                   login 403   403   200   200   200   200
# -- Program reports: managers within their countries, admins everywhere ------------------------
/admin/reports/program/countries/                        login 403   403   403   200   200   200
/admin/reports/program/countries/results/                login 403   403   403   200   200   200
/admin/reports/program/countries/HN/                     login 403   403   403   200   200   200
/admin/reports/program/countries/GT/                     login 403   403   403   404   200   200
/admin/reports/program/countries/GT/results/             login 403   403   403   404   200   200
/admin/reports/program/countries/GT/summary.pdf          login 403   403   403   404   200   200
/admin/reports/program/agencies/{agency_a}/              login 403   403   403   200   200   200
/admin/reports/program/agencies/{agency_b}/              login 403   403   403   404   200   200
/admin/reports/program/agencies/{agency_b}/results/      login 403   403   403   404   200   200
/admin/reports/program/trainees/{trainee_a}/             login 403   403   403   200   200   200
/admin/reports/program/trainees/{trainee_b}/             login 403   403   403   404   200   200
/admin/reports/program/trainees/{trainee_b}/results/     login 403   403   403   404   200   200
/admin/reports/program/trainees/{trainee_b}/print/       login 403   403   403   404   200   200
/admin/reports/program/all-trainees.csv                  login 403   403   403   200   200   200
/admin/reports/program/all-trainees.xlsx                 login 403   403   403   200   200   200
/admin/reports/program/courses/                          login 403   403   403   200   200   200
/admin/reports/program/courses/results/                  login 403   403   403   200   200   200
/admin/reports/program/knowledge-gain/                   login 403   403   403   200   200   200
/admin/reports/program/knowledge-gain/results/           login 403   403   403   200   200   200
/admin/reports/missing-spanish/                          login 403   403   200   200   200   200
/admin/reports/missing-spanish/results/                  login 403   403   200   200   200   200
/admin/audit-log/                                        login 403   403   home  home  home  200
/admin/audit-log/results/                                login 403   403   home  home  home  200
# -- Certificates management: scoped like the reports -------------------------------------------
/admin/certificates/                                     login 403   403   home  200   200   200
/admin/certificates/results/                             login 403   403   home  200   200   200
/admin/certificates/zip/                                 login 403   403   405   405   405   405
/admin/certificates/zips/                                login 403   403   home  200   200   200
/admin/certificates/zips/999999/                         login 403   403   home  404   404   404
/admin/certificates/{cert_a_pk}/                         login 403   403   home  200   200   200
/admin/certificates/{cert_b_pk}/                         login 403   403   home  404   200   200
/admin/certificates/{cert_b_pk}/revoke/                  login 403   403   home  404   200   200
/admin/certificates/{cert_b_pk}/reissue/                 login 403   403   home  404   200   200
/admin/certificates/{cert_b_pk}/pdf/                     login 403   403   home  404   200   200
# -- Quiz tools: whoever may edit the quiz page --------------------------------------------------
/admin/quizzes/{exam_pk}/import/                         login 403   403   200   home  home  200
/admin/quizzes/{exam_pk}/export/                         login 403   403   200   home  home  200
/admin/quizzes/{exam_pk}/statistics/                     login 403   403   200   home  home  200
/admin/quizzes/999999/statistics/                        login 403   403   404   404   404   404
# -- Last, because Wagtail signs the user out even though it answers a GET with 405 --------------
/admin/logout/                                           login login login 405   405   405   405
"""
# fmt: on

#: Wagtail's own admin views not listed above: generic editing of images,
#: documents, users, workflows... Wagtail checks the permissions; the policy
#: asserted for each is "outsiders go to sign in, nobody gets a 500".
WAGTAIL_INTERNAL_MODULES = ("wagtail.", "wagtail_modeltranslation.")
OUTSIDERS = ("anon", "trainee_a", "trainee_b")

COLUMN_ROLES = dict(
    zip(
        ["anon", "A", "B", "train", "mg_hn", "mg_al", "admin"],
        ROLES,
        strict=True,
    )
)


def parse_matrix(text: str) -> list[tuple[str, dict[str, str]]]:
    """[(url template, {role: expected})] from the table above."""
    lines = [line for line in text.strip().splitlines() if line and not line.startswith("#")]
    header = lines[0].split()[1:]
    rows = []
    for line in lines[1:]:
        url, *cells = line.split()
        assert len(cells) == len(header), f"row {url!r} has {len(cells)} cells"
        rows.append((url, {COLUMN_ROLES[h]: cell for h, cell in zip(header, cells, strict=True)}))
    return rows


ROWS = parse_matrix(MATRIX)


def is_translated(template: str) -> bool:
    return template.startswith("/{lang}/") or (
        template.startswith("{") and not template.startswith("{lang")
    )


def outcome(response) -> str:
    """The cell value a response stands for."""
    if response.status_code in (301, 302):
        location = response["Location"]
        if "/login/" in location:
            return "login"
        if location.rstrip("/").endswith("/admin"):
            return "home"
        return "3xx"
    return str(response.status_code)


def concrete_urls(world, template: str) -> list[str]:
    languages = ["en", "es"] if is_translated(template) else ["en"]
    return [template.format(**world.placeholders(language)) for language in languages]


@pytest.fixture
def world(django_capture_on_commit_callbacks):
    return build_world(django_capture_on_commit_callbacks)


def test_access_matrix(world):
    mismatches = []
    for template, expected in ROWS:
        for url in concrete_urls(world, template):
            for role in ROLES:
                got = outcome(world.client(role).get(url))
                if got != expected[role]:
                    mismatches.append(f"{url:60} {role:12} expected {expected[role]:5} got {got}")
    assert not mismatches, "Access matrix differs:\n" + "\n".join(mismatches)


# -- Every route is classified ------------------------------------------------------------


def routes(patterns=None, prefix: str = ""):
    """(route as text, callback module) of every URL pattern, nested includes flattened."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback.__module__


def route_of(url: str) -> str:
    path = url.split("?")[0]
    with translation.override("es" if path.startswith("/es/") else "en"):
        return resolve(path).route


def covered_routes(world) -> set[str]:
    covered = set()
    for template, _expected in ROWS:
        for url in concrete_urls(world, template):
            covered.add(normalise(route_of(url)))
    return covered


def normalise(route: str) -> str:
    # i18n_patterns prefixes the language (the table covers both); Django drops
    # the ``^`` anchors of nested regex routes when it resolves.
    return re.sub(r"^(en|es)/", "<lang>/", route).replace("^", "")


def test_every_route_is_classified(world):
    covered = covered_routes(world)
    unclassified = [
        route
        for route, module in routes()
        if normalise(route) not in covered
        and not (route.startswith("admin/") and module.startswith(WAGTAIL_INTERNAL_MODULES))
    ]
    assert not unclassified, (
        "Routes missing from the access matrix (add a row with the expected status per role):\n"
        + "\n".join(unclassified)
    )


# -- Wagtail's own admin views: outsiders go to sign in, nobody gets a 500 -----------------

CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)|\^|\$|\\")


def example_url(route: str, world) -> str:
    """A concrete URL for a route: ids of real objects where Wagtail needs them."""
    ids = {"page_id": world.course.pk, "parent_page_id": world.course.pk, "pk": 1}

    def value(name: str, converter: str | None) -> str:
        if converter == "int" or "id" in name or name == "pk":
            return str(ids.get(name, 1))
        return "courses" if "app" in name else "coursepage" if "model" in name else "x"

    path = REGEX_GROUP.sub(lambda m: value(m.group(1), None) if m.group(1) else "", route)
    path = CONVERTER.sub(lambda m: value(m.group(2), m.group(1)), path)
    return "/" + path.replace(".*", "x")


def test_wagtail_internal_views_keep_outsiders_out(world):
    covered = covered_routes(world)
    failures = []
    for route, module in routes():
        if not route.startswith("admin/") or not module.startswith(WAGTAIL_INTERNAL_MODULES):
            continue
        if normalise(route) in covered or route == "admin/failwhale/":
            continue
        url = example_url(route, world)
        for role in ROLES:
            got = outcome(world.client(role).get(url))
            expected = "login" if role == "anon" else "403"
            if role in OUTSIDERS and got != expected:
                failures.append(f"{url:60} {role:12} expected {expected} got {got}")
            elif got == "500":
                failures.append(f"{url:60} {role:12} got a 500")
    assert not failures, "\n".join(failures)


# -- Lesson documents used by a course ------------------------------------------------------

LESSON_DOCUMENT = """
URL                                                      anon  A     B     train mg_hn mg_al admin
/documents/{lesson_doc}                                  login 200   200   200   200   200   200
/documents/{lesson_doc}                                  login 200   403   200   200   200   200
"""


def test_lesson_document_by_role(world):
    """A document the lesson uses: its course's trainees and staff; then B leaves the course."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document(title="Checklist")
    document.file.save("checklist.txt", ContentFile(b"Checklist"), save=True)
    lesson = world.lesson.specific
    lesson.body_en = [{"type": "document", "value": {"document": document.pk, "title": ""}}]
    with translation.override("en"):
        lesson.save_revision().publish()
    lesson_doc = f"{document.pk}/{document.filename}"
    enrolled_b, leaves = parse_matrix(LESSON_DOCUMENT)
    mismatches = []
    for (template, expected), before in ((enrolled_b, None), (leaves, "leave")):
        if before == "leave":
            Enrollment.objects.filter(user=world.people["trainee_b"]).delete()
        url = template.format(lesson_doc=lesson_doc)
        for role in ROLES:
            got = outcome(world.client(role).get(url))
            if got != expected[role]:
                mismatches.append(f"{url:60} {role:12} expected {expected[role]:5} got {got}")
    assert not mismatches, "\n".join(mismatches)


# -- No object of one trainee or country is reachable by another: POSTs change nothing -----


def state() -> tuple:
    """What a forbidden POST must not change."""
    return (
        User.objects.count(),
        Enrollment.objects.count(),
        ModuleCompletion.objects.count(),
        list(Attempt.objects.order_by("pk").values_list("status", "score_percent", "position")),
        list(Answer.objects.order_by("pk").values_list("selected_choice_ids", flat=True)),
        list(Certificate.objects.order_by("pk").values_list("status", "revoke_reason")),
        AuditEvent.objects.filter(certificate__isnull=False).count(),
        list(CertificateZip.objects.order_by("pk").values_list("requested_by", "query", "status")),
    )


def other_choice_post(world) -> dict:
    question = world.open_attempt_a.snapshot["questions"][0]
    return {"shown": [str(question["id"])], f"q{question['id']}": [str(question["choices"][0])]}


def test_trainee_b_cannot_write_to_trainee_a_attempts(world):
    before = state()
    p = world.placeholders("en")
    client = world.client("trainee_b")
    for url in (f"{p['open_a']}save/", f"{p['open_a']}submit/", f"{p['attempt_a']}submit/"):
        assert client.post(url, other_choice_post(world)).status_code == 404, url
    response = client.post(
        f"{p['open_a']}save/", other_choice_post(world), HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 404 and response.json()["ok"] is False
    assert state() == before


def test_trainee_b_cannot_download_or_renew_trainee_a_certificate(world):
    before = state()
    client = world.client("trainee_b")
    code = world.cert_a.display_code
    assert client.get(f"/en/certificates/{code}/pdf/").status_code == 404
    assert client.post(f"/en/certificates/{code}/renew/").status_code == 404
    assert state() == before


@pytest.fixture
def capture_on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def test_honduras_manager_cannot_act_on_guatemalan_certificate(world, capture_on_commit):
    before = state()
    client = world.client("manager_hn")
    pk = world.cert_b.pk
    assert client.post(f"/admin/certificates/{pk}/revoke/", {"reason": "x"}).status_code == 404
    assert client.post(f"/admin/certificates/{pk}/reissue/").status_code == 404
    with capture_on_commit(execute=True) as callbacks:
        response = client.post("/admin/certificates/zip/?country=GT", {"lang": "en"})
    assert outcome(response) == "3xx" and callbacks == []  # no zip queued
    assert state() == before


def test_honduras_managers_zip_of_the_course_holds_no_guatemalan_certificate(
    world, capture_on_commit
):
    """The course has A's (Honduras) and B's (Guatemala) certificates: the zip the
    Honduras manager asks for, built by the task worker, holds A's only."""
    client = world.client("manager_hn")
    with capture_on_commit(execute=True):  # the task runs once the request commits
        response = client.post(f"/admin/certificates/zip/?course={world.course.pk}", {"lang": "en"})
    assert response["Location"].endswith("/admin/certificates/zips/")
    job = CertificateZip.objects.get(requested_by=world.people["manager_hn"])
    assert job.status == "done"
    download = client.get(f"/admin/certificates/zips/{job.pk}/")
    archive = zipfile.ZipFile(io.BytesIO(body_of(download)))
    names = archive.namelist()
    assert len(names) == 1 and world.cert_a.display_code in names[0], names
    assert not any(world.cert_b.display_code in name for name in names)
    # Nobody else can fetch that zip.
    for role in ("manager_all", "trainee_a", "trainee_b", "trainer"):
        got = outcome(world.client(role).get(f"/admin/certificates/zips/{job.pk}/"))
        assert got in ("404", "403", "home"), role


def test_trainer_and_trainees_cannot_act_on_certificates(world):
    before = state()
    pk = world.cert_b.pk
    for role in ("trainer", "trainee_a", "trainee_b", "anon"):
        response = world.client(role).post(f"/admin/certificates/{pk}/revoke/", {"reason": "x"})
        assert outcome(response) in ("login", "home", "403"), role
    assert state() == before


def test_transcript_of_guatemalan_trainee_is_hidden_from_honduras_manager(world):
    client = world.client("manager_hn")
    pk = world.people["trainee_b"].pk
    for suffix in ("", "results/", "print/", "?export=csv"):
        response = client.get(f"/admin/reports/program/trainees/{pk}/{suffix}")
        assert response.status_code == 404, suffix
        assert world.people["trainee_b"].full_name.encode() not in response.content


# -- A manager given no country (and not "all partner countries") sees no trainee data -----

#: What the Honduras manager reaches (200 in the matrix) and a manager without a
#: country must not: every country, agency, trainee and certificate is a 404.
NO_COUNTRY_404 = [
    "/admin/reports/program/countries/HN/",
    "/admin/reports/program/countries/GT/",
    "/admin/reports/program/countries/GT/summary.pdf",
    "/admin/reports/program/agencies/{agency_a}/",
    "/admin/reports/program/agencies/{agency_b}/results/",
    "/admin/reports/program/trainees/{trainee_a}/",
    "/admin/reports/program/trainees/{trainee_b}/print/",
    "/admin/certificates/{cert_a_pk}/",
    "/admin/certificates/{cert_b_pk}/pdf/",
    "/admin/certificates/{cert_b_pk}/revoke/",
    "/admin/certificates/{cert_a_pk}/reissue/",
]
#: Pages they may open (they are a manager), which list nothing.
NO_COUNTRY_EMPTY = [
    "/admin/reports/program/countries/",
    "/admin/reports/program/countries/?export=csv",
    "/admin/reports/program/courses/",
    "/admin/reports/program/knowledge-gain/",
    "/admin/reports/program/all-trainees.csv",
    "/admin/certificates/",
    "/admin/certificates/?export=csv",
]


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_manager_without_country_sees_no_trainee_data(world):
    client = world.client("manager_none")
    p = world.placeholders("en")
    secrets = [world.people[name].full_name.encode() for name in ("trainee_a", "trainee_b")] + [
        world.cert_a.display_code.encode(),
        world.cert_b.display_code.encode(),
    ]
    for template in NO_COUNTRY_404:
        response = client.get(template.format(**p), follow=True)
        assert response.status_code == 404, template
    for template in NO_COUNTRY_EMPTY:
        response = client.get(template.format(**p))
        assert response.status_code == 200, template
        content = body_of(response)
        for secret in secrets + [b"Honduras", b"Guatemala"]:
            assert secret not in content, (template, secret)
    before = state()
    client.post(f"/admin/certificates/{world.cert_a.pk}/revoke/", {"reason": "x"})
    client.post(f"/admin/certificates/{world.cert_a.pk}/reissue/")
    assert state() == before
