"""Reading and checking a result file of `clusterhub mapping compute` (CSV or Parquet).

Every cell is checked before anything is stored; what is wrong is reported as the shared
`RefusedValue`s (file, row, column, reason) of one `Refused`. Columns are converted with
pyarrow, a whole column at a time; only a column that fails is read again value by value,
to name its bad rows.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from clusterhub.analytics.bounded import Limits, check_file
from clusterhub.lib.refusal import Refused, RefusedValue

# A result file is read whole (pyarrow): at most 1 GiB on disk, and for Parquet at most
# 30 million declared rows (1,000 categories x 3,000 regions x 10 years) in row groups of at
# most 1 GiB uncompressed, checked before it is read.
RESULT_LIMITS = Limits(file_bytes=1024**3, parquet_rows=30_000_000, row_group_bytes=1024**3)

# The columns of the output contract, by kind.
COMMON = ("region", "category", "group", "employment", "lq")
OPTIONAL = ("year", "establishments", "cagr", "label")
METHOD_COLUMNS: dict[str, tuple[str, ...]] = {
    "cmp": ("qualifying", "significant", "strong", "strong10"),
    "stars": ("share", "size", "specialisation", "focus", "stars"),
}
TEXT = {"region": 20, "category": 100, "group": 100, "label": 2000}  # longest allowed
FLOATS = ("employment", "lq", "establishments", "cagr", "share")
NOT_NEGATIVE = ("employment", "lq", "establishments", "share")
INTEGERS = {"year": (1900, 2200), "stars": (0, 3)}
BOOLEANS = ("qualifying", "significant", "strong", "strong10", "size", "specialisation", "focus")
NULL_TOKENS = ("", "nan", "na", "null", "none")
TRUE, FALSE = ("true", "1", "yes"), ("false", "0", "no")


@dataclass
class ResultFile:
    """The checked content of a result file: Python values by column, one per row."""

    method: str
    rows: int
    columns: dict[str, list[Any]]
    warnings: list[RefusedValue] = field(default_factory=list)

    def years(self) -> list[int]:
        return sorted({y for y in self.columns.get("year", []) if y is not None})


def read_result_file(path: Path, method: str | None = None) -> ResultFile:
    """The cells of `path`, every value checked; raises `Refused` listing all problems."""
    table, first_row = _read_table(path)
    name = path.name
    problems: list[RefusedValue] = []
    method = _method(name, table.column_names, method, problems)
    if problems:
        raise Refused(problems)
    assert method is not None
    wanted = (*COMMON, *METHOD_COLUMNS[method])
    missing = [c for c in wanted if c not in table.column_names]
    for column in missing:
        problems.append(RefusedValue(name, None, column, reason="this required column is missing"))
    if problems:
        raise Refused(problems)
    if table.num_rows == 0:
        raise Refused([RefusedValue(name, reason="the file has no rows")])
    known = set(COMMON) | set(OPTIONAL) | {c for cs in METHOD_COLUMNS.values() for c in cs}
    warnings = [
        RefusedValue(name, None, c, reason="unknown column, not stored")
        for c in table.column_names
        if c not in known
    ]
    columns: dict[str, list[Any]] = {}
    for column in (*wanted, *[c for c in OPTIONAL if c in table.column_names]):
        where = _Where(name, column, first_row, problems)
        columns[column] = _convert(column, table.column(column), where)
    if not problems:
        _check_unique(name, columns, first_row, problems)
    if problems:
        raise Refused(problems)
    return ResultFile(method, table.num_rows, columns, warnings)


def _read_table(path: Path) -> tuple[pa.Table, int]:
    """The file as a table, and the file row of its first data row (a CSV header is row 1)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise Refused([RefusedValue(str(path), reason="no such file")])
    check_file(path, RESULT_LIMITS)  # its bytes, a Parquet footer, the header line
    try:
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            return pq.read_table(path), 1
        if suffix in (".csv", ".txt"):
            return _read_csv(path), 2
    except (pa.ArrowException, OSError, UnicodeDecodeError, csv.Error) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise Refused([RefusedValue(path.name, reason=f"cannot be read ({reason})")]) from None
    raise Refused(
        [RefusedValue(path.name, reason="is neither a CSV nor a Parquet file (.csv, .parquet)")]
    )


