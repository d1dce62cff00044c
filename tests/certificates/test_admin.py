"""Managers in the Wagtail admin: scoped list, revoke, reissue, PDF and zip."""

import io
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import AuditEvent
from certificates.codes import code_generate
from certificates.models import Certificate
from tests import factories

pytestmark = pytest.mark.django_db

INDEX = "/admin/certificates/"


def not_found(response) -> bool:
    # Django's LocaleMiddleware turns an admin 404 into a redirect to /en/admin/…,
    # which is a 404 too: follow it.
    return response.status_code == 404


def admin_url(certificate, action=""):
    return f"{INDEX}{certificate.pk}/" + (f"{action}/" if action else "")


def test_manager_sees_the_certificates_menu_and_list(client, certificate, manager_gt):
    client.force_login(manager_gt)
    dashboard = client.get("/admin/").content.decode()
    assert INDEX in dashboard
    page = client.get(INDEX).content.decode()
    assert certificate.display_code in page
    assert "José Ángel Pérez Muñoz" in page


def test_trainer_has_no_certificates_menu_nor_list(client, certificate):
    trainer = factories.trainer("trainer.x@example.org")
    client.force_login(trainer)
    assert INDEX not in client.get("/admin/").content.decode()
    assert client.get(INDEX).status_code in (302, 403)


def test_trainee_cannot_reach_the_admin_list(client, certificate):
    client.force_login(certificate.user)
    response = client.get(INDEX)
    assert response.status_code in (302, 403)


def test_honduras_manager_does_not_see_a_guatemalan_certificate(client, certificate, manager_hn):
    client.force_login(manager_hn)
    assert certificate.display_code not in client.get(INDEX).content.decode()
    assert not_found(client.get(admin_url(certificate), follow=True))
    assert not_found(client.get(admin_url(certificate, "pdf"), follow=True))


def test_honduras_manager_cannot_revoke_a_guatemalan_certificate(client, certificate, manager_hn):
    client.force_login(manager_hn)
    response = client.post(admin_url(certificate, "revoke"), {"reason": "Not ours"}, follow=True)
    assert not_found(response)
    certificate.refresh_from_db()
    assert certificate.status == "valid"
    assert not AuditEvent.objects.filter(action="revoked").exists()


def test_honduras_manager_cannot_reissue_a_guatemalan_certificate(client, certificate, manager_hn):
    client.force_login(manager_hn)
    assert not_found(client.post(admin_url(certificate, "reissue"), follow=True))
    assert Certificate.objects.count() == 1


def test_manager_revokes_with_a_reason(client, certificate, manager_gt):
    client.force_login(manager_gt)
    form = client.get(admin_url(certificate, "revoke"))
    assert form.status_code == 200
    response = client.post(admin_url(certificate, "revoke"), {"reason": "Forged ID"}, follow=True)
    assert response.status_code == 200
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    assert certificate.revoked_by == manager_gt
    assert "Forged ID" in response.content.decode()


