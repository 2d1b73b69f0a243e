from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "clusterhub.portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from clusterhub.portal.checks import check_secret_key

        checks.register(check_secret_key, checks.Tags.security, deploy=True)
