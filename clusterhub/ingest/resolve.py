"""Finding the registry's clusters that member and cooperation rows refer to."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from clusterhub.registry.models import Cluster


@dataclass
class ClusterIndex:
    """(source, id) -> primary key of every cluster, kept current during an import."""

    by_key: dict[tuple[str, str], int] = field(default_factory=dict)
    by_id: dict[str, list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    countries: dict[int, str] = field(default_factory=dict)
    loaded: bool = False

    def _load(self) -> None:
        if self.loaded:
            return
        rows = Cluster.objects.values_list("pk", "source", "source_id", "country")
        for pk, source, source_id, country in rows:
            self.remember(source, source_id, pk, country)
        self.loaded = True

    def remember(self, source: str, source_id: str, pk: int, country: str) -> None:
        self.countries[pk] = country
        if (source, source_id) not in self.by_key:
            self.by_id[source_id].append((source, pk))
        self.by_key[(source, source_id)] = pk

    def country_of(self, key: tuple[str, str]) -> str | None:
        """The country of the cluster (source, id) as the registry (or this run) has it."""
        self._load()
        pk = self.by_key.get(key)
        return None if pk is None else self.countries.get(pk)

    def find(self, cluster_id: str, source: str | None) -> tuple[int | None, str]:
        """The cluster's primary key, or None and the reason it could not be found."""
        self._load()
        if source is not None:
            pk = self.by_key.get((source, cluster_id))
            if pk is not None:
                return pk, ""
        candidates = self.by_id.get(cluster_id, [])
        if len(candidates) == 1:
            return candidates[0][1], ""
        if not candidates:
            return None, "is not the id of a cluster in the registry (import the clusters first)"
        sources = ", ".join(sorted(s for s, _ in candidates))
        return None, f"is the id of clusters of several sources ({sources}); name one with --source"
