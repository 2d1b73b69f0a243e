"""Relatedness matrices read from files, and blended with weights (no Django).

A matrix file (CSV or Parquet) has exactly the columns `category_a`, `category_b` and
`relatedness`: the output of `clusterhub cooperation relatedness`, or a matrix from
elsewhere (input-output links, skill relatedness). `read_matrix` refuses a file with any
missing, non-numeric or infinite cell, a missing or unknown column, or a pair given twice,
naming the file, row, column and value; pairs of a category with itself are left out.

`blend` is the weighted average of the co-location matrix (weight 1 - the sum of the
others) and the imported ones, each first scaled to 0..1 by its own minimum and maximum
(min-max), so that a correlation in -1..1 and, say, input-output shares in 0..0.05 count
alike. A pair of the co-location matrix that an imported matrix lacks takes the value of
the reverse pair when the file has it (many published matrices list each pair once), else
0: the bottom of the scale, "not related in this respect". Pairs an imported matrix has
but the co-location matrix lacks are left out. The result keeps the co-location matrix's
pairs and order; its values lie in 0..1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from clusterhub.lib.refusal import Refused, RefusedValue

COLUMNS = ("category_a", "category_b", "relatedness")
FORMATS = (".csv", ".parquet")
# Refused values listed; the rest are counted.
MAX_LISTED = 20
# What a matrix file may hold, checked before reading (bytes, a Parquet file's declared rows
# and uncompressed bytes) and while reading (rows): 2,000 categories make 4 million pairs.
MAX_FILE_BYTES = 512 * 1024**2
MAX_PAIRS = 5_000_000
MAX_UNPACKED_BYTES = 2 * 1024**3


@dataclass(frozen=True)
class Weighted:
    """An imported matrix and its weight in the blend."""

    name: str
    matrix: pd.DataFrame
    weight: float


def read_matrix(path: Path) -> pd.DataFrame:
    """A relatedness matrix file, checked whole (`read_table`, then `checked_matrix`)."""
    return checked_matrix(read_table(path), path.name)


def read_table(path: Path) -> pd.DataFrame:
    """A relatedness matrix file (CSV or Parquet) as it is, unchecked; a file that is not
    one, is missing or cannot be read is refused naming it."""
    name = path.name
    if path.suffix.lower() not in FORMATS:
        raise Refused(RefusedValue(name, reason="a relatedness matrix must be .csv or .parquet"))
    if not path.is_file():
        raise Refused(RefusedValue(name, reason=f"file not found: {path}"))
    if path.stat().st_size > MAX_FILE_BYTES:
        reason = f"is {path.stat().st_size:,} bytes, more than the {MAX_FILE_BYTES:,} read at most"
        raise Refused(RefusedValue(name, reason=reason))
    try:
        if path.suffix.lower() == ".parquet":
            _check_declared(path)
            return pd.read_parquet(path)
        return _read_csv(path)
    except (ValueError, OSError, UnicodeDecodeError) as error:
        shown = str(error).strip()
        reason = f"cannot be read as a {path.suffix.lower()[1:].upper()} table ({shown})"
        raise Refused(RefusedValue(name, reason=reason)) from None


def _check_declared(path: Path) -> None:
    """A Parquet file's declared size (its footer) within the limits, before reading it."""
    metadata = pq.ParquetFile(path).metadata
    unpacked = sum(metadata.row_group(i).total_byte_size for i in range(metadata.num_row_groups))
    if metadata.num_rows > MAX_PAIRS or unpacked > MAX_UNPACKED_BYTES:
        reason = (
            f"declares {metadata.num_rows:,} rows ({unpacked:,} bytes uncompressed), more than "
            f"the {MAX_PAIRS:,} pairs or {MAX_UNPACKED_BYTES:,} bytes read at most"
        )
        raise Refused(RefusedValue(path.name, reason=reason))


def _read_csv(path: Path) -> pd.DataFrame:
    """A CSV matrix, every row as many cells as the header (read without a header, so that
    a row with one cell too many is refused, not taken as an index); rows numbered as the
    user sees them (the index is the row - 2)."""
    raw = pd.read_csv(
        path,
        dtype=str,
        keep_default_na=False,
        encoding="utf-8-sig",
        header=None,
        nrows=MAX_PAIRS + 2,
        skip_blank_lines=False,
    )
    if len(raw) > MAX_PAIRS + 1:
        reason = f"has more than {MAX_PAIRS:,} rows, the most read"
        raise Refused(RefusedValue(path.name, reason=reason))
    header = [str(c).strip() for c in raw.iloc[0]]
    for column in sorted({c for c in header if header.count(c) > 1}):
        raise Refused(RefusedValue(path.name, 1, column, reason="the column is given twice"))
    frame = raw.iloc[1:].set_axis(header, axis=1)
    frame = frame.fillna("")
    blank = (frame == "").all(axis=1)
    return frame.loc[~blank].set_axis(frame.index[~blank] - 1, axis=0)


