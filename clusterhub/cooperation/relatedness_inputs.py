"""The inputs of `clusterhub cooperation relatedness`, read within limits and checked whole.

The categories, region totals and Eurostat tables are read by the mapping's reader
(`read_inputs`); the standard observations file is read here, row by row, so that memory
holds only the cells of the listed categories, never the whole file, and so that every
refused cell names its file, row and column. A cell is read by the standard's rule
(`mapping.values.parse_count`): a blank or a statistical office's marker (`:`, `c`, ...)
is not observed, anything else that is not a number of 0 or more is refused; a cell (region,
category, year) given twice is refused, as the mapping refuses it. Sizes are checked before
reading (the file's bytes, a Parquet file's declared rows) and while reading (cells kept).
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from clusterhub.analytics.bounded import bounded_lines, check_file, open_text
from clusterhub.analytics.mapping import limits, read_inputs
from clusterhub.analytics.mapping.inputs import MappingInputs
from clusterhub.analytics.mapping.tables import (
    is_parquet,
    normalise,
    parquet_records,
    sniff_delimiter,
)
from clusterhub.analytics.mapping.values import Invalid, parse_count, parse_year
from clusterhub.lib.refusal import Refused, RefusedValue

# The mapping's limits for the same inputs (names of their own, so a test may set smaller
# ones here): the observations are streamed (a row group at a time); the small tables
# (categories, region totals) are read whole by the mapping's reader.
OBSERVATION_LIMITS = limits.OBSERVATIONS
TABLE_LIMITS = limits.TABLE
MAX_LINE_CHARS = limits.LINE_CHARS
# The result has categories x (categories - 1) rows; the regions x categories matrix is
# held in memory, and so are the kept cells while reading.
MAX_CATEGORIES = 2_000
MAX_REGIONS = 20_000
MAX_CELLS = 5_000_000
# One CSV cell at most (the csv module's own limit is 131,072).
MAX_CELL_CHARS = 10_000
# Refused values listed; the rest are counted.
MAX_LISTED = 20


def read(
    observations: Path,
    categories: Path,
    region_totals: Path | None,
    nuts_level: int,
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The observed cells of the listed categories (`region`, `category`, `employment`
    and `year` when given) and the regions' totals (`region`, `employment`), checked.

    Raises:
        Refused: naming the file, row, column and value of every problem found.
    """
    for path, limit in (
        (observations, OBSERVATION_LIMITS),
        (categories, TABLE_LIMITS),
        (region_totals, TABLE_LIMITS),
    ):
        if path is not None:
            check_file(path, limit, MAX_LINE_CHARS)
    try:
        inputs = read_inputs(
            observations, categories, region_totals=region_totals, nuts_level=nuts_level
        )
    except (ValueError, OSError, csv.Error, pa.ArrowException) as error:
        raise _blamed([observations, categories, region_totals], error) from None
    listed = inputs.categories.column("category").to_pylist()
    if len(listed) > MAX_CATEGORIES:
        reason = (
            f"lists {len(listed):,} categories; relatedness is computed for at most "
            f"{MAX_CATEGORIES:,} (one row per ordered pair)"
        )
        raise Refused(RefusedValue(categories.name, reason=reason))
    cells = _cells(inputs, set(listed))
    totals = None if region_totals is None else _region_totals(inputs, cells, region_totals.name)
    return cells, totals


def _blamed(paths: list[Path | None], error: Exception) -> Refused:
    """A reader's own error as a refusal naming the file that caused it: the first given
    file that is not UTF-8 CSV text or not a readable Parquet table."""
    for path in paths:
        if path is None:
            continue
        try:
            if is_parquet(path):
                pq.read_schema(path)
            else:
                with path.open(encoding="utf-8-sig", newline="") as handle:
                    for _row in csv.reader(handle):
                        pass
        except (ValueError, OSError, csv.Error, pa.ArrowException) as found:
            kind = "Parquet" if is_parquet(path) else "CSV (UTF-8)"
            reason = f"cannot be read as a {kind} table ({found})"
            return Refused(RefusedValue(path.name, reason=reason))
    return Refused(RefusedValue("", reason=f"the inputs cannot be read ({error})"))


def _cells(inputs: MappingInputs, listed: set[str]) -> pd.DataFrame:
    observed = inputs.observations
    if observed.table is not None:  # a Eurostat table, checked by its reader
        frame = observed.table.to_pandas()
        frame = frame.loc[frame["category"].astype(str).isin(listed)]
        frame = frame.loc[frame["employment"].notna()]
        columns = [c for c in ("region", "category", "employment", "year") if c in frame]
        cells = frame[columns]
    else:
        assert observed.path is not None
        cells = _read_cells(observed.path, listed, "year" in observed.columns)
    _check_counts(observed.name, cells)
    return cells


