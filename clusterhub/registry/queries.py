"""Read-side questions about the registry, shared by the pages and the commands."""

from __future__ import annotations

from typing import Any

from django.db.models import Count

from clusterhub.registry.models import Cluster, ClusterTag, Member, Term
from clusterhub.registry.vocabulary_labels import country_label


def overview() -> dict[str, Any]:
    """Counts for the home page: organisations and members by country, and by ecosystem."""
    by_country = [
        {
            "code": row["country"],
            "name": country_label(row["country"]) or row["country"],
            "clusters": row["n"],
        }
        for row in Cluster.objects.values("country")
        .annotate(n=Count("id"))
        .order_by("-n", "country")
    ]
    members = dict(
        Member.objects.values("cluster__country")
        .annotate(n=Count("id"))
        .values_list("cluster__country", "n")
    )
    for row in by_country:
        row["members"] = members.get(row["code"], 0)
    ecosystem_names = dict(
        Term.objects.filter(vocabulary=Term.Vocabulary.ECOSYSTEM).values_list("code", "name")
    )
    by_ecosystem = [
        {
            "code": row["term__code"],
            "name": ecosystem_names.get(row["term__code"], ""),
            "clusters": row["n"],
        }
        for row in ClusterTag.objects.filter(field=ClusterTag.Field.ECOSYSTEMS)
        .values("term__code")
        .annotate(n=Count("cluster", distinct=True))
        .order_by("-n", "term__code")
    ]
    return {
        "total_clusters": Cluster.objects.count(),
        "total_members": Member.objects.count(),
        "has_demo": Cluster.objects.filter(is_demo=True).exists(),
        "by_country": by_country,
        "by_ecosystem": by_ecosystem,
    }
