"""A generated registry of a few hundred clusters for the suggestions and meta-cluster candidates
at scale: varied noise (six countries, NACE codes of several sections, the standard's
ecosystems, services, needs and lifecycle stages, member counts, cooperations), planted pairs
of candidates that differ in one respect only, and planted cross-border groups. Everything is
drawn from one seeded generator and written as the standard's CSV files for `clusterhub import`.

A pair is two new candidates for an asking cluster: `worse` and `better`, equal in every column
but the one the respect is about. Their common base is close to the asking cluster in every
other respect (so both rank among its best hundred), with codes drawn at random; the `worse`
one is written first, so it gets the lower registry id and wins a tie: a tie fails the check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from clusterhub.standard.vocabularies import ECOSYSTEMS, LIFECYCLE
from tests.analytics.planted_groups import (
    COUNTRIES,
    ECOSYSTEM_CODES,
    GROUPS,
    SECTORS,
    SERVICE_CODES,
)
from tests.helpers import write_rows

STAGES = sorted(LIFECYCLE)
YOUNG, SEASONED = ("emerging", "growing"), ("mature", "renewing")

# The respects a pair differs in (the parts of the score, docs/cooperation.md).
RESPECTS = ("needs", "offers", "industry", "ecosystem", "cross_border", "lifecycle", "size")


Row = dict[str, str]


@dataclass
class Pair:
    asking: str  # source id of the asking cluster
    respect: str
    worse: str
    better: str


@dataclass
class Registry:
    clusters: list[Row] = field(default_factory=list)
    cooperations: list[Row] = field(default_factory=list)
    asking: list[str] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    # Asking cluster -> its planted partner, which would otherwise be among its best.
    planted_partner: dict[str, str] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)

    def by_id(self) -> dict[str, Row]:
        return {row["id"]: row for row in self.clusters}

    def partners_of(self, source_id: str) -> set[str]:
        """Registry partners of a cluster, either direction, by id or by (unique) name."""
        names = {(row["name"], row["country"]): row["id"] for row in self.clusters}
        found = set()
        for link in self.cooperations:
            other = link["partner_id"] or names.get(
                (link["partner_name"], link["partner_country"]), ""
            )
            if link["cluster_id"] == source_id and other:
                found.add(other)
            if other == source_id:
                found.add(link["cluster_id"])
        return found

    def write(self, folder: Path) -> tuple[Path, Path]:
        clusters = write_rows(folder / "clusters.csv", self.clusters)
        cooperations = write_rows(folder / "cooperations.csv", self.cooperations)
        return clusters, cooperations


def _codes(values: list[str] | set[str]) -> str:
    return ";".join(sorted(values))


def _split(cell: str) -> list[str]:
    return cell.split(";") if cell else []


def _section(code: str) -> str:
    return code[0]


class _Builder:
    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.registry = Registry()

    def pick(self, values: list[str], low: int, high: int) -> list[str]:
        """Between `low` and `high` different values, at random."""
        n = int(self.rng.integers(low, high + 1))
        return [str(v) for v in self.rng.choice(values, size=min(n, len(values)), replace=False)]

    def one(self, values: list[str] | set[str]) -> str:
        return str(self.rng.choice(sorted(values)))

    def add(self, row: Row) -> Row:
        self.registry.clusters.append(row)
        return row

    def link(self, a: str, b: str, *, by_name: bool = False) -> None:
        rows = self.registry.by_id()
        kind = self.one(["project", "memorandum"])
        if by_name:  # a partner named only, as many national files give them
            partner = rows[b]
            self.registry.cooperations.append(
                {"cluster_id": a, "partner_id": "", "partner_name": partner["name"],
                 "partner_country": partner["country"], "kind": kind}
            )  # fmt: skip
        else:
            self.registry.cooperations.append(
                {"cluster_id": a, "partner_id": b, "partner_name": "", "partner_country": "",
                 "kind": kind}
            )  # fmt: skip

    # --- noise ------------------------------------------------------------------------------

    def noise(self, n: int) -> None:
        for k in range(n):
            members = int(self.rng.integers(8, 400))
            self.add(
                {
                    "id": f"n{k}",
                    "name": f"Cluster {k} of the registry",
                    "country": self.one(COUNTRIES),
                    "sectors": _codes(self.pick(SECTORS, 1, 3)),
                    "ecosystems": _codes(self.pick(ECOSYSTEM_CODES, 0 if k % 9 == 0 else 1, 2)),
                    "services": _codes(self.pick(SERVICE_CODES, 1, 5)),
                    "needs": _codes(self.pick(SERVICE_CODES, 0 if k % 7 == 0 else 1, 3)),
                    "lifecycle": "" if k % 11 == 0 else self.one(STAGES),
                    "members_total": "" if k % 13 == 0 else str(members),
                    "members_sme": "" if k % 13 == 0 else str(members // 2),
                }
            )
        ids = [row["id"] for row in self.registry.clusters]
        for _ in range(n // 2):
            a, b = self.rng.choice(ids, size=2, replace=False)
            self.link(str(a), str(b), by_name=bool(self.rng.random() < 0.2))

    # --- pairs ------------------------------------------------------------------------------

    def choose_asking(self, n: int) -> None:
        """`n` noise clusters with every list filled and a known stage and size."""
        able = [
            row["id"]
            for row in self.registry.clusters
            if all(row[f] for f in ("sectors", "ecosystems", "services", "needs"))
            and row["lifecycle"]
            and row["members_total"]
        ]
        self.registry.asking = [str(a) for a in self.rng.choice(able, size=n, replace=False)]

    def base(self, me: Row) -> Row:
        """A candidate close to `me` in every respect: it offers some of what `me` needs,
        needs some of what `me` offers, shares a sector and an ecosystem, lies across the
        border, has a complementary stage and the same size."""
        needs, services = _split(me["needs"]), _split(me["services"])
        stage = me["lifecycle"]
        complementary = (
            SEASONED if stage in YOUNG else YOUNG if stage in SEASONED else [s for s in STAGES if s != stage]
        )  # fmt: skip
        extra = self.pick(SERVICE_CODES, 0, 2)
        return {
            "country": self.one(set(COUNTRIES) - {me["country"]}),
            "sectors": _codes({self.one(_split(me["sectors"])), *self.pick(SECTORS, 0, 1)}),
            "ecosystems": _codes({self.one(_split(me["ecosystems"])), *self.pick(ECOSYSTEM_CODES, 0, 1)}),
            "services": _codes({*self.pick(needs, 1, len(needs)), *extra}),
            "needs": _codes({self.one(services), *self.pick(SERVICE_CODES, 0, 1)}),
            "lifecycle": self.one(list(complementary)),
            "members_total": me["members_total"],
            "members_sme": "",
        }  # fmt: skip

    def apart(self, me: Row, respect: str, base: Row) -> tuple[Row, Row]:
        """(worse, better): `base` changed in `respect` only, once without and once with it."""
        worse, better = dict(base), dict(base)
        if respect == "needs":  # offers something I need, or nothing of it
            others = sorted(set(SERVICE_CODES) - set(_split(me["needs"])))
            worse["services"] = _codes(self.pick(others, 1, 3))
            better["services"] = _codes({*_split(worse["services"]), self.one(_split(me["needs"]))})
        elif respect == "offers":  # needs something I offer, or nothing of it
            others = sorted(set(SERVICE_CODES) - set(_split(me["services"])))
            worse["needs"] = _codes(self.pick(others, 1, 3))
            better["needs"] = _codes({*_split(worse["needs"]), self.one(_split(me["services"]))})
        elif respect == "industry":  # my sector, or one of a NACE section none of mine is in
            mine = {_section(c) for c in _split(me["sectors"])}
            unrelated = [c for c in SECTORS if _section(c) not in mine]
            worse["sectors"] = _codes(self.pick(unrelated, 1, 2))
            codes = _split(worse["sectors"])
            better["sectors"] = _codes({self.one(_split(me["sectors"])), *codes[1:]})
        elif respect == "ecosystem":  # one of my ecosystems, or only others
            others = sorted(set(ECOSYSTEM_CODES) - set(_split(me["ecosystems"])))
            worse["ecosystems"] = _codes(self.pick(others, 1, 2))
            codes = _split(worse["ecosystems"])
            better["ecosystems"] = _codes({self.one(_split(me["ecosystems"])), *codes[1:]})
        elif respect == "cross_border":  # abroad, or at home
            worse["country"] = me["country"]
            better["country"] = self.one(set(COUNTRIES) - {me["country"]})
        elif respect == "lifecycle":  # a complementary (or another) stage, or the same
            worse["lifecycle"] = me["lifecycle"]
        elif respect == "size":  # the same membership, or five times more
            worse["members_total"] = str(5 * int(me["members_total"]))
        else:
            raise ValueError(respect)
        return worse, better

    def pairs(self) -> None:
        rows = self.registry.by_id()
        for a in self.registry.asking:
            me = rows[a]
            for respect in RESPECTS:
                worse, better = self.apart(me, respect, self.base(me))
                names = {}
                for which, row in (("worse", worse), ("better", better)):
                    sid = f"{a}-{respect}-{which}"
                    names[which] = sid
                    self.add({"id": sid, "name": f"Candidate {sid}", **row})
                self.registry.pairs.append(Pair(a, respect, names["worse"], names["better"]))
            # A partner that would be among the best: left out all the same.
            partner = {**self.base(me), "id": f"{a}-partner", "name": f"Partner of {a}"}
            self.add(partner)
            self.registry.planted_partner[a] = partner["id"]
            if self.rng.random() < 0.5:
                self.link(a, partner["id"], by_name=bool(self.rng.random() < 0.3))
            else:
                self.link(partner["id"], a)

    # --- cross-border groups ----------------------------------------------------------------

    def groups(self, size: int) -> None:
        for ecosystem, sectors in GROUPS.items():
            countries = self.pick(COUNTRIES, 3, 4)
            offered = self.pick(SERVICE_CODES, 3, 4)
            ids = []
            for k in range(size):
                sid = f"{ecosystem}-{k}"
                members = int(self.rng.integers(20, 200))
                own = [sectors[k % len(sectors)], *self.pick(sectors, 0, 1)]
                services = {offered[k % len(offered)], *self.pick(offered, 0, 1)}
                needs = {offered[(k + 1) % len(offered)]} - services or {
                    offered[(k + 2) % len(offered)]
                }
                self.add(
                    {
                        "id": sid,
                        "name": f"{ECOSYSTEMS[ecosystem]} cluster {k} ({countries[k % len(countries)]})",
                        "country": countries[k % len(countries)],
                        "sectors": _codes(set(own)),
                        "ecosystems": ecosystem,
                        "services": _codes(services),
                        "needs": _codes(needs),
                        "lifecycle": self.one(STAGES),
                        "members_total": str(members),
                        "members_sme": str(members // 2),
                    }
                )  # fmt: skip
                ids.append(sid)
            # Some cooperation among them: three founding partners (in three countries)
            # work with one another, each later member with one or two of them.
            for i, a in enumerate(ids[:3]):
                for b in ids[i + 1 : 3]:
                    self.link(a, b)
            for k in range(3, size):
                for b in self.pick(ids[:3], 1, 2):
                    self.link(ids[k], b)
            self.registry.groups[ecosystem] = ids


def build_registry(
    seed: int, *, noise: int = 300, asking: int = 30, group_size: int = 6
) -> Registry:
    """The noise, `asking` clusters with a planted pair per respect and a planted partner
    each, and one cross-border group of `group_size` per entry of GROUPS."""
    builder = _Builder(seed)
    builder.noise(noise)
    builder.choose_asking(asking)
    builder.groups(group_size)
    builder.pairs()
    return builder.registry
