import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IngestConfig(AppConfig):
    name = "clusterhub.ingest"
    verbose_name = _("Imports")

    def ready(self) -> None:
        from clusterhub.ingest.uploads import purge_abandoned_uploads
        from clusterhub.tasks.periodic import PeriodicJob, register

        # Every hour, browser uploads left unconfirmed for a day are removed, with their files
        # (what `clusterhub purge_uploads` does by hand).
        register(
            PeriodicJob(
                "purge abandoned uploads", purge_abandoned_uploads, every=dt.timedelta(hours=1)
            )
        )
