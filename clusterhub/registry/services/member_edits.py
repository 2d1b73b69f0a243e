"""One member at a time, as the portal's forms edit them (imports use MemberWriter)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from clusterhub.accounts.policy import Action
from clusterhub.audit.services import Actor, Change, record
from clusterhub.registry.models import Cluster, Member
from clusterhub.registry.records import empty_record, member_record, normalise, plain_attributes
from clusterhub.registry.services.clusters import check_write
from clusterhub.registry.services.members import MODEL, row_hash
from clusterhub.registry.services.search_text import rebuild_member_names
from clusterhub.registry.services.taxonomy import ensure_regions


class DuplicateMember(ValueError):
    """Another member of the cluster already has this name."""


def save_member(
    cluster: Cluster, values: Mapping[str, Any], *, actor: Actor, member: Member | None = None
) -> Member:
    """Create a member, or change `member` (its name too); logged with before and after."""
    check_write(actor, cluster, cluster.country, Action.EDIT_MEMBERS)
    after = {**(member_record(member, cluster.source_id) if member else empty_record("members"))}
    after.update(normalise("members", values))
    after["cluster_id"] = cluster.source_id
    clash = Member.objects.filter(cluster=cluster, name=after["name"])
    if member is not None:
        clash = clash.exclude(pk=member.pk)
    if clash.exists():
        raise DuplicateMember(after["name"])
    before = member_record(member, cluster.source_id) if member else None
    if before == after and member is not None:
        return member
    target = member or Member(cluster=cluster)
    for attribute, value in plain_attributes("members", after):
        setattr(target, attribute, value)
    if after["nuts"]:
        ensure_regions([after["nuts"]])
    target.nuts_id = after["nuts"]
    target.row_hash = row_hash(after)
    target.save()
    record(
        actor,
        Change("update" if member else "create", MODEL, str(target.pk), target.name, before, after),
    )
    rebuild_member_names([cluster.pk])
    return target


def delete_member(member: Member, *, actor: Actor) -> None:
    cluster = member.cluster
    check_write(actor, cluster, cluster.country, Action.EDIT_MEMBERS)
    before = member_record(member, cluster.source_id)
    pk, name = member.pk, member.name
    member.delete()
    record(actor, Change("delete", MODEL, str(pk), name, before, None))
    rebuild_member_names([cluster.pk])
