"""Reading Eurostat's regional business statistics as mapping observations.

Three layouts are recognised by their header line:

- `sbs-extract`: a `;`-separated extract such as `sbs_r_nuts06_r2_2015.csv`, header
  `nace_r2;geo;n2015` (one `nYYYY` column per year).
- `tsv`: the bulk download (`.tsv` or `.tsv.gz`), first column `nace_r2,indic_sb,geo\\time`
  holding comma-joined dimension values, then one column per year.
- `sdmx-csv`: the SDMX-CSV download, one observation per row (`TIME_PERIOD`, `OBS_VALUE`,
  `OBS_FLAG`, perhaps `CONF_STATUS`).

A blank, a flag alone (`:`, `: c`, ` d`) or a confidential value is missing, never zero; a
number with a flag (`219 d`) is the number. Everything that is wrong is collected and raised
together as one `Refused`; what is merely worth knowing goes to `Findings`, one warning
per kind with its count. The file is read within `limits.py`: its bytes (a `.gz` file's
counted as they are unpacked), each line, and the observations and codes kept.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa

from clusterhub.analytics.bounded import bounded_lines, cell_limit, csv_reason, open_text
from clusterhub.analytics.mapping import limits
from clusterhub.analytics.mapping.problems import Findings, Problems
from clusterhub.lib.refusal import Refused, RefusedValue

FORMATS = ("sbs-extract", "tsv", "sdmx-csv")

# The observations read: `employment` is null when missing.
SCHEMA = pa.schema(
    {"region": pa.string(), "category": pa.string(), "year": pa.int64(), "employment": pa.float64()}
)

_NUTS = re.compile(r"[A-Z]{2}[A-Z0-9]{0,3}")
_AGGREGATE = re.compile(r"(?:EU|EA|EEA|EFTA)\d*(?:_\d{4})?")
_YEAR_COLUMN = re.compile(r"n(\d{4})")
_YEAR = re.compile(r"\d{4}")
# A number, perhaps followed by Eurostat flag letters (`219 d`, `1234 e`, `12.5 bp`).
_NUMBER = re.compile(r"(-?\d+(?:\.\d+)?)(?:\s+([a-z]{1,3}))?")
# A flag standing for the value: `:`, `: c`, `:u`, or one flag letter alone (`c`, `d`).
_FLAG_ONLY = re.compile(r":\s*[a-z]{0,3}|[bcdefnprsuz]")
# A cell a spreadsheet turned into a time of day, such as `12:00 AM`.
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp][Mm])?")
_SHOWN_ROWS = 5
_SHOWN_VALUES = 20
_DIALECTS: dict[str | None, dict[str, Any]] = {
    "sbs-extract": {"delimiter": ";"},
    "tsv": {"delimiter": "\t", "quoting": csv.QUOTE_NONE},
    "sdmx-csv": {},
}


class _Rows(Protocol):
    """A `csv.reader`: records, and the line the last one ended on."""

    @property
    def line_num(self) -> int: ...

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


def detect_eurostat_format(path: Path) -> str | None:
    """The Eurostat layout of a file, recognised from its header line.

    Args:
        path: the file; read through gzip when its name ends in `.gz`.

    Returns:
        One of `FORMATS`, or None when the file is not a Eurostat table (or not text).

    Raises:
        Refused: for a `.gz` file that cannot be unpacked.
    """
    with open_text(path, limits.EUROSTAT) as handle:
        first = handle.readline(65536)
    return _format_of(first.strip("\r\n"))


def read_eurostat(
    path: Path,
    findings: Findings,
    *,
    level: int | None = 2,
    indicator: str | None = None,
    unit: str | None = None,
) -> pa.Table:
    """Read a Eurostat table as observations.

    Args:
        path: an SBS extract, a bulk TSV (perhaps gzipped) or an SDMX-CSV file.
        findings: receives the warnings (aggregates dropped, missing and flagged values,
            spreadsheet artefacts), one per kind with its count.
        level: keep only regions of this NUTS level (0 = country ... 3); None keeps all.
        indicator: the value of the `indic_*` dimension to keep; needed when the file holds
            several indicators.
        unit: the value of the `unit` dimension to keep; needed when the file holds several.

    Returns:
        A table with `region`, `category` (the NACE code as given), `year` and
        `employment` (null when missing), in the file's order.

    Raises:
        Refused: listing every problem found (file, row, field, reason).
        ValueError: when `level` is not 0 to 3 or None.
    """
    if level is not None and not 0 <= level <= 3:
        raise ValueError(f"NUTS level must be 0 to 3 or None, not {level}")
    layout = detect_eurostat_format(path)
    collector = _Collector(path.name, level)
    selections = [_Selection("indicator", indicator), _Selection("unit", unit)]
    if layout not in _DIALECTS:
        reason = "not a Eurostat table (SBS extract, bulk TSV or SDMX-CSV)"
        raise Refused([RefusedValue(path.name, 1, None, reason=reason)])
    with _lines(path) as lines, cell_limit(limits.CELL_CHARS):
        rows = csv.reader(lines, **_DIALECTS[layout])
        try:
            if layout == "sbs-extract":
                _read_extract(rows, collector)
            elif layout == "tsv":
                _read_tsv(rows, collector, selections)
            else:
                _read_sdmx(rows, collector, selections)
        except csv.Error as error:  # a cell longer than `limits.CELL_CHARS`
            reason = csv_reason(error)
            raise Refused(RefusedValue(path.name, rows.line_num, reason=reason)) from None
    chosen = [problem for selection in selections for problem in selection.check(path.name)]
    if chosen:
        raise Refused(chosen)
    return collector.finish(findings)


@contextmanager
def _lines(path: Path) -> Iterator[Iterator[str]]:
    """The file's lines, a `.gz` file's unpacked, within `limits.py`."""
    with open_text(path, limits.EUROSTAT) as handle:
        yield bounded_lines(handle, path.name, limits.LINE_CHARS, number=0)


def _format_of(header: str) -> str | None:
    first = header.split("\t", 1)[0]
    if "\\" in first:
        dimensions = [name.strip().lower() for name in first.rpartition("\\")[0].split(",")]
        return "tsv" if "geo" in dimensions else None
    names = [name.strip() for name in next(csv.reader([header]), [])]
    upper = {name.upper() for name in names}
    if (
        names
        and names[0].upper() in {"DATAFLOW", "STRUCTURE"}
        and {"GEO", "TIME_PERIOD", "OBS_VALUE"} <= upper
    ):
        return "sdmx-csv"
    parts = [name.strip().lower() for name in header.split(";")]
    if (
        "geo" in parts
        and any(part.startswith("nace") for part in parts)
        and any(_YEAR_COLUMN.fullmatch(part) for part in parts)
    ):
        return "sbs-extract"
    return None


@dataclass
class _Selection:
    """One dimension the user may have to choose a value of (indicator, unit)."""

    name: str
    wanted: str | None
    column: str | None = None
    seen: set[str] = field(default_factory=set)

    def accepts(self, value: str, file: str, row: int) -> bool:
        if value not in self.seen:
            _count_code(len(self.seen), f"{self.name}s", file, row)
            self.seen.add(value)
        return self.wanted is None or value.upper() == self.wanted.upper()

    def check(self, file: str) -> list[RefusedValue]:
        values = ", ".join(sorted(self.seen)[:_SHOWN_VALUES])
        values += ", ..." if len(self.seen) > _SHOWN_VALUES else ""
        if self.column is None:
            if self.wanted is None:
                return []
            reason = f"the file has no {self.name} column, so --{self.name} cannot be applied"
            return [RefusedValue(file, reason=reason)]
        if self.wanted is None and len(self.seen) > 1:
            reason = f"the file holds several {self.name}s ({values}); pass --{self.name} with one"
            return [RefusedValue(file, None, self.column, reason=reason)]
        if self.wanted is not None and self.wanted.upper() not in {v.upper() for v in self.seen}:
            reason = f"no rows with {self.name} {self.wanted!r}; the file holds {values}"
            return [RefusedValue(file, None, self.column, reason=reason)]
        return []


def _dimension_index(names: list[str], selection: _Selection) -> int | None:
    """Where the selection's dimension is among `names` (`unit`, or the first `indic_*`)."""
    for index, name in enumerate(names):
        if (name == "unit") if selection.name == "unit" else name.startswith("indic_"):
            selection.column = name
            return index
    return None


