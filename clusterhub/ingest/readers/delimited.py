"""Delimited text (CSV, TSV) in any of the region's encodings, streamed row by row."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from clusterhub.ingest import limits
from clusterhub.ingest.limits import amount
from clusterhub.ingest.readers.base import RawTable, Row, Unreadable, unescape_cells

DELIMITERS = (",", ";", "\t", "|")
# Central European files that are not UTF-8 are one of these; Western code pages are left
# out on purpose, as they decode the same bytes into plausible but wrong letters.
LEGACY_ENCODINGS = ("cp1250", "iso8859_2")
_SAMPLE_BYTES = 1 << 16
_CHUNK = 1 << 20

# A longer cell stops the reader at once (see `_rows`), before it is held in memory whole.
csv.field_size_limit(limits.MAX_CELL_CHARS)


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
    common = sample.decode("cp1250", errors="replace")
    polish = sum(c in _POLISH for c in common) > sum(c in _CZECH_SLOVAK for c in common)
    scores = {
        enc: _plausibility(sample.decode(enc, errors="replace"), polish) for enc in LEGACY_ENCODINGS
    }
    if scores["cp1250"] != scores["iso8859_2"]:
        return max(scores, key=lambda enc: scores[enc])
    best = from_bytes(sample, cp_isolation=list(LEGACY_ENCODINGS)).best()
    return best.encoding if best else "cp1250"


def _plausibility(text: str, polish: bool) -> int:
    """Higher for text that reads like Central European names and words.

    Only asked when the file has no byte 0x80-0x9F. The two code pages then still differ in
    a few letters: 0xB9 is "š" (ISO) or "ą" (Windows), 0xBE "ž" or "ľ", 0xBC "ź" or "Ľ",
    0xA5 "Ľ" or "Ą"; and several bytes are letters in one and symbols in the other. A
    Windows-1250 file with "š" or "ž" would have had bytes 0x9A or 0x9E, so outside Polish
    text those letters point to ISO-8859-2.
    """
    score = 0
    previous = " "
    for char in text:
        if char in _SYMBOLS:
            score -= 3
        elif char.isupper() and previous.islower():
            score -= 2  # a capital inside a word
        elif char in _NASALS:
            score += 2 if polish and previous.isalpha() else -2
        elif char in _CARONS:
            score += -1 if polish else 2
        elif char.isalpha():
            score += 1
        previous = char
    return score


_SYMBOLS = set("±¶µ¦©«»®¬·ˇ¤§¨°´¸˘˝˛")  # noqa: RUF001
_NASALS = set("ąĄ")
_CARONS = set("šžŠŽ")
# Letters that are the same in both code pages and tell Polish from Czech or Slovak.
_POLISH = set("łńężŁŃĘŻ")
_CZECH_SLOVAK = set("řěůčďňôĺŕŘĚŮČĎŇÔ")


def detect_delimiter(sample: str) -> str:
    """The delimiter that splits the first records into the most consistent number of fields."""
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        # Records as csv reads them: str.splitlines() would also break at \x85, \u2028 and
        # other characters that are text in a CSV field, and inside quoted line breaks.
        records = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        try:
            counts = [len(r) for r in itertools.islice(records, 50) if any(r)]
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


def _lines(name: str, text: io.TextIOWrapper) -> Iterator[str]:
    """The file's lines, each read at most MAX_LINE_CHARS at a time (a file with no line
    breaks is refused after that many characters instead of being read whole)."""
    number = 0
    while line := text.readline(limits.MAX_LINE_CHARS + 1):
        number += 1
        if len(line) > limits.MAX_LINE_CHARS:
            raise Unreadable(
                f"{name}: line {amount(number)} is longer than "
                f"{amount(limits.MAX_LINE_CHARS)} characters, the most a line may hold."
            )
        yield line


def _rows(name: str, text: io.TextIOWrapper, delimiter: str) -> Iterator[Row]:
    number = 0
    try:
        for number, cells in enumerate(
            csv.reader(_lines(name, text), delimiter=delimiter), start=1
        ):
            if number > limits.MAX_ROWS:
                raise Unreadable(
                    f"{name} has more than {amount(limits.MAX_ROWS)} rows, the most a file "
                    "may hold; split it."
                )
            if len(cells) > limits.MAX_COLUMNS:
                raise Unreadable(
                    f"{name}, row {amount(number)}: {amount(len(cells))} cells; a row of at "
                    f"most {amount(limits.MAX_COLUMNS)} is read."
                )
            yield number, unescape_cells(cells)
    except csv.Error as exc:
        if "field limit" in str(exc):
            raise Unreadable(
                f"{name}, row {amount(number + 1)}: a cell is longer than "
                f"{amount(limits.MAX_CELL_CHARS)} characters, the most a cell may hold."
            ) from None
        raise Unreadable(f"{name} is not well-formed CSV ({exc}).") from None


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
            yield from _rows(path.name, text, delimiter)
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
