import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchmarkingConfig(AppConfig):
    name = "clusterhub.benchmarking"
    verbose_name = _("Benchmarking")

    def ready(self) -> None:
        from clusterhub.benchmarking.services.surveys import remind_quiet_invitations
        from clusterhub.tasks.periodic import PeriodicJob, register

        # Every morning, clusters that have not answered for SURVEY_REMINDER_DAYS are reminded.
        register(
            PeriodicJob(
                "survey reminders",
                remind_quiet_invitations,
                every=dt.timedelta(days=1),
                at=dt.time(8, 0),
            )
        )
