"""The suggestion score: a weighted sum of documented parts, each between 0 and 1.

| part | what it measures |
|---|---|
| `needs` | share of the cluster's needs the candidate offers as services |
| `offers` | share of the candidate's needs the cluster offers |
| `industry` | relatedness of their sectors (`industry.py`: the stored matrix's 0.9 x max(0, 2p - 1) of the percentile p, else the NACE hierarchy) |
| `ecosystem` | shared industrial ecosystems (Jaccard: shared / all of both) |
| `strength` | the candidate's regional strength in its sectors (mapping stars / 3, or the CMP flags) |
| `cross_border` | 1 when the candidate is in another country |
| `lifecycle` | complementary stages: 1 when one is emerging or growing and the other mature or renewing, 0.5 for other different stages, 0.25 for the same, 0 when unknown |
| `size` | comparable membership: smaller / larger member count (0 when unknown) |
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from clusterhub.analytics.partners.blocks import BlockParts
from clusterhub.analytics.partners.tables import PartnerTables, codes_in
from clusterhub.analytics.weights import changed_weights

DEFAULT_WEIGHTS: dict[str, float] = {
    "needs": 3.0,
    "offers": 1.5,
    "industry": 2.0,
    "ecosystem": 1.0,
    "strength": 1.0,
    "cross_border": 1.0,
    "lifecycle": 0.5,
    "size": 0.5,
}
PARTS = tuple(DEFAULT_WEIGHTS)
_PART_ORDER = {name: k for k, name in enumerate(PARTS)}


PARTS_ARE = "a part of the score"


def weights_with(changes: Mapping[str, float] | None = None) -> dict[str, float]:
    """The default weights with `changes` applied; refuses unknown parts and bad values."""
    return changed_weights(DEFAULT_WEIGHTS, changes, PARTS_ARE)


_NO_DETAILS: dict[str, object] = {}


class Reason(NamedTuple):
    """One part of a suggestion's score: `value` is its contribution (weight x part);
    `details` carries what a sentence about it needs (codes, numbers). A tuple: a
    registry's suggestions hold about a million of them."""

    code: str
    value: float
    details: dict[str, object] = _NO_DETAILS


class Suggestion(NamedTuple):
    id: int
    name: str
    country: str
    score: float
    reasons: list[Reason]


def _by_value(reason: Reason) -> tuple[float, int]:
    return (-reason.value, _PART_ORDER[reason.code])


