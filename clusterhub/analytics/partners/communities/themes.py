"""Which ecosystems and NACE divisions organisations share: the themes a community is split
by, and the cores of partners who already cooperate."""

from __future__ import annotations

import igraph as ig
import numpy as np
import numpy.typing as npt

from clusterhub.analytics.partners.tables import PartnerTables
from clusterhub.standard.nace import DIVISIONS, SECTIONS
from clusterhub.standard.vocabularies import ECOSYSTEMS


def division_of(code: str) -> str:
    """The NACE division of a normalised code (C29.1 -> C29); a bare section stays itself."""
    return code[:3] if len(code) >= 3 else code


class Themes:
    """Which ecosystems and NACE divisions each organisation has, as boolean matrices."""

    def __init__(self, tables: PartnerTables) -> None:
        t = tables
        self.position = t.position
        self.ecosystem_codes = t.ecosystem_codes
        bits = np.arange(len(t.ecosystem_codes))
        words = t.ecosystems[:, bits // 64] >> (bits % 64).astype(np.uint64)
        self.ecosystems = (words & np.uint64(1)).astype(bool)
        self.divisions = sorted({division_of(c) for c in t.industry.codes})
        column = {d: j for j, d in enumerate(self.divisions)}
        of_code = np.array([column[division_of(c)] for c in t.industry.codes] + [-1])
        self.sector_division = np.zeros((len(t), len(self.divisions)), dtype=bool)
        padded = of_code[t.sectors]  # -1 padding maps to the extra -1 entry
        rows = np.repeat(np.arange(len(t)), t.sectors.shape[1])
        has = padded.ravel() >= 0
        self.sector_division[rows[has], padded.ravel()[has]] = True
        self.sections = sorted({d[0] for d in self.divisions})
        self.sector_section = np.zeros((len(t), len(self.sections)), dtype=bool)
        for j, letter in enumerate(self.sections):
            columns = [k for k, d in enumerate(self.divisions) if d[0] == letter]
            self.sector_section[:, j] = self.sector_division[:, columns].any(axis=1)

    def alike(self, a: int, b: int) -> bool:
        """Do organisations `a` and `b` (positions) share an ecosystem or a NACE section?"""
        return bool(
            (self.ecosystems[a] & self.ecosystems[b]).any()
            or (self.sector_section[a] & self.sector_section[b]).any()
        )

    def main_section(self, members: npt.NDArray[np.int64]) -> tuple[str, str]:
        """("section", letter) of the NACE section most of `members` work in."""
        counts = self.sector_section[members].sum(axis=0)
        if not len(counts) or counts.max() == 0:
            return "", ""
        return "section", self.sections[int(np.argmax(counts))]

    def linked_cores(
        self, tables: PartnerTables, members: npt.NDArray[np.int64], min_clusters: int
    ) -> list[npt.NDArray[np.int64]]:
        """Groups of `min_clusters` or more `members` that all cooperate with one another
        (cliques of the links between alike members), largest first, each member in one.
        Cliques rather than connected groups: the scattered links of a large community join
        most of it, while partners who founded something together are linked pairwise."""
        order = members.tolist()
        index = {m: i for i, m in enumerate(order)}
        edges = [
            (index[a], index[b])
            for a in order
            for b in tables.partners[a]
            if b in index and a < b and self.alike(a, b)
        ]
        if len(edges) < 3:
            return []
        links = ig.Graph(n=len(order), edges=edges)
        cliques = sorted(links.maximal_cliques(min=max(min_clusters, 3)), key=lambda c: -len(c))
        taken: set[int] = set()
        cores = []
        for clique in cliques:
            if taken.isdisjoint(clique):
                taken.update(clique)
                cores.append(np.array(sorted(order[i] for i in clique), dtype=np.int64))
        return cores

    def with_partners(
        self,
        tables: PartnerTables,
        cores: list[npt.NDArray[np.int64]],
        found: list[npt.NDArray[np.int64]],
    ) -> list[npt.NDArray[np.int64]]:
        """Each core (largest first) with the members of its Leiden community (the one
        holding most of the core) that cooperate with it: an organisation, or a smaller core
        as a whole, joins when at least half of its links to alike organisations of that
        community outside itself go to the core as grown so far; again until none joins.
        Partners who work together are seldom all linked pairwise, and a clique is only part
        of such a group: without this, the rest of the group stays in the community and the
        group is cut apart. An organisation whose links lead mostly elsewhere (the scattered
        links of a large community) stays out."""
        home = np.full(len(tables), -1, dtype=np.int64)
        for k, part in enumerate(found):
            home[part] = k
        core_of = {int(m): n for n, core in enumerate(cores) for m in core.tolist()}
        taken: set[int] = set()
        grown = []
        for n, core in enumerate(cores):
            if int(core[0]) in taken:  # joined a larger core
                continue
            community = int(np.bincount(home[core]).argmax())
            members = set(core.tolist())
            taken |= members
            joined = True
            while joined:
                joined = False
                linked = {b for a in members for b in tables.partners[a] if b not in taken}
                for x in sorted(linked):
                    if x in taken or home[x] != community or core_of.get(x, n + 1) <= n:
                        continue
                    unit = set(cores[core_of[x]].tolist()) if x in core_of else {x}
                    ties = self._ties(tables, unit, home, community)
                    inside = sum(1 for b in ties if b in members)
                    if inside and 2 * inside >= len(ties):
                        members |= unit
                        taken |= unit
                        joined = True
            grown.append(np.array(sorted(members), dtype=np.int64))
        return grown

    def _ties(
        self, tables: PartnerTables, unit: set[int], home: npt.NDArray[np.int64], community: int
    ) -> set[int]:
        """The alike partners of `unit`'s organisations in the community, outside `unit`."""
        return {
            b
            for a in unit
            for b in tables.partners[a]
            if b not in unit and home[b] == community and self.alike(a, b)
        }

    def main_theme(self, members: npt.NDArray[np.int64]) -> tuple[str, str]:
        """(kind, code) of the theme most of `members` share: the ecosystem carried by the
        most, or a NACE division when more share it than any ecosystem."""
        eco = self.ecosystems[members].sum(axis=0)
        div = self.sector_division[members].sum(axis=0)
        best_eco = int(eco.max()) if len(eco) else 0
        best_div = int(div.max()) if len(div) else 0
        if best_eco >= best_div and best_eco > 0:
            return "ecosystem", self.ecosystem_codes[int(np.argmax(eco))]
        if best_div > 0:
            return "division", self.divisions[int(np.argmax(div))]
        return "", ""

    def has(self, kind: str, code: str, members: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """Which of `members` have the theme (none for no theme)."""
        found: npt.NDArray[np.bool_] = np.zeros(len(members), dtype=bool)
        if kind == "ecosystem":
            found = self.ecosystems[members, self.ecosystem_codes.index(code)]
        elif kind == "division":
            found = self.sector_division[members, self.divisions.index(code)]
        elif kind == "section":
            found = self.sector_section[members, self.sections.index(code)]
        return found

    def share(self, kind: str, code: str, members: npt.NDArray[np.int64]) -> float:
        """The share of `members` that have the theme (0 for no theme or no members)."""
        return float(self.has(kind, code, members).mean()) if len(members) else 0.0

    def split(
        self, members: npt.NDArray[np.int64], min_clusters: int
    ) -> list[tuple[str, str, npt.NDArray[np.int64]]]:
        """(kind, code, members) per theme, peeled off the community largest first."""
        groups = []
        remaining = members
        while len(remaining) >= min_clusters:
            kind, code = self.main_theme(remaining)
            if not kind:
                break
            fit = self.has(kind, code, remaining)
            if kind == "ecosystem":  # with those in the division most carriers work in
                within = self.sector_division[remaining[fit]].sum(axis=0)
                if len(within) and within.max() > 0:
                    fit = fit | self.sector_division[remaining, int(np.argmax(within))]
            groups.append((kind, code, remaining[fit]))
            remaining = remaining[~fit]
        return groups


def theme_label(kind: str, code: str) -> str:
    """The English label of a theme: the ecosystem's, or the NACE division's title."""
    if kind == "ecosystem":
        return ECOSYSTEMS.get(code, code)
    if kind == "section":
        return f"{code} {SECTIONS[code][0]}" if code in SECTIONS else code
    title = DIVISIONS.get(code[1:3], "")
    return f"{code} {title}".strip()
