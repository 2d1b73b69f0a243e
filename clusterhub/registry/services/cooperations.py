"""Cooperation links between clusters, and the countries derived from them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from clusterhub.accounts.policy import Action
from clusterhub.audit.services import Actor, Change, record
from clusterhub.registry.models import Cluster, Cooperation
from clusterhub.registry.records import cooperation_record, normalise, plain_attributes
from clusterhub.registry.services.clusters import check_write, upsert_cluster

MODEL = "cooperation"


def upsert_cooperation(
    values: Mapping[str, Any], *, cluster: Cluster, partner: Cluster | None, actor: Actor
) -> tuple[Cooperation, str]:
    """Create or update the link keyed by cluster, partner (or partner name and country), kind."""
    check_write(actor, cluster, None, Action.EDIT)
    rec = normalise("cooperations", values)
    match = Cooperation.objects.filter(cluster=cluster, kind=rec.get("kind") or "")
    if partner is not None:
        match = match.filter(partner=partner)
    else:
        match = match.filter(
            partner__isnull=True,
            partner_name=rec.get("partner_name") or "",
            partner_country=rec.get("partner_country") or "",
        )
    existing = match.select_related("cluster", "partner").first()
    before = cooperation_record(existing) if existing else None
    coop = existing or Cooperation(cluster=cluster, partner=partner)
    after = {**(before or {}), **rec}
    after["cluster_id"] = cluster.source_id
    after["partner_id"] = partner.source_id if partner else None
    for attribute, value in plain_attributes("cooperations", after):
        setattr(coop, attribute, value)
    after = cooperation_record(coop)
    if existing and before == after:
        return existing, "unchanged"
    coop.save()
    record(
        actor,
        Change(
            "update" if existing else "create",
            MODEL,
            str(coop.pk),
            str(coop),
            before,
            after,
        ),
    )
    return coop, "updated" if existing else "created"


def derive_cooperation_countries(clusters: Iterable[Cluster], *, actor: Actor) -> int:
    """Add the partners' countries to each cluster's `cooperation_countries`.

    Returns how many clusters changed; each change is recorded in the history.
    """
    changed = 0
    for cluster in clusters:
        current = list(
            cluster.tags.filter(field="cooperation_countries")
            .order_by("position")
            .values_list("term__code", flat=True)
        )
        partners = Cooperation.objects.filter(cluster=cluster).select_related("partner")
        countries = sorted(
            {(c.partner.country if c.partner else c.partner_country) for c in partners}
            - {cluster.country, ""}
            - set(current)
        )
        if not countries:
            continue
        upsert_cluster(
            {"id": cluster.source_id, "cooperation_countries": current + countries},
            source=cluster.source,
            actor=actor,
            derived=["cooperation_countries"],
        )
        changed += 1
    return changed
