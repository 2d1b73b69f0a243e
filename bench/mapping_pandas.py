"""The pandas peer of `clusterhub mapping compute --method cmp`, for bench/mapping_compute.py.

    .venv/bin/python bench/mapping_pandas.py --observations O --categories C \
        [--crosswalk X] [--region-totals RT] [--reference-totals REF] --out OUT.parquet|OUT.csv
    .venv/bin/python bench/mapping_pandas.py --self-check

The same method, written the way an analyst would write it in pandas: read the files,
`merge` the crosswalk and sum through it with `groupby`, totals with `groupby().transform`,
percentiles with `groupby().quantile` (linear interpolation, numpy's default), flags by
comparison. No hand-tuning and no deliberate slowness. Prints the seconds taken and the
peak resident memory of the process.

Method `cmp`, per year:

- observations aggregated through the crosswalk (industry -> category, weight): sum of
  employment x weight and establishments x weight per region, category, year; the sum of
  the known parts, missing when every part is missing, rounded to six decimals (as
  docs/mapping.md says); `missing_inputs` counts the parts without employment;
- the group G of a category comes from the categories file (observations whose category is
  not in it are left out); E(r,G) is the region's employment in G, from the region totals
  file if given, else the sum over the categories of G; E(ref,c) is the sum over the regions
  (or the reference totals file), E(ref,G) the sum over the categories of G;
- LQ = (E(r,c) / E(r,G)) / (E(ref,c) / E(ref,G)), missing when undefined;
- for each `traded` category and year, over the regions with employment > 0: base =
  E > p25(E) and establishments > p25(establishments); qualifying = LQ > p25(LQ) and base;
  significant = LQ > p50(LQ) and base; strong = LQ >= p75(LQ) and LQ >= 1 and base;
  strong10 = LQ >= p90(LQ) and LQ >= 1 and base; other rows (local categories, employment
  missing or <= 0) are all false;
- cagr (with a year column): from the first year with employment > 0 to the row's year,
  (E_y / E_first) ** (1 / (y - first)) - 1; missing on the first year and before.

Output columns, in this order, sorted by region, category, year: region, category, group,
year (when the input has years), employment, establishments (when the input has them),
missing_inputs (with a crosswalk), lq, cagr (with a year column), qualifying, significant,
strong, strong10.

Inputs are CSV (`,` or `;`, header row) or Parquet. In CSV, a number may carry Eurostat
flags (`219 d` is 219); blank cells, flags alone (`:`, `c`, `d`) and anything else that is
not a number (such as `12:00 AM`, a spreadsheet's mangling) are missing. A Eurostat extract
(columns `nace_r2`, `geo` and one column per year such as `n2015` or `2015`) is read as
category = nace_r2, region = geo, year and employment from the year columns, keeping the
NUTS 2 regions only (four-character codes; EU/EA aggregates left out), as the CLI does by
default (`--nuts-level 2`).
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

# A number, optionally followed by Eurostat flag letters: `219`, `219 d`, `1.5e`, `-3`.
NUMBER = r"^\s*([-+]?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)\s*[a-z]*\s*$"
YEAR_COLUMN = re.compile(r"^n?(\d{4})$")
AGGREGATE = r"^(?:EU|EA|EEA|EFTA)\d*(?:_\d{4})?$"
FLAGS = ["qualifying", "significant", "strong", "strong10"]


def _delimiter(path: Path) -> str:
    with path.open(encoding="utf-8-sig") as handle:
        header = handle.readline()
    return ";" if header.count(";") > header.count(",") else ","


def _numbers(column: pd.Series) -> pd.Series:
    """Text cells to floats: flags dropped, anything not a number is missing."""
    if pd.api.types.is_numeric_dtype(column):
        return column.astype("float64")
    return pd.to_numeric(column.str.extract(NUMBER, expand=False), errors="coerce").astype(
        "float64"
    )


def read_table(path: Path, numeric: tuple[str, ...] = ()) -> pd.DataFrame:
    """A CSV (`,` or `;`) or Parquet file; codes as text, `numeric` columns as floats."""
    path = Path(path)
    if path.suffix.lower() in (".parquet", ".pq"):
        frame = pd.read_parquet(path)
    else:
        frame = pd.read_csv(
            path,
            sep=_delimiter(path),
            dtype=str,
            keep_default_na=False,
            encoding="utf-8-sig",
        )
        frame.columns = [c.strip() for c in frame.columns]
        frame = eurostat(frame)
        for name in ("region", "category", "industry", "group"):
            if name in frame.columns:
                frame[name] = frame[name].str.strip()
    for name in numeric:
        if name in frame.columns:
            frame[name] = _numbers(frame[name])
    if "year" in frame.columns and not pd.api.types.is_integer_dtype(frame["year"]):
        frame["year"] = pd.to_numeric(frame["year"]).astype("int64")
    return frame


def eurostat(frame: pd.DataFrame, nuts_level: int = 2) -> pd.DataFrame:
    """A Eurostat extract (nace_r2, geo, one column per year) as region, category, year,
    employment, keeping the regions of one NUTS level (code length 2 + level, EU/EA
    aggregates left out) as the CLI does by default; any other frame as it is."""
    years = [c for c in frame.columns if YEAR_COLUMN.match(c)]
    if "geo" not in frame.columns or "nace_r2" not in frame.columns or not years:
        return frame
    frame = frame.assign(geo=frame["geo"].str.strip(), nace_r2=frame["nace_r2"].str.strip())
    kept = (frame["geo"].str.len() == 2 + nuts_level) & ~frame["geo"].str.match(AGGREGATE)
    long = frame[kept].melt(
        id_vars=["geo", "nace_r2"], value_vars=years, var_name="year", value_name="employment"
    )
    long["year"] = long["year"].str.extract(r"(\d{4})", expand=False).astype("int64")
    # A value flagged confidential (`123 c`) is missing, like the flag alone.
    long["employment"] = long["employment"].mask(long["employment"].str.contains(r"\dc|\sc"))
    return long.rename(columns={"geo": "region", "nace_r2": "category"})[
        ["region", "category", "year", "employment"]
    ]


def compute_cmp_pandas(
    observations_path: Path,
    categories_path: Path,
    crosswalk_path: Path | None = None,
    region_totals_path: Path | None = None,
    reference_totals_path: Path | None = None,
) -> pd.DataFrame:
    """The `cmp` mapping of the contract, in pandas; one row per region x category (x year)."""
    obs = read_table(observations_path, numeric=("employment", "establishments"))
    categories = read_table(categories_path)[["category", "group"]]
    has_year = "year" in obs.columns
    has_establishments = "establishments" in obs.columns
    if not has_year:
        obs["year"] = 0  # one period; the column is dropped again at the end
    values = ["employment"] + (["establishments"] if has_establishments else [])
    keys = ["region", "category", "year"]

    # Through the crosswalk: industry -> category with a weight, summed per region x category.
    if crosswalk_path is not None:
        crosswalk = read_table(crosswalk_path, numeric=("weight",))
        if "weight" not in crosswalk.columns:
            crosswalk["weight"] = 1.0
        obs = obs.rename(columns={"category": "industry"}).merge(
            crosswalk[["industry", "category", "weight"]], on="industry"
        )
        for name in values:
            obs[name] = obs[name] * obs["weight"]
        obs["missing_inputs"] = obs["employment"].isna().astype("int64")
        obs = obs.groupby(keys, as_index=False, observed=True)[[*values, "missing_inputs"]].sum(
            min_count=1
        )
        # Rounded to a millionth, as docs/mapping.md says: sums added in another order must
        # not decide a flag at a percentile's tie.
        obs[values] = obs[values].round(6)
        values = [*values, "missing_inputs"]

    df = obs[keys + values].merge(categories, on="category")

    # E(r,G): the region's employment in the category's group.
    if region_totals_path is not None:
        totals = read_table(region_totals_path, numeric=("employment",))
        on = ["region", "group"] + (["year"] if "year" in totals.columns and has_year else [])
        totals = totals[[*on, "employment"]].rename(columns={"employment": "region_group"})
        df = df.merge(totals, on=on, how="left")
    else:
        df["region_group"] = df.groupby(["region", "group", "year"])["employment"].transform("sum")

    # E(ref,c) and E(ref,G): the reference (all regions, or the reference totals file).
    if reference_totals_path is not None:
        ref = read_table(reference_totals_path, numeric=("employment",))
        ref = ref.merge(categories, on="category")
        by_year = ["year"] if "year" in ref.columns and has_year else []
        ref = ref[["category", "group", *by_year, "employment"]].rename(
            columns={"employment": "ref_category"}
        )
    else:
        by_year = ["year"]
        ref = (
            df.groupby(["category", "group", "year"], as_index=False)["employment"]
            .sum()
            .rename(columns={"employment": "ref_category"})
        )
    ref["ref_group"] = ref.groupby(["group", *by_year])["ref_category"].transform("sum")
    df = df.merge(ref, on=["category", "group", *by_year], how="left")

    lq = (df["employment"] / df["region_group"]) / (df["ref_category"] / df["ref_group"])
    df["lq"] = lq.where(np.isfinite(lq))

    # cagr, from the first year with employment > 0 (with a year column; all missing when it
    # has one year only, as in clusterhub's output).
    if has_year:
        positive = df[df["employment"] > 0]
        first = positive.loc[
            positive.groupby(["region", "category"])["year"].idxmin(),
            ["region", "category", "year", "employment"],
        ].rename(columns={"year": "first_year", "employment": "first_employment"})
        df = df.merge(first, on=["region", "category"], how="left")
        span = df["year"] - df["first_year"]
        growth = (df["employment"] / df["first_employment"]) ** (1 / span) - 1
        df["cagr"] = growth.where(span > 0)  # (1 ** nan is 1, so mask after)

    # Flags: percentiles per traded category and year over the regions with employment > 0.
    for flag in FLAGS:
        df[flag] = False
    eligible = (df["group"] == "traded") & (df["employment"] > 0)
    measures = ["employment", "lq"] + (["establishments"] if has_establishments else [])
    sub = df.loc[eligible, ["category", "year", *measures]]
    grouped = sub.groupby(["category", "year"])
    cuts = pd.DataFrame(
        {
            "e25": grouped["employment"].quantile(0.25),
            "l25": grouped["lq"].quantile(0.25),
            "l50": grouped["lq"].quantile(0.50),
            "l75": grouped["lq"].quantile(0.75),
            "l90": grouped["lq"].quantile(0.90),
        }
    )
    if has_establishments:
        cuts["n25"] = grouped["establishments"].quantile(0.25)
    sub = sub.join(cuts, on=["category", "year"])
    base = sub["employment"] > sub["e25"]
    if has_establishments:
        base &= sub["establishments"] > sub["n25"]
    df.loc[eligible, "qualifying"] = (sub["lq"] > sub["l25"]) & base
    df.loc[eligible, "significant"] = (sub["lq"] > sub["l50"]) & base
    df.loc[eligible, "strong"] = (sub["lq"] >= sub["l75"]) & (sub["lq"] >= 1) & base
    df.loc[eligible, "strong10"] = (sub["lq"] >= sub["l90"]) & (sub["lq"] >= 1) & base

    columns = ["region", "category", "group"]
    columns += ["year"] if has_year else []
    columns += values + ["lq"] + (["cagr"] if has_year else []) + FLAGS
    out = df.sort_values(["region", "category", "year"])[columns].reset_index(drop=True)
    for flag in FLAGS:
        out[flag] = out[flag].astype(bool)
    if has_year:
        out["year"] = out["year"].astype("int64")
    return out


def write(frame: pd.DataFrame, out: Path) -> None:
    if out.suffix.lower() in (".parquet", ".pq"):
        frame.to_parquet(out, index=False)
    else:
        text = frame.copy()
        for flag in FLAGS:
            text[flag] = text[flag].map({True: "true", False: "false"})
        text.to_csv(out, index=False)


# --- self-check ------------------------------------------------------------------------------

# Five regions, two years, industries i1..i5 through a crosswalk into traded categories A and
# B and local category L; i3 is split 50/50 between A and B. (region, industry, year,
# employment, establishments); None is a missing value.
TINY = [
    ("R1", "i1", 2020, 100, 10), ("R1", "i2", 2020, 50, 5), ("R1", "i3", 2020, 20, 4),
    ("R1", "i4", 2020, 30, 3), ("R1", "i1", 2021, 110, 11), ("R1", "i2", 2021, 40, 4),
    ("R1", "i3", 2021, 20, 4), ("R1", "i4", 2021, 30, 3),
    ("R2", "i1", 2020, 10, 2), ("R2", "i2", 2020, 200, 20), ("R2", "i3", 2020, None, 1),
    ("R2", "i4", 2020, 90, 9), ("R2", "i1", 2021, 12, 2), ("R2", "i2", 2021, 210, 21),
    ("R2", "i3", 2021, 4, 1), ("R2", "i4", 2021, 80, 8),
    ("R3", "i1", 2020, 0, 0), ("R3", "i2", 2020, 60, 6), ("R3", "i3", 2020, 0, 0),
    ("R3", "i4", 2020, 40, 4), ("R3", "i1", 2021, 30, 3), ("R3", "i2", 2021, 60, None),
    ("R3", "i3", 2021, 10, 2), ("R3", "i4", 2021, 40, 4),
    ("R4", "i1", 2020, 300, 30), ("R4", "i2", 2020, 30, 3), ("R4", "i3", 2020, 40, 8),
    ("R4", "i4", 2020, 100, 10), ("R4", "i1", 2021, 330, 33), ("R4", "i2", 2021, 20, 2),
    ("R4", "i3", 2021, 40, 8), ("R4", "i4", 2021, 100, 10),
    ("R5", "i1", 2020, 50, 5), ("R5", "i2", 2020, 50, 5), ("R5", "i3", 2020, 10, 2),
    ("R5", "i4", 2020, None, None), ("R5", "i1", 2021, 40, 4), ("R5", "i2", 2021, 70, 7),
    ("R5", "i3", 2021, 10, 2), ("R5", "i4", 2021, 20, 2),
]  # fmt: skip
TINY_CROSSWALK = [
    ("i1", "A", 1),
    ("i2", "B", 1),
    ("i3", "A", 0.5),
    ("i3", "B", 0.5),
    ("i4", "L", 1),
]
TINY_CATEGORIES = [("A", "traded"), ("B", "traded"), ("L", "local")]


def _reference(tiny: list[tuple]) -> dict[tuple, dict]:
    """The method computed independently, with plain loops and np.percentile."""
    weights: dict[str, list[tuple[str, float]]] = {}
    for industry, category, weight in TINY_CROSSWALK:
        weights.setdefault(industry, []).append((category, weight))
    group = dict(TINY_CATEGORIES)
    cells: dict[tuple, list] = {}
    for region, industry, year, employment, establishments in tiny:
        for category, weight in weights[industry]:
            cell = cells.setdefault((region, category, year), [None, None, 0])
            if employment is None:
                cell[2] += 1
            else:
                cell[0] = (cell[0] or 0) + employment * weight
            if establishments is not None:
                cell[1] = (cell[1] or 0) + establishments * weight
    rows = {
        key: {"employment": e, "establishments": n, "missing_inputs": m}
        for key, (e, n, m) in cells.items()
    }
    for (region, category, year), row in rows.items():
        g = group[category]
        row["group"] = g
        e_rg = sum(
            r["employment"] or 0
            for (rr, c, y), r in rows.items()
            if rr == region and y == year and group[c] == g
        )
        e_refc = sum(
            r["employment"] or 0 for (_, c, y), r in rows.items() if c == category and y == year
        )
        e_refg = sum(
            r["employment"] or 0 for (_, c, y), r in rows.items() if group[c] == g and y == year
        )
        e = row["employment"]
        row["lq"] = None if e is None or e_rg == 0 else (e / e_rg) / (e_refc / e_refg)
        positive = sorted(
            y
            for (rr, c, y), r in rows.items()
            if rr == region and c == category
            if (r["employment"] or 0) > 0
        )
        first = positive[0] if positive else None
        if first is None or year <= first or e is None:
            row["cagr"] = None
        else:
            e_first = rows[(region, category, first)]["employment"]
            row["cagr"] = (e / e_first) ** (1 / (year - first)) - 1
    for (_, category, year), row in rows.items():
        row.update(dict.fromkeys(FLAGS, False))
        if row["group"] != "traded" or not (row["employment"] or 0) > 0:
            continue
        peers = [
            r
            for (_, c, y), r in rows.items()
            if c == category and y == year and (r["employment"] or 0) > 0
        ]
        e25 = np.percentile([r["employment"] for r in peers], 25)
        known = [r["establishments"] for r in peers if r["establishments"] is not None]
        n25 = np.percentile(known, 25)
        lqs = [r["lq"] for r in peers]
        p = {q: np.percentile(lqs, q) for q in (25, 50, 75, 90)}
        lq, n = row["lq"], row["establishments"]
        base = row["employment"] > e25 and n is not None and n > n25
        row["qualifying"] = bool(lq > p[25] and base)
        row["significant"] = bool(lq > p[50] and base)
        row["strong"] = bool(lq >= p[75] and lq >= 1 and base)
        row["strong10"] = bool(lq >= p[90] and lq >= 1 and base)
    return rows


def self_check() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        obs = folder / "observations.csv"
        # Semicolons, a Eurostat flag and a mangled cell: `12:00 AM` and ` ` are missing.
        lines = ["region;category;year;employment;establishments"]
        for region, industry, year, employment, establishments in TINY:
            e = "12:00 AM" if employment is None else f"{employment} d"
            n = " " if establishments is None else str(establishments)
            lines.append(f"{region};{industry};{year};{e};{n}")
        obs.write_text("\n".join(lines) + "\n", encoding="utf-8")
        (folder / "crosswalk.csv").write_text(
            "industry,category,weight\n" + "".join(f"{i},{c},{w}\n" for i, c, w in TINY_CROSSWALK),
            encoding="utf-8",
        )
        (folder / "categories.csv").write_text(
            "category,group\n" + "".join(f"{c},{g}\n" for c, g in TINY_CATEGORIES),
            encoding="utf-8",
        )
        result = compute_cmp_pandas(
            obs, folder / "categories.csv", crosswalk_path=folder / "crosswalk.csv"
        )
        expected = _reference(TINY)

        columns = ["region", "category", "group", "year", "employment", "establishments"]
        columns += ["missing_inputs", "lq", "cagr", *FLAGS]
        assert list(result.columns) == columns, list(result.columns)
        assert len(result) == len(expected) == 30, len(result)
        keys = list(zip(result["region"], result["category"], result["year"], strict=True))
        assert keys == sorted(expected), "rows not sorted by region, category, year"
        for row in result.itertuples(index=False):
            want = expected[(row.region, row.category, row.year)]
            for name in ("employment", "establishments", "lq", "cagr"):
                got, exp = getattr(row, name), want[name]
                if exp is None:
                    assert pd.isna(got), (row, name, got)
                else:
                    assert abs(got - exp) <= 1e-12 * max(1.0, abs(exp)), (row, name, got, exp)
            for flag in FLAGS:
                assert getattr(row, flag) == want[flag], (row, flag)
            assert row.group == want["group"]
            assert row.missing_inputs == want["missing_inputs"], (row, want)

        # A few values by hand. 2020, group traded: R1 has A = 100 + 20/2 = 110, B = 50 + 10 = 60,
        # so E(R1,traded) = 170; all regions: A = 110 + 10 + 0 + 320 + 55 = 495 (R2's i3 is
        # missing, so R2's A is 10 alone), B = 60 + 200 + 60 + 50 + 55 = 425, traded = 920.
        # LQ(R1,A,2020) = (110/170) / (495/920).
        def at(region: str, category: str, year: int) -> pd.Series:
            rows = result[
                (result.region == region) & (result.category == category) & (result.year == year)
            ]
            return rows.iloc[0]

        assert abs(at("R1", "A", 2020).lq - (110 / 170) / (495 / 920)) < 1e-12
        assert abs(at("R2", "B", 2020).lq - (200 / 210) / (425 / 920)) < 1e-12
        # R3 has no A in 2020 (0): LQ 0, no flags; its cagr for A starts in 2021 -> missing.
        assert at("R3", "A", 2020).lq == 0 and pd.isna(at("R3", "A", 2021).cagr)
        assert not at("R3", "A", 2020)[FLAGS].any()
        # R5's local L is missing in 2020 (employment and LQ missing, flags false).
        assert pd.isna(at("R5", "L", 2020).employment) and pd.isna(at("R5", "L", 2020).lq)
        # cagr R1 A: 2020 110 -> 2021 120.
        assert abs(at("R1", "A", 2021).cagr - (120 / 110 - 1)) < 1e-12
        # Flags of A in 2020 over R1, R2, R4, R5 (R3 has 0): E = 110, 10, 320, 55 -> p25 = 43.75;
        # establishments 12, 2.5, 34, 6 -> p25 = 5.125; LQ = (110/170, 10/210, 320/370, 55/110)
        # / (495/920) = 1.2026, 0.0885, 1.6074, 0.9293 -> p25 0.7191, p50 1.0660, p90 1.4860.
        # R4: strong10; R2: E below p25, nothing; R5: qualifying, not significant.
        lq_a = {r: at(r, "A", 2020).lq for r in ("R1", "R2", "R4", "R5")}
        by_hand = {"R1": 1.2026, "R2": 0.0885, "R4": 1.6074, "R5": 0.9293}
        assert all(abs(lq_a[r] - by_hand[r]) < 1e-4 for r in by_hand), lq_a
        assert at("R4", "A", 2020).strong10 and not at("R2", "A", 2020).qualifying
        assert at("R5", "A", 2020).qualifying and not at("R5", "A", 2020).significant
        assert at("R1", "A", 2020).significant and not at("R1", "A", 2020).strong
        assert any(result[f].any() for f in FLAGS) and not result[FLAGS].all().all()

        # The same without year and establishments (one period, no cagr, base on E alone).
        single = folder / "single.csv"
        single.write_text(
            "region,category,employment\n"
            + "".join(f"{r},{i},{'' if e is None else e}\n" for r, i, y, e, _ in TINY if y == 2020),
            encoding="utf-8",
        )
        one = compute_cmp_pandas(
            single, folder / "categories.csv", crosswalk_path=folder / "crosswalk.csv"
        )
        assert list(one.columns) == [
            *["region", "category", "group", "employment", "missing_inputs", "lq", *FLAGS]
        ]
        merged = one.merge(result[result.year == 2020], on=["region", "category"])
        assert np.allclose(merged.lq_x, merged.lq_y, equal_nan=True, rtol=1e-12)

        # Region and reference totals from files: given as the sums, the result is the same.
        totals = result.groupby(["region", "group", "year"], as_index=False)["employment"].sum()
        totals.to_csv(folder / "region_totals.csv", index=False)
        reference = result.groupby(["category", "year"], as_index=False)["employment"].sum()
        reference.to_csv(folder / "reference.csv", index=False)
        again = compute_cmp_pandas(
            obs,
            folder / "categories.csv",
            crosswalk_path=folder / "crosswalk.csv",
            region_totals_path=folder / "region_totals.csv",
            reference_totals_path=folder / "reference.csv",
        )
        assert np.allclose(again.lq, result.lq, equal_nan=True, rtol=1e-12)
        assert (again[FLAGS] == result[FLAGS]).all().all()
    print(f"self-check passed: {len(result)} rows, LQs, cagr and flags as computed by hand/numpy")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--observations", type=Path)
    parser.add_argument("--categories", type=Path)
    parser.add_argument("--crosswalk", type=Path)
    parser.add_argument("--region-totals", type=Path)
    parser.add_argument("--reference-totals", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--self-check", action="store_true", help="check on a tiny example")
    args = parser.parse_args()
    if args.self_check:
        self_check()
        return
    if not (args.observations and args.categories and args.out):
        parser.error("--observations, --categories and --out are required")

    started = time.perf_counter()
    result = compute_cmp_pandas(
        args.observations,
        args.categories,
        crosswalk_path=args.crosswalk,
        region_totals_path=args.region_totals,
        reference_totals_path=args.reference_totals,
    )
    write(result, args.out)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pandas cmp: {len(result):,} rows in {seconds:.2f} s, peak resident {peak:,.0f} MiB")


if __name__ == "__main__":
    sys.exit(main())