@dataclass
class _Collector:
    """The observations read so far, the problems found and the counts for the warnings."""

    file: str
    level: int | None
    problems: Problems = field(default_factory=Problems)
    regions: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    employment: list[float | None] = field(default_factory=list)
    seen: dict[tuple[str, str, int], int] = field(default_factory=dict)
    region_kept: dict[str, bool] = field(default_factory=dict)
    aggregates: dict[str, int] = field(default_factory=dict)
    levels: set[int] = field(default_factory=set)
    blank: int = 0
    unavailable: int = 0
    flagged: int = 0
    time_rows: list[int] = field(default_factory=list)
    times: int = 0

    def keeps(self, region: str, category: str, row: int, columns: tuple[str, str]) -> bool:
        """Whether a row's region is of the level kept; `columns` names geo and NACE."""
        if not category:
            self.problems.append(
                RefusedValue(self.file, row, columns[1], reason="the NACE code is empty")
            )
            return False
        kept = self.region_kept.get(region)
        if kept is None:
            _count_code(
                len(self.region_kept) + len(self.aggregates), "region codes", self.file, row
            )
            if _AGGREGATE.fullmatch(region):
                self.aggregates[region] = self.aggregates.get(region, 0) + 1
                return False
            if not _NUTS.fullmatch(region):
                reason = f"{region!r} is not a NUTS code (2 capital letters, 0-3 letters or digits)"
                self.problems.append(RefusedValue(self.file, row, columns[0], reason=reason))
                return False
            self.levels.add(len(region) - 2)
            kept = self.level is None or len(region) - 2 == self.level
            self.region_kept[region] = kept
        return kept

    def cell(self, region: str, category: str, year: int, text: str, row: int, column: str) -> None:
        """Read one value cell and keep the observation, or report why it is wrong."""
        value = text.strip()
        if value.isascii() and value.isdigit():
            self.add(region, category, year, float(value), row)
            return
        if not value:
            self.blank += 1
        elif _FLAG_ONLY.fullmatch(value):
            self.unavailable += 1
        elif _TIME.fullmatch(value):
            self.times += 1
            if len(self.time_rows) < _SHOWN_ROWS:
                self.time_rows.append(row)
        else:
            number = _NUMBER.fullmatch(value)
            if number is None:
                self.problems.append(
                    RefusedValue(self.file, row, column, reason=f"{value!r} is not a number")
                )
                return
            if number.group(1).startswith("-"):
                reason = f"{value} is negative; employment is a count"
                self.problems.append(RefusedValue(self.file, row, column, reason=reason))
                return
            flags = number.group(2) or ""
            if "c" in flags:
                self.unavailable += 1
            else:
                self.flagged += bool(flags)
                self.add(region, category, year, float(number.group(1)), row)
                return
        self.add(region, category, year, None, row)

    def add(self, region: str, category: str, year: int, value: float | None, row: int) -> None:
        key = (region, category, year)
        if key in self.seen:
            reason = f"repeats row {self.seen[key]} ({region}, {category}, {year})"
            self.problems.append(RefusedValue(self.file, row, None, reason=reason))
            return
        if len(self.seen) >= limits.EUROSTAT_CELLS:
            reason = (
                f"holds more than {limits.EUROSTAT_CELLS:,} observations at the NUTS level "
                "kept, the most read"
            )
            raise Refused(RefusedValue(self.file, row, reason=reason))
        self.seen[key] = row
        self.regions.append(region)
        self.categories.append(category)
        self.years.append(year)
        self.employment.append(value)

    def finish(self, findings: Findings) -> pa.Table:
        """The table read, after the warnings; raises Refused when anything was wrong."""
        file = self.file
        if self.aggregates:
            codes = ", ".join(sorted(self.aggregates))
            count = _n(sum(self.aggregates.values()), "row")
            findings.warn(file, None, "geo", f"{count} of aggregates ({codes}) dropped")
        if self.blank:
            findings.warn(file, None, None, f"{_n(self.blank, 'blank value')} read as missing")
        if self.unavailable:
            count = _n(self.unavailable, "value")
            reason = f"{count} not available or confidential (such as ':', 'c') read as missing"
            findings.warn(file, None, None, reason)
        if self.flagged:
            reason = f"{_n(self.flagged, 'value')} with a flag (such as '219 d') read as the number"
            findings.warn(file, None, None, reason)
        if self.time_rows:
            rows = ", ".join(str(row) for row in self.time_rows[:_SHOWN_ROWS])
            more = ", ..." if self.times > _SHOWN_ROWS else ""
            reason = (
                f"{_n(self.times, 'value')} turned into a time of day by a spreadsheet "
                f"(such as '12:00 AM') read as missing: rows {rows}{more}"
            )
            findings.warn(file, None, None, reason)
        if not self.problems and not self.regions:
            held = ", ".join(str(level) for level in sorted(self.levels)) or "none"
            reason = f"no observations at NUTS level {self.level} (levels in the file: {held})"
            self.problems.append(RefusedValue(file, None, "geo", reason=reason))
        if self.problems:
            raise self.problems.refused()
        values = (self.regions, self.categories, self.years, self.employment)
        arrays = [pa.array(column, type=f.type) for column, f in zip(values, SCHEMA, strict=True)]
        return pa.Table.from_arrays(arrays, schema=SCHEMA)


