"""Meta-cluster candidates: communities in the graph of organisation similarity, found with
Leiden, kept when they are coherent in industry and span enough countries. No Django.

The similarity of two organisations is made of the symmetric parts of the suggestion score
(`score.py`), each between 0 and 1:

    affinity   = 0.45 industry + 0.45 ecosystem + 0.05 needs + 0.05 offers
    similarity = affinity x (1 + 0.25 cross_border) x (1 + 3 cooperating)

Industry and ecosystem dominate, so communities are coherent in industry; what one offers
and the other needs adds a little. Crossing a border multiplies rather than adds: a foreign
organisation of the same industry is preferred to a domestic one, an unrelated foreign one
stays unrelated. Organisations that already cooperate (the `cooperations` table, either
direction) are drawn together strongly (x4: partners who work together are where a
meta-cluster starts), but only as far as they are alike. Each organisation keeps its `k` most
similar (similarity above 0), the union of these links is an undirected weighted graph (the
larger weight where both chose each other), and Leiden
(`leidenalg.RBConfigurationVertexPartition`, modularity with a resolution: higher finds
more, smaller communities; fixed seed) partitions it. Before that, organisations that all
cooperate with one another (a clique of `cooperations` links between alike organisations: a
shared ecosystem or NACE division) form a core, which takes in the members of its community
that cooperate mostly with it (`_Themes.with_partners`): a core of `min_clusters` or more is a
candidate of its own, and the communities go on without its members (unless it is no
candidate) (modularity alone cannot
see a small group inside a large community). When asked (`max_clusters`), a community larger
than that is partitioned again on its own subgraph, at the same resolution first and at
twice the resolution when it will not split, until its parts are small enough.

A community becomes candidates by theme: its dominant ecosystem (carried by the most
members) or, when more members share a NACE division than any ecosystem, that division.
The members that carry the ecosystem, or have a sector in the division most of the
ecosystem's carriers work in, form the candidate; the rest are split off and tried again
the same way, so a community that mixes two industries gives two candidates (or none).
Inside a theme, members sharing one NACE code that the others are unrelated to form a
candidate of their own (`sector_cores`).
A candidate is kept when it has `min_clusters` organisations in `min_countries` countries
and its theme is shared by at least `coherence` of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace

import igraph as ig
import leidenalg
import numpy as np
import numpy.typing as npt

from clusterhub.analytics.partners.blocks import BlockParts
from clusterhub.analytics.partners.industry import mean_best_pair
from clusterhub.analytics.partners.score import Reason
from clusterhub.analytics.partners.tables import PartnerTables
from clusterhub.standard.nace import DIVISIONS
from clusterhub.standard.vocabularies import ECOSYSTEMS

AFFINITY_WEIGHTS: dict[str, float] = {
    "industry": 0.45,
    "ecosystem": 0.45,
    "needs": 0.05,
    "offers": 0.05,
}
CROSS_BORDER_BONUS = 0.25
COOPERATION_BONUS = 3.0
DEFAULT_NEIGHBOURS = 15
DEFAULT_RESOLUTION = 1.0
DEFAULT_MIN_COUNTRIES = 3
DEFAULT_MIN_CLUSTERS = 3
DEFAULT_COHERENCE = 0.5
# No limit by default: a larger community is split only where its members already cooperate.
DEFAULT_MAX_CLUSTERS: int | None = None
# How far a community is refined: at most 2^8 times the resolution asked for.
MAX_REFINING = 2**8
SEED = 12


class BadSetting(ValueError):
    """A setting of the search that cannot be used; the message names it."""


@dataclass(frozen=True)
class CandidateCluster:
    id: int
    name: str
    country: str


@dataclass(frozen=True)
class Candidate:
    """One meta-cluster candidate. `sector` is an ecosystem code (`kind` "ecosystem") or a
    NACE division such as C29 (`kind` "division"); `name` is in English."""

    name: str
    sector: str
    kind: str
    label: str
    # Tells apart candidates of the same theme: their main NACE division (and a number when
    # that is shared too); "" when the theme has one candidate.
    qualifier: str
    countries: list[str]
    clusters: list[CandidateCluster]
    members: int
    smes: int
    reasons: list[Reason] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """Plain values only (reasons as objects with `code`, `value`, `details`)."""
        plain = asdict(self)
        plain["reasons"] = [
            {"code": r.code, "value": r.value, "details": r.details} for r in self.reasons
        ]
        return plain


@dataclass(frozen=True)
class Graph:
    """The similarity graph as edge arrays (positions in the tables), each edge once."""

    source: npt.NDArray[np.int64]
    target: npt.NDArray[np.int64]
    weight: npt.NDArray[np.float64]
    size: int


def similarity(parts: Mapping[str, npt.NDArray[np.floating]]) -> npt.NDArray[np.floating]:
    """The similarity from the parts (module docstring): one organisation's row, or a block."""
    cross = parts["cross_border"]
    total = np.zeros(cross.shape, dtype=cross.dtype)
    scratch = np.empty_like(total)
    for name, weight in AFFINITY_WEIGHTS.items():
        np.multiply(parts[name], weight, out=scratch)
        total += scratch
    np.multiply(cross, CROSS_BORDER_BONUS, out=scratch)
    scratch += 1.0
    total *= scratch
    return total


