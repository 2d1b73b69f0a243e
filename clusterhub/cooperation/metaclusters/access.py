"""Who may write what to a meta-cluster: the one policy, asked about the record as it is and
about the new values, so no write can move a meta-cluster out of the writer's reach."""

from __future__ import annotations

from clusterhub.accounts.policy import Action, NotPermitted, Refusal, can
from clusterhub.audit.services import Actor
from clusterhub.cooperation.models import MetaCluster
from clusterhub.registry.models import Cluster


def check_create(actor: Actor, lead: Cluster) -> None:
    """A new meta-cluster: coordinators (of the lead's country) create them; a system actor
    (the command line, the demo) is not limited."""
    user = actor.user
    if user is None:
        return
    if not can(user, Action.COORDINATE, lead.country) or not can(
        user, Action.MANAGE_META_CLUSTER, lead.country
    ):
        raise NotPermitted(Refusal.COUNTRY)


def check_manage(actor: Actor, meta: MetaCluster, new_lead: Cluster | None = None) -> None:
    """A change of `meta` (its parts too): the policy's yes for the meta-cluster as it is,
    and, when the lead changes, for the meta-cluster as it will be with the new lead."""
    user = actor.user
    if user is None:
        return
    if not can(user, Action.MANAGE_META_CLUSTER, meta):
        raise NotPermitted(Refusal.RECORD)
    if new_lead is not None and new_lead.pk != meta.lead_id:
        # An unsaved copy with the new lead: the policy reads its lead and lead's country.
        after = MetaCluster(pk=meta.pk, name=meta.name, lead=new_lead)
        if not can(user, Action.MANAGE_META_CLUSTER, after):
            raise NotPermitted(Refusal.COUNTRY)
