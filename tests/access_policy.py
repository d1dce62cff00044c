"""The access policy as a table: every URL × every role → the status expected.

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
neither fails ``test_every_route_is_classified`` (tests/test_access_matrix.py): add a row.
"""

from tests.security_world import ROLES

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
/{lang}/certificates/verify/{cert_a}/credential.jwt      200   200   200   200   200   200   200
/{lang}/certificates/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ/credential.jwt 404 404 404 404 404 404 404
/{lang}/certificates/offline/                            200   200   200   200   200   200   200
/{lang}/certificates/offline/sw.js                       200   200   200   200   200   200   200
/{lang}/certificates/offline/manifest.webmanifest        200   200   200   200   200   200   200
/{lang}/certificates/{cert_a}/pdf/                       login 200   404   404   404   404   404
/{lang}/certificates/{cert_b}/pdf/                       login 404   200   404   404   404   404
/{lang}/certificates/{cert_a}/renew/                     login 405   405   405   405   405   405
# -- Follow-up questionnaire: its e-mailed link is the credential; a wrong one is a 404 ------------
/{lang}/evaluation/follow-up/not-a-valid-token/          404   404   404   404   404   404   404
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
/.well-known/jwks.json                                   200   200   200   200   200   200   200
/certificates/status/0                                   200   200   200   200   200   200   200
/                                                        3xx   3xx   3xx   3xx   3xx   3xx   3xx
/documents/authenticate_with_password/999/               404   404   404   404   404   404   404
# -- Lesson documents: staff, and trainees enrolled in a course that uses the document -----------
# ({doc} is used by no course: staff only. A document a lesson uses: see
# test_lesson_document_by_role in tests/test_access_matrix.py.)
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
# Course topics (Settings menu): administrators edit them; trainers only tick them on a course.
/admin/snippets/courses/topic/                           login 403   403   home  home  home  200
/admin/snippets/courses/topic/add/                       login 403   403   home  home  home  200
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
/admin/reports/program/indicators/                       login 403   403   403   200   200   200
/admin/reports/program/evaluation/                       login 403   403   403   200   200   200
/admin/reports/program/evaluation/results/               login 403   403   403   200   200   200
# Likely duplicates: managers within their countries; merging is for administrators only.
/admin/reports/program/duplicates/                       login 403   403   403   200   200   200
/admin/reports/program/duplicates/merge/{trainee_a}/{trainee_b}/ login 403 403 403 403 403 200
/admin/reports/missing-spanish/                          login 403   403   200   200   200   200
/admin/reports/missing-spanish/results/                  login 403   403   200   200   200   200
/admin/audit-log/                                        login 403   403   home  home  home  200
/admin/audit-log/results/                                login 403   403   home  home  home  200
# -- Vetting: program managers within their countries, admins everywhere; others 403 ------------
/admin/vetting/                                          login 403   403   403   200   200   200
/admin/vetting/results/                                  login 403   403   403   200   200   200
/admin/vetting/{trainee_a}/                              login 403   403   403   200   200   200
/admin/vetting/{trainee_b}/                              login 403   403   403   404   200   200
/admin/vetting/999999/                                   login 403   403   403   404   404   404
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
