"""Every write to a meta-cluster itself and to its members: creation (by hand or from a
candidate in one step), editing, joining and leaving.

Each service checks the values (`checks`), asks the policy about the record as it is and
as it will be (`access`), writes in one transaction and records the change in the history.
The working group and meetings are in `group`, the strategic plan in `plans`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from clusterhub.accounts.policy import Action, can
from clusterhub.audit.services import Actor, Change, record, record_many
from clusterhub.cooperation.cluster_text import find_cluster, registry_number
from clusterhub.cooperation.metaclusters import checks
from clusterhub.cooperation.metaclusters.access import check_create, check_manage
from clusterhub.cooperation.metaclusters.checks import InvalidMetaCluster, Problems
from clusterhub.cooperation.metaclusters.records import (
    MEMBERSHIP,
    META_CLUSTER,
    WORKING_GROUP_MEMBER,
    membership_record,
    meta_cluster_record,
    person_record,
)
from clusterhub.cooperation.models import MetaCluster, MetaClusterMembership, WorkingGroupMember
from clusterhub.registry.models import Cluster
from clusterhub.standard import vocabularies as vocab

MAX_MEMBERS = 500
# Membership rows, past and present: the public page lists them all (leaving and joining
# again, each day, would add rows without end).
MAX_MEMBERSHIPS = 1000
# Addresses next to the meta-clusters' own (metaclusters/new/): never a meta-cluster's slug.
RESERVED_SLUGS = frozenset({"new", "from-candidate"})
_EDITABLE = ("name", "ecosystem", "sectors", "description", "founded")


def _clean(values: Mapping[str, Any], problems: Problems) -> dict[str, Any]:
    """The editable fields given in `values`, checked; fields left out are not returned."""
    clean: dict[str, Any] = {}
    if "name" in values:
        clean["name"] = checks.line(problems, "name", values["name"], checks.NAME_LENGTH, True)
    if "ecosystem" in values:
        clean["ecosystem"] = checks.ecosystem(problems, values["ecosystem"])
    if "sectors" in values:
        clean["sectors"] = checks.sectors(problems, values["sectors"])
    if "description" in values:
        clean["description"] = checks.text(
            problems, "description", values["description"], checks.TEXT_LENGTH
        )
    if "founded" in values:
        clean["founded"] = checks.date(problems, "founded", values["founded"])
    return clean


def _not_found(problems: Problems, field: str, value: Any) -> None:
    text = "" if value is None else str(value).strip()
    if not text:
        problems.add(field, _("This field is required."))
    else:
        problems.add(field, _("No cluster has the registry id %(value)r.") % {"value": text})


def cluster_by_id(problems: Problems, field: str, value: Any) -> Cluster | None:
    """The registry's cluster `value` names (a registry id, or a text as `find_cluster`
    reads it: "Name (CC)" from the picker), or None with the reason."""
    if isinstance(value, Cluster):
        return value
    number = registry_number(value)
    if number is None and str(value or "").strip():
        found, reason = find_cluster(value)
        if reason:
            problems.add(field, reason)
        return found
    cluster = Cluster.objects.filter(pk=number).first() if number is not None else None
    if cluster is None:
        _not_found(problems, field, value)
    return cluster


def _clusters(problems: Problems, ids: Iterable[Any], by_name: bool = True) -> list[Cluster]:
    """The clusters with the registry ids `ids`, read in one query (with `by_name`, a text
    as `find_cluster` reads it too); each value that names none is a problem."""
    wanted = list(dict.fromkeys(ids))
    if len(wanted) > MAX_MEMBERS:
        problems.add("clusters", _("At most %(limit)d member clusters.") % {"limit": MAX_MEMBERS})
        return []
    numbers = {value: registry_number(value) for value in wanted}
    known = Cluster.objects.in_bulk([n for n in numbers.values() if n is not None])
    found: dict[Cluster, None] = {}  # in the order given, each once
    for value, number in numbers.items():
        cluster = value if isinstance(value, Cluster) else known.get(number or 0)
        if cluster is None and number is None and by_name and isinstance(value, str):
            cluster, reason = find_cluster(value)  # a name: one query each
            if reason:
                problems.add("clusters", reason)
                continue
        if cluster is None:
            _not_found(problems, "clusters", value)
        else:
            found[cluster] = None
    return list(found)


def _unique_slug(name: str) -> str:
    base = slugify(name)[:180] or "meta-cluster"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or MetaCluster.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def create_meta_cluster(
    values: Mapping[str, Any],
    *,
    lead: Any,
    members: Iterable[Any] = (),
    actor: Actor,
    is_demo: bool = False,
) -> MetaCluster:
    """A new meta-cluster named `values["name"]` (with optional ecosystem, sectors,
    description, founded), led by the cluster with the registry id `lead`, with the clusters
    `members` (registry ids; the lead is always one) joining on the day it was founded."""
    problems = Problems()
    clean = _clean({"name": "", **values}, problems)
    lead_cluster = cluster_by_id(problems, "lead", lead)
    clusters = _clusters(problems, members)
    problems.raise_any()
    assert lead_cluster is not None  # raise_any() refused a missing lead
    check_create(actor, lead_cluster)
    meta = MetaCluster(lead=lead_cluster, is_demo=is_demo, slug=_unique_slug(clean["name"]))
    for field, value in clean.items():
        setattr(meta, field, value)
    meta.save()
    record(
        actor,
        Change("create", META_CLUSTER, str(meta.pk), meta.name, None, meta_cluster_record(meta)),
    )
    joined = meta.founded or dt.date.today()
    everyone = [lead_cluster, *(c for c in clusters if c != lead_cluster)]
    # In bulk: a candidate of hundreds of clusters is two inserts, not two per member.
    memberships = MetaClusterMembership.objects.bulk_create(
        [MetaClusterMembership(meta_cluster=meta, cluster=c, joined=joined) for c in everyone]
    )
    record_many(
        actor,
        (
            Change("create", MEMBERSHIP, str(m.pk), c.name, None, membership_record(m))
            for m, c in zip(memberships, everyone, strict=True)
        ),
    )
    return meta


def _join(
    meta: MetaCluster, cluster: Cluster, joined: dt.date, actor: Actor
) -> MetaClusterMembership:
    membership = MetaClusterMembership.objects.create(
        meta_cluster=meta, cluster=cluster, joined=joined
    )
    after = membership_record(membership)
    record(actor, Change("create", MEMBERSHIP, str(membership.pk), cluster.name, None, after))
    return membership


def save_recorded(
    actor: Actor,
    model: str,
    obj: Any,
    label: str,
    before: dict[str, Any] | None,
    after: dict[str, Any],
) -> None:
    """Save a part (`before` None: a new one) and record the change; an unchanged record
    is neither saved nor recorded."""
    if before == after:
        return
    obj.save()
    action = "create" if before is None else "update"
    record(actor, Change(action, model, str(obj.pk), label, before, after))


def candidate_sector(sector: Any) -> dict[str, Any]:
    """A candidate's `sector`: an ecosystem code, or NACE codes."""
    code = "" if sector is None else str(sector).strip()
    if not code:
        return {}
    if code in vocab.ECOSYSTEMS:
        return {"ecosystem": code}
    return {"sectors": code}


