from django.db import migrations, models


class Migration(migrations.Migration):
    """The column alone: with a constant default, PostgreSQL adds it without
    rewriting the table (0011 fills it, 0012 indexes it)."""

    dependencies = [
        ("accounts", "0009_alter_auditevent_action"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="name_key",
            field=models.CharField(
                blank=True,
                db_default="",
                default="",
                editable=False,
                max_length=400,
                verbose_name="name for comparison",
            ),
        ),
    ]