def _read_csv(path: Path) -> pa.Table:
    import pyarrow.csv as pa_csv

    with path.open(encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header = next(csv.reader([first], delimiter=delimiter), [])
    if not header:
        raise csv.Error("no header row")
    return pa_csv.read_csv(
        path,
        parse_options=pa_csv.ParseOptions(delimiter=delimiter),
        convert_options=pa_csv.ConvertOptions(
            column_types={h: pa.string() for h in header}, strings_can_be_null=False
        ),
    )


def _method(
    file: str, columns: list[str], given: str | None, problems: list[RefusedValue]
) -> str | None:
    if given is not None:
        if given not in METHOD_COLUMNS:
            known = " or ".join(METHOD_COLUMNS)
            problems.append(RefusedValue(file, reason=f"unknown method {given!r} (use {known})"))
            return None
        return given
    found = [m for m, cs in METHOD_COLUMNS.items() if any(c in columns for c in cs)]
    if len(found) == 1:
        return found[0]
    listing = "; ".join(f"{m}: {', '.join(cs)}" for m, cs in METHOD_COLUMNS.items())
    reason = (
        "has the columns of more than one method; name the method"
        if found
        else f"has the columns of no mapping method ({listing})"
    )
    problems.append(RefusedValue(file, reason=reason))
    return None


@dataclass
class _Where:
    file: str
    column: str
    first_row: int
    problems: list[RefusedValue]

    def bad(self, index: int, reason: str) -> None:
        self.problems.append(
            RefusedValue(self.file, self.first_row + index, self.column, reason=reason)
        )

    def column_bad(self, reason: str) -> None:
        self.problems.append(RefusedValue(self.file, None, self.column, reason=reason))


def _convert(column: str, values: pa.ChunkedArray, where: _Where) -> list[Any]:
    if column in TEXT:
        return _text(values, TEXT[column], column in ("region", "category"), where)
    if column in BOOLEANS:
        return _booleans(values, where)
    if column in INTEGERS:
        return _integers(values, *INTEGERS[column], where)
    numbers = _float_array(values, where)
    if numbers is None:
        return []
    if column in NOT_NEGATIVE and pc.any(pc.less(numbers, 0)).as_py():
        for i, v in enumerate(numbers.to_pylist()):
            if v is not None and v < 0:
                where.bad(i, f"{_shown(v)} is negative")
    return numbers.to_pylist()  # type: ignore[no-any-return]


def _shown(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _as_strings(values: pa.ChunkedArray) -> pa.ChunkedArray:
    return pc.utf8_trim_whitespace(values.cast(pa.string()))


def _text(values: pa.ChunkedArray, longest: int, required: bool, where: _Where) -> list[Any]:
    strings = pc.fill_null(_as_strings(values), "")
    lengths = pc.utf8_length(strings)
    empty = required and pc.any(pc.equal(lengths, 0)).as_py()
    if empty or (pc.max(lengths).as_py() or 0) > longest:
        for i, text in enumerate(strings.to_pylist()):
            if required and not text:
                where.bad(i, "is empty")
            elif len(text) > longest:
                where.bad(i, f"is longer than {longest} characters")
    return strings.to_pylist()  # type: ignore[no-any-return]


def _null_tokens(strings: pa.ChunkedArray) -> pa.ChunkedArray:
    return pc.is_in(pc.utf8_lower(strings), value_set=pa.array(NULL_TOKENS))


def _integers(values: pa.ChunkedArray, low: int, high: int, where: _Where) -> list[int | None]:
    numbers = _float_array(values, where)
    if numbers is None:
        return []
    whole = pc.and_(pc.equal(pc.floor(numbers), numbers), pc.greater_equal(numbers, low))
    whole = pc.and_(whole, pc.less_equal(numbers, high))
    if not pc.all(whole).as_py():
        for i, (v, ok) in enumerate(zip(numbers.to_pylist(), whole.to_pylist(), strict=True)):
            if ok is False:
                where.bad(i, f"{_shown(v)} is not a whole number from {low} to {high}")
    return pc.cast(numbers, pa.int64(), safe=False).to_pylist()  # type: ignore[no-any-return]


def _float_array(values: pa.ChunkedArray, where: _Where) -> pa.ChunkedArray | None:
    """The column as float64 with NaN as null; None (and problems) when it has non-numbers."""
    if pa.types.is_boolean(values.type):
        where.column_bad("holds true/false values, not numbers")
        return None
    if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
        strings = _as_strings(values)
        values = pc.if_else(_null_tokens(strings), pa.scalar(None, pa.string()), strings)
    try:
        numbers = pc.cast(values, pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        # The fast cast fails on the first bad value; read them one by one to name every row.
        _floats_one_by_one(values.to_pylist(), where)
        return None
    infinite = pc.is_inf(numbers)
    if pc.any(infinite).as_py():
        for i, flag in enumerate(infinite.to_pylist()):
            if flag:
                where.bad(i, "is not a finite number")
    return pc.if_else(pc.is_nan(numbers), pa.scalar(None, pa.float64()), numbers)


def _floats_one_by_one(raw: list[Any], where: _Where) -> None:
    """Names the rows whose value is not a number, by the same Arrow cast as the fast path
    (Python's float() also takes `1_000` or other scripts' digits, which the cast refuses)."""
    for i, value in enumerate(raw):
        try:
            pc.cast(pa.array([value]), pa.float64())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            where.bad(i, f"{str(value)[:40]!r} is not a number")


def _booleans(values: pa.ChunkedArray, where: _Where) -> list[bool | None]:
    if pa.types.is_boolean(values.type):
        return values.to_pylist()  # type: ignore[no-any-return]
    words = pc.utf8_lower(_as_strings(values))
    true = pc.is_in(words, value_set=pa.array(TRUE))
    false = pc.is_in(words, value_set=pa.array(FALSE))
    null = pc.or_(pc.is_null(words), pc.is_in(words, value_set=pa.array(NULL_TOKENS)))
    known = pc.or_(pc.or_(true, false), null)
    if not pc.all(known).as_py():
        for i, (word, ok) in enumerate(zip(words.to_pylist(), known.to_pylist(), strict=True)):
            if not ok:
                where.bad(i, f"{word[:40]!r} is not true or false")
    flags = pc.if_else(true, True, pc.if_else(false, False, pa.scalar(None, pa.bool_())))
    return flags.to_pylist()  # type: ignore[no-any-return]


def _check_unique(
    file: str, columns: dict[str, list[Any]], first_row: int, problems: list[RefusedValue]
) -> None:
    years = columns.get("year") or [None] * len(columns["region"])
    if len(set(zip(columns["region"], columns["category"], years, strict=True))) == len(years):
        return
    seen: dict[tuple[str, str, int | None], int] = {}
    for i, key in enumerate(zip(columns["region"], columns["category"], years, strict=True)):
        if key in seen:
            year = f" in {key[2]}" if key[2] is not None else ""
            problems.append(
                RefusedValue(
                    file,
                    first_row + i,
                    None,
                    reason=f"repeats region {key[0]} and category {key[1]}{year} "
                    f"of row {first_row + seen[key]}",
                )
            )
        else:
            seen[key] = i