def similarity_graph(tables: PartnerTables, k: int = DEFAULT_NEIGHBOURS) -> Graph:
    """Each organisation's `k` most similar others, joined into one undirected graph."""
    if k < 1:
        raise BadSetting(f"the number of neighbours must be 1 or more, not {k}")
    n = len(tables)
    keep = min(k, n - 1)
    if keep < 1:
        empty = np.zeros(0, dtype=np.int64)
        return Graph(empty, empty, np.zeros(0), n)
    block_parts = BlockParts(tables)
    names = (*AFFINITY_WEIGHTS, "cross_border")
    step = block_parts.rows_per_block()
    sources, targets, weights = [], [], []
    for start in range(0, n, step):
        rows = np.arange(start, min(n, start + step))
        sim = similarity(block_parts(rows, names))
        for b, i in enumerate(rows.tolist()):
            if tables.partners[i]:
                sim[b, list(tables.partners[i])] *= 1.0 + COOPERATION_BONUS
        sim[np.arange(len(rows)), rows] = -1.0  # not its own neighbour
        # argpartition finds the k largest of each row in linear time, in no order.
        best = np.argpartition(-sim, keep - 1, axis=1)[:, :keep]
        sources.append(np.repeat(rows, keep))
        targets.append(best.ravel())
        weights.append(np.take_along_axis(sim, best, axis=1).ravel())
    source, target, weight = (
        np.concatenate(sources),
        np.concatenate(targets),
        np.concatenate(weights),
    )
    linked = weight > 0
    low = np.minimum(source[linked], target[linked])
    high = np.maximum(source[linked], target[linked])
    weight = weight[linked]
    # One edge per pair: the heavier direction first, then the first of each pair kept.
    order = np.lexsort((-weight, high, low))
    low, high, weight = low[order], high[order], weight[order]
    first = np.ones(len(low), dtype=bool)
    first[1:] = (low[1:] != low[:-1]) | (high[1:] != high[:-1])
    return Graph(low[first], high[first], weight[first], n)


def _leiden(g: ig.Graph, resolution: float, seed: int) -> list[npt.NDArray[np.int64]]:
    partition = leidenalg.find_partition(
        g,
        leidenalg.RBConfigurationVertexPartition,
        weights="weight",
        resolution_parameter=resolution,
        seed=seed,
        n_iterations=2,
    )
    return [np.sort(np.asarray(c, dtype=np.int64)) for c in partition if len(c)]


