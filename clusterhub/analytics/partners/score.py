"""The suggestion score: a weighted sum of documented parts, each between 0 and 1.

| part | what it measures |
|---|---|
| `needs` | share of the cluster's needs the candidate offers as services |
| `offers` | share of the candidate's needs the cluster offers |
| `industry` | relatedness of their sectors (`industry.py`: the stored matrix's percentile, else the NACE hierarchy) |
| `ecosystem` | shared industrial ecosystems (Jaccard: shared / all of both) |
| `strength` | the candidate's regional strength in its sectors (mapping stars / 3, or the CMP flags) |
| `cross_border` | 1 when the candidate is in another country |
| `lifecycle` | complementary stages: 1 when one is emerging or growing and the other mature or renewing, 0.5 for other different stages, 0.25 for the same, 0 when unknown |
| `size` | comparable membership: smaller / larger member count (0 when unknown) |
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from clusterhub.analytics.partners.tables import PartnerTables, codes_in

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
# The parts that say how alike or complementary two organisations are, whoever asks: the
# edges of the meta-cluster graph (regional strength is the candidate's own).
SYMMETRIC_PARTS = ("needs", "offers", "industry", "ecosystem", "cross_border")

_YOUNG = {"emerging", "growing"}
_SEASONED = {"mature", "renewing"}


class UnknownWeight(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f"'{name}' is not a part of the score (known: {', '.join(PARTS)})")
        self.name = name


class BadWeight(ValueError):
    def __init__(self, name: str, value: object) -> None:
        super().__init__(f"the weight of '{name}' must be a number of 0 or more, not '{value}'")
        self.name = name


def weights_with(changes: Mapping[str, float] | None = None) -> dict[str, float]:
    """The default weights with `changes` applied; refuses unknown parts and bad values."""
    weights = dict(DEFAULT_WEIGHTS)
    for name, value in (changes or {}).items():
        if name not in weights:
            raise UnknownWeight(name)
        if not isinstance(value, int | float) or not np.isfinite(value) or value < 0:
            raise BadWeight(name, value)
        weights[name] = float(value)
    return weights


@dataclass(frozen=True)
class Reason:
    """One part of a suggestion's score: `value` is its contribution (weight x part);
    `details` carries what a sentence about it needs (codes, numbers)."""

    code: str
    value: float
    details: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Suggestion:
    id: int
    name: str
    country: str
    score: float
    reasons: list[Reason]


def _overlap(a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
    counts: npt.NDArray[np.int64] = np.bitwise_count(a & b).sum(axis=-1).astype(np.int64)
    return counts


def _count(a: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
    counts: npt.NDArray[np.int64] = np.bitwise_count(a).sum(axis=-1).astype(np.int64)
    return counts


def _lifecycle_part(stage: str, stages: list[str]) -> npt.NDArray[np.float64]:
    values = np.zeros(len(stages))
    if not stage:
        return values
    for j, other in enumerate(stages):
        if not other:
            continue
        if (stage in _YOUNG and other in _SEASONED) or (stage in _SEASONED and other in _YOUNG):
            values[j] = 1.0
        else:
            values[j] = 0.25 if other == stage else 0.5
    return values


class Scorer:
    """Scores every candidate for one organisation at a time, vectorised over candidates."""

    def __init__(self, tables: PartnerTables) -> None:
        self.t = tables
        t = tables
        self._service_counts = _count(t.services)
        self._need_counts = _count(t.needs)
        self._eco_counts = _count(t.ecosystems)
        # An extra column of zeros stands for the padding (-1) of the sector arrays.
        self._industry = np.hstack([t.industry.part, np.zeros((len(t.industry.codes), 1))])
        stages = sorted({s for s in t.lifecycle if s})
        self._stage_parts = {s: _lifecycle_part(s, t.lifecycle) for s in stages}
        self._no_stage = np.zeros(len(t))

    def parts(self, i: int) -> dict[str, npt.NDArray[np.float64]]:
        """Every part for organisation `i` against every candidate (arrays of length N)."""
        t = self.t
        needs = t.needs[i]
        need_count = self._need_counts[i]
        met = _overlap(t.services, needs)
        parts: dict[str, npt.NDArray[np.float64]] = {}
        parts["needs"] = met / need_count if need_count else np.zeros(len(t))
        served = _overlap(t.needs, t.services[i])
        with np.errstate(invalid="ignore", divide="ignore"):
            parts["offers"] = np.where(
                self._need_counts > 0, served / np.maximum(self._need_counts, 1), 0.0
            )
            shared = _overlap(t.ecosystems, t.ecosystems[i])
            union = self._eco_counts + self._eco_counts[i] - shared
            parts["ecosystem"] = np.where(union > 0, shared / np.maximum(union, 1), 0.0)
        own = t.sectors[i][t.sectors[i] >= 0]
        if len(own):
            best = self._industry[own].max(axis=0)
            parts["industry"] = best[t.sectors].max(axis=1)
        else:
            parts["industry"] = np.zeros(len(t))
        parts["strength"] = t.strength
        parts["cross_border"] = (t.countries != t.countries[i]).astype(float)
        parts["lifecycle"] = self._stage_parts.get(t.lifecycle[i], self._no_stage)
        mine = t.members[i]
        if np.isfinite(mine) and mine > 0:
            with np.errstate(invalid="ignore", divide="ignore"):
                ratio = np.minimum(t.members, mine) / np.maximum(t.members, mine)
            parts["size"] = np.nan_to_num(ratio, nan=0.0)
        else:
            parts["size"] = np.zeros(len(t))
        return parts

    def scores(
        self, i: int, weights: Mapping[str, float]
    ) -> tuple[npt.NDArray[np.float64], dict[str, npt.NDArray[np.float64]]]:
        parts = self.parts(i)
        total = np.zeros(len(self.t))
        for name, weight in weights.items():
            if weight:
                total += weight * parts[name]
        return total, parts

    def top(
        self,
        i: int,
        n: int,
        weights: Mapping[str, float],
        *,
        include_partners: bool = False,
        exclude: Iterable[int] = (),
    ) -> list[Suggestion]:
        """The `n` best candidates for organisation `i` (positions), best first; ties by id."""
        total, parts = self.scores(i, weights)
        allowed = np.ones(len(self.t), dtype=bool)
        allowed[i] = False
        if not include_partners:
            allowed[list(self.t.partners[i])] = False
        allowed[[j for j in (self.t.position.get(e) for e in exclude) if j is not None]] = False
        candidates = np.flatnonzero(allowed)
        if n <= 0 or not len(candidates):
            return []
        keyed = candidates[np.lexsort((self.t.ids[candidates], -total[candidates]))][:n]
        return [self._suggestion(i, int(j), total, parts, weights) for j in keyed]

    def _suggestion(
        self,
        i: int,
        j: int,
        total: npt.NDArray[np.float64],
        parts: dict[str, npt.NDArray[np.float64]],
        weights: Mapping[str, float],
    ) -> Suggestion:
        t = self.t
        reasons = []
        for name in PARTS:
            value = weights.get(name, 0.0) * float(parts[name][j])
            if value > 0:
                reasons.append(Reason(name, round(value, 4), self._details(name, i, j)))
        reasons.sort(key=lambda r: -r.value)
        return Suggestion(
            id=int(t.ids[j]),
            name=t.names[j],
            country=str(t.countries[j]),
            score=round(float(total[j]), 4),
            reasons=reasons,
        )

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
            label, region, category = t.strength_where[j]
            return {"label": label, "region": region, "category": category}
        if part == "cross_border":
            return {"country": str(t.countries[j])}
        if part == "lifecycle":
            return {"own": t.lifecycle[i], "theirs": t.lifecycle[j]}
        return {"own": float(t.members[i]), "theirs": float(t.members[j])}

    def _industry_details(self, i: int, j: int) -> dict[str, object]:
        own = self.t.sectors[i][self.t.sectors[i] >= 0]
        theirs = self.t.sectors[j][self.t.sectors[j] >= 0]
        block = self.t.industry.part[np.ix_(own, theirs)]
        a, b = np.unravel_index(int(np.argmax(block)), block.shape)
        pair = self.t.industry.explain(int(own[a]), int(theirs[b]))
        return {
            "a": pair.a,
            "b": pair.b,
            "kind": pair.kind,
            "relatedness": round(pair.relatedness, 4),
            "top_percent": round(pair.top_percent, 1),
        }
