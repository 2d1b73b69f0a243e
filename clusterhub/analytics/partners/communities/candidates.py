"""Meta-cluster candidates: the communities of the graph, split by theme and kept when coherent
and spanning enough countries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace

import numpy as np
import numpy.typing as npt

from clusterhub.analytics.partners.communities.graph import (
    DEFAULT_MAX_CLUSTERS,
    DEFAULT_NEIGHBOURS,
    DEFAULT_RESOLUTION,
    SEED,
    BadSetting,
    communities,
    similarity_graph,
)
from clusterhub.analytics.partners.communities.sector_cores import sector_cores
from clusterhub.analytics.partners.communities.themes import Themes, theme_label
from clusterhub.analytics.partners.industry import mean_best_pair
from clusterhub.analytics.partners.score import Reason
from clusterhub.analytics.partners.tables import PartnerTables

DEFAULT_MIN_COUNTRIES = 3
DEFAULT_MIN_CLUSTERS = 3
DEFAULT_COHERENCE = 0.5


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
    themes = Themes(tables)
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


def _told_apart(candidates: list[Candidate], themes: Themes) -> list[Candidate]:
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
