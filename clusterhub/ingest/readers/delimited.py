"""Delimited text (CSV, TSV) in any of the region's encodings, streamed row by row."""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from clusterhub.ingest.readers.base import RawTable, Row, Unreadable, unescape_cells

DELIMITERS = (",", ";", "\t", "|")
# Central European files that are not UTF-8 are almost always one of these.
LEGACY_ENCODINGS = ("cp1250", "iso8859_2", "cp1252")
_SAMPLE_BYTES = 1 << 16
_CHUNK = 1 << 20

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def detect_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when the whole file decodes as such, else the best legacy fit."""
    with path.open("rb") as handle:
        head = handle.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        non_ascii = bytearray()
        utf8 = True
        while chunk := handle.read(_CHUNK):
            if b"\x00" in chunk:
                raise Unreadable(f"{path.name} is not a text table (it contains binary data).")
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
            if len(non_ascii) < _SAMPLE_BYTES:
                non_ascii.extend(_lines_with_high_bytes(chunk))
        if utf8:
            try:
                decoder.decode(b"", final=True)
                return "utf-8"
            except UnicodeDecodeError:
                pass  # a file cut in the middle of a character is not UTF-8
    return _best_legacy(bytes(non_ascii[:_SAMPLE_BYTES]))


def _lines_with_high_bytes(chunk: bytes) -> bytes:
    return b"\n".join(line for line in chunk.split(b"\n") if any(b > 0x7F for b in line))


def _best_legacy(sample: bytes) -> str:
    # Bytes 0x80-0x9F are letters in Windows-1250 but control codes in ISO-8859-2.
    if any(0x80 <= b <= 0x9F for b in sample):
        return "cp1250"
    best = from_bytes(sample, cp_isolation=list(LEGACY_ENCODINGS)).best()
    encoding = best.encoding if best else "cp1250"
    if encoding in ("cp1250", "iso8859_2"):
        # Without those bytes both decode; ISO-8859-2 has letters (Š Ž Ť Ś Ź ą ś ť) where
        # Windows-1250 has symbols (© ® « ¬ ± ¶ »), so the one giving more letters wins.
        letters = {e: sum(c.isalpha() for c in sample.decode(e)) for e in ("cp1250", "iso8859_2")}
        if letters["iso8859_2"] > letters["cp1250"]:
            return "iso8859_2"
    return encoding


def detect_delimiter(sample: str) -> str:
    """The delimiter that splits the first records into the most consistent number of fields."""
    best, best_score = ",", (0.0, 0)
    lines = sample.splitlines()[:50]
    for delimiter in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=delimiter) if any(r)]
        except csv.Error:
            continue
        if not counts:
            continue
        width, frequency = Counter(counts).most_common(1)[0]
        if width < 2:
            continue
        score = (frequency / len(counts), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


class _CountingReader(io.RawIOBase):
    """Counts the bytes read so a progress bar can follow a streamed file."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def,override]
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.consumed += len(data)
        return len(data)


def read_delimited(path: Path) -> RawTable:
    encoding = detect_encoding(path)
    with path.open("rb") as handle:
        sample = handle.read(_SAMPLE_BYTES).decode(encoding, errors="ignore")
    if not sample.strip():
        raise Unreadable(f"{path.name} is empty.")
    delimiter = detect_delimiter(sample)
    size = max(path.stat().st_size, 1)
    counter = _CountingReader(path.open("rb"))

    def rows() -> Iterator[Row]:
        text = io.TextIOWrapper(io.BufferedReader(counter), encoding=encoding, newline="")
        try:
            for number, cells in enumerate(csv.reader(text, delimiter=delimiter), start=1):
                yield number, unescape_cells(cells)
        except csv.Error as exc:
            raise Unreadable(f"{path.name} is not well-formed CSV ({exc}).") from None
        except UnicodeDecodeError:
            raise Unreadable(
                f"{path.name} mixes text encodings and cannot be read as {encoding}."
            ) from None
        finally:
            text.close()

    return RawTable(
        name=path.name,
        rows=rows(),
        encoding=encoding,
        delimiter=delimiter,
        progress=lambda: counter.consumed / size,
    )
