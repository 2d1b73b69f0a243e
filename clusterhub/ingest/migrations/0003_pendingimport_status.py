from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ingest", "0002_pendingimport"),
    ]

    operations = [
        # Uploads waiting from before were checked in the request: they are ready.
        migrations.AddField(
            model_name="pendingimport",
            name="status",
            field=models.CharField(
                choices=[
                    ("checking", "checking"),
                    ("ready", "checked"),
                    ("failed", "check failed"),
                ],
                default="ready",
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="pendingimport",
            name="status",
            field=models.CharField(
                choices=[
                    ("checking", "checking"),
                    ("ready", "checked"),
                    ("failed", "check failed"),
                ],
                default="checking",
                max_length=10,
                verbose_name="status",
            ),
        ),
    ]
