"""Migrations of certificates that move data: nothing is lost on the way."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("accounts", "0004_existing_managers_keep_all_countries"),
    ("certificates", "0003_certificate_zip"),
]
AFTER = [
    ("accounts", "0006_certificate_history_in_audit_log"),
    ("certificates", "0006_delete_certificateevent"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def at(hour: int) -> datetime.datetime:
    return datetime.datetime(2025, 3, 4, hour, 5, 6, 789000, tzinfo=datetime.UTC)


@pytest.mark.django_db(transaction=True)
def test_certificate_events_move_into_the_audit_log_and_back():
    old = migrate(BEFORE)
    User = old.get_model("accounts", "User")
    Certificate = old.get_model("certificates", "Certificate")
    CertificateEvent = old.get_model("certificates", "CertificateEvent")
    holder = User.objects.create(email="holder@example.org", full_name="Ana Pérez")
    manager = User.objects.create(email="manager@example.org", full_name="Manager", is_staff=True)
    certificate = Certificate.objects.create(
        code="7KQ4M2ZDX9PA3HRT",
        user=holder,
        completed_at=at(8),
        holder_name="Ana Pérez",
        country_code="GT",
        course_title_en="Interviewing",
    )
    other = Certificate.objects.create(
        code="ABCDEFGHJKMNPQRS", completed_at=at(8), holder_name="X", course_title_en="C"
    )
    rows = [
        ("issued", None, at(9), "", certificate),
        ("revoked", manager, at(10), "Wrong name, see ticket 12", certificate),
        ("downloaded_bulk", manager, at(11), "", other),
    ]
    for action, actor, moment, note, about in rows:
        CertificateEvent.objects.create(
            certificate=about, action=action, actor=actor, at=moment, note=note
        )

    new = migrate(AFTER)
    AuditEvent = new.get_model("accounts", "AuditEvent")
    ContentType = new.get_model("contenttypes", "ContentType")
    kind = ContentType.objects.get(app_label="certificates", model="certificate")
    lines = AuditEvent.objects.order_by("at", "pk")
    assert [
        (line.action, line.actor_id, line.at, line.note, line.content_type_id, line.object_id)
        for line in lines
    ] == [
        (action, actor.pk if actor else None, moment, note, kind.pk, about.pk)
        for action, actor, moment, note, about in rows
    ]
    assert [(line.actor_label, line.target, line.country, line.subject_id) for line in lines] == [
        ("", "certificate 7KQ4-M2ZD-X9PA-3HRT", "GT", holder.pk),
        ("manager@example.org", "certificate 7KQ4-M2ZD-X9PA-3HRT", "GT", holder.pk),
        ("manager@example.org", "certificate ABCD-EFGH-JKMN-PQRS", "", None),
    ]

    back = migrate(BEFORE)
    restored = back.get_model("certificates", "CertificateEvent").objects.order_by("at", "pk")
    assert [(e.action, e.actor_id, e.at, e.note, e.certificate_id) for e in restored] == [
        (action, actor.pk if actor else None, moment, note, about.pk)
        for action, actor, moment, note, about in rows
    ]
    assert not back.get_model("accounts", "AuditEvent").objects.exists()
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


RECORDS = ("learning", "0002_own_tables")
TEXTS_BEFORE = [RECORDS, ("certificates", "0006_delete_certificateevent")]
TEXTS_AFTER = [RECORDS, ("certificates", "0007_snapshot_texts_per_language")]

#: Rows of the previous schema: (code, country en/es, agency en/es, course en/es).
OLD_ROWS = [
    (
        "7KQ4M2ZDX9PA3HRT",
        "Guatemala",
        "Guatemala",
        "Police",
        "Policía",
        "Interviewing",
        "Entrevista",
    ),
    ("ABCDEFGHJKMNPQRS", "Honduras", "", "", "", "Digital evidence", ""),
    ("ZZZZZZZZZZZZZZZZ", "", "", "Public Ministry", "Ministerio Público", "Ñandú «x»", "Ñandú «x»"),
]


@pytest.mark.django_db(transaction=True)
def test_snapshot_texts_move_into_one_field_per_text_keyed_by_language_and_back():
    old = migrate(TEXTS_BEFORE)
    Certificate = old.get_model("certificates", "Certificate")
    holder = old.get_model("accounts", "User").objects.create(email="holder@example.org")
    for n, (code, country_en, country_es, agency_en, agency_es, course_en, course_es) in enumerate(
        OLD_ROWS
    ):
        Certificate.objects.create(
            code=code,
            user=holder if n == 0 else None,
            completed_at=at(8),
            holder_name=f"Holder {n}",
            country_name_en=country_en,
            country_name_es=country_es,
            agency_name_en=agency_en,
            agency_name_es=agency_es,
            course_title_en=course_en,
            course_title_es=course_es,
        )

    new = migrate(TEXTS_AFTER)
    moved = new.get_model("certificates", "Certificate").objects.order_by("pk")
    assert [
        (c.code, c.holder_name, c.user_id, c.country_names, c.agency_names, c.course_titles)
        for c in moved
    ] == [
        (
            code,
            f"Holder {n}",
            holder.pk if n == 0 else None,
            {"en": country_en, "es": country_es},
            {"en": agency_en, "es": agency_es},
            {"en": course_en, "es": course_es},
        )
        for n, (code, country_en, country_es, agency_en, agency_es, course_en, course_es) in (
            enumerate(OLD_ROWS)
        )
    ]
    field_names = {f.name for f in new.get_model("certificates", "Certificate")._meta.fields}
    assert not {"course_title_en", "course_title_es"} & field_names

    back = migrate(TEXTS_BEFORE)
    restored = back.get_model("certificates", "Certificate").objects.order_by("pk")
    assert [
        (
            c.code,
            c.country_name_en,
            c.country_name_es,
            c.agency_name_en,
            c.agency_name_es,
            c.course_title_en,
            c.course_title_es,
        )
        for c in restored
    ] == OLD_ROWS
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
