from typing import Any

from django.apps import AppConfig
from django.core import checks
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "clusterhub.portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from clusterhub.portal.checks import check_secret_key

        checks.register(check_secret_key, checks.Tags.security, deploy=True)
        # `clusterhub migrate` makes the database cache's table (settings.CACHES) if it is
        # missing (the portal has no models, so this listens to every app's signal).
        post_migrate.connect(create_cache_table, dispatch_uid="clusterhub-cache-table")


def create_cache_table(using: str = "default", **kwargs: Any) -> None:
    call_command("createcachetable", database=using, verbosity=0)
