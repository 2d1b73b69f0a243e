"""The plain tables partner suggestions read, turned into arrays once per registry state.

Inputs (pandas DataFrames, no Django):

- `clusters`: `id` (int), `name`, `country`, `nuts` ("" when unknown), `lifecycle` ("" when
  unknown), `members_total` (NaN when unknown);
- `tags`: `cluster_id`, `field` (`sectors`, `ecosystems`, `services`, `needs`), `code`;
- `cooperations`: `cluster_id`, `partner_id` (links to organisations in the registry);
- `strength` (optional): `cluster_id`, `region`, `category`, `strength` (0..1), `label`
  (for example "3 stars"): the organisation's regional strength in one of its sectors;
- `relatedness` (optional): `category_a`, `category_b`, `relatedness`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterhub.analytics.partners.industry import IndustryRelatedness

Bits = npt.NDArray[np.uint64]


def _bitsets(
    tags: pd.DataFrame, field_name: str, index: dict[int, int], n: int, codes: list[str]
) -> Bits:
    """One row of 64-bit words per organisation, bit k set when it has `codes[k]`."""
    words = max(1, (len(codes) + 63) // 64)
    bits = np.zeros((n, words), dtype=np.uint64)
    rows = tags[tags["field"] == field_name]
    if rows.empty:
        return bits
    position = {code: k for k, code in enumerate(codes)}
    who = rows["cluster_id"].map(index).to_numpy()
    what = rows["code"].map(position).to_numpy()
    keep = ~(pd.isna(who) | pd.isna(what))
    who, what = who[keep].astype(np.int64), what[keep].astype(np.int64)
    np.bitwise_or.at(
        bits,
        (who, what // 64),
        np.left_shift(np.uint64(1), (what % 64).astype(np.uint64)),
    )
    return bits


@dataclass
class PartnerTables:
    """Everything a suggestion needs, as arrays indexed by organisation position."""

    ids: npt.NDArray[np.int64]
    names: list[str]
    countries: npt.NDArray[np.str_]
    lifecycle: list[str]
    members: npt.NDArray[np.float64]
    services: Bits
    needs: Bits
    ecosystems: Bits
    service_codes: list[str]
    ecosystem_codes: list[str]
    # Sector positions in `industry.codes`, padded with -1.
    sectors: npt.NDArray[np.int64]
    industry: IndustryRelatedness
    # Best regional strength of the organisation in its sectors (0..1), and where it lies:
    # (label such as "3★" or "strong", region, category), empty when none.
    strength: npt.NDArray[np.float64]
    # (label, region, category, region's name or "") of each organisation's strength.
    strength_where: list[tuple[str, str, str, str]]
    partners: list[frozenset[int]]
    position: dict[int, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)


def build_tables(
    clusters: pd.DataFrame,
    tags: pd.DataFrame,
    cooperations: pd.DataFrame,
    strength: pd.DataFrame | None = None,
    relatedness: pd.DataFrame | None = None,
) -> PartnerTables:
    """Arrays for `suggest` from the plain tables (see the module's docstring)."""
    # Positions in id order: equal scores are ranked by position, which is then the id.
    clusters = clusters.sort_values("id", kind="stable").reset_index(drop=True)
    ids = clusters["id"].astype(np.int64).to_numpy()
    n = len(ids)
    index = {int(cid): i for i, cid in enumerate(ids)}
    tags = tags[tags["cluster_id"].isin(index)]
    service_codes = sorted(set(tags.loc[tags["field"].isin(["services", "needs"]), "code"]))
    ecosystem_codes = sorted(set(tags.loc[tags["field"] == "ecosystems", "code"]))

    sector_rows = tags[tags["field"] == "sectors"]
    industry = IndustryRelatedness(sorted(set(sector_rows["code"])), relatedness)
    per_cluster: list[list[int]] = [[] for _ in range(n)]
    code_index = {code: k for k, code in enumerate(industry.codes)}
    for cid, code in zip(sector_rows["cluster_id"], sector_rows["code"], strict=True):
        per_cluster[index[int(cid)]].append(code_index[code])
    width = max((len(s) for s in per_cluster), default=0) or 1
    sectors = np.full((n, width), -1, dtype=np.int64)
    for i, codes in enumerate(per_cluster):
        sectors[i, : len(codes)] = codes

    best = np.zeros(n)
    where: list[tuple[str, str, str, str]] = [("", "", "", "")] * n
    if strength is not None and not strength.empty:
        ordered = strength[strength["cluster_id"].isin(index)].sort_values(
            ["cluster_id", "strength"], ascending=[True, False], kind="stable"
        )
        for row in ordered.drop_duplicates("cluster_id").itertuples(index=False):
            i = index[int(row.cluster_id)]
            best[i] = float(row.strength)
            name = str(getattr(row, "region_name", "") or "")
            where[i] = (str(row.label), str(row.region), str(row.category), name)

    partners: list[set[int]] = [set() for _ in range(n)]
    for a, b in zip(cooperations["cluster_id"], cooperations["partner_id"], strict=True):
        if pd.isna(a) or pd.isna(b) or int(a) not in index or int(b) not in index:
            continue
        i, j = index[int(a)], index[int(b)]
        partners[i].add(j)
        partners[j].add(i)

    lifecycle = clusters["lifecycle"].fillna("").astype(str).tolist()
    return PartnerTables(
        ids=ids,
        names=clusters["name"].astype(str).tolist(),
        countries=clusters["country"].astype(str).to_numpy(),
        lifecycle=lifecycle,
        members=pd.to_numeric(clusters["members_total"], errors="coerce").to_numpy(float),
        services=_bitsets(tags, "services", index, n, service_codes),
        needs=_bitsets(tags, "needs", index, n, service_codes),
        ecosystems=_bitsets(tags, "ecosystems", index, n, ecosystem_codes),
        service_codes=service_codes,
        ecosystem_codes=ecosystem_codes,
        sectors=sectors,
        industry=industry,
        strength=best,
        strength_where=where,
        partners=[frozenset(p) for p in partners],
        position=index,
    )


def codes_in(bits: Bits, codes: list[str]) -> list[str]:
    """The codes whose bits are set in one organisation's row of words."""
    found = []
    for w, word in enumerate(bits.tolist()):
        while word:
            lowest = word & -word  # visits the set bits only
            found.append(codes[w * 64 + lowest.bit_length() - 1])
            word ^= lowest
    return found
