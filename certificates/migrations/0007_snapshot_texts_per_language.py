"""A certificate's snapshot texts keyed by language code instead of one column per language.

``country_name_en``/``_es``, ``agency_name_en``/``_es`` and
``course_title_en``/``_es`` become ``country_names``, ``agency_names`` and
``course_titles``, each ``{"en": ..., "es": ...}``: every row's texts are
moved over before the columns go. Going back puts each language that has a
column back in it (a language added since has none, and is dropped).
"""

from django.db import migrations, models

#: The per-language texts: (old columns' prefix, new field).
TEXTS = [
    ("country_name", "country_names"),
    ("agency_name", "agency_names"),
    ("course_title", "course_titles"),
]

#: The languages that had a column (the columns 0001 created).
OLD_LANGUAGES = ["en", "es"]

BATCH = 1000


def column(prefix: str, code: str) -> str:
    return f"{prefix}_{code}"


def columns_to_texts(apps, schema_editor):
    Certificate = apps.get_model("certificates", "Certificate")
    rows = Certificate.objects.using(schema_editor.connection.alias).order_by("pk")
    batch = []
    for certificate in rows.iterator(chunk_size=BATCH):
        for prefix, field in TEXTS:
            setattr(
                certificate,
                field,
                {code: getattr(certificate, column(prefix, code)) for code in OLD_LANGUAGES},
            )
        batch.append(certificate)
        if len(batch) == BATCH:
            Certificate.objects.bulk_update(batch, [field for _prefix, field in TEXTS])
            batch = []
    if batch:
        Certificate.objects.bulk_update(batch, [field for _prefix, field in TEXTS])


def texts_to_columns(apps, schema_editor):
    Certificate = apps.get_model("certificates", "Certificate")
    rows = Certificate.objects.using(schema_editor.connection.alias).order_by("pk")
    names = [column(prefix, code) for prefix, _field in TEXTS for code in OLD_LANGUAGES]
    batch = []
    for certificate in rows.iterator(chunk_size=BATCH):
        for prefix, field in TEXTS:
            texts = getattr(certificate, field) or {}
            for code in OLD_LANGUAGES:
                setattr(certificate, column(prefix, code), texts.get(code) or "")
        batch.append(certificate)
        if len(batch) == BATCH:
            Certificate.objects.bulk_update(batch, names)
            batch = []
    if batch:
        Certificate.objects.bulk_update(batch, names)


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0006_delete_certificateevent"),
        # The certificate table is rebuilt on SQLite: after the enrolment table's rename,
        # so that its foreign key names the enrolment table by its present name.
        ("learning", "0002_own_tables"),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="country_names",
            field=models.JSONField(blank=True, default=dict, verbose_name="country, per language"),
        ),
        migrations.AddField(
            model_name="certificate",
            name="agency_names",
            field=models.JSONField(blank=True, default=dict, verbose_name="agency, per language"),
        ),
        migrations.AddField(
            model_name="certificate",
            name="course_titles",
            field=models.JSONField(blank=True, default=dict, verbose_name="course, per language"),
        ),
        migrations.RunPython(columns_to_texts, texts_to_columns),
        # Blank allowed (no change in the database): going back, the column is
        # added to rows that exist, filled with "" before their texts are put back.
        migrations.AlterField(
            model_name="certificate",
            name="course_title_en",
            field=models.CharField(blank=True, max_length=255, verbose_name="course (English)"),
        ),
        migrations.RemoveField(model_name="certificate", name="country_name_en"),
        migrations.RemoveField(model_name="certificate", name="country_name_es"),
        migrations.RemoveField(model_name="certificate", name="agency_name_en"),
        migrations.RemoveField(model_name="certificate", name="agency_name_es"),
        migrations.RemoveField(model_name="certificate", name="course_title_en"),
        migrations.RemoveField(model_name="certificate", name="course_title_es"),
    ]