def _reason_text(reason: Any) -> str:
    if isinstance(reason, Mapping):
        return str(reason.get("text") or reason.get("code") or "")
    return str(reason)


def candidate_lead(actor: Actor, clusters: list[Cluster]) -> Cluster | None:
    """The default lead of a candidate: its largest cluster the actor may create one for."""
    allowed = [
        c
        for c in clusters
        if actor.user is None or can(actor.user, Action.MANAGE_META_CLUSTER, c.country)
    ]
    allowed.sort(key=lambda c: (-(c.members_total or 0), c.pk))
    return allowed[0] if allowed else None


def create_from_candidate(
    candidate: Mapping[str, Any],
    *,
    actor: Actor,
    name: str = "",
    lead: Any = None,
    founded: Any = None,
    is_demo: bool = False,
) -> MetaCluster:
    """A meta-cluster from a candidate as `clusterhub cooperation metaclusters --format
    json` prints it ({name, sector, countries, clusters: [{id, name, country}], members,
    smes, reasons}), in one step. `name` and `lead` (a registry id among the candidate's
    clusters) override the defaults: the candidate's name and its largest cluster in a
    country the actor coordinates."""
    problems = Problems()
    if not isinstance(candidate, Mapping):
        raise InvalidMetaCluster({"candidate": _("A candidate is one JSON object.")})
    rows = candidate.get("clusters")
    if not isinstance(rows, list) or not rows:
        raise InvalidMetaCluster({"clusters": _("The candidate lists no clusters.")})
    ids = [row.get("id") if isinstance(row, Mapping) else row for row in rows]
    # An id that is a list or an object names no cluster: as text, it is refused like any
    # unknown id (as it is, it cannot even be compared).
    ids = [i if i is None or isinstance(i, int | str) else str(i) for i in ids]
    clusters = _clusters(problems, ids, by_name=False)  # a candidate holds registry ids
    problems.raise_any()
    if lead in (None, ""):
        chosen = candidate_lead(actor, clusters)
        if chosen is None:
            check_create(actor, clusters[0])  # refuses: no cluster of the actor's countries
        lead = chosen
    else:
        lead = cluster_by_id(problems, "lead", lead)
        if lead is not None and lead not in clusters:
            problems.add("lead", _("The lead must be one of the candidate's clusters."))
        problems.raise_any()
    reasons = candidate.get("reasons") or []
    # What the search left out of the candidate describes the search, not the meta-cluster.
    kept = [r for r in reasons if not (isinstance(r, Mapping) and r.get("code") == "left_out")]
    texts = [_reason_text(r) for r in kept] if isinstance(reasons, list) else []
    values = {
        "name": name or candidate.get("name") or "",
        "description": "\n".join(t for t in texts if t),
        "founded": founded,
        **candidate_sector(candidate.get("sector")),
    }
    return create_meta_cluster(values, lead=lead, members=clusters, actor=actor, is_demo=is_demo)


