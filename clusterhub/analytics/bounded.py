"""Reading a user's file within limits, whatever the file says about itself.

A file is checked before it is read (its bytes on disk; a Parquet footer's declared rows
and row-group bytes; its first line) and while it is read (a `.gz` file's bytes once
unpacked, counted as they are unpacked; each line's characters, read at most one more than
allowed), so that a small hostile file cannot make the process hold more than the limits.
Each over-limit file is refused with one sentence naming it (and its line where one is
to blame). Shared by the mapping's readers and `cooperation relatedness`; no Django.
"""

from __future__ import annotations

import csv
import gzip
import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from clusterhub.lib.refusal import Refused, RefusedValue

# A line of a text file (one row, or a line of a quoted cell); the header line too.
MAX_LINE_CHARS = 1_000_000
# A cell of a CSV file, as the importer allows (`ingest.limits.MAX_CELL_CHARS`).
MAX_CELL_CHARS = 100_000


@dataclass(frozen=True)
class Limits:
    """What one input file may hold: its bytes; for Parquet the rows its footer declares
    and the bytes of its largest row group once uncompressed (read at once); for `.gz` the
    bytes it unpacks to."""

    file_bytes: int
    parquet_rows: int
    row_group_bytes: int
    unpacked_bytes: int = 1024**3


def is_parquet(path: Path) -> bool:
    """Whether the file is Parquet (by its name or its magic bytes)."""
    if path.suffix.lower() in {".parquet", ".pq"}:
        return True
    with path.open("rb") as handle:
        return handle.read(4) == b"PAR1"


def check_file(path: Path, limits: Limits, max_line_chars: int = MAX_LINE_CHARS) -> None:
    """The file exists, is not empty and is within `limits`, before any reading: its
    bytes, a Parquet footer's declarations, or the length of a text file's first line. A
    `.gz` file is unpacked once without keeping anything, so that an archive too large
    once unpacked, or broken, is refused in seconds rather than after parsing most of it.

    Raises:
        Refused: naming the file (and line 1 for a first line too long).
    """
    name = path.name
    if not path.is_file():
        raise Refused(RefusedValue(name, reason=f"file not found: {path}"))
    size = path.stat().st_size
    if size == 0:
        raise Refused(RefusedValue(name, reason="the file is empty"))
    if size > limits.file_bytes:
        reason = f"is {size:,} bytes, more than the {limits.file_bytes:,} read at most"
        raise Refused(RefusedValue(name, reason=reason))
    if path.suffix.lower() == ".gz":
        with open_binary(path, limits) as handle:
            while handle.read(1 << 20):
                pass
    if not is_parquet(path):
        with open_binary(path, limits) as handle:  # the readers take the header line whole
            first = handle.readline(max_line_chars + 1)
        if len(first) > max_line_chars:
            reason = f"the first line is longer than {max_line_chars:,} characters"
            raise Refused(RefusedValue(name, 1, reason=reason))
        return
    try:
        metadata = pq.ParquetFile(path).metadata
    except (pa.ArrowException, OSError) as error:
        reason = f"cannot be read as a Parquet table ({error})"
        raise Refused(RefusedValue(name, reason=reason)) from None
    groups = [metadata.row_group(i).total_byte_size for i in range(metadata.num_row_groups)]
    if metadata.num_rows > limits.parquet_rows or max(groups, default=0) > limits.row_group_bytes:
        reason = (
            f"declares {metadata.num_rows:,} rows and row groups of up to "
            f"{max(groups, default=0):,} bytes uncompressed, more than the "
            f"{limits.parquet_rows:,} rows or {limits.row_group_bytes:,} bytes read at most"
        )
        raise Refused(RefusedValue(name, reason=reason))


@contextmanager
def open_binary(path: Path, limits: Limits) -> Iterator[BinaryIO]:
    """The file's bytes; a `.gz` file's unpacked, refused as soon as they pass
    `limits.unpacked_bytes` or the file turns out not to be gzip."""
    if path.suffix.lower() != ".gz":
        with path.open("rb") as handle:
            yield handle
        return
    with gzip.GzipFile(path, "rb") as packed:
        capped = _Unpacked(packed, path.name, limits.unpacked_bytes)
        yield io.BufferedReader(capped)


@contextmanager
def open_text(path: Path, limits: Limits) -> Iterator[TextIO]:
    """The file as UTF-8 text (a byte-order mark dropped, line ends kept as written), a
    `.gz` file unpacked within `limits` (`open_binary`). Bytes that are not UTF-8 are kept
    as surrogates, so that `bounded_lines` can name the line holding them (a strict decoder
    fails on a block read ahead, many lines away)."""
    with open_binary(path, limits) as raw:
        yield io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")


def bounded_lines(
    handle: io.TextIOBase | TextIO, name: str, max_chars: int, number: int = 1
) -> Iterator[str]:
    """The lines left in `handle`, each read only up to `max_chars` (a file of one endless
    line is refused, not held in memory); `number` is the line read last (the header). A
    line holding bytes that are not UTF-8 (`open_text`) is refused."""
    while line := handle.readline(max_chars + 1):
        number += 1
        if len(line) > max_chars:
            reason = f"the line is longer than {max_chars:,} characters"
            raise Refused(RefusedValue(name, number, reason=reason))
        _check_utf8(line, name, number)
        yield line


def first_line(path: Path, limits: Limits, max_chars: int) -> str:
    """The first line of a text file, refused (as line 1) when longer than `max_chars`."""
    with open_text(path, limits) as handle:
        line = handle.readline(max_chars + 1)
    if len(line) > max_chars:
        reason = f"the first line is longer than {max_chars:,} characters"
        raise Refused(RefusedValue(path.name, 1, reason=reason))
    _check_utf8(line, path.name, 1)
    return line


def _check_utf8(line: str, name: str, number: int) -> None:
    if not line.isascii():
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # a byte kept as a surrogate by `open_text`
            raise Refused(RefusedValue(name, number, reason="is not UTF-8 text")) from None


@contextmanager
def cell_limit(max_chars: int = MAX_CELL_CHARS) -> Iterator[None]:
    """The csv module's cell limit set to `max_chars` while reading (it is one setting
    for the whole process: the importer sets the same), then restored."""
    saved = csv.field_size_limit(max_chars)
    try:
        yield
    finally:
        csv.field_size_limit(saved)


def csv_reason(error: csv.Error) -> str:
    """Why the csv module could not read a row, in the user's words."""
    if "field larger than field limit" in str(error):
        return f"a cell is longer than {csv.field_size_limit():,} characters"
    return f"cannot be read as CSV ({error})"


class _Unpacked(io.RawIOBase):
    """A gzip stream that counts what it unpacks and stops at a limit, and says a broken
    or truncated archive is one, naming the file."""

    def __init__(self, packed: gzip.GzipFile, name: str, limit: int) -> None:
        self.packed, self.name, self.limit, self.seen = packed, name, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            # One byte more than allowed is enough to know the limit is passed.
            chunk = self.packed.read(min(len(buffer), self.limit + 1 - self.seen))
        except (OSError, EOFError, zlib.error) as error:
            reason = f"is not a complete .gz file ({error})"
            raise Refused(RefusedValue(self.name, reason=reason)) from None
        self.seen += len(chunk)
        if self.seen > self.limit:
            reason = f"unpacks to more than the {self.limit:,} bytes read at most"
            raise Refused(RefusedValue(self.name, reason=reason))
        buffer[: len(chunk)] = chunk
        return len(chunk)
