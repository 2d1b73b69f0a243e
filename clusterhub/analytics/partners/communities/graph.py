"""The graph of organisation similarity and its Leiden communities (see the package's
docstring for the formulas)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import igraph as ig
import leidenalg
import numpy as np
import numpy.typing as npt

from clusterhub.analytics.partners.blocks import BlockParts
from clusterhub.analytics.partners.tables import PartnerTables

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
# No limit by default: a larger community is split only where its members already cooperate.
DEFAULT_MAX_CLUSTERS: int | None = None
# How far a community is refined: at most 2^8 times the resolution asked for.
MAX_REFINING = 2**8
SEED = 12


class BadSetting(ValueError):
    """A setting of the search that cannot be used; the message names it."""


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


def with_cooperation(
    sim: npt.NDArray[np.floating],
    tables: PartnerTables,
    rows: npt.NDArray[np.int64],
    columns: npt.NDArray[np.int64] | None = None,
) -> None:
    """Multiply, in place, the similarity of organisations that already cooperate by
    1 + `COOPERATION_BONUS`: `sim` holds `rows` against every organisation, or against
    `columns` (positions)."""
    where = None if columns is None else {int(m): k for k, m in enumerate(columns.tolist())}
    for k, m in enumerate(rows.tolist()):
        partners = tables.partners[m]
        linked = list(partners) if where is None else [where[p] for p in partners if p in where]
        if linked:
            sim[k, linked] *= 1.0 + COOPERATION_BONUS


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
        with_cooperation(sim, tables, rows)
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


def weighted_graph(
    size: int,
    source: npt.NDArray[np.int64],
    target: npt.NDArray[np.int64],
    weight: npt.NDArray[np.floating],
) -> ig.Graph:
    """An undirected igraph graph of `size` vertices with weighted edges."""
    g = ig.Graph(n=size, edges=np.column_stack([source, target]).tolist())
    g.es["weight"] = np.asarray(weight, dtype=np.float64).tolist()
    return g


def leiden(
    g: ig.Graph,
    resolution: float,
    seed: int,
    quality: type = leidenalg.RBConfigurationVertexPartition,
) -> list[npt.NDArray[np.int64]]:
    """The non-empty communities (sorted vertex arrays) Leiden finds for the `quality`
    function (modularity with a resolution by default) at `resolution`."""
    partition = leidenalg.find_partition(
        g,
        quality,
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
    g = weighted_graph(graph.size, graph.source, graph.target, graph.weight)
    pending = [(c, resolution) for c in leiden(g, resolution, seed)]
    found = []
    while pending:
        members, at = pending.pop()
        if max_size is None or len(members) <= max_size or at > resolution * MAX_REFINING:
            found.append(members)
            continue
        # On its own subgraph (whose degrees make the null model) at the same resolution
        # first; only a community that will not split is asked at twice the resolution.
        # `members` is sorted, so position i of the subgraph is members[i].
        parts = leiden(g.induced_subgraph(members.tolist()), at, seed)
        if len(parts) == 1:
            pending.append((members, at * 2))
        else:
            pending.extend((members[part], at) for part in parts)
    found.sort(key=lambda c: (-len(c), int(c[0])))
    return found
