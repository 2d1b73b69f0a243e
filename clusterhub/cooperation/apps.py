from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "clusterhub.cooperation"
    verbose_name = _("Cooperation")

    def ready(self) -> None:
        # The mapping sits below cooperation and cannot import it: cooperation adds its
        # "Related industries" panel to the mapping's category pages through the registry.
        from clusterhub.cooperation.cluster_deletion import record_deletion
        from clusterhub.cooperation.panels import related_industries
        from clusterhub.mapping.panels import register_category_panel
        from clusterhub.registry.services import on_cluster_deletion

        register_category_panel(related_industries)
        # The registry cannot import cooperation either: deleting a cluster records here
        # what it takes from meta-clusters and action plans.
        on_cluster_deletion(record_deletion)