def current_member(meta: MetaCluster, cluster: Cluster) -> MetaClusterMembership | None:
    return meta.memberships.filter(cluster=cluster, left__isnull=True).first()


@transaction.atomic
def update_meta_cluster(meta: MetaCluster, values: Mapping[str, Any], *, actor: Actor) -> str:
    """Change the fields given in `values` (those of `create_meta_cluster`, and `lead`: the
    registry id of a current member). Returns "updated" or "unchanged"."""
    check_manage(actor, meta)
    problems = Problems()
    clean = _clean({k: v for k, v in values.items() if k in _EDITABLE}, problems)
    new_lead = None
    if "lead" in values:
        new_lead = cluster_by_id(problems, "lead", values["lead"])
        if new_lead is not None and current_member(meta, new_lead) is None:
            problems.add("lead", _("The lead must be a current member of the meta-cluster."))
    problems.raise_any()
    check_manage(actor, meta, new_lead)
    before = meta_cluster_record(meta)
    for field, value in clean.items():
        setattr(meta, field, value)
    if new_lead is not None:
        meta.lead = new_lead
    after = meta_cluster_record(meta)
    if after == before:
        return "unchanged"
    meta.save()
    record(actor, Change("update", META_CLUSTER, str(meta.pk), meta.name, before, after))
    return "updated"


@transaction.atomic
def add_member(
    meta: MetaCluster, cluster: Any, *, joined: Any = None, actor: Actor
) -> MetaClusterMembership:
    """`cluster` (a registry id) joins on `joined` (default today); one who left may rejoin."""
    check_manage(actor, meta)
    problems = Problems()
    found = cluster_by_id(problems, "cluster", cluster)
    day = checks.date(problems, "joined", joined) or dt.date.today()
    if found is not None and current_member(meta, found) is not None:
        problems.add("cluster", _("%(name)s is already a member.") % {"name": found.name})
    elif meta.memberships.count() >= MAX_MEMBERSHIPS:
        problems.add(
            "cluster",
            _("A meta-cluster keeps at most %(limit)d memberships, past and present.")
            % {"limit": MAX_MEMBERSHIPS},
        )
    elif found is not None:
        # Rejoining: not on a day its former membership still covers.
        last = meta.memberships.filter(cluster=found).aggregate(last=Max("left"))["last"]
        if last is not None and day < last:
            problems.add(
                "joined",
                _("%(name)s cannot join again (%(joined)s) before it left (%(left)s).")
                % {"name": found.name, "joined": day.isoformat(), "left": last.isoformat()},
            )
    problems.raise_any()
    assert found is not None
    return _join(meta, found, day, actor)


@transaction.atomic
def remove_member(
    meta: MetaCluster, membership: MetaClusterMembership, *, left: Any = None, actor: Actor
) -> MetaClusterMembership:
    """The member leaves on `left` (default today); the row stays with its dates."""
    check_manage(actor, meta)
    problems = Problems()
    day = checks.date(problems, "left", left) or dt.date.today()
    if membership.meta_cluster_id != meta.pk or membership.left is not None:
        problems.add("membership", _("This cluster is not a current member."))
    elif membership.cluster_id == meta.lead_id:
        problems.add("membership", _("The lead cluster cannot leave; choose another lead first."))
    elif day < membership.joined:
        problems.add(
            "left",
            _("A member cannot leave (%(left)s) before it joined (%(joined)s).")
            % {"left": day.isoformat(), "joined": membership.joined.isoformat()},
        )
    problems.raise_any()
    before = membership_record(membership)
    membership.left = day
    membership.save(update_fields=["left"])
    label = membership.cluster.name
    changes = [
        Change(
            "update", MEMBERSHIP, str(membership.pk), label, before, membership_record(membership)
        )
    ]
    # Its people leave the working group with it (a member may rejoin and name them again).
    people = WorkingGroupMember.objects.filter(meta_cluster=meta, cluster=membership.cluster_id)
    for person in people.order_by("pk"):
        changes.append(
            Change(
                "delete",
                WORKING_GROUP_MEMBER,
                str(person.pk),
                person.name,
                person_record(person),
                None,
            )
        )
    people.delete()
    record_many(actor, changes)
    return membership