def test_revoke_without_a_reason_shows_the_form_again_and_changes_nothing(
    client, certificate, manager_gt
):
    client.force_login(manager_gt)
    response = client.post(admin_url(certificate, "revoke"), {"reason": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.status == "valid"


def test_manager_reissues_and_the_new_certificate_supersedes(client, certificate, manager_gt):
    client.force_login(manager_gt)
    response = client.post(admin_url(certificate, "reissue"))
    new = Certificate.objects.get(status="valid")
    assert response.status_code == 302
    assert response["Location"] == admin_url(new)
    assert new.supersedes == certificate
    detail = client.get(admin_url(new)).content.decode()
    assert certificate.display_code in detail  # "Replaces"
    assert manager_gt.full_name in detail  # who, in the history


def test_history_shows_who_and_when_for_each_action(client, certificate, manager_gt):
    client.force_login(manager_gt)
    client.post(admin_url(certificate, "revoke"), {"reason": "Duplicate"})
    actions = list(certificate.events.order_by("at", "pk").values_list("action", "actor_id"))
    assert actions == [("issued", None), ("revoked", manager_gt.pk)]
    assert all(event.at for event in certificate.events.all())


def test_manager_downloads_a_pdf(client, certificate, manager_all):
    client.force_login(manager_all)
    response = client.get(admin_url(certificate, "pdf") + "?lang=both")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")


def test_zip_of_a_course_is_built_in_the_background_and_holds_each_pdf(
    client, certificate, manager_all, django_capture_on_commit_callbacks
):
    from certificates.models import CertificateZip

    client.force_login(manager_all)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(f"{INDEX}zip/?course={certificate.course_id}", {"lang": "both"})
    assert response.status_code == 302 and response["Location"].endswith("/zips/")
    job = CertificateZip.objects.get(requested_by=manager_all)
    assert job.status == "pending"  # the request did not build it
    page = client.get(f"{INDEX}zips/").content.decode()
    assert "being prepared" in page
    for callback in callbacks:  # what the task worker does
        callback()
    job.refresh_from_db()
    assert job.status == "done" and job.count == 1
    response = client.get(f"{INDEX}zips/{job.pk}/")
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    assert len(names) == 1 and certificate.display_code in names[0]
    assert archive.read(names[0]).startswith(b"%PDF-")
    assert certificate.events.filter(action="downloaded_bulk", actor=manager_all).exists()


def test_another_manager_cannot_download_someone_elses_zip(
    client, certificate, manager_all, manager_hn, django_capture_on_commit_callbacks
):
    from certificates.models import CertificateZip

    client.force_login(manager_all)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{INDEX}zip/?course={certificate.course_id}")
    job = CertificateZip.objects.get()
    client.force_login(manager_hn)
    assert client.get(f"{INDEX}zips/{job.pk}/").status_code == 404
    assert "You have not asked for any zip yet." in client.get(f"{INDEX}zips/").content.decode()


def zip_built_for(client, user, query, capture_on_commit, lang="en"):
    """Asks for a zip as ``user``, lets the task worker build it, and opens it.

    Returns the zip's file names, or None when no zip was queued.
    """
    from certificates.models import CertificateZip

    client.force_login(user)
    with capture_on_commit(execute=True):  # the task runs when the request commits
        response = client.post(f"{INDEX}zip/?{query}", {"lang": lang})
    assert response.status_code == 302
    job = CertificateZip.objects.filter(requested_by=user).order_by("-pk").first()
    if job is None:
        return None
    job.refresh_from_db()
    assert job.status == "done"
    download = client.get(f"{INDEX}zips/{job.pk}/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    names = archive.namelist()
    assert job.count == len(names)
    assert all(archive.read(name).startswith(b"%PDF-") for name in names)
    return names


def test_zip_of_a_country_is_scoped_to_the_managers_countries(
    client, certificate, manager_hn, django_capture_on_commit_callbacks
):
    from certificates.models import CertificateZip

    client.force_login(manager_hn)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(f"{INDEX}zip/?country=GT", {"lang": "en"}, follow=True)
    # GT is not among the Honduras manager's country choices: no zip is queued.
    assert response.redirect_chain[-1][0] == INDEX
    assert "Choose a course or a country first." in response.content.decode()
    assert callbacks == []
    assert not CertificateZip.objects.exists()
    assert not AuditEvent.objects.filter(action="downloaded_bulk").exists()


def test_zip_needs_a_course_or_country_filter(
    client, certificate, manager_all, django_capture_on_commit_callbacks
):
    from certificates.models import CertificateZip

    client.force_login(manager_all)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(f"{INDEX}zip/", {"lang": "en"}, follow=True)
    # Sent back to the list with the reason; nothing is queued nor downloaded.
    assert response.redirect_chain == [(INDEX, 302)]
    assert "Choose a course or a country first." in response.content.decode()
    assert callbacks == []
    assert not CertificateZip.objects.exists()
    assert not AuditEvent.objects.filter(action="downloaded_bulk").exists()


def certificate_in(course, code: str) -> Certificate:
    """A valid certificate of ``course`` judged in country ``code``."""
    user = factories.trainee(f"holder.{code.lower()}@example.org", code=code)
    return Certificate.objects.create(
        code=code_generate(),
        user=user,
        course=course,
        completed_at=timezone.now(),
        holder_name=f"Holder of {code}",
        country_code=code,
        course_titles={"en": "Course"},
    )


@pytest.fixture
def manager_gt_hn(roles):
    countries = [factories.country("GT", en="Guatemala"), factories.country("HN")]
    return factories.manager("manager.gt.hn@example.org", countries=countries)


def test_manager_of_two_countries_lists_and_zips_both_and_not_a_third(
    client, certificate, manager_gt_hn, django_capture_on_commit_callbacks
):
    honduran = certificate_in(certificate.course, "HN")
    mexican = certificate_in(certificate.course, "MX")
    client.force_login(manager_gt_hn)
    listed = client.get(INDEX).content.decode()
    assert certificate.display_code in listed and honduran.display_code in listed
    assert mexican.display_code not in listed
    assert client.get(admin_url(honduran)).status_code == 200
    assert not_found(client.get(admin_url(mexican), follow=True))

    names = zip_built_for(
        client, manager_gt_hn, f"course={certificate.course_id}", django_capture_on_commit_callbacks
    )
    codes = {name.split("/")[-1].split("-", 1)[1][:19] for name in names}
    assert codes == {certificate.display_code, honduran.display_code}
    assert not mexican.events.exists()


def test_zip_of_a_course_holds_only_the_managers_countries(
    client, certificate, manager_hn, django_capture_on_commit_callbacks
):
    """The course has certificates of Guatemala and Honduras; the Honduras manager's zip
    holds the Honduran one only, and no "downloaded" line is added to the other."""
    honduran = certificate_in(certificate.course, "HN")
    names = zip_built_for(
        client, manager_hn, f"course={certificate.course_id}", django_capture_on_commit_callbacks
    )
    assert len(names) == 1
    assert honduran.display_code in names[0] and "holder-of-hn" in names[0]
    assert not any(certificate.display_code in name for name in names)
    assert not certificate.events.filter(action="downloaded_bulk").exists()
    assert honduran.events.filter(action="downloaded_bulk", actor=manager_hn).exists()


def test_list_filters_by_status_and_country(client, certificate, manager_all):
    client.force_login(manager_all)
    assert certificate.display_code in client.get(INDEX, {"status": "valid"}).content.decode()
    assert certificate.display_code not in client.get(INDEX, {"status": "revoked"}).content.decode()
    assert certificate.display_code in client.get(INDEX, {"country": "GT"}).content.decode()


def test_list_exports_csv(client, certificate, manager_all):
    client.force_login(manager_all)
    response = client.get(INDEX, {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert certificate.display_code in content
    assert "valid" in content


def add_certificates(course, count):
    now = timezone.now()
    guatemala = factories.country("GT", en="Guatemala", es="Guatemala")
    for n in range(count):
        user = factories.trainee(f"bulk{n}.{count}@example.org", code="GT")
        assert user.country == guatemala
        Certificate.objects.create(
            code=code_generate(),
            user=user,
            course=course,
            completed_at=now,
            holder_name=user.full_name,
            country_code="GT",
            course_titles={"en": "Course"},
        )


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_list_query_count_is_the_same_with_1_or_30_certificates(client, course, manager_gt):
    client.force_login(manager_gt)
    add_certificates(course, 1)
    with_one = count_queries(client, INDEX)
    add_certificates(course, 29)
    with_many = count_queries(client, INDEX)
    assert with_one == with_many


def test_certificate_settings_are_editable_in_both_languages(client, db):
    from wagtail.models import Site

    from certificates.models import CertificateSettings

    admin = factories.user("root@example.org", is_staff=True, is_superuser=True)
    client.force_login(admin)
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/certificates/certificatesettings/{site.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="programme_name_es"' in page.content.decode()
    response = client.post(
        url,
        {
            "programme_name_en": "Justice Programme",
            "programme_name_es": "Programa de Justicia",
            "signatory_1_name": "Inés Cañas",
            "signatory_1_title_en": "Director",
            "signatory_1_title_es": "Directora",
            "signatory_2_name": "",
            "signatory_2_title_en": "",
            "signatory_2_title_es": "",
        },
    )
    assert response.status_code == 302
    config = CertificateSettings.for_site(site)
    assert config.programme_name_es == "Programa de Justicia"
    assert config.signatory_1_title_es == "Directora"


# -- Scope follows what was judged: the certificate's snapshot country ---------------------


@pytest.fixture
def moved_holder(certificate):
    """The Guatemalan holder's account now says Honduras (e.g. changed by an administrator)."""
    honduras = factories.country("HN")
    User = type(certificate.user)
    User.objects.filter(pk=certificate.user_id).update(
        country=honduras, agency=factories.agency(honduras, en="Police of HN", es="Policía")
    )
    return certificate


def test_certificate_stays_with_the_guatemala_manager_after_the_holder_moves(
    client, moved_holder, manager_gt, django_capture_on_commit_callbacks
):
    certificate = moved_holder
    client.force_login(manager_gt)
    assert certificate.display_code in client.get(INDEX).content.decode()
    assert certificate.display_code in client.get(INDEX, {"country": "GT"}).content.decode()
    csv_export = b"".join(client.get(INDEX, {"export": "csv"}).streaming_content).decode()
    assert certificate.display_code in csv_export
    assert client.get(admin_url(certificate)).status_code == 200
    assert client.get(admin_url(certificate, "pdf")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{INDEX}zip/?country=GT", {"lang": "en"})
    assert response.status_code == 302
    assert certificate.events.filter(action="downloaded_bulk", actor=manager_gt).exists()
    response = client.post(admin_url(certificate, "revoke"), {"reason": "Duplicate"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == "revoked" and certificate.revoked_by == manager_gt


def test_guatemala_manager_can_reissue_after_the_holder_moves(client, moved_holder, manager_gt):
    client.force_login(manager_gt)
    response = client.post(admin_url(moved_holder, "reissue"))
    assert response.status_code == 302
    moved_holder.refresh_from_db()
    assert moved_holder.status == "superseded"


def test_honduras_manager_does_not_get_a_certificate_judged_in_guatemala(
    client, moved_holder, manager_hn
):
    certificate = moved_holder
    client.force_login(manager_hn)
    assert certificate.display_code not in client.get(INDEX).content.decode()
    csv_export = b"".join(client.get(INDEX, {"export": "csv"}).streaming_content).decode()
    assert certificate.display_code not in csv_export
    for action in ("", "pdf"):
        assert not_found(client.get(admin_url(certificate, action), follow=True)), action
    response = client.post(admin_url(certificate, "revoke"), {"reason": "Mine now"}, follow=True)
    assert not_found(response)
    assert not_found(client.post(admin_url(certificate, "reissue"), follow=True))
    certificate.refresh_from_db()
    assert certificate.status == "valid"
    assert not AuditEvent.objects.exclude(action="issued").exists()


def test_manager_without_country_sees_no_certificate(
    client, certificate, roles, django_capture_on_commit_callbacks
):
    manager = factories.manager("nobody@example.org", all_countries=False)
    client.force_login(manager)
    assert client.get(INDEX).status_code == 200
    assert certificate.display_code not in client.get(INDEX).content.decode()
    csv_export = b"".join(client.get(INDEX, {"export": "csv"}).streaming_content).decode()
    assert certificate.display_code not in csv_export
    assert not_found(client.get(admin_url(certificate), follow=True))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{INDEX}zip/?course={certificate.course_id}", {"lang": "en"})
    assert not AuditEvent.objects.filter(action="downloaded_bulk").exists()


def test_the_zips_page_shows_how_far_a_zip_is_and_updates_itself(client, manager_all):
    from wagtail.users.models import UserProfile

    from certificates.models import CertificateZip

    client.force_login(manager_all)
    job = CertificateZip.objects.create(requested_by=manager_all, count=10000, done=412)
    page = client.get(f"{INDEX}zips/").content.decode()
    assert "412 of 10,000" in page
    assert '<progress max="10000" value="412">' in page
    assert '<meta http-equiv="refresh" content="5">' in page
    profile = UserProfile.get_for_user(manager_all)
    profile.preferred_language = "es"
    profile.save()
    page = client.get(f"{INDEX}zips/").content.decode()
    assert "412 de 10\u00a0000" in page  # Django's Spanish digit grouping
    assert "Esta página se actualiza sola cada 5 segundos" in page
    CertificateZip.objects.filter(pk=job.pk).update(status="done", done=10000)
    page = client.get(f"{INDEX}zips/").content.decode()
    assert 'http-equiv="refresh"' not in page  # nothing left to wait for
    assert "10\u00a0000" in page
