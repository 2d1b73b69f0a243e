"""Registries with planted cross-border groups, as plain tables for `find_candidates`: noise of
a few hundred clusters (random countries, 1-3 NACE groups of 34 in twelve sections, 0-2 of
the standard's ecosystems, services, needs, random cooperation links), and one planted group
per entry of GROUPS in 3-5 countries, all of its ecosystem, linked in one of several ways.

Plain numpy and pandas, no Django: the tests and `bench/metacluster_recall.py` share it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from clusterhub.analytics.partners import PartnerTables, build_tables
from clusterhub.analytics.partners.communities import Candidate
from clusterhub.analytics.partners.tables import codes_in
from clusterhub.standard.vocabularies import ECOSYSTEMS, SERVICES

COUNTRIES = ["CZ", "SK", "PL", "HU", "AT", "DE"]
SECTORS = [
    "A01.1", "C10.1", "C11.0", "C13.9", "C20.1", "C21.2", "C22.2", "C24.1", "C25.6",
    "C26.1", "C27.1", "C28.1", "C29.1", "C29.3", "C30.3", "D35.1", "F41.2", "F43.2",
    "G46.9", "G47.1", "H49.4", "H52.2", "I55.1", "I56.1", "J58.2", "J62.0", "J63.1",
    "M71.1", "M72.1", "M73.1", "N79.1", "Q86.1", "Q87.1", "R90.0",
]  # fmt: skip
ECOSYSTEM_CODES = sorted(ECOSYSTEMS)
SERVICE_CODES = sorted(SERVICES)
# Planted groups: ecosystem and its related NACE groups (several sections).
GROUPS = {
    "tourism": ["I55.1", "I56.1", "N79.1"],
    "digital": ["J62.0", "J63.1", "J58.2"],
    "health": ["Q86.1", "Q87.1", "C21.2"],
    "agri-food": ["C10.1", "C11.0", "A01.1"],
    "aerospace-defence": ["C30.3", "C25.6", "C28.1"],
}
# How a planted group's members cooperate.
LINKS = ("clique", "founders", "star", "chain", "sparse", "none")
# Which codes a planted group's members have: its first code only; the first code and a
# sibling in its division (X.9); or the group's codes of several sections.
CODES = ("one", "division", "mixed")


@dataclass
class Planted:
    tables: PartnerTables
    groups: dict[str, set[int]]
    # Each group's codes (as planted, so alike clusters of the noise can be told).
    codes: dict[str, set[str]]

    def verdicts(self, found: list[Candidate]) -> list[str]:
        """`verdict` of each planted group."""
        return [verdict(self, found, eco) for eco in self.groups]

    def alike(self, cluster: int, ecosystem: str) -> bool:
        """Does a cluster carry the group's ecosystem and a code of its NACE groups?"""
        t, i = self.tables, self.tables.position[cluster]
        if ecosystem not in codes_in(t.ecosystems[i], t.ecosystem_codes):
            return False
        mine = {t.industry.codes[k][:5] for k in t.sectors[i] if k >= 0}
        return bool(mine & {c[:5] for c in self.codes[ecosystem]})


