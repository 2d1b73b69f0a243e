from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "clusterhub.registry"
    verbose_name = _("Registry")

    def ready(self) -> None:
        post_migrate.connect(_seed_vocabularies, sender=self)
        from clusterhub.audit.signals import history_committed
        from clusterhub.registry.change_feed import feed

        history_committed.connect(feed.note_change, weak=False)


def _seed_vocabularies(**kwargs: object) -> None:
    from clusterhub.registry.services import ensure_vocabularies

    ensure_vocabularies()