def communities(
    graph: Graph,
    resolution: float = DEFAULT_RESOLUTION,
    seed: int = SEED,
    max_size: int | None = DEFAULT_MAX_CLUSTERS,
) -> list[npt.NDArray[np.int64]]:
    """Leiden communities of the graph (positions), largest first. A community of more than
    `max_size` organisations is partitioned again on its own, at twice the resolution each
    time, until its parts are small enough or it does not split."""
    if not np.isfinite(resolution) or resolution <= 0:
        raise BadSetting(f"the resolution must be a number above 0, not {resolution}")
    if max_size is not None and max_size < 2:
        raise BadSetting(f"the largest candidate must have 2 clusters or more, not {max_size}")
    g = ig.Graph(n=graph.size, edges=np.column_stack([graph.source, graph.target]).tolist())
    g.es["weight"] = graph.weight.tolist()
    pending = [(c, resolution) for c in _leiden(g, resolution, seed)]
    found = []
    while pending:
        members, at = pending.pop()
        if max_size is None or len(members) <= max_size or at > resolution * MAX_REFINING:
            found.append(members)
            continue
        # On its own subgraph (whose degrees make the null model) at the same resolution
        # first; only a community that will not split is asked at twice the resolution.
        # `members` is sorted, so position i of the subgraph is members[i].
        parts = _leiden(g.induced_subgraph(members.tolist()), at, seed)
        if len(parts) == 1:
            pending.append((members, at * 2))
        else:
            pending.extend((members[part], at) for part in parts)
    found.sort(key=lambda c: (-len(c), int(c[0])))
    return found


def division_of(code: str) -> str:
    """The NACE division of a normalised code (C29.1 -> C29); a bare section stays itself."""
    return code[:3] if len(code) >= 3 else code


class _Themes:
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

    def alike(self, a: int, b: int) -> bool:
        """Do organisations `a` and `b` (positions) share an ecosystem or a NACE division?"""
        return bool(
            (self.ecosystems[a] & self.ecosystems[b]).any()
            or (self.sector_division[a] & self.sector_division[b]).any()
        )

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

    def split(
        self, members: npt.NDArray[np.int64], min_clusters: int
    ) -> list[tuple[str, str, npt.NDArray[np.int64]]]:
        """(kind, code, members) per theme, peeled off the community largest first."""
        groups = []
        remaining = members
        while len(remaining) >= min_clusters:
            eco = self.ecosystems[remaining].sum(axis=0)
            div = self.sector_division[remaining].sum(axis=0)
            best_eco = int(eco.max()) if len(eco) else 0
            best_div = int(div.max()) if len(div) else 0
            if best_eco == 0 and best_div == 0:
                break
            if best_eco >= best_div:
                e = int(np.argmax(eco))
                carriers = self.ecosystems[remaining, e]
                within = self.sector_division[remaining[carriers]].sum(axis=0)
                fit = carriers.copy()
                if len(within) and within.max() > 0:
                    fit |= self.sector_division[remaining, int(np.argmax(within))]
                groups.append(("ecosystem", self.ecosystem_codes[e], remaining[fit]))
            else:
                d = int(np.argmax(div))
                fit = self.sector_division[remaining, d]
                groups.append(("division", self.divisions[d], remaining[fit]))
            remaining = remaining[~fit]
        return groups


# A member belongs to a sector core when its mean best pair of codes with the core's members
# is at least that of NACE siblings in one division (0.5).
CORE_APART = 0.5


