"""Meta-cluster candidates: the communities of the graph, split by theme and kept when coherent
and spanning enough countries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, replace

import numpy as np
import numpy.typing as npt

from clusterhub.analytics.partners.blocks import BlockParts
from clusterhub.analytics.partners.communities.graph import (
    AFFINITY_WEIGHTS,
    DEFAULT_MAX_CLUSTERS,
    DEFAULT_NEIGHBOURS,
    DEFAULT_RESOLUTION,
    SEED,
    BadSetting,
    communities,
    similarity_graph,
)
from clusterhub.analytics.partners.communities.themes import Themes, theme_label
from clusterhub.analytics.partners.communities.tight_groups import (
    TIGHTNESS,
    similarity_between,
    tight_groups,
)
from clusterhub.analytics.partners.industry import mean_best_pair
from clusterhub.analytics.partners.score import Reason
from clusterhub.analytics.partners.tables import PartnerTables

DEFAULT_MIN_COUNTRIES = 3
DEFAULT_MIN_CLUSTERS = 3
DEFAULT_COHERENCE = 0.5
# The share of the pairs between a core of partners and another group of its theme that
# must be linked for the two to be one group: partners of one group, however loosely tied,
# join one pair in three or more; the scattered links of an industry (the demo's digital
# clusters) one in fifty.
LINKED_PAIRS = 0.05

Positions = npt.NDArray[np.int64]


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
    home = np.zeros(len(tables), dtype=np.int64)
    for c, community in enumerate(partitioned):
        home[community] = c

    def qualifies(kind: str, code: str, members: Positions) -> bool:
        return (
            len(members) >= min_clusters
            and len(set(tables.countries[members].tolist())) >= min_countries
            and themes.share(kind, code, members) >= coherence
        )

    drafts: list[_Draft] = []
    in_cores = [np.zeros(0, dtype=np.int64)]
    cores = themes.linked_cores(tables, np.arange(len(tables)), min_clusters)
    for core in themes.with_partners(tables, cores, partitioned):
        made = [
            _Draft(kind, code, members, int(np.bincount(home[members]).argmax()), core=True)
            for kind, code, members in _core_themes(themes, core, min_clusters, qualifies)
        ]
        if made:  # a core that is no candidate (too few countries) leaves its members
            drafts.extend(made)  # to their communities
            in_cores.append(core)
    taken = np.concatenate(in_cores)
    block_parts = BlockParts(tables)
    small: list[_Draft] = []  # tight groups too small to be candidates of their own
    for c, community in enumerate(partitioned):
        for kind, code, members in themes.split(np.setdiff1d(community, taken), min_clusters):
            for group in tight_groups(tables, block_parts, members, seed):
                theme = themes.main_theme(group)
                if qualifies(*theme, group):
                    drafts.append(_Draft(*theme, group, c))
                else:
                    small.append(_Draft(kind, code, group, c, rest=True))
    drafts = _merged(tables, block_parts, drafts)
    rests: dict[tuple[int, str, str], list[Positions]] = {}
    for piece in small:
        if not _joined(tables, block_parts, drafts, piece):
            rests.setdefault((piece.community, piece.kind, piece.code), []).append(piece.members)
    for (c, kind, code), parts in rests.items():
        if qualifies(kind, code, joined := np.sort(np.concatenate(parts))):
            drafts.append(_Draft(kind, code, joined, c, rest=True))
    industry = tables.industry.padded_part()
    candidates = [
        _candidate(
            tables,
            (d.kind, d.code, themes.share(d.kind, d.code, d.members)),
            d.members,
            _outside_theme(themes, d, partitioned[d.community]),
            industry,
            smes or {},
        )
        for d in drafts
    ]
    candidates.sort(key=lambda c: (-len(c.clusters), c.name))
    return _told_apart(candidates, themes)


def _core_themes(
    themes: Themes,
    core: Positions,
    min_clusters: int,
    qualifies: Callable[[str, str, Positions], bool],
) -> list[tuple[str, str, Positions]]:
    """The themes a core of partners is a candidate by: whole under its main theme (the
    ecosystem or division most of them share) when that qualifies; else split by theme;
    else, when the split leaves some out, whole under the NACE section most of them work
    in (partners of related industries, such as programming and publishing, share no
    division and may share no ecosystem)."""
    main = themes.main_theme(core)
    if qualifies(*main, core):
        return [(*main, core)]
    split = [t for t in themes.split(core, min_clusters) if qualifies(*t)]
    section = themes.main_section(core)
    if sum(len(t[2]) for t in split) < len(core) and qualifies(*section, core):
        return [(*section, core)]
    return split


@dataclass(frozen=True)
class _Draft:
    """A candidate's members before its figures: its theme, its Leiden community, and
    whether it is a core of partners, a tight group, or the rest of a theme."""

    kind: str
    code: str
    members: Positions
    community: int
    core: bool = False
    rest: bool = False


def _merging(kind: str) -> float:
    """The mean similarity at which two groups of one theme are joined: `TIGHTNESS`, less
    the ecosystem's weight for a NACE division, whose members need share no ecosystem
    (organisations of one industry without one, linked in a chain, would stay in pieces)."""
    return TIGHTNESS - (AFFINITY_WEIGHTS["ecosystem"] if kind == "division" else 0.0)


def _merged(tables: PartnerTables, block_parts: BlockParts, drafts: list[_Draft]) -> list[_Draft]:
    """Close groups of one theme in one community joined while the mean similarity between
    two of them is at least `TIGHTNESS` (the rule of the tight groups): partners who work
    together are seldom all linked pairwise, and two cliques of one group are one group;
    Leiden can stop at two halves of one tight group. A core of partners joins only a
    group it works with (`_linked`): two partnerships of one industry stay two, and
    partners who work together stay apart from others merely like them. A theme's rest
    stays apart."""
    out = [d for d in drafts if d.rest]
    close: dict[tuple[int, str, str], list[_Draft]] = {}
    for d in drafts:
        if not d.rest:
            close.setdefault((d.community, d.kind, d.code), []).append(d)
    for same in close.values():
        while len(same) > 1:
            best, pair = _merging(same[0].kind), None
            for i in range(len(same)):
                for j in range(i + 1, len(same)):
                    a, b = same[i].members, same[j].members
                    if (same[i].core or same[j].core) and not _linked(tables, a, b, dense=True):
                        continue
                    mean = float(similarity_between(tables, block_parts, a, b).mean())
                    if mean >= best:
                        best, pair = mean, (i, j)
            if pair is None:
                break
            i, j = pair
            joined = np.union1d(same[i].members, same[j].members)
            same[i] = replace(same[i], members=joined, core=same[i].core or same[j].core)
            del same[j]
        out.extend(same)
    return out


def _linked(tables: PartnerTables, a: Positions, b: Positions, dense: bool = False) -> bool:
    """Do at least half of the smaller of `a` and `b` cooperate with one of the other? A
    stray link between two groups does not make them one. With `dense`, the links must
    also join at least `LINKED_PAIRS` of the pairs between them: the dozen links of a
    founding group into the hundred organisations of its industry do not make them one."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    others = set(large.tolist())
    working = [len(tables.partners[m] & others) for m in small.tolist()]
    if 2 * sum(1 for n in working if n) < len(small):
        return False
    return not dense or sum(working) >= LINKED_PAIRS * len(small) * len(large)


