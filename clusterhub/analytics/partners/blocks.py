"""The parts of the suggestion score for a block of organisations against all of them.

Each part is a block x N array of float32 in 0..1 (definitions in `score.py`). Scoring in
blocks turns the work for every organisation into a few dozen array operations per block
instead of per organisation: the coordinators' table, exports and the meta-cluster graph
need every row.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from clusterhub.analytics.partners.tables import PartnerTables

Block = npt.NDArray[np.float32]
# The organisations a block is compared with: all (slice(None)) or some positions.
Columns = slice | npt.NDArray[np.int64]

YOUNG = ("emerging", "growing")
SEASONED = ("mature", "renewing")
# Rows per block: each block x N array holds about this many numbers (0.8 MB of float32),
# small enough to stay in the processor's cache.
BLOCK_CELLS = 200_000


def lifecycle_table(stages: list[str]) -> npt.NDArray[np.float32]:
    """Part for every pair of stage positions; the last row and column stand for unknown."""
    k = len(stages)
    table = np.zeros((k + 1, k + 1), dtype=np.float32)
    for a, one in enumerate(stages):
        for b, other in enumerate(stages):
            if (one in YOUNG and other in SEASONED) or (one in SEASONED and other in YOUNG):
                table[a, b] = 1.0
            else:
                table[a, b] = 0.25 if one == other else 0.5
    return table


def _shared(
    mine: list[npt.NDArray[np.uint64]],
    rows: npt.NDArray[np.int64],
    theirs: list[npt.NDArray[np.uint64]],
) -> Block:
    """How many codes each of `rows` shares with every organisation (block x N)."""
    count = np.zeros((len(rows), len(theirs[0])), dtype=np.float32)
    for a, b in zip(mine, theirs, strict=True):
        count += np.bitwise_count(a[rows][:, None] & b[None, :])
    return count


class BlockParts:
    """Computes the parts for blocks of rows; built once per set of tables."""

    def __init__(self, tables: PartnerTables) -> None:
        t = tables
        self.t = t
        # Words of bits in columns: shared codes of a block and all are a few ANDs and bit
        # counts (no BLAS, whose threads crawl on a busy machine for products this small).
        self.needs = [np.ascontiguousarray(w) for w in t.needs.T]
        self.services = [np.ascontiguousarray(w) for w in t.services.T]
        self.ecosystems = [np.ascontiguousarray(w) for w in t.ecosystems.T]
        need_counts = np.bitwise_count(t.needs).sum(axis=1).astype(np.float32)
        # 1 / number of needs, 0 for none: the share of needs met is one product.
        self.per_need = np.divide(
            1.0, need_counts, out=np.zeros_like(need_counts), where=need_counts > 0
        )
        self.eco_counts = np.bitwise_count(t.ecosystems).sum(axis=1).astype(np.float32)
        self.industry = t.industry.padded_part().astype(np.float32)
        self.sector_columns = [np.ascontiguousarray(c) for c in t.sectors.T]
        self.country = np.unique(t.countries, return_inverse=True)[1]
        stages = sorted({s for s in t.lifecycle if s})
        self.stage_table = lifecycle_table(stages)
        position = {s: i for i, s in enumerate(stages)}
        self.stage = np.array([position.get(s, len(stages)) for s in t.lifecycle], dtype=np.int64)
        members = np.nan_to_num(t.members.astype(np.float32), nan=0.0)
        self.members = np.where(members > 0, members, 0.0).astype(np.float32)
        self.strength = t.strength.astype(np.float32)

    def rows_per_block(self) -> int:
        return max(1, BLOCK_CELLS // max(1, len(self.t)))

    def __call__(
        self,
        rows: npt.NDArray[np.int64],
        names: Iterable[str],
        columns: npt.NDArray[np.int64] | None = None,
    ) -> dict[str, Block]:
        """The parts `names` for `rows` (positions) against every organisation, or against
        `columns` (positions) only."""
        cols: Columns = slice(None) if columns is None else columns
        return {name: getattr(self, f"_{name}")(rows, cols) for name in names}

    def _needs(self, rows: npt.NDArray[np.int64], cols: Columns) -> Block:
        needs = _shared(self.needs, rows, [w[cols] for w in self.services])
        needs *= self.per_need[rows][:, None]
        return needs

    def _offers(self, rows: npt.NDArray[np.int64], cols: Columns) -> Block:
        offers = _shared(self.services, rows, [w[cols] for w in self.needs])
        offers *= self.per_need[cols][None, :]
        return offers

    def _ecosystem(self, rows: npt.NDArray[np.int64], cols: Columns) -> Block:
        shared = _shared(self.ecosystems, rows, [w[cols] for w in self.ecosystems])
        union = self.eco_counts[rows][:, None] + self.eco_counts[cols][None, :]
        union -= shared
        part: Block = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
        return part

    def _ecosystem_shared(self, rows: npt.NDArray[np.int64], cols: Columns) -> Block:
        """1 where two share at least one ecosystem, else 0 (not a part of the score: the
        meta-cluster candidates' tight groups use it)."""
        shared = _shared(self.ecosystems, rows, [w[cols] for w in self.ecosystems])
        part: Block = (shared > 0).astype(np.float32)
        return part

    def _industry(self, rows: npt.NDArray[np.int64], cols: Columns) -> Block:
        # The best pair of sectors: the block's best part per code, then each candidate's.
        best = self.industry[self.t.sectors[rows]].max(axis=1)
        industry: Block = best[:, self.sector_columns[0][cols]]
        for column in self.sector_columns[1:]:
            np.maximum(industry, best[:, column[cols]], out=industry)
        return industry

    def _strength(self, rows: npt.NDArray[np.int64], cols: Columns) -> Block:
        theirs = self.strength[cols]
        part: Block = np.broadcast_to(theirs[None, :], (len(rows), len(theirs)))
        return part

    def _cross_border(self, rows: npt.NDArray[np.int64], cols: Columns) -> Block:
        cross: Block = (self.country[rows][:, None] != self.country[cols][None, :]).astype(
            np.float32
        )
        return cross

    def _lifecycle(self, rows: npt.NDArray[np.int64], cols: Columns) -> Block:
        part: Block = self.stage_table[self.stage[rows]][:, self.stage[cols]]
        return part

    def _size(self, rows: npt.NDArray[np.int64], cols: Columns) -> Block:
        mine = self.members[rows][:, None]
        theirs = self.members[cols][None, :]
        larger = np.maximum(mine, theirs)
        part: Block = np.divide(
            np.minimum(mine, theirs), larger, out=np.zeros_like(larger), where=larger > 0
        )
        return part
