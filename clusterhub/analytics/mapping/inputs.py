"""The inputs of a mapping run, read and checked: observations, categories, optional totals
and crosswalk (the regional statistics format of the data standard).

Every problem found in any file is collected before anything is computed, so one run tells
the user everything that is wrong; warnings (unknown columns, missing totals) are kept in
`MappingInputs.findings` and reported, not fatal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyarrow as pa

from clusterhub.analytics.bounded import check_file
from clusterhub.analytics.mapping import limits
from clusterhub.analytics.mapping.problems import Findings, Problems
from clusterhub.analytics.mapping.tables import Row, check_columns, read_header, read_rows
from clusterhub.analytics.mapping.values import Invalid, parse_count, parse_year
from clusterhub.lib.refusal import Refused, RefusedValue

OBSERVATION_COLUMNS = ("region", "category", "employment")
OBSERVATION_OPTIONAL = ("establishments", "wage", "year")


@dataclass
class Observations:
    """The observations: a file the engine reads itself, or a table already read."""

    name: str
    columns: list[str]
    path: Path | None = None
    table: pa.Table | None = None


@dataclass
class MappingInputs:
    """Everything a mapping run reads, checked."""

    observations: Observations
    categories: pa.Table
    region_totals: pa.Table | None = None
    reference_totals: pa.Table | None = None
    crosswalk: pa.Table | None = None
    findings: Findings = field(default_factory=Findings)

    @property
    def has_years(self) -> bool:
        return "year" in self.observations.columns

    @property
    def has_establishments(self) -> bool:
        return "establishments" in self.observations.columns


def read_inputs(
    observations: Path,
    categories: Path,
    *,
    region_totals: Path | None = None,
    reference_totals: Path | None = None,
    crosswalk: Path | None = None,
    nuts_level: int | None = 2,
    indicator: str | None = None,
) -> MappingInputs:
    """Read and check the input files.

    Args:
        observations: the standard observations file (CSV or Parquet), or a Eurostat table
            (the SBS extract, a TSV or an SDMX-CSV download), recognised by its header.
        categories: `category`, `group` and optionally `label`.
        region_totals: `region`, `group`, `employment`, optionally `year`.
        reference_totals: `category` (or a group's name), `employment`, optionally `year`.
        crosswalk: `industry`, `category`, optionally `weight`; the observations' `category`
            then holds industry codes.
        nuts_level: for Eurostat tables, the NUTS level of the regions kept.
        indicator: for Eurostat downloads holding several indicators, the one to use.

    Every file is checked against its limits (`limits.py`) before and while it is read.

    Raises:
        Refused: listing every problem (file, row, field, reason): the first
            `limits.LISTED` and how many more.
    """
    findings = Findings()
    problems = Problems()
    tables = (categories, region_totals, reference_totals, crosswalk)
    # A .gz file can only be a Eurostat download (`tables.read_header`).
    packed = observations.suffix.lower() == ".gz"
    first = limits.EUROSTAT if packed else limits.OBSERVATIONS
    for path, bound in ((observations, first), *((t, limits.TABLE) for t in tables)):
        if path is not None:
            try:
                check_file(path, bound, limits.LINE_CHARS)
            except Refused as refused:
                problems.extend(refused.problems)
    if problems:
        raise problems.refused()
    observed = _observations(observations, findings, problems, nuts_level, indicator)
    inputs = MappingInputs(
        observations=observed,
        categories=_table(categories, CATEGORIES, findings, problems),
        region_totals=_table(region_totals, REGION_TOTALS, findings, problems),
        reference_totals=_table(reference_totals, REFERENCE_TOTALS, findings, problems),
        crosswalk=_table(crosswalk, CROSSWALK, findings, problems),
        findings=findings,
    )
    if problems:
        raise problems.refused()
    return inputs


def read_categories(path: Path) -> pa.Table:
    """Only the categories file (`category`, `group`, `label`), checked as `read_inputs` does:
    for labels to show with a stored result.

    Raises:
        Refused: listing every problem (file, row, field, reason).
    """
    check_file(path, limits.TABLE, limits.LINE_CHARS)
    problems = Problems()
    table = _table(path, CATEGORIES, Findings(), problems)
    if problems or table is None:
        raise problems.refused()
    return table


def _observations(
    path: Path,
    findings: Findings,
    problems: Problems,
    nuts_level: int | None,
    indicator: str | None,
) -> Observations:
    from clusterhub.analytics.mapping import eurostat

    try:
        if eurostat.detect_eurostat_format(path):
            if path.suffix.lower() != ".gz":  # checked against these limits already
                check_file(path, limits.EUROSTAT, limits.LINE_CHARS)
            table = eurostat.read_eurostat(path, findings, level=nuts_level, indicator=indicator)
            return Observations(path.name, table.column_names, table=table)
        columns = read_header(path)
    except Refused as error:
        problems.extend(error.problems)
        problems.unlisted += error.unlisted
        return Observations(path.name, list(OBSERVATION_COLUMNS))
    missing, unknown = check_columns(path, columns, OBSERVATION_COLUMNS, OBSERVATION_OPTIONAL)
    problems.extend(missing)
    findings.warnings.extend(unknown)
    return Observations(path.name, columns, path=path)


@dataclass(frozen=True)
class _Spec:
    """How one small table is read: its columns and how a row becomes a record."""

    required: tuple[str, ...]
    optional: tuple[str, ...]
    record: Callable[[Row, str, Findings], dict[str, object]]
    key: tuple[str, ...]
    schema: pa.Schema


def _table(
    path: Path | None, spec: _Spec, findings: Findings, problems: Problems
) -> pa.Table | None:
    """A small table read whole (at most `limits.TABLE_ROWS` rows kept), or None when
    its columns or a line cannot be read (`problems` says why)."""
    if path is None:
        return None
    try:
        header = read_header(path)
    except Refused as refused:
        problems.extend(refused.problems)
        return None
    missing, unknown = check_columns(path, header, spec.required, spec.optional)
    findings.warnings.extend(unknown)
    if missing:
        problems.extend(missing)
        return None
    records: list[dict[str, object]] = []
    seen: dict[tuple[object, ...], int] = {}
    try:
        for count, row in enumerate(read_rows(path), start=1):
            if count > limits.TABLE_ROWS:
                reason = f"the file has more than {limits.TABLE_ROWS:,} rows, the most read"
                raise Refused(RefusedValue(path.name, row.number, reason=reason))
            try:
                record = spec.record(row, path.name, findings)
            except Refused as refused:
                problems.extend(replace(p, file=path.name) for p in refused.problems)
                continue
            key = tuple(record.get(column) for column in spec.key)
            if key in seen:
                reason = f"repeats row {seen[key]} ({_show(key)})"
                problems.append(RefusedValue(path.name, row.number, None, reason=reason))
                continue
            seen[key] = row.number
            records.append(record)
    except Refused as refused:
        problems.extend(refused.problems)
        return None
    if not records and not missing:
        problems.append(RefusedValue(path.name, reason="the file has no data rows"))
    return pa.Table.from_pylist(records, schema=spec.schema)


def _refused(row: Row, column: str, reason: str) -> Refused:
    """A refused cell of `row`; the file's name is added where the rows are read."""
    return Refused(RefusedValue("", row.number, column, reason=reason))


def _code(row: Row, column: str) -> str:
    value = (row.cells.get(column) or "").strip()
    if not value:
        raise _refused(row, column, "is empty")
    return value


def _count(row: Row, column: str, file: str, findings: Findings) -> float | None:
    try:
        value = parse_count(row.cells.get(column))
    except Invalid as invalid:
        raise _refused(row, column, str(invalid)) from None
    if value is None:
        findings.warn(file, row.number, column, "missing value; its figures stay empty")
    return value


def _year(row: Row) -> int | None:
    if "year" not in row.cells:
        return None
    try:
        return parse_year(row.cells["year"])
    except Invalid as invalid:
        raise _refused(row, "year", str(invalid)) from None


def _category_record(row: Row, file: str, findings: Findings) -> dict[str, object]:
    label = (row.cells.get("label") or "").strip()
    return {
        "category": _code(row, "category"),
        "group": _code(row, "group"),
        "label": label or None,
    }


def _region_total_record(row: Row, file: str, findings: Findings) -> dict[str, object]:
    return {
        "region": _code(row, "region"),
        "group": _code(row, "group"),
        "year": _year(row),
        "employment": _count(row, "employment", file, findings),
    }


def _reference_record(row: Row, file: str, findings: Findings) -> dict[str, object]:
    return {
        "category": _code(row, "category"),
        "year": _year(row),
        "employment": _count(row, "employment", file, findings),
    }


def _crosswalk_record(row: Row, file: str, findings: Findings) -> dict[str, object]:
    weight = 1.0
    if (row.cells.get("weight") or "").strip():
        try:
            weight = parse_count(row.cells["weight"]) or 0.0
        except Invalid as invalid:
            raise _refused(row, "weight", str(invalid)) from None
        if weight <= 0:
            raise _refused(row, "weight", "must be a number > 0")
    return {
        "industry": _code(row, "industry"),
        "category": _code(row, "category"),
        "weight": weight,
    }


def _show(key: tuple[object, ...]) -> str:
    return ", ".join(str(part) for part in key if part is not None)


CATEGORIES = _Spec(
    ("category", "group"),
    ("label",),
    _category_record,
    ("category",),
    pa.schema([("category", pa.string()), ("group", pa.string()), ("label", pa.string())]),
)
REGION_TOTALS = _Spec(
    ("region", "group", "employment"),
    ("year",),
    _region_total_record,
    ("region", "group", "year"),
    pa.schema(
        [
            ("region", pa.string()),
            ("group", pa.string()),
            ("year", pa.int64()),
            ("employment", pa.float64()),
        ]
    ),
)
REFERENCE_TOTALS = _Spec(
    ("category", "employment"),
    ("year",),
    _reference_record,
    ("category", "year"),
    pa.schema([("category", pa.string()), ("year", pa.int64()), ("employment", pa.float64())]),
)
CROSSWALK = _Spec(
    ("industry", "category"),
    ("weight",),
    _crosswalk_record,
    ("industry", "category"),
    pa.schema([("industry", pa.string()), ("category", pa.string()), ("weight", pa.float64())]),
)