def _read_extract(rows: _Rows, collector: _Collector) -> None:
    header = [name.strip() for name in next(rows)]
    lower = [name.lower() for name in header]
    nace = next(i for i, name in enumerate(lower) if name.startswith("nace"))
    geo = lower.index("geo")
    columns = (header[geo], header[nace])
    years = [
        (index, int(match.group(1)), header[index])
        for index, name in enumerate(lower)
        if (match := _YEAR_COLUMN.fullmatch(name))
    ]
    for row in rows:
        if _misshapen(row, len(header), rows.line_num, collector):
            continue
        region, category = row[geo].strip(), row[nace].strip()
        if collector.keeps(region, category, rows.line_num, columns):
            for index, year, name in years:
                collector.cell(region, category, year, row[index], rows.line_num, name)


def _read_tsv(rows: _Rows, collector: _Collector, selections: list[_Selection]) -> None:
    header = next(rows)
    first = header[0].strip()
    names = [name.strip().lower() for name in first.rpartition("\\")[0].split(",")]
    geo = names.index("geo")
    nace = next((i for i, name in enumerate(names) if name.startswith("nace")), None)
    chosen = [(_dimension_index(names, selection), selection) for selection in selections]
    years: list[tuple[int, int, str]] = []
    for index, name in enumerate(header[1:], start=1):
        if _YEAR.fullmatch(name.strip()):
            years.append((index, int(name), name.strip()))
        else:
            reason = f"{name.strip()!r} is not a year; only annual data can be read"
            collector.problems.append(RefusedValue(collector.file, 1, name.strip(), reason=reason))
    if nace is None:
        reason = "names no NACE dimension (such as nace_r2)"
        collector.problems.append(RefusedValue(collector.file, 1, first, reason=reason))
        return
    columns = (names[geo], names[nace])
    for row in rows:
        number = rows.line_num
        if _misshapen(row, len(header), number, collector):
            continue
        dimensions = [value.strip() for value in row[0].split(",")]
        if len(dimensions) != len(names):
            reason = f"has {len(dimensions)} dimension values, the header names {len(names)}"
            collector.problems.append(RefusedValue(collector.file, number, first, reason=reason))
            continue
        if not all(
            index is None or s.accepts(dimensions[index], collector.file, number)
            for index, s in chosen
        ):
            continue
        region, category = dimensions[geo], dimensions[nace]
        if collector.keeps(region, category, number, columns):
            for index, year, name in years:
                collector.cell(region, category, year, row[index], number, name)


