"""How related two organisations' industries are, as a part of the suggestion score (0..1).

With a stored relatedness matrix, two sector codes are compared at the matrix's level (the
code itself, else its NACE group, division or section, whichever the matrix has): the same
category counts 1, different categories count the share of the matrix's pairs that are less
related (the pair's percentile), so a pair in the top 5 % counts at least 0.95. Without a
matrix, or for codes the matrix does not know, the NACE hierarchy decides: the same code
(or one inside the other) 1, the same group 0.75, the same division 0.5, the same section
0.25, else 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

HIERARCHY = {"same": 1.0, "group": 0.75, "division": 0.5, "section": 0.25}


def _levels(code: str) -> tuple[str, ...]:
    """The code and its ancestors, finest first: C29.10, C29.1, C29, C."""
    levels = [code]
    for width in (5, 3, 1):
        if len(code) > width:
            levels.append(code[:width])
    return tuple(dict.fromkeys(levels))


def hierarchy_level(a: str, b: str) -> str:
    """`same`, `group`, `division`, `section` or "" for two NACE codes."""
    if a == b or a.startswith(b) or b.startswith(a):
        return "same"
    for name, width in (("group", 5), ("division", 3), ("section", 1)):
        if len(a) >= width and len(b) >= width and a[:width] == b[:width]:
            return name
    return ""


@dataclass(frozen=True)
class PairExplanation:
    """Why two codes are related: `kind` is `matrix` or a hierarchy level."""

    a: str
    b: str
    kind: str
    relatedness: float  # the matrix's value, or the hierarchy's part
    top_percent: float  # the matrix pair's rank from the top (0 for the hierarchy)


class IndustryRelatedness:
    """The part for every pair of the sector codes in use, as a K x K array."""

    def __init__(self, codes: list[str], matrix: pd.DataFrame | None = None) -> None:
        self.codes = codes
        k = len(codes)
        self.part: npt.NDArray[np.float64] = np.zeros((k, k))
        self.raw: npt.NDArray[np.float64] = np.full((k, k), np.nan)
        self.kind: npt.NDArray[np.str_] = np.full((k, k), "", dtype=object)
        # The pair's rank from the top of the matrix, in percent of its pairs.
        self.top: npt.NDArray[np.float64] = np.zeros((k, k))
        self.has_matrix = matrix is not None and not matrix.empty
        lookup, values = self._matrix(matrix)
        known = {code for pair in lookup for code in pair}
        keys = [next((lv for lv in _levels(code) if lv in known), None) for code in codes]
        for i, a in enumerate(codes):
            for j, b in enumerate(codes):
                self._fill(i, j, a, b, keys[i], keys[j], lookup, values)

    @staticmethod
    def _matrix(
        matrix: pd.DataFrame | None,
    ) -> tuple[dict[tuple[str, str], float], npt.NDArray[np.float64]]:
        if matrix is None or matrix.empty:
            return {}, np.zeros(0)
        a = matrix["category_a"].astype(str).tolist()
        b = matrix["category_b"].astype(str).tolist()
        r = matrix["relatedness"].astype(float).to_numpy()
        return dict(zip(zip(a, b, strict=True), r.tolist(), strict=True)), np.sort(r)

    def _fill(
        self,
        i: int,
        j: int,
        a: str,
        b: str,
        key_a: str | None,
        key_b: str | None,
        lookup: dict[tuple[str, str], float],
        values: npt.NDArray[np.float64],
    ) -> None:
        if key_a is not None and key_b is not None:
            if key_a == key_b:
                self.part[i, j], self.kind[i, j], self.raw[i, j] = 1.0, "same", 1.0
                return
            # Many published matrices list each pair once: the reverse pair stands in.
            value = lookup.get((key_a, key_b), lookup.get((key_b, key_a)))
            if value is not None:
                below = np.searchsorted(values, value, side="right")
                self.part[i, j] = below / len(values)
                self.raw[i, j] = value
                self.kind[i, j] = "matrix"
                self.top[i, j] = (
                    100.0 * (len(values) - np.searchsorted(values, value)) / len(values)
                )
                return
        level = hierarchy_level(a, b)
        if level:
            self.part[i, j] = HIERARCHY[level]
            self.raw[i, j] = HIERARCHY[level]
            self.kind[i, j] = level

    def explain(self, i: int, j: int) -> PairExplanation:
        return PairExplanation(
            self.codes[i],
            self.codes[j],
            str(self.kind[i, j]),
            float(self.raw[i, j]),
            float(self.top[i, j]),
        )
