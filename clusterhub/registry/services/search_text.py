"""The folded text that search matches against, kept current on every write."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.db.models import F, Value
from django.db.models.functions import Concat

from clusterhub.lib.text import fold
from clusterhub.registry.models import Cluster, Member

OWN_FIELDS = ("name", "name_en", "acronym", "city", "description", "description_en")


def own_text(cluster: Cluster) -> str:
    return fold(" ".join(getattr(cluster, f) or "" for f in OWN_FIELDS))


def append_member_names(names_by_cluster: Mapping[int, Iterable[str]]) -> None:
    """Add new members' names; members are keyed by name, so names never change in place."""
    for cluster_pk, names in names_by_cluster.items():
        folded = " ".join(fold(n) for n in names)
        if folded:
            Cluster.objects.filter(pk=cluster_pk).update(
                search_members=Concat(F("search_members"), Value(" " + folded))
            )


def rebuild_member_names(cluster_pks: Iterable[int]) -> None:
    """Recompute from scratch, after members were removed."""
    for pk in cluster_pks:
        names = Member.objects.filter(cluster_id=pk).values_list("name", flat=True)
        Cluster.objects.filter(pk=pk).update(search_members=" ".join(fold(n) for n in names))
