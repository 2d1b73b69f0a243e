"""The most promising sectors for cross-regional meta-clusters: each industrial ecosystem and
each NACE division (the letter and two digits of the sector codes) ranked by a weighted sum
of documented criteria.

Inputs (pandas DataFrames, no Django):

- `clusters`: `id`, `country`, `nuts` ("" when unknown), `members_total`, `smes` (NaN when
  unknown);
- `tags`: `cluster_id`, `field` (`sectors`, `ecosystems`, `services`, `needs`), `code`;
- `cooperations`: `cluster_id`, `partner_id` (links between organisations of the registry);
- `strength` (optional): `cluster_id`, `category`, `strength` (0..1): the regional strength of
  the organisation's region in a category of its sectors;
- `relatedness` (optional): `category_a`, `category_b`, `relatedness`.

A cluster belongs to an ecosystem candidate when tagged with it, to a division candidate when
one of its sector codes lies in the division. The raw criteria of a candidate:

| criterion | raw value |
|---|---|
| `clusters` | its clusters |
| `countries` | the countries they are in |
| `members` | their members, summed (unknown counts 0) |
| `smes` | their SME members, summed (unknown counts 0) |
| `strength` | mean over its clusters of their regional strength in the sector (in a category of the division; for an ecosystem, their best in any of their sectors); none counts 0 |
| `relatedness` | mean over ordered pairs of its clusters (those with sector codes in it) of the relatedness of their industries: the best pair of their codes (`partners.industry`: the stored matrix's 0.9 x max(0, 2p - 1) of the pair's percentile p, else the NACE hierarchy: same code 1, group 0.75, division 0.5, section 0.25); 0 with fewer than two |
| `cooperation` | share of its clusters that already cooperate with another of its clusters in another country |
| `needs` | share of its clusters' needs (cluster, need) that another of its clusters in another country offers as a service |

Each criterion is divided by its largest value over the candidates (so 0..1, the best
candidate 1; a criterion no candidate has is 0 everywhere); the score is the weighted sum
(`DEFAULT_WEIGHTS`); ties go to more clusters, then the code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterhub.analytics.partners.industry import IndustryRelatedness, mean_best_pair
from clusterhub.analytics.weights import UnknownWeight, changed_weights

DEFAULT_WEIGHTS: dict[str, float] = {
    "clusters": 2.0,
    "countries": 2.0,
    "members": 1.0,
    "smes": 1.0,
    "strength": 1.0,
    "relatedness": 1.0,
    "cooperation": 1.0,
    "needs": 1.5,
}
CRITERIA = tuple(DEFAULT_WEIGHTS)
ECOSYSTEM, DIVISION = "ecosystem", "division"
# A meta-cluster needs partners: candidates with fewer clusters are left out by default.
MIN_CLUSTERS = 2
_DIVISION = re.compile(r"^[A-U]\d{2}")


# An unknown criterion is refused as an unknown weight, in these words.
UnknownCriterion = UnknownWeight
CRITERIA_ARE = "a criterion"


def weights_with(changes: Mapping[str, float] | None = None) -> dict[str, float]:
    """The default weights with `changes` applied; refuses unknown criteria and bad values."""
    return changed_weights(DEFAULT_WEIGHTS, changes, CRITERIA_ARE)


@dataclass(frozen=True)
class Reason:
    """One criterion of a sector's score: `value` is its contribution (weight x normalised);
    `details` carries the numbers behind it (for a sentence)."""

    code: str
    value: float
    details: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class SectorRank:
    rank: int
    kind: str  # ECOSYSTEM or DIVISION
    code: str
    score: float
    contributions: dict[str, float]  # criterion -> weight x normalised value
    figures: dict[str, float]  # criterion -> raw value
    reasons: list[Reason]
    cluster_ids: list[int]
    countries: list[str]


def memberships(tags: pd.DataFrame, cluster_ids: pd.Series) -> pd.DataFrame:
    """`cluster_id`, `kind`, `sector`: each cluster in each candidate it belongs to."""
    known = tags[tags["cluster_id"].isin(set(cluster_ids))]
    eco = known[known["field"] == "ecosystems"]
    sectors = known[known["field"] == "sectors"]
    sectors = sectors[sectors["code"].astype(str).str.match(_DIVISION)]
    frames = [
        pd.DataFrame({"cluster_id": eco["cluster_id"], "kind": ECOSYSTEM, "sector": eco["code"]}),
        pd.DataFrame(
            {
                "cluster_id": sectors["cluster_id"],
                "kind": DIVISION,
                "sector": sectors["code"].astype(str).str[:3],
            }
        ),
    ]
    found = pd.concat(frames, ignore_index=True).drop_duplicates()
    found["cluster_id"] = found["cluster_id"].astype(np.int64)
    return found.sort_values(["kind", "sector", "cluster_id"], ignore_index=True)


def rank_sectors(
    clusters: pd.DataFrame,
    tags: pd.DataFrame,
    cooperations: pd.DataFrame,
    strength: pd.DataFrame | None = None,
    relatedness: pd.DataFrame | None = None,
    *,
    weights: Mapping[str, float] | None = None,
    min_clusters: int = MIN_CLUSTERS,
) -> list[SectorRank]:
    """Every candidate sector with at least `min_clusters` clusters, best first."""
    weights = weights_with(weights)
    clusters = clusters.drop_duplicates("id").reset_index(drop=True)
    country = dict(
        zip(clusters["id"].astype(np.int64), clusters["country"].astype(str), strict=True)
    )
    member = memberships(tags, clusters["id"])
    member["country"] = member["cluster_id"].map(country)
    sizes = member.groupby(["kind", "sector"]).size()
    keep = sizes[sizes >= max(1, min_clusters)].index
    member = (
        member.set_index(["kind", "sector"]).loc[keep].reset_index()
        if len(keep)
        else member.iloc[:0]
    )
    if member.empty:
        return []
    keys = list(keep)
    raw = pd.DataFrame(index=pd.MultiIndex.from_tuples(keys, names=["kind", "sector"]))

    groups = member.groupby(["kind", "sector"])
    raw["clusters"] = groups["cluster_id"].nunique()
    raw["countries"] = groups["country"].nunique()
    _size_criteria(raw, member, clusters)
    _strength(raw, member, strength)
    pairs = _relatedness(raw, member, tags, relatedness)
    _cooperation(raw, member, cooperations)
    _needs(raw, member, tags)
    raw = raw.fillna(0.0)

    largest = raw.max()
    normalised = raw.div(largest.where(largest > 0, 1.0))
    contributions = normalised[list(CRITERIA)] * pd.Series(weights)
    score = contributions.sum(axis=1)
    order = sorted(
        keys,
        key=lambda k: (-round(float(score[k]), 9), -int(raw.at[k, "clusters"]), k[0], k[1]),
    )
    listed = member.groupby(["kind", "sector"])
    ranks = []
    for position, key in enumerate(order, start=1):
        rows = listed.get_group(key)
        ranks.append(
            _rank(
                position, key, float(score[key]), raw.loc[key], contributions.loc[key], rows, pairs
            )
        )
    return ranks


def _size_criteria(raw: pd.DataFrame, member: pd.DataFrame, clusters: pd.DataFrame) -> None:
    sizes = pd.DataFrame(
        {
            "cluster_id": clusters["id"].astype(np.int64),
            "members": pd.to_numeric(clusters["members_total"], errors="coerce"),
            "smes": pd.to_numeric(clusters.get("smes", np.nan), errors="coerce"),
        }
    )
    joined = member.merge(sizes, on="cluster_id", how="left").groupby(["kind", "sector"])
    raw["members"] = joined["members"].sum(min_count=0)
    raw["smes"] = joined["smes"].sum(min_count=0)
    raw["members_reported"] = joined["members"].count()
    raw["smes_reported"] = joined["smes"].count()


def _in_division(category: pd.Series, division: pd.Series) -> npt.NDArray[np.bool_]:
    """Whether a mapping category lies in (or contains) the division: C29.1, C29, C, or the
    same without the section letter (29.1, 29) as statistics often give them."""
    category = category.astype(str)
    division = division.astype(str)
    lettered = category.str[:1].str.isalpha()
    inside = lettered & ((category.str[:3] == division) | (category == division.str[:1]))
    digits = ~lettered & (category.str[:2] == division.str[1:3])
    found: npt.NDArray[np.bool_] = (inside | digits).to_numpy(dtype=bool)
    return found


def _strength(raw: pd.DataFrame, member: pd.DataFrame, strength: pd.DataFrame | None) -> None:
    raw["strength"] = 0.0
    raw["strength_clusters"] = 0
    if strength is None or strength.empty:
        return
    cells = strength[["cluster_id", "category", "strength"]].copy()
    cells["cluster_id"] = cells["cluster_id"].astype(np.int64)
    cells["strength"] = pd.to_numeric(cells["strength"], errors="coerce").clip(0, 1).fillna(0)
    joined = member.merge(cells, on="cluster_id")
    division = joined["kind"] == DIVISION
    fits = ~division.to_numpy() | _in_division(joined["category"], joined["sector"])
    best = joined[fits].groupby(["kind", "sector", "cluster_id"])["strength"].max()
    per_sector = best.groupby(["kind", "sector"])
    raw["strength"] = (per_sector.sum() / raw["clusters"]).reindex(raw.index).fillna(0.0)
    raw["strength_clusters"] = (best > 0).groupby(["kind", "sector"]).sum().reindex(raw.index)


def _relatedness(
    raw: pd.DataFrame,
    member: pd.DataFrame,
    tags: pd.DataFrame,
    relatedness: pd.DataFrame | None,
) -> dict[tuple[str, str], dict[str, object]]:
    sectors = tags[tags["field"] == "sectors"][["cluster_id", "code"]].copy()
    sectors["cluster_id"] = sectors["cluster_id"].astype(np.int64)
    sectors["code"] = sectors["code"].astype(str)
    joined = member.merge(sectors, on="cluster_id")
    division = joined["kind"] == DIVISION
    joined = joined[~division | (joined["code"].str[:3] == joined["sector"])]
    industry = IndustryRelatedness(sorted(set(joined["code"])), relatedness)
    k = len(industry.codes)
    part = industry.padded_part()  # its last row and column: the padding (k) of the arrays
    position = {code: i for i, code in enumerate(industry.codes)}
    joined = joined.drop_duplicates(["kind", "sector", "cluster_id", "code"])
    joined = joined.sort_values(["kind", "sector", "cluster_id"], kind="stable")
    # Each cluster's codes of a sector as one row of a padded array: row and slot per code.
    slot = joined.groupby(["kind", "sector", "cluster_id"], sort=False).cumcount().to_numpy()
    codes = joined["code"].map(position).to_numpy(np.int64)
    ids = joined["cluster_id"].to_numpy(np.int64)
    found: dict[tuple[str, str], dict[str, object]] = {}
    values = {}
    for key, at in joined.groupby(["kind", "sector"], sort=False).indices.items():
        rows = np.unique(ids[at], return_inverse=True)[1]
        padded = np.full((int(rows.max()) + 1, int(slot[at].max()) + 1), k, dtype=np.int64)
        padded[rows, slot[at]] = codes[at]
        values[key] = mean_best_pair(part, padded)
        found[key] = {"pairs": len(padded) * (len(padded) - 1) if len(padded) > 1 else 0}
    raw["relatedness"] = pd.Series(values, dtype=float).reindex(raw.index).fillna(0.0)
    basis = "matrix" if industry.has_matrix else "hierarchy"
    return {key: {**found.get(key, {"pairs": 0}), "basis": basis} for key in raw.index}


def _cooperation(raw: pd.DataFrame, member: pd.DataFrame, cooperations: pd.DataFrame) -> None:
    raw["cooperating"] = 0
    raw["cooperation"] = 0.0
    if cooperations.empty:
        return
    links = cooperations[["cluster_id", "partner_id"]].dropna().astype(np.int64)
    both = pd.concat(
        [links, links.rename(columns={"cluster_id": "partner_id", "partner_id": "cluster_id"})]
    )
    ends = member[["kind", "sector", "cluster_id", "country"]]
    joined = both.merge(ends, on="cluster_id").merge(
        ends.rename(columns={"cluster_id": "partner_id", "country": "partner_country"}),
        on=["kind", "sector", "partner_id"],
    )
    abroad = joined[joined["country"] != joined["partner_country"]]
    counted = abroad.groupby(["kind", "sector"])["cluster_id"].nunique()
    raw["cooperating"] = counted.reindex(raw.index).fillna(0).astype(int)
    raw["cooperation"] = raw["cooperating"] / raw["clusters"]


def _needs(raw: pd.DataFrame, member: pd.DataFrame, tags: pd.DataFrame) -> None:
    raw["needs_total"] = 0
    raw["needs_offered"] = 0
    raw["needs"] = 0.0
    ends = member[["kind", "sector", "cluster_id", "country"]]
    needs = ends.merge(tags.loc[tags["field"] == "needs", ["cluster_id", "code"]], on="cluster_id")
    if needs.empty:
        return
    needs = needs.drop_duplicates(["kind", "sector", "cluster_id", "code"])
    offers = ends.merge(
        tags.loc[tags["field"] == "services", ["cluster_id", "code"]], on="cluster_id"
    ).drop_duplicates(["kind", "sector", "cluster_id", "code"])
    where = ["kind", "sector", "code"]
    everywhere = offers.groupby(where).size().rename("offered_all")
    at_home = offers.groupby([*where, "country"]).size().rename("offered_home")
    needs = needs.merge(everywhere, left_on=where, right_index=True, how="left").merge(
        at_home, left_on=[*where, "country"], right_index=True, how="left"
    )
    abroad = needs["offered_all"].fillna(0) - needs["offered_home"].fillna(0) > 0
    per_sector = needs.assign(abroad=abroad).groupby(["kind", "sector"])["abroad"]
    raw["needs_total"] = per_sector.size().reindex(raw.index).fillna(0).astype(int)
    raw["needs_offered"] = per_sector.sum().reindex(raw.index).fillna(0).astype(int)
    total = raw["needs_total"].where(raw["needs_total"] > 0, 1)
    raw["needs"] = raw["needs_offered"] / total


def _rank(
    position: int,
    key: tuple[str, str],
    score: float,
    raw: pd.Series,
    contributions: pd.Series,
    rows: pd.DataFrame,
    pairs: dict[tuple[str, str], dict[str, object]],
) -> SectorRank:
    countries = sorted(set(rows["country"].astype(str)))
    numbers: dict[str, dict[str, object]] = {
        "clusters": {"clusters": int(raw["clusters"]), "countries": int(raw["countries"])},
        "countries": {"countries": int(raw["countries"]), "list": countries},
        "members": {
            "members": int(raw["members"]),
            "reported": int(raw["members_reported"]),
            "clusters": int(raw["clusters"]),
        },
        "smes": {
            "smes": int(raw["smes"]),
            "reported": int(raw["smes_reported"]),
            "clusters": int(raw["clusters"]),
        },
        "strength": {
            "mean": round(float(raw["strength"]), 4),
            "strong": int(raw["strength_clusters"]),
            "clusters": int(raw["clusters"]),
        },
        "relatedness": {
            "mean": round(float(raw["relatedness"]), 4),
            **pairs.get(key, {}),
        },
        "cooperation": {
            "cooperating": int(raw["cooperating"]),
            "clusters": int(raw["clusters"]),
            "share": round(float(raw["cooperation"]), 4),
        },
        "needs": {
            "offered": int(raw["needs_offered"]),
            "needs": int(raw["needs_total"]),
            "share": round(float(raw["needs"]), 4),
        },
    }
    reasons = [
        Reason(name, round(float(contributions[name]), 4), numbers[name])
        for name in CRITERIA
        if float(contributions[name]) > 0
    ]
    reasons.sort(key=lambda r: -r.value)
    return SectorRank(
        rank=position,
        kind=key[0],
        code=str(key[1]),
        score=round(score, 4),
        contributions={name: round(float(contributions[name]), 4) for name in CRITERIA},
        figures={name: float(raw[name]) for name in CRITERIA},
        reasons=reasons,
        cluster_ids=sorted(int(c) for c in rows["cluster_id"]),
        countries=countries,
    )


def as_frame(ranks: list[SectorRank]) -> pd.DataFrame:
    """One row per ranked sector: rank, kind, code, score, each criterion's raw value and
    (prefixed `part_`) its contribution."""
    rows = [
        {
            "rank": r.rank,
            "kind": r.kind,
            "code": r.code,
            "score": r.score,
            **r.figures,
            **{f"part_{name}": value for name, value in r.contributions.items()},
        }
        for r in ranks
    ]
    columns = ["rank", "kind", "code", "score", *CRITERIA, *(f"part_{c}" for c in CRITERIA)]
    return pd.DataFrame(rows, columns=columns)
