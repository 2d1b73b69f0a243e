"""Generate a synthetic employment panel for the mapping benchmark (bench/mapping_compute.py).

    .venv/bin/python bench/mapping_panel.py DIRECTORY [--regions 3000] [--industries 1000] \
        [--years 10] [--categories 50] [--seed 2026] [--csv]

Writes, deterministically from `--seed` (numpy's default_rng):

- observations.parquet: region, category (an industry code, aggregated through the
  crosswalk), year, employment, establishments; one row per region x industry x year
  (3,000 x 1,000 x 10 = 30,000,000 rows by default), one row group per year. Region sizes
  and industry sizes are log-normal (a few large regions and industries, many small ones),
  so employment is skewed; a region lacks an industry with a probability that is higher in
  small regions (employment 0), about 3% of region x industry pairs only start in a later
  year (0 before), about 2% of employment values and 0.5% of establishment counts are
  missing (null).
- categories.csv: category, group, label; about 2/3 of the categories are `traded`, the
  rest `local`.
- crosswalk.csv: industry, category, weight; every industry maps to one category with
  weight 1, except about 5% that are split across two categories (weights summing to 1).
  Every category receives at least one industry.
- observations.csv (with `--csv`): the same observations as CSV, missing values blank.

Prints the row count, the seconds taken and the file sizes.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

FIRST_YEAR = 2015


def _codes(prefix: str, count: int) -> pa.Array:
    width = max(4, len(str(count)))
    return pa.array([f"{prefix}{i:0{width}d}" for i in range(1, count + 1)], pa.string())


def generate(
    directory: Path,
    regions: int = 3000,
    industries: int = 1000,
    years: int = 10,
    categories: int = 50,
    seed: int = 2026,
    write_csv: bool = False,
) -> dict[str, Path]:
    """Write the panel's files into `directory`; returns their paths by name."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    if industries < categories:
        raise ValueError("need at least as many industries as categories")

    region_codes = _codes("R", regions)
    industry_codes = _codes("I", industries)
    category_codes = [f"K{i:02d}" for i in range(1, categories + 1)]

    # Categories: about two thirds traded, in a seeded order.
    traded = set(rng.permutation(categories)[: round(categories * 2 / 3)].tolist())
    paths = {"categories": directory / "categories.csv", "crosswalk": directory / "crosswalk.csv"}
    with paths["categories"].open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["category", "group", "label"])
        for i, code in enumerate(category_codes):
            group = "traded" if i in traded else "local"
            writer.writerow([code, group, f"Category {code} ({group})"])

    # Crosswalk: each category gets one industry first, the rest are drawn at random; ~5%
    # of the industries are split across their category and a second one.
    primary = np.concatenate(
        [rng.permutation(categories), rng.integers(0, categories, industries - categories)]
    )
    primary = primary[rng.permutation(industries)]
    split = rng.random(industries) < 0.05
    second = (primary + rng.integers(1, categories, industries)) % categories
    share = np.round(rng.uniform(0.2, 0.8, industries), 2)
    with paths["crosswalk"].open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["industry", "category", "weight"])
        for i in range(industries):
            code = industry_codes[i].as_py()
            if split[i]:
                writer.writerow([code, category_codes[primary[i]], f"{share[i]:.2f}"])
                writer.writerow([code, category_codes[second[i]], f"{1 - share[i]:.2f}"])
            else:
                writer.writerow([code, category_codes[primary[i]], "1"])

    # Levels per region x industry: skewed sizes, absences in small regions, late entries.
    region_size = rng.lognormal(0.0, 1.2, regions)
    industry_size = rng.lognormal(0.0, 1.0, industries)
    level = (
        40.0
        * region_size[:, None]
        * industry_size[None, :]
        * rng.lognormal(0.0, 0.8, (regions, industries))
    )
    presence = np.clip(0.75 + 0.12 * np.log(region_size), 0.25, 0.98)
    present = rng.random((regions, industries)) < presence[:, None]
    growth = rng.normal(0.01, 0.04, (regions, industries))
    entry = np.where(
        rng.random((regions, industries)) < 0.03,
        rng.integers(1, max(years, 2), (regions, industries)),
        0,
    )
    firm_size = rng.lognormal(np.log(8.0), 0.6, industries)

    region_index = pa.array(np.repeat(np.arange(regions, dtype=np.int32), industries))
    industry_index = pa.array(np.tile(np.arange(industries, dtype=np.int32), regions))
    region_column = pa.DictionaryArray.from_arrays(region_index, region_codes)
    industry_column = pa.DictionaryArray.from_arrays(industry_index, industry_codes)
    schema = pa.schema(
        [
            ("region", pa.dictionary(pa.int32(), pa.string())),
            ("category", pa.dictionary(pa.int32(), pa.string())),
            ("year", pa.int32()),
            ("employment", pa.float64()),
            ("establishments", pa.float64()),
        ]
    )
    paths["observations"] = directory / "observations.parquet"
    csv_writer = None
    if write_csv:
        paths["observations_csv"] = directory / "observations.csv"
        csv_schema = pa.schema(
            [
                (f.name, f.type.value_type if pa.types.is_dictionary(f.type) else f.type)
                for f in schema
            ]
        )
        csv_writer = pacsv.CSVWriter(
            paths["observations_csv"],
            csv_schema,
            write_options=pacsv.WriteOptions(quoting_style="needed"),
        )
    # store_schema=False: readers see plain strings (not dictionaries) for region/category.
    with pq.ParquetWriter(paths["observations"], schema, store_schema=False) as writer:
        for y in range(years):
            noise = rng.normal(0.0, 0.05, (regions, industries))
            employment = np.round(level * np.exp(growth * y + noise))
            employment[~present | (entry > y)] = 0.0
            per_firm = firm_size[None, :] * rng.lognormal(0.0, 0.2, (regions, industries))
            establishments = np.where(
                employment > 0, np.maximum(1.0, np.round(employment / per_firm)), 0.0
            )
            employment_missing = rng.random((regions, industries)) < 0.02
            establishments_missing = rng.random((regions, industries)) < 0.005
            table = pa.Table.from_arrays(
                [
                    region_column,
                    industry_column,
                    pa.array(np.full(regions * industries, FIRST_YEAR + y, dtype=np.int32)),
                    pa.array(employment.ravel(), mask=employment_missing.ravel()),
                    pa.array(establishments.ravel(), mask=establishments_missing.ravel()),
                ],
                schema=schema,
            )
            writer.write_table(table)
            if csv_writer is not None:
                csv_writer.write_table(table.cast(csv_schema))
    if csv_writer is not None:
        csv_writer.close()
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("directory", type=Path)
    parser.add_argument("--regions", type=int, default=3000)
    parser.add_argument("--industries", type=int, default=1000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--categories", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--csv", action="store_true", help="also write observations.csv")
    args = parser.parse_args()

    started = time.perf_counter()
    paths = generate(
        args.directory,
        args.regions,
        args.industries,
        args.years,
        args.categories,
        args.seed,
        write_csv=args.csv,
    )
    seconds = time.perf_counter() - started
    rows = args.regions * args.industries * args.years
    print(f"panel {args.regions:,} regions x {args.industries:,} industries x {args.years} years")
    print(f"  {rows:,} observation rows in {seconds:.1f} s")
    for name, path in paths.items():
        print(f"  {name:<17} {path}  {path.stat().st_size / 2**20:,.1f} MiB")


if __name__ == "__main__":
    main()