class Scorer:
    """Scores candidates for organisations in blocks, vectorised over candidates."""

    def __init__(self, tables: PartnerTables) -> None:
        self.t = tables
        self.blocks = BlockParts(tables)

    def parts(self, i: int) -> dict[str, npt.NDArray[np.float64]]:
        """Every part for organisation `i` against every candidate (arrays of length N)."""
        block = self.blocks(np.array([i]), PARTS)
        return {name: values[0].astype(np.float64) for name, values in block.items()}

    def top(
        self,
        i: int,
        n: int,
        weights: Mapping[str, float],
        *,
        include_partners: bool = False,
        exclude: Iterable[int] = (),
        explain: bool = True,
    ) -> list[Suggestion]:
        """The `n` best candidates for organisation `i` (a position), best first; ties by
        id. `exclude` holds registry ids. Without `explain`, the reasons carry their codes
        and values but not the details their sentences name."""
        found = self.top_many(
            [i],
            n,
            weights,
            include_partners=include_partners,
            exclude={i: exclude},
            explain=explain,
        )
        return found[0]

    def top_many(
        self,
        rows: Sequence[int],
        n: int,
        weights: Mapping[str, float],
        *,
        include_partners: bool = False,
        exclude: Mapping[int, Iterable[int]] | None = None,
        explain: bool = True,
        explained: int | None = None,
    ) -> list[list[Suggestion]]:
        """`top` for each of `rows` (positions), computed a block of rows at a time;
        `exclude` maps a position to the registry ids left out of its list. With
        `explained`, only that many of each suggestion's best reasons carry details."""
        if n <= 0:
            return [[] for _ in rows]
        positions = np.asarray(rows, dtype=np.int64)
        step = self.blocks.rows_per_block()
        found: list[list[Suggestion]] = []
        used = [name for name in PARTS if weights.get(name, 0.0)]
        for start in range(0, len(positions), step):
            block = positions[start : start + step]
            parts = self.blocks(block, used)
            total = np.zeros((len(block), len(self.t)), dtype=np.float32)
            for name in used:
                total += np.float32(weights[name]) * parts[name]
            masked = self._masked(total, block, include_partners, exclude or {})
            for b, i in enumerate(block.tolist()):
                chosen = self._best(masked[b], n)
                found.append(
                    self._explained(i, chosen, total[b], parts, b, weights, explain, explained)
                )
        return found

    def _masked(
        self,
        total: npt.NDArray[np.float32],
        block: npt.NDArray[np.int64],
        include_partners: bool,
        exclude: Mapping[int, Iterable[int]],
    ) -> npt.NDArray[np.float32]:
        """The totals with the organisation itself, its partners and excluded ids at -inf."""
        masked = total.copy()
        masked[np.arange(len(block)), block] = -np.inf
        for b, i in enumerate(block.tolist()):
            if not include_partners and self.t.partners[i]:
                masked[b, list(self.t.partners[i])] = -np.inf
            left_out = [self.t.position[e] for e in exclude.get(i, ()) if e in self.t.position]
            if left_out:
                masked[b, left_out] = -np.inf
        return masked

    @staticmethod
    def _best(row: npt.NDArray[np.float32], n: int) -> npt.NDArray[np.int64]:
        """Positions of the `n` highest scores, best first; equal scores by position, which
        is the registry id's order."""
        nth = np.partition(row, len(row) - n)[len(row) - n] if n < len(row) else -np.inf
        if nth == -np.inf:
            chosen = np.flatnonzero(row > nth)
        else:
            above = np.flatnonzero(row > nth)
            ties = np.flatnonzero(row == nth)[: n - len(above)]
            chosen = np.concatenate([above, ties])
        return chosen[np.lexsort((chosen, -row[chosen]))][:n]

    def _explained(
        self,
        i: int,
        chosen: npt.NDArray[np.int64],
        total: npt.NDArray[np.float32],
        parts: Mapping[str, npt.NDArray[np.float32]],
        b: int,
        weights: Mapping[str, float],
        explain: bool,
        explained: int | None = None,
    ) -> list[Suggestion]:
        t = self.t
        values = {
            name: (weights[name] * parts[name][b, chosen].astype(np.float64)).round(4).tolist()
            for name in parts
        }
        scores = total[chosen].astype(np.float64).round(4).tolist()
        found = []
        for k, j in enumerate(chosen.tolist()):
            reasons = [Reason(name, v[k]) for name, v in values.items() if v[k] > 0]
            reasons.sort(key=_by_value)
            if explain:  # details after sorting: `explained` saves those nobody reads
                reasons[:explained] = [
                    r._replace(details=self._details(r.code, i, j)) for r in reasons[:explained]
                ]
            found.append(
                Suggestion(
                    id=int(t.ids[j]),
                    name=t.names[j],
                    country=str(t.countries[j]),
                    score=scores[k],
                    reasons=reasons,
                )
            )
        return found

    def _details(self, part: str, i: int, j: int) -> dict[str, object]:
        """What a sentence about part `part` of candidate `j` for `i` needs."""
        t = self.t
        if part == "needs":
            return {"services": codes_in(t.services[j] & t.needs[i], t.service_codes)}
        if part == "offers":
            return {"services": codes_in(t.needs[j] & t.services[i], t.service_codes)}
        if part == "ecosystem":
            return {"ecosystems": codes_in(t.ecosystems[j] & t.ecosystems[i], t.ecosystem_codes)}
        if part == "industry":
            return self._industry_details(i, j)
        if part == "strength":
            label, region, category, name = t.strength_where[j]
            return {"label": label, "region": region, "category": category, "region_name": name}
        if part == "cross_border":
            return {"country": str(t.countries[j])}
        if part == "lifecycle":
            return {"own": t.lifecycle[i], "theirs": t.lifecycle[j]}
        return {"own": float(t.members[i]), "theirs": float(t.members[j])}

    def _industry_details(self, i: int, j: int) -> dict[str, object]:
        own = self.t.sectors[i][self.t.sectors[i] >= 0]
        theirs = self.t.sectors[j][self.t.sectors[j] >= 0]
        block = self.t.industry.part[own[:, None], theirs[None, :]]
        a, b = divmod(int(np.argmax(block)), len(theirs))
        pair = self.t.industry.explain(int(own[a]), int(theirs[b]))
        return {
            "a": pair.a,
            "b": pair.b,
            "kind": pair.kind,
            "relatedness": round(pair.relatedness, 4),
            "top_percent": round(pair.top_percent, 1),
        }