def _best_pairs(
    padded: npt.NDArray[np.float64], a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    """For organisations i of `a` and j of `b` (rows of padded code positions), the industry
    relatedness of their best pair of codes in `padded`: an |a| x |b| array."""
    best_to_b = np.max(np.stack([padded[:, b[:, w]] for w in range(b.shape[1])]), axis=0)
    best: npt.NDArray[np.float64] = np.max(
        np.stack([best_to_b[a[:, w]] for w in range(a.shape[1])]), axis=0
    )
    return best


def _grown_core(
    tables: PartnerTables,
    padded: npt.NDArray[np.float64],
    rest: npt.NDArray[np.int64],
    inside: npt.NDArray[np.bool_],
) -> npt.NDArray[np.bool_]:
    """`inside` with every other member of `rest` whose mean best pair to the core is
    `CORE_APART` or more (a NACE sibling or a shared code for most of the core), until
    none joins: a group of related codes is one core, not cut by one of its codes."""
    while True:
        core, others = rest[inside], rest[~inside]
        if not len(others):
            return inside
        close = _best_pairs(padded, tables.sectors[others], tables.sectors[core]).mean(axis=1)
        joining = close >= CORE_APART
        if not joining.any():
            return inside
        inside = inside.copy()
        inside[np.flatnonzero(~inside)[joining]] = True


def sector_cores(
    tables: PartnerTables,
    padded: npt.NDArray[np.float64],
    members: npt.NDArray[np.int64],
    min_clusters: int,
    min_countries: int,
) -> list[npt.NDArray[np.int64]]:
    """`members` split into their sector cores, largest first, and the rest. A core starts
    from the members sharing one NACE code (the most common first) and takes in the members
    closely related to it (`_grown_core`); it is kept when it has at least `min_clusters`
    organisations in `min_countries` countries and fewer than half of the members, so that
    the others are unrelated to it. An ecosystem gathers organisations of many industries;
    organisations of one industry inside it belong together more closely, and modularity
    cannot see them (its resolution limit) unless they already cooperate."""
    parts: list[npt.NDArray[np.int64]] = []
    rest = members
    while len(rest) >= 2 * min_clusters:
        codes = tables.sectors[rest]
        present, counts = np.unique(codes[codes >= 0], return_counts=True)
        found = None
        for n in np.argsort(-counts, kind="stable").tolist():
            if counts[n] < min_clusters:
                break
            inside = _grown_core(tables, padded, rest, (codes == int(present[n])).any(axis=1))
            core = rest[inside]
            if 2 * len(core) >= len(rest):
                continue
            if len(set(tables.countries[core].tolist())) >= min_countries:
                found = (core, rest[~inside])
                break
        if found is None:
            break
        parts.append(found[0])
        rest = found[1]
    return [*parts, rest]


def theme_label(kind: str, code: str) -> str:
    """The English label of a theme: the ecosystem's, or the NACE division's title."""
    if kind == "ecosystem":
        return ECOSYSTEMS.get(code, code)
    title = DIVISIONS.get(code[1:3], "")
    return f"{code} {title}".strip()


def find_candidates(
    tables: PartnerTables,
    *,
    min_countries: int = DEFAULT_MIN_COUNTRIES,
    resolution: float = DEFAULT_RESOLUTION,
    k: int = DEFAULT_NEIGHBOURS,
    min_clusters: int = DEFAULT_MIN_CLUSTERS,
    max_clusters: int | None = DEFAULT_MAX_CLUSTERS,
    coherence: float = DEFAULT_COHERENCE,
    smes: Mapping[int, float | None] | None = None,
    seed: int = SEED,
) -> list[Candidate]:
    """Meta-cluster candidates of the registry in `tables`, the largest first.

    `smes` maps organisation ids to their SME members (the tables carry only the total)."""
    if min_countries < 1:
        raise BadSetting(f"the minimum number of countries must be 1 or more, not {min_countries}")
    themes = _Themes(tables)
    partitioned = communities(similarity_graph(tables, k), resolution, seed, max_clusters)
    cores = themes.linked_cores(tables, np.arange(len(tables)), min_clusters)
    industry = tables.industry.padded_part()

    def themed(community: npt.NDArray[np.int64]) -> list[Candidate]:
        made = []
        split = [
            (kind, code, part)
            for kind, code, members in themes.split(community, min_clusters)
            for part in sector_cores(tables, industry, members, min_clusters, min_countries)
        ]
        for kind, code, members in split:
            countries = sorted(set(tables.countries[members].tolist()))
            if len(members) < min_clusters or len(countries) < min_countries:
                continue
            column = themes.ecosystems if kind == "ecosystem" else themes.sector_division
            codes = themes.ecosystem_codes if kind == "ecosystem" else themes.divisions
            share = float(column[members, codes.index(code)].mean())
            if share < coherence:
                continue
            left_out = len(community) - len(members)
            made.append(
                _candidate(
                    tables, (kind, code, share), members, countries, left_out, industry, smes or {}
                )
            )
        return made

    candidates = []
    kept = [np.zeros(0, dtype=np.int64)]
    for core in themes.with_partners(tables, cores, partitioned):
        made = themed(core)
        if made:  # a core that is no candidate (too few countries) leaves its members
            candidates.extend(made)  # to their communities
            kept.append(core)
    in_cores = np.concatenate(kept)
    for community in partitioned:
        candidates.extend(themed(np.setdiff1d(community, in_cores)))
    candidates.sort(key=lambda c: (-len(c.clusters), c.name))
    return _told_apart(candidates, themes)


def _told_apart(candidates: list[Candidate], themes: _Themes) -> list[Candidate]:
    """Candidates of the same theme named by their main division too (Digital (J62) and
    Digital (J63)), numbered in order of size when even that is the same."""
    same_theme = Counter((c.kind, c.sector) for c in candidates)
    qualifiers = []
    for c in candidates:
        if same_theme[(c.kind, c.sector)] < 2:
            qualifiers.append("")
            continue
        rows = np.array([themes.position[m.id] for m in c.clusters])
        counts = themes.sector_division[rows].sum(axis=0)
        main = themes.divisions[int(np.argmax(counts))] if counts.any() else ""
        qualifiers.append(main if c.kind == "ecosystem" else "")
    seen: Counter[tuple[str, str, str]] = Counter()
    repeated = Counter((c.kind, c.sector, q) for c, q in zip(candidates, qualifiers, strict=True))
    named = []
    for c, q in zip(candidates, qualifiers, strict=True):
        key = (c.kind, c.sector, q)
        seen[key] += 1
        if repeated[key] > 1:
            q = f"{q}, {seen[key]}" if q else str(seen[key])
        named.append(replace(c, qualifier=q, name=candidate_name(c.label, q, c.countries)))
    return named


def candidate_name(label: str, qualifier: str, countries: list[str]) -> str:
    """ "Tourism meta-cluster (AT, CZ, HU, SK)"; "Digital (J62) meta-cluster (…)"."""
    theme = f"{label} ({qualifier})" if qualifier else label
    return f"{theme} meta-cluster ({', '.join(countries)})"


def _candidate(
    tables: PartnerTables,
    theme: tuple[str, str, float],
    members: npt.NDArray[np.int64],
    countries: list[str],
    left_out: int,
    industry: npt.NDArray[np.float64],
    smes: Mapping[int, float | None],
) -> Candidate:
    t = tables
    kind, code, share = theme
    inside = set(members.tolist())
    links = sum(len(t.partners[i] & inside) for i in members) // 2
    clusters = sorted(
        (CandidateCluster(int(t.ids[i]), t.names[i], str(t.countries[i])) for i in members),
        key=lambda c: (c.country, c.name, c.id),
    )
    member_counts = np.nan_to_num(t.members[members], nan=0.0)
    sme_counts = [smes.get(c.id) for c in clusters]
    label = theme_label(kind, code)
    reasons = [
        Reason(
            kind,
            round(share, 4),
            {"code": code, "sharing": round(share * len(members)), "clusters": len(members)},
        ),
        Reason(
            "industry",
            round(mean_best_pair(industry, t.sectors[members]), 4),
            {"pairs": len(members) * (len(members) - 1) // 2},
        ),
        Reason("countries", float(len(countries)), {"countries": countries}),
        Reason("cooperation", float(links), {"links": links}),
        # Members of the Leiden community outside the theme (split off or dropped).
        Reason("left_out", float(left_out), {"community": len(members) + left_out}),
    ]
    return Candidate(
        name=candidate_name(label, "", countries),
        sector=code,
        kind=kind,
        label=label,
        qualifier="",
        countries=countries,
        clusters=clusters,
        members=int(member_counts.sum()),
        smes=int(sum(float(s) for s in sme_counts if s is not None and np.isfinite(float(s)))),
        reasons=reasons,
    )
