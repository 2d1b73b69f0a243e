"""Tight groups: the organisations of a themed part of a community that are, on average, as
alike as organisations of one ecosystem and one NACE group, split off as candidates of
their own.

Modularity (the first partition) has a resolution limit: in a community of two hundred
organisations of one ecosystem, five that also share their industry, or already work
together, are not seen. Leiden with the constant Potts model (`CPMVertexPartition`) has no
such limit: on the complete graph of the part's similarities (`graph.similarity`, with the
cooperation bonus) it finds the groups whose mean similarity between members is above the
threshold `TIGHTNESS`, whatever their size.
"""

from __future__ import annotations

import leidenalg
import numpy as np
import numpy.typing as npt

from clusterhub.analytics.partners.blocks import BlockParts
from clusterhub.analytics.partners.communities.graph import (
    AFFINITY_WEIGHTS,
    leiden,
    similarity,
    weighted_graph,
    with_cooperation,
)
from clusterhub.analytics.partners.tables import PartnerTables

# The similarity of two organisations of one country that share their only ecosystem and a
# NACE group: 0.45 x 1 + 0.45 x 0.75 (the package's docstring). Above that of a shared
# ecosystem and NACE section across a border (0.70): a section is too wide an industry.
TIGHTNESS = AFFINITY_WEIGHTS["ecosystem"] + AFFINITY_WEIGHTS["industry"] * 0.75
# A larger part is one group: the complete graph of its similarities grows with the square
# of its size, and in a registry that large a theme's communities are many already.
LARGEST_PART = 400


def similarity_between(
    tables: PartnerTables,
    block_parts: BlockParts,
    rows: npt.NDArray[np.int64],
    columns: npt.NDArray[np.int64],
) -> npt.NDArray[np.float32]:
    """The similarity of each of `rows` to each of `columns` (positions), with the
    cooperation bonus, as a |rows| x |columns| array; two that share an ecosystem count as
    sharing their ecosystems fully (1, not the Jaccard index): a second ecosystem of one of
    them says nothing about how closely they belong together in the one they share."""
    names = ("industry", "needs", "offers", "cross_border", "ecosystem_shared")
    parts = block_parts(rows, names, columns=columns)
    parts["ecosystem"] = parts.pop("ecosystem_shared")
    sim = similarity(parts)
    with_cooperation(sim, tables, rows, columns)
    return sim


def similarity_among(
    tables: PartnerTables, block_parts: BlockParts, members: npt.NDArray[np.int64]
) -> npt.NDArray[np.float32]:
    """The similarity of every pair of `members`, as a square array (0 on the diagonal)."""
    sim = similarity_between(tables, block_parts, members, members)
    np.fill_diagonal(sim, 0.0)
    return sim


def tight_groups(
    tables: PartnerTables,
    block_parts: BlockParts,
    members: npt.NDArray[np.int64],
    seed: int,
) -> list[npt.NDArray[np.int64]]:
    """`members` (positions) partitioned into tight groups, largest first; an organisation
    alike to none of the others is a group of its own. More than `LARGEST_PART` members
    are returned as one group."""
    if len(members) < 2 or len(members) > LARGEST_PART:
        return [members]
    sim = similarity_among(tables, block_parts, members)
    a, b = np.nonzero(np.triu(sim, k=1) > 0)
    g = weighted_graph(len(members), a, b, sim[a, b])
    found = leiden(g, TIGHTNESS, seed, quality=leidenalg.CPMVertexPartition)
    groups = [np.sort(members[part]) for part in found]
    groups.sort(key=lambda c: (-len(c), int(c[0])))
    return groups