def _read_sdmx(rows: _Rows, collector: _Collector, selections: list[_Selection]) -> None:
    names = [name.strip() for name in next(rows)]
    lower = [name.lower() for name in names]
    geo, time, value = lower.index("geo"), lower.index("time_period"), lower.index("obs_value")
    nace = next((i for i, name in enumerate(lower) if name.startswith("nace")), None)
    flag = lower.index("obs_flag") if "obs_flag" in lower else None
    status = lower.index("conf_status") if "conf_status" in lower else None
    chosen = [(_dimension_index(lower, selection), selection) for selection in selections]
    if nace is None:
        collector.problems.append(
            RefusedValue(collector.file, 1, None, reason="no NACE column (nace_r2)")
        )
        return
    columns = (names[geo], names[nace])
    for row in rows:
        number = rows.line_num
        if _misshapen(row, len(names), number, collector):
            continue
        if not all(
            index is None or s.accepts(row[index].strip(), collector.file, number)
            for index, s in chosen
        ):
            continue
        region, category = row[geo].strip(), row[nace].strip()
        if not collector.keeps(region, category, number, columns):
            continue
        period = row[time].strip()
        if not _YEAR.fullmatch(period):
            reason = f"{period!r} is not a year; only annual data can be read"
            collector.problems.append(
                RefusedValue(collector.file, number, names[time], reason=reason)
            )
            continue
        flags = row[flag].strip().lower() if flag is not None else ""
        confidential = status is not None and row[status].strip().upper() not in {"", "F"}
        text = row[value].strip()
        if confidential or "c" in flags:
            text = ": c"  # confidential: missing even when a value is given
        elif not text and flags:
            text = f": {flags}"
        elif text and flags:
            text = f"{text} {flags}"
        collector.cell(region, category, int(period), text, number, names[value])


def _count_code(known: int, what: str, file: str, row: int) -> None:
    """Refuse a new distinct code once `limits.EUROSTAT_CODES` are remembered."""
    if known >= limits.EUROSTAT_CODES:
        reason = f"holds more than {limits.EUROSTAT_CODES:,} distinct {what}, the most read"
        raise Refused(RefusedValue(file, row, reason=reason))


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _misshapen(row: list[str], width: int, number: int, collector: _Collector) -> bool:
    """Whether a row cannot be read for its number of fields; blank lines are skipped."""
    if len(row) == width:
        return False
    if any(cell.strip() for cell in row):
        reason = f"has {len(row)} fields, the header has {width}"
        collector.problems.append(RefusedValue(collector.file, number, None, reason=reason))
    return True