def _joined(
    tables: PartnerTables, block_parts: BlockParts, drafts: list[_Draft], small: _Draft
) -> bool:
    """Join a tight group too small for a candidate to the draft of its community it is
    closest to, when the mean similarity is at least `TIGHTNESS` (the rest of a group
    whose founding partners formed a core, say), or at least `_merging` of the draft's
    theme when it works with the draft (`_linked`: the end of a chain of partners without
    an ecosystem); False when none is that close."""
    best, closest = 0.0, -1
    for n, d in enumerate(drafts):
        if d.community != small.community or d.rest:
            continue
        mean = float(similarity_between(tables, block_parts, small.members, d.members).mean())
        linked = _linked(tables, small.members, d.members)
        if mean >= (_merging(d.kind) if linked else TIGHTNESS) and mean > best:
            best, closest = mean, n
    if closest < 0:
        return False
    d = drafts[closest]
    drafts[closest] = replace(d, members=np.union1d(d.members, small.members))
    return True


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


def _outside_theme(themes: Themes, draft: _Draft, community: Positions) -> tuple[int, int]:
    """How many organisations of the draft's Leiden community (itself and the others) work
    outside its theme, and how many the community has with the draft's members. Those of
    the theme left to other candidates (a core's community holds others of its industry)
    are not counted: the sentence says they work in other industries."""
    found = np.union1d(community, draft.members)
    others = np.setdiff1d(community, draft.members)
    outside = int((~themes.has(draft.kind, draft.code, others)).sum()) if len(others) else 0
    return outside, len(found)


def _candidate(
    tables: PartnerTables,
    theme: tuple[str, str, float],
    members: npt.NDArray[np.int64],
    left_out: tuple[int, int],
    industry: npt.NDArray[np.float64],
    smes: Mapping[int, float | None],
) -> Candidate:
    t = tables
    kind, code, share = theme
    countries = sorted(set(t.countries[members].tolist()))
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
        # Organisations of the Leiden community outside the candidate and its theme.
        Reason("left_out", float(left_out[0]), {"community": left_out[1]}),
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