def _read_cells(path: Path, listed: set[str], has_years: bool) -> pd.DataFrame:
    """The standard observations file's cells of the listed categories (module doc)."""
    name = path.name
    problems: list[RefusedValue] = []
    refused = 0
    seen: dict[tuple[str, str, int | None], int] = {}
    kept: dict[tuple[str, str, int | None], float] = {}
    for number, row in _rows(path):
        category = (row.get("category") or "").strip()
        if category not in listed:
            continue
        region = (row.get("region") or "").strip()
        found: list[RefusedValue] = []
        if not region:
            found.append(RefusedValue(name, number, "region", "", "is empty"))
        year = None
        if has_years:
            try:
                year = parse_year(row.get("year"))
            except Invalid as invalid:
                found.append(
                    RefusedValue(name, number, "year", row.get("year") or "", str(invalid))
                )
        try:
            employment = parse_count(row.get("employment"))
        except Invalid:
            employment = None
            reason = "is not a number of people employed (0 or more)"
            found.append(RefusedValue(name, number, "employment", row.get("employment"), reason))
        key = (region, category, year)
        if not found and key in seen:
            shown = ", ".join(str(part) for part in key if part is not None)
            reason = f"repeats row {seen[key]} ({shown}); each cell must appear once"
            found.append(RefusedValue(name, number, None, reason=reason))
        if found:
            refused += len(found)
            problems.extend(found[: max(MAX_LISTED - len(problems), 0)])
            continue
        seen[key] = number
        if employment is not None:
            kept[key] = employment
        if len(seen) > MAX_CELLS:
            reason = f"has more than {MAX_CELLS:,} cells of the listed categories"
            raise Refused(RefusedValue(name, number, reason=reason))
    if problems:
        raise Refused(problems, unlisted=refused - len(problems))
    frame = pd.DataFrame(
        [(r, c, y, e) for (r, c, y), e in kept.items()],
        columns=["region", "category", "year", "employment"],
    )
    return frame if has_years else frame.drop(columns="year")


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str | None]]]:
    """(row number as the user sees it, cells by normalised column) of a CSV or Parquet
    file; a CSV row with more cells than the header, text that is not UTF-8 or a broken
    quote is refused naming its line."""
    name = path.name
    if is_parquet(path):
        for number, record in parquet_records(path):
            yield number, {n: (None if v is None else str(v)) for n, v in record.items()}
        return
    with open_text(path, OBSERVATION_LIMITS) as handle:
        first = handle.readline(MAX_LINE_CHARS)
        header = next(csv.reader([first], delimiter=sniff_delimiter(first)), [])
        names = [normalise(column) for column in header]
        delimiter = sniff_delimiter(first)
        saved = csv.field_size_limit(MAX_CELL_CHARS)
        try:
            reader = csv.reader(
                bounded_lines(handle, name, MAX_LINE_CHARS), delimiter=delimiter, strict=True
            )
            try:
                for row in reader:
                    number = reader.line_num + 1
                    if len(row) > len(names):
                        reason = f"has {len(row)} cells, the header {len(names)}"
                        raise Refused(RefusedValue(name, number, reason=reason))
                    if any(cell.strip() for cell in row):
                        yield number, dict(zip(names, row, strict=False))
            except csv.Error as error:
                reason = f"cannot be read as CSV ({error})"
                raise Refused(RefusedValue(name, reader.line_num + 1, reason=reason)) from None
            except UnicodeDecodeError as error:
                reason = f"is not UTF-8 text ({error.reason} near line {reader.line_num + 2})"
                raise Refused(RefusedValue(name, reason=reason)) from None
        finally:
            csv.field_size_limit(saved)


def _check_counts(name: str, cells: pd.DataFrame) -> None:
    """Two categories or more with employment (else no pair), and regions within limits."""
    if "year" in cells.columns and cells["year"].notna().any():
        cells = cells[cells["year"] == cells["year"].max()]
    categories = cells["category"].nunique()
    if categories < 2:
        reason = (
            f"has employment for {categories} of the listed categories; relatedness needs "
            "two or more"
        )
        raise Refused(RefusedValue(name, reason=reason))
    regions = cells["region"].nunique()
    if regions > MAX_REGIONS:
        reason = f"has {regions:,} regions; relatedness is computed for at most {MAX_REGIONS:,}"
        raise Refused(RefusedValue(name, reason=reason))


def _region_totals(inputs: MappingInputs, cells: pd.DataFrame, name: str) -> pd.DataFrame:
    """The regions' totals for the observations' year; each at least the employment of
    the region's observed cells (a smaller total contradicts them)."""
    assert inputs.region_totals is not None
    totals = inputs.region_totals.to_pandas()
    observed = cells
    if "year" in observed.columns and observed["year"].notna().any():
        observed = observed[observed["year"] == observed["year"].max()]
    if totals["year"].notna().any():
        dated = "year" in observed.columns and observed["year"].notna().any()
        year = observed["year"].max() if dated else totals["year"].max()
        totals = totals[totals["year"] == year]
        if totals.empty:
            reason = (
                f"has no total for {year}, the year of the observations "
                f"({inputs.observations.name})"
            )
            raise Refused(RefusedValue(name, column="year", reason=reason))
    given = totals.groupby("region")["employment"].sum(min_count=1).dropna()
    sums = observed.groupby("region")["employment"].sum()
    problems = []
    for region, total in given.items():
        inside = float(sums.get(region, 0.0))
        if not math.isfinite(total) or total < inside * (1 - 1e-9) or (inside and total <= 0):
            reason = (
                f"the total {total:g} is less than the {inside:g} employed in the region's "
                f"observed categories ({inputs.observations.name})"
            )
            where = f"region {region}"
            problems.append(RefusedValue(name, column="employment", reason=reason, where=where))
    if problems:
        raise Refused(problems[:MAX_LISTED], unlisted=max(len(problems) - MAX_LISTED, 0))
    return given.rename("employment").reset_index()[["region", "employment"]]
