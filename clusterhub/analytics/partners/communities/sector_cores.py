"""Sector cores: the organisations of one industry inside a theme, split off as a candidate of
their own."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from clusterhub.analytics.partners.tables import PartnerTables

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