def planted_registry(
    seed: int,
    links: str,
    codes: str,
    size: int,
    countries: int,
    noise: int = 300,
    ecosystems: str = "one",
) -> Planted:
    rng = np.random.default_rng(seed)
    rows: list[dict[str, object]] = []
    pairs: list[tuple[int, int]] = []

    def add(**row: object) -> int:
        row["id"] = len(rows) + 1
        rows.append(row)
        return int(row["id"])  # type: ignore[call-overload]

    def pick(values: list[str], low: int, high: int) -> list[str]:
        n = int(rng.integers(low, high + 1))
        return [str(v) for v in rng.choice(values, n, replace=False)]

    for k in range(noise):
        add(
            name=f"Cluster {k}",
            country=str(rng.choice(COUNTRIES)),
            sectors=pick(SECTORS, 1, 3),
            ecosystems=pick(ECOSYSTEM_CODES, 0 if k % 9 == 0 else 1, 2),
            services=pick(SERVICE_CODES, 1, 5),
            needs=pick(SERVICE_CODES, 1, 3),
            members_total=int(rng.integers(8, 400)),
        )
    for _ in range(noise // 2):
        a, b = rng.choice(np.arange(1, noise + 1), 2, replace=False)
        pairs.append((int(a), int(b)))
    groups, planted_codes = {}, {}
    for ecosystem, family in GROUPS.items():
        where = [str(c) for c in rng.choice(COUNTRIES, countries, replace=False)]
        if codes == "one":
            family = family[:1]
        elif codes == "division":
            family = [family[0], family[0][:3] + ".9"]
        ids = []
        for k in range(size):
            offered = [str(s) for s in rng.choice(SERVICE_CODES, 3, replace=False)]
            ids.append(
                add(
                    name=f"{ecosystem} {k}",
                    country=where[k % countries],
                    sectors=sorted({family[k % len(family)], *pick(family, 0, 1)}),
                    ecosystems=_ecosystems_of(rng, ecosystems, ecosystem),
                    services=offered[:2],
                    needs=offered[2:],
                    members_total=int(rng.integers(20, 200)),
                )
            )
        pairs.extend(_links(rng, links, ids))
        groups[ecosystem] = set(ids)
        planted_codes[ecosystem] = set(family)
    return Planted(tables_of(rows, pairs), groups, planted_codes)


def tables_of(
    rows: list[dict[str, object]], links: list[tuple[int, int]] | tuple[()] = ()
) -> PartnerTables:
    """The partner tables of rows with `id`, `name`, `country`, `members_total` and lists of
    `sectors`, `ecosystems`, `services` and `needs`, and links between ids."""
    clusters = pd.DataFrame(
        {
            "id": [r["id"] for r in rows],
            "name": [r["name"] for r in rows],
            "country": [r["country"] for r in rows],
            "nuts": "",
            "lifecycle": "",
            "members_total": [r["members_total"] for r in rows],
        }
    )
    tags = pd.DataFrame(
        [
            (r["id"], field, code)
            for r in rows
            for field in ("sectors", "ecosystems", "services", "needs")
            for code in r[field]  # type: ignore[attr-defined]
        ],
        columns=["cluster_id", "field", "code"],
    )
    cooperations = pd.DataFrame(list(links), columns=["cluster_id", "partner_id"])
    return build_tables(clusters, tags, cooperations)


def seeded_registry(seed: int, links: str, codes: str, ecosystems: str = "one") -> Planted:
    """The registry of one case and seed: groups of 4, 6, 8 or 10 clusters in 3, 4, 3 or 5
    countries, by seed (the tests and the benchmark count over the same registries)."""
    size, countries = [4, 6, 8, 10][seed % 4], [3, 4, 3, 5][seed % 4]
    return planted_registry(seed, links, codes, size, countries, ecosystems=ecosystems)


def _ecosystems_of(rng: np.random.Generator, how: str, ecosystem: str) -> list[str]:
    """A planted member's ecosystems: the group's ("one"), the group's and another at random
    ("two"), or none ("none": the group is tied by its codes only)."""
    if how == "one":
        return [ecosystem]
    if how == "two":
        return [ecosystem, str(rng.choice([e for e in ECOSYSTEM_CODES if e != ecosystem]))]
    if how == "none":
        return []
    raise ValueError(how)


def _links(rng: np.random.Generator, how: str, ids: list[int]) -> list[tuple[int, int]]:
    if how == "clique":
        return list(itertools.combinations(ids, 2))
    if how == "founders":  # three founders linked pairwise, the others to one or two
        founders = list(itertools.combinations(ids[:3], 2))
        return founders + [
            (a, int(b)) for a in ids[3:] for b in rng.choice(ids[:3], rng.integers(1, 3), False)
        ]
    if how == "star":
        return [(ids[0], b) for b in ids[1:]]
    if how == "chain":
        return list(itertools.pairwise(ids))
    if how == "sparse":  # each pair with probability 0.3
        return [(a, b) for a, b in itertools.combinations(ids, 2) if rng.random() < 0.3]
    if how == "none":
        return []
    raise ValueError(how)


def verdict(planted: Planted, found: list[Candidate], ecosystem: str) -> str:
    """ "whole" when one candidate holds the whole group and no more others than the group
    has members, or only others alike to it (`Planted.alike`); "all but one" when it lacks
    one member; "larger" (the whole group, among more and unlike others) or "cut"."""
    group = planted.groups[ecosystem]
    if not found:
        return "cut"
    best = max(found, key=lambda c: len(group & {m.id for m in c.clusters}))
    members = {m.id for m in best.clusters}
    inside = len(group & members)
    if inside < len(group) - 1:
        return "cut"
    others = members - group
    if len(others) > len(group) and not all(planted.alike(c, ecosystem) for c in others):
        return "larger"
    return "whole" if inside == len(group) else "all but one"
