from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "clusterhub.policy"
    verbose_name = _("Policy initiatives")

    def ready(self) -> None:
        # The importer and the exporter sit below this app: it hands them its table.
        from clusterhub.exchange.selection import register_table
        from clusterhub.ingest.steps import register_step
        from clusterhub.policy.exporting import initiative_records
        from clusterhub.policy.importing import import_policy_initiatives

        register_step("policy_initiatives", import_policy_initiatives)
        register_table("policy_initiatives", initiative_records)