def checked_matrix(raw: pd.DataFrame, name: str) -> pd.DataFrame:
    """A relatedness matrix (read from a file, or computed) checked whole.

    Args:
        raw: the columns `category_a`, `category_b`, `relatedness` (text or numbers).
        name: what to call it in a refusal (the file's name).

    Returns:
        The pairs of different categories: codes as text, relatedness as float.

    Raises:
        Refused: every problem found (up to MAX_LISTED, the rest counted), each with the
            name, row (the header is row 1), column and value.
    """
    _check_columns(name, [str(c) for c in raw.columns])
    codes = {c: raw[c].astype("string").str.strip().fillna("") for c in COLUMNS[:2]}
    if pd.api.types.is_numeric_dtype(raw["relatedness"]):
        # Computed matrices: numbers already, read as they are (no round trip through text).
        text = pd.Series("x", index=raw.index)
        values = raw["relatedness"].astype(np.float64)
    else:
        text = raw["relatedness"].astype("string").str.strip().fillna("")
        values = pd.to_numeric(text.where(text != "", None), errors="coerce").astype(np.float64)
    problems: list[RefusedValue] = []
    count = 0
    rows = _rows(raw)
    for column, series in codes.items():
        for position in np.flatnonzero((series == "").to_numpy()):
            count += 1
            problems.append(RefusedValue(name, rows[position], column, "", "is empty"))
    bad = ~np.isfinite(values.to_numpy())
    for position in np.flatnonzero(bad):
        count += 1
        shown = str(raw["relatedness"].iloc[position])
        reason = "is empty" if text.iloc[position] == "" else "is not a number"
        problems.append(RefusedValue(name, rows[position], "relatedness", shown, reason))
    frame = pd.DataFrame(
        {
            "category_a": codes["category_a"],
            "category_b": codes["category_b"],
            "relatedness": values,
        }
    )
    twice = frame.duplicated(["category_a", "category_b"]).to_numpy()
    for position in np.flatnonzero(twice):
        count += 1
        pair = f"{frame['category_a'].iloc[position]} ~ {frame['category_b'].iloc[position]}"
        problems.append(
            RefusedValue(name, rows[position], "category_b", pair, "the pair is given twice")
        )
    if problems:
        problems.sort(key=lambda p: (p.row or 0, p.column or ""))
        raise Refused(problems[:MAX_LISTED], unlisted=count - min(count, MAX_LISTED))
    kept = frame.loc[frame["category_a"] != frame["category_b"]]
    if kept.empty:
        reason = "has no pair of two different categories"
        raise Refused(RefusedValue(name, reason=reason))
    return kept.astype({"category_a": str, "category_b": str}).reset_index(drop=True)


def _rows(raw: pd.DataFrame) -> list[int]:
    """Each row's number as the user sees it (the header is row 1): index + 2 (`_read_csv`
    numbers a file's rows so, blank lines skipped; a computed matrix's index is its position)."""
    if pd.api.types.is_integer_dtype(raw.index):
        return [int(i) + 2 for i in raw.index]
    return list(range(2, len(raw) + 2))


def _check_columns(name: str, columns: list[str]) -> None:
    problems = [
        RefusedValue(name, 1, column, reason="the column is missing")
        for column in COLUMNS
        if column not in columns
    ]
    problems += [
        RefusedValue(
            name,
            1,
            column,
            reason=f"is not a column of a relatedness matrix ({', '.join(COLUMNS)})",
        )
        for column in columns
        if column not in COLUMNS
    ]
    if problems:
        raise Refused(problems)


def check_weights(weights: Sequence[tuple[str, float]]) -> None:
    """Each weight in 0..1 and their sum at most 1.

    Raises:
        Refused: naming the weight (or the sum) refused.
    """
    for name, weight in weights:
        if not 0.0 <= weight <= 1.0:
            raise Refused(
                RefusedValue(name, value=f"{weight:g}", reason="a blend weight must be 0 to 1")
            )
    total = sum(weight for _, weight in weights)
    if total > 1.0 + 1e-9:
        listed = ", ".join(f"{name}={weight:g}" for name, weight in weights)
        raise Refused(
            RefusedValue(
                "", reason=f"the blend weights ({listed}) add up to {total:g}, more than 1"
            )
        )


def scaled(values: np.ndarray) -> np.ndarray:
    """Min-max scaled to 0..1; a constant matrix scales to 1 where positive, else 0."""
    if len(values) == 0:
        return values.astype(np.float64)
    low, high = float(values.min()), float(values.max())
    if high == low:
        return np.where(values > 0, 1.0, 0.0)
    return (values - low) / (high - low)


def blend(colocation: pd.DataFrame, imported: Sequence[Weighted]) -> pd.DataFrame:
    """The weighted average of the co-location matrix and the imported ones (module doc).

    Args:
        colocation: `category_a`, `category_b`, `relatedness`, as `relatedness()` returns.
        imported: the imported matrices (as `read_matrix` returns) with their weights.

    Raises:
        Refused: a weight outside 0..1, or weights adding up to more than 1.
    """
    check_weights([(item.name, item.weight) for item in imported])
    if not imported:
        return colocation
    own = 1.0 - sum(item.weight for item in imported)
    keys = pd.MultiIndex.from_arrays([colocation["category_a"], colocation["category_b"]])
    total = own * scaled(colocation["relatedness"].to_numpy(dtype=np.float64))
    for item in imported:
        total = total + item.weight * _aligned(item.matrix, keys)
    return colocation.assign(relatedness=total)


def _aligned(matrix: pd.DataFrame, keys: pd.MultiIndex) -> np.ndarray:
    """The matrix's scaled values at the given ordered pairs: the pair's own, else the
    reverse pair's, else 0."""
    values = pd.Series(
        scaled(matrix["relatedness"].to_numpy(dtype=np.float64)),
        index=pd.MultiIndex.from_arrays([matrix["category_a"], matrix["category_b"]]),
    )
    reverse = pd.MultiIndex.from_arrays([keys.get_level_values(1), keys.get_level_values(0)])
    forward = values.reindex(keys).to_numpy()
    backward = values.reindex(reverse).to_numpy()
    aligned: np.ndarray = np.nan_to_num(np.where(np.isnan(forward), backward, forward), nan=0.0)
    return aligned
