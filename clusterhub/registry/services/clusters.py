"""Creating, updating and deleting cluster organisations."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.db import transaction

from clusterhub.accounts.policy import Action, NotPermitted, cluster_write_refusal
from clusterhub.audit.services import Actor, Change, delete_recorded, record
from clusterhub.registry.models import Cluster, ClusterTag, Term
from clusterhub.registry.records import (
    CLUSTER_TAG_FIELDS,
    Record,
    cluster_record,
    empty_record,
    normalise,
    plain_attributes,
)
from clusterhub.registry.services.partner_links import keep_links_by_name
from clusterhub.registry.services.search_text import own_text
from clusterhub.registry.services.taxonomy import ensure_regions, ensure_terms

MODEL = "cluster"

# What deleting a cluster takes from the records of the apps above the registry (which it
# cannot import): each app registers a hook in its ready() that records those changes in
# its own history before the database cascades them away.
_DELETION_HOOKS: list[Callable[[Cluster, Actor], None]] = []


def on_cluster_deletion(hook: Callable[[Cluster, Actor], None]) -> None:
    """Call `hook(cluster, actor)` inside every deletion of a cluster, before it goes."""
    if hook not in _DELETION_HOOKS:
        _DELETION_HOOKS.append(hook)


_TAG_VOCABULARY = {
    "sectors": Term.Vocabulary.NACE,
    "ecosystems": Term.Vocabulary.ECOSYSTEM,
    "services": Term.Vocabulary.SERVICE,
    "needs": Term.Vocabulary.SERVICE,
    "cooperation_countries": Term.Vocabulary.COUNTRY,
}


def _set_tags(cluster: Cluster, after: Record, before: Record | None) -> None:
    for field in CLUSTER_TAG_FIELDS:
        codes = after[field]
        if before is not None and before[field] == codes:
            continue
        cluster.tags.filter(field=field).delete()
        ids = ensure_terms(_TAG_VOCABULARY[field], codes)
        ClusterTag.objects.bulk_create(
            [
                ClusterTag(cluster=cluster, field=field, term_id=ids[code], position=i)
                for i, code in enumerate(codes)
            ]
        )


def upsert_cluster(
    values: Mapping[str, Any],
    *,
    source: str,
    actor: Actor,
    derived: Sequence[str] = (),
    is_demo: bool = False,
    action: Action = Action.EDIT,
) -> tuple[Cluster, str]:
    """Create or update the cluster `values["id"]` of `source`.

    `values` are clean values of the standard's `clusters` columns (as validation returns
    them); columns left out keep their current value. Returns the cluster and what
    happened: "created", "updated" or "unchanged". A person's change (`actor.user`) is
    asked of the permission policy with the record as it is and the new values (`action`
    names what they do to it: edit, restore, import); raises `NotPermitted`.
    """
    existing = (
        Cluster.objects.filter(source=source, source_id=values["id"])
        .prefetch_related("tags__term")
        .first()
    )
    before = cluster_record(existing) if existing else None
    after = {**(before or empty_record("clusters")), **normalise("clusters", values)}
    after["source"] = source
    check_write(actor, existing, after["country"], action)
    derived_after = sorted(
        set(derived) | (set(existing.derived) - set(values) if existing else set())
    )
    if existing and before == after and existing.derived == derived_after:
        return existing, "unchanged"

    cluster = existing or Cluster(source=source, source_id=values["id"])
    for attribute, value in plain_attributes("clusters", after):
        setattr(cluster, attribute, value)
    if after["nuts"]:
        ensure_regions([after["nuts"]])
    cluster.nuts_id = after["nuts"]
    cluster.derived = derived_after
    cluster.search_own = own_text(cluster)
    cluster.is_demo = is_demo or cluster.is_demo
    cluster.save()
    _set_tags(cluster, after, before)
    outcome = "updated" if existing else "created"
    record(
        actor,
        Change(
            action="update" if existing else "create",
            model=MODEL,
            object_id=str(cluster.pk),
            object_repr=cluster.name,
            before=before,
            after=after,
        ),
    )
    return cluster, outcome


def check_write(
    actor: Actor, existing: Cluster | None, new_country: str | None, action: Action
) -> None:
    """Refuse a person's write that the policy does not allow (system actors are not limited)."""
    if actor.user is None:
        return
    refusal = cluster_write_refusal(actor.user, existing, new_country, action)
    if refusal is not None:
        raise NotPermitted(refusal)


@transaction.atomic
def delete_cluster(cluster: Cluster, *, actor: Actor) -> None:
    if actor.user is not None:
        check_write(actor, cluster, cluster.country, Action.DELETE)
    keep_links_by_name(cluster, actor=actor)
    for hook in _DELETION_HOOKS:
        hook(cluster, actor)
    delete_recorded(
        cluster, model=MODEL, label=cluster.name, before=cluster_record(cluster), actor=actor
    )


def restore_cluster(cluster: Cluster, version: Record, *, actor: Actor) -> Cluster:
    """Bring back the values of an earlier version (a history entry's `after`)."""
    values = {k: v for k, v in version.items() if k not in ("id", "source")}
    values["id"] = cluster.source_id
    restored, _ = upsert_cluster(values, source=cluster.source, actor=actor, action=Action.RESTORE)
    return restored
