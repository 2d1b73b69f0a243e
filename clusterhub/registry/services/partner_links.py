"""What a deleted organisation leaves in the cooperations of others."""

from __future__ import annotations

from clusterhub.audit.services import Actor, Change, record_many
from clusterhub.registry.models import Cluster, Cooperation
from clusterhub.registry.records import cooperation_record

MODEL = "cooperation"


def keep_links_by_name(cluster: Cluster, *, actor: Actor) -> int:
    """Turn other organisations' links to `cluster` into links by name and country.

    Deleting an organisation must not delete the cooperations of another one (perhaps of a
    country the deleting user may not change): they keep the partner as a partner outside
    the registry, and each change enters the history. Returns how many links were kept.
    """
    links = list(
        Cooperation.objects.filter(partner=cluster)
        .exclude(cluster=cluster)
        .select_related("cluster", "partner")
    )
    changes = []
    for link in links:
        before = cooperation_record(link)
        link.partner = None
        link.partner_name = cluster.name
        link.partner_country = cluster.country
        link.save(update_fields=["partner", "partner_name", "partner_country"])
        after = cooperation_record(link)
        changes.append(Change("update", MODEL, str(link.pk), str(link), before, after))
    if changes:
        record_many(actor, changes)
    return len(links)
