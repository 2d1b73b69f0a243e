"""How related two organisations' industries are, as a part of the suggestion score (0..1).

With a stored relatedness matrix, two sector codes are compared at the matrix's level (the
code itself, else its NACE group, division or section, whichever the matrix has): the same
category counts 1, different categories count the share of the matrix's pairs that are less
related (the pair's percentile p) above the median, as 0.9 x (2p - 1) (0 for the less
related half): a pair in the top 5 % counts at least 0.81, in the top 25 % 0.45, the median
pair nothing, as unrelated industries count nothing in the NACE hierarchy; no pair of
different industries counts as much as the same one (1). Without a matrix, or for codes the matrix does not know, the NACE hierarchy decides: the same code
(or one inside the other) 1, the same group 0.75, the same division 0.5, the same section
0.25, else 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

HIERARCHY = {"same": 1.0, "group": 0.75, "division": 0.5, "section": 0.25}
# The most a pair of different categories of a stored matrix counts: below the same one.
MATRIX_TOP = 0.9


def _levels(code: str) -> tuple[str, ...]:
    """The code and its ancestors, finest first: C29.10, C29.1, C29, C."""
    levels = [code]
    for width in (5, 3, 1):
        if len(code) > width:
            levels.append(code[:width])
    return tuple(dict.fromkeys(levels))


@dataclass(frozen=True)
class PairExplanation:
    """Why two codes are related: `kind` is `matrix` or a hierarchy level."""

    a: str
    b: str
    kind: str
    relatedness: float  # the matrix's value, or the hierarchy's part
    top_percent: float  # the matrix pair's rank from the top (0 for the hierarchy)


class IndustryRelatedness:
    """The part for every pair of the sector codes in use, as a K x K array (built with
    array operations: a registry may use several hundred codes)."""

    def __init__(self, codes: list[str], matrix: pd.DataFrame | None = None) -> None:
        self.codes = codes
        k = len(codes)
        self.part: npt.NDArray[np.float64] = np.zeros((k, k))
        self.raw: npt.NDArray[np.float64] = np.full((k, k), np.nan)
        self.kind: npt.NDArray[np.str_] = np.full((k, k), "", dtype=object)
        # The pair's rank from the top of the matrix, in percent of its pairs.
        self.top: npt.NDArray[np.float64] = np.zeros((k, k))
        self.has_matrix = matrix is not None and not matrix.empty
        decided = self._from_matrix(matrix) if self.has_matrix else np.zeros((k, k), bool)
        self._from_hierarchy(~decided)

    def _from_matrix(self, matrix: pd.DataFrame | None) -> npt.NDArray[np.bool_]:
        """Fill the pairs the matrix decides (the same category, or a pair it has);
        returns where it did."""
        assert matrix is not None
        a = matrix["category_a"].astype(str).to_numpy()
        b = matrix["category_b"].astype(str).to_numpy()
        r = matrix["relatedness"].astype(float).to_numpy()
        categories = sorted(set(a) | set(b))
        index = {c: i for i, c in enumerate(categories)}
        dense = np.full((len(categories), len(categories)), np.nan)
        dense[[index[x] for x in a], [index[x] for x in b]] = r
        # Many published matrices list each pair once: the reverse pair stands in.
        dense = np.where(np.isnan(dense), dense.T, dense)
        values = np.sort(r)
        keys = np.array(
            [next((index[lv] for lv in _levels(code) if lv in index), -1) for code in self.codes],
            dtype=np.int64,
        )
        known = keys >= 0
        both = known[:, None] & known[None, :]
        same = both & (keys[:, None] == keys[None, :])
        found = np.full(self.part.shape, np.nan)
        found[np.ix_(known, known)] = dense[np.ix_(keys[known], keys[known])]
        paired = both & ~same & ~np.isnan(found)
        self.part[same], self.raw[same], self.kind[same] = 1.0, 1.0, "same"
        pair_values = found[paired]
        percentile = np.searchsorted(values, pair_values, side="right") / len(values)
        self.part[paired] = MATRIX_TOP * np.clip(2.0 * percentile - 1.0, 0.0, 1.0)
        self.raw[paired] = pair_values
        self.kind[paired] = "matrix"
        self.top[paired] = (
            100.0 * (len(values) - np.searchsorted(values, pair_values)) / len(values)
        )
        decided: npt.NDArray[np.bool_] = same | paired
        return decided

    def _from_hierarchy(self, open_pairs: npt.NDArray[np.bool_]) -> None:
        """Fill the `open_pairs` from the NACE hierarchy: one code inside the other (the
        same), then the same group, division or section."""
        codes = self.codes
        ids: dict[str, int] = {}

        def prefix_ids(width: int | None) -> npt.NDArray[np.int64]:
            # A code shorter than the width gets an id of its own that matches nothing.
            out = []
            for n, code in enumerate(codes):
                if width is None or len(code) >= width:
                    out.append(ids.setdefault(code[:width], len(ids)))
                else:
                    out.append(-1 - n)
            return np.array(out, dtype=np.int64)

        full = prefix_ids(None)
        lengths = np.array([len(code) for code in codes])
        inside = np.zeros(self.part.shape, dtype=bool)  # inside[a, b]: a starts with b
        for length in np.unique(lengths).tolist():
            columns = lengths == length
            inside[:, columns] = prefix_ids(length)[:, None] == full[None, columns]
        levels = [("same", inside | inside.T)]
        for name, width in (("group", 5), ("division", 3), ("section", 1)):
            ancestor = prefix_ids(width)
            levels.append((name, ancestor[:, None] == ancestor[None, :]))
        for name, where in levels:
            chosen = open_pairs & where
            self.part[chosen] = self.raw[chosen] = HIERARCHY[name]
            self.kind[chosen] = name
            open_pairs = open_pairs & ~where

    def padded_part(self) -> npt.NDArray[np.float64]:
        """`part` with a last row and column of zeros: the place of the -1 that pads the
        arrays of sector positions, so they index it directly."""
        k = len(self.codes)
        padded = np.zeros((k + 1, k + 1))
        padded[:k, :k] = self.part
        return padded

    def explain(self, i: int, j: int) -> PairExplanation:
        return PairExplanation(
            self.codes[i],
            self.codes[j],
            str(self.kind[i, j]),
            float(self.raw[i, j]),
            float(self.top[i, j]),
        )


# Rows of the organisation-pair block computed at once (memory: rows x organisations).
_BLOCK = 1024


def mean_best_pair(padded: npt.NDArray[np.float64], sectors: npt.NDArray[np.int64]) -> float:
    """Mean over ordered pairs of different organisations (rows of `sectors`: positions of
    their codes, padded with -1 or the last index) of their best pair of codes in `padded`
    (`padded_part()`); 0 for fewer than two."""
    n, width = sectors.shape
    if n < 2:
        return 0.0
    # best_to[a, j]: how related code a is to organisation j (its best code).
    best_to = np.max(np.stack([padded[:, sectors[:, w]] for w in range(width)]), axis=0)
    total = 0.0
    for start in range(0, n, _BLOCK):
        stop = min(n, start + _BLOCK)
        block = np.max(np.stack([best_to[sectors[start:stop, w]] for w in range(width)]), axis=0)
        total += float(block.sum()) - float(np.trace(block[:, start:stop]))
    return float(total / (n * (n - 1)))
