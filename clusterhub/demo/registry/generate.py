"""The demo data set: clusters, their members and cooperation links, from one seed."""

from __future__ import annotations

import random
from dataclasses import dataclass

from clusterhub.demo.registry.clusters import Draft, finish_cluster, new_cluster
from clusterhub.demo.registry.common import COUNTRIES, apportion
from clusterhub.demo.registry.cooperation import make_cooperations
from clusterhub.demo.registry.members import count_types, make_members
from clusterhub.demo.registry.model import Region
from clusterhub.demo.registry.nuts_names import COUNTRY_NAMES, PARENT_NAMES
from clusterhub.demo.registry.regions import REGION_BY_NUTS, regions_of

# Clusters per country, roughly in proportion to each country's real cluster landscape.
CLUSTER_COUNTS = {"CZ": 120, "SK": 60, "PL": 130, "HU": 80, "AT": 50, "DE": 80, "SI": 30, "IT": 50}
MEMBERS_TARGET = 30_000
MIN_MEMBERS, MAX_MEMBERS = 15, 200


@dataclass(frozen=True)
class DemoData:
    """The generated tables; every value is a string ("" for empty)."""

    clusters: list[dict[str, str]]
    members: list[dict[str, str]]
    cooperations: list[dict[str, str]]
    regions: list[tuple[str, str]]  # (NUTS code, native name), levels 0-3


def _member_sizes(drafts: list[Draft]) -> list[int]:
    """Skewed member counts, scaled so that the total lands near MEMBERS_TARGET."""
    scale = MEMBERS_TARGET / sum(d.weight for d in drafts)
    sizes: list[int] = []
    for _ in range(6):
        sizes = [max(MIN_MEMBERS, min(MAX_MEMBERS, round(d.weight * scale))) for d in drafts]
        scale *= MEMBERS_TARGET / sum(sizes)
    return sizes


def _region_names(codes: list[str]) -> list[tuple[str, str]]:
    names: dict[str, str] = {}
    for code in codes:
        names[code[:2]] = COUNTRY_NAMES[code[:2]]
        names[code[:3]] = PARENT_NAMES[code[:3]]
        names[code[:4]] = PARENT_NAMES[code[:4]]
        names[code] = REGION_BY_NUTS[code].name
    return sorted(names.items())


def _not_before_changes(
    drafts: list[Draft], members: list[dict[str, str]], cooperations: list[dict[str, str]]
) -> None:
    """Move `updated` forward where a member joined or a link began after it."""
    latest: dict[str, str] = {}
    for row, field in [(m, "joined") for m in members] + [(k, "since") for k in cooperations]:
        cid = row["cluster_id"]
        latest[cid] = max(latest.get(cid, ""), row[field])
    for d in drafts:
        d.row["updated"] = max(d.row["updated"], latest.get(d.row["id"], ""))


def generate(seed: int = 2026) -> DemoData:
    """Build the demo data set; the same seed always gives the same output."""
    rng = random.Random(seed)
    drafts: list[Draft] = []
    used_names: set[str] = set()
    used_domains: set[str] = set()
    for country in COUNTRIES:
        regs = regions_of(country)
        counts = apportion(CLUSTER_COUNTS[country], [reg.size for reg in regs])
        slots: list[tuple[Region, str]] = []
        for reg, n in zip(regs, counts, strict=True):
            # Quotas rather than free draws keep each region's mix true to its profile.
            keys = [k for k, _ in reg.profile]
            quotas = apportion(n, [w for _, w in reg.profile], minimum=0)
            slots += [(reg, k) for k, q in zip(keys, quotas, strict=True) for _ in range(q)]
        rng.shuffle(slots)  # ids should not group clusters by region
        for number, (reg, key) in enumerate(slots, start=1):
            cid = f"{country}-{number:03d}"
            drafts.append(new_cluster(rng, reg, key, cid, used_names, used_domains))

    members: list[dict[str, str]] = []
    for draft, size in zip(drafts, _member_sizes(drafts), strict=True):
        rows = make_members(rng, draft.ctx, size, seed)
        finish_cluster(rng, draft, count_types(rows))
        members.extend(rows)

    cooperations = make_cooperations(rng, drafts)
    _not_before_changes(drafts, members, cooperations)
    used = sorted({d.row["nuts"] for d in drafts} | {m["nuts"] for m in members})
    return DemoData([d.row for d in drafts], members, cooperations, _region_names(used))
