"""Eurostat SBS extracts built in code, written as the published extract is written.

The layout is that of `sbs_r_nuts06_r2_2015.csv` (Eurostat's regional business statistics):
ASCII, LF line ends, `;`-separated, header `nace_r2;geo;n2015`, one row per NACE code and
region at NUTS levels 0 to 2, sorted by NACE code then region. Its cells carry the extract's
blemishes: a blank as a space or as nothing, a flag alone (` d`), a number with a flag
(`219 d`), zeros with and without a flag, and the `12:00 AM` a spreadsheet made of some
values. Every number here is invented.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

HEADER = "nace_r2;geo;n2015"

COUNTRIES = ("AT", "CZ", "DE", "HU", "PL", "SK")
# Sections (one letter), divisions (a letter and two digits) and groups, as in the extract.
NACE = ("B", "B05", "B06", "C", "C10", "C29", "G", "G451", "G47", "I56")
DIVISIONS = tuple(code for code in NACE if len(code) == 3)

# Cells set by hand, each standing for one kind of blemish (the tests name them).
SPOTS = {
    ("B", "AT"): "4321",  # the first row
    ("B", "AT12"): " ",  # a blank written as a space
    ("B", "PL11"): " d",  # a flag alone
    ("B05", "CZ1"): "219 d",  # a number with a flag
    ("B06", "DE"): "",  # a blank written as nothing
}


def regions() -> list[str]:
    """The extract's regions, sorted: each country at levels 0 to 2, and Iceland's three."""
    codes = [f"{c}{s}" for c in COUNTRIES for s in ("", "1", "11", "12", "2", "21")]
    return sorted([*codes, "IS", "IS0", "IS00"])


def cell(index: int, nace: str, geo: str) -> str:
    """The value cell of the extract's `index`-th row (0 for the first after the header)."""
    if (nace, geo) in SPOTS:
        return SPOTS[(nace, geo)]
    if nace in ("B05", "B06") and geo.startswith("IS"):
        return "12:00 AM"
    if nace == "B06" and len(geo) == 4:
        return " "
    if nace == "G451" and geo.endswith("2"):
        return ""
    if index % 17 == 3:
        return " d"
    if index % 11 == 5:
        return f"{1 + index * 31 % 900} d"
    if index % 23 == 7:
        return "0"
    if index % 29 == 8:
        return "0 d"
    return str(1 + index * 7919 % 5000)


def blemished_extract() -> list[tuple[str, str, str]]:
    """The rows (NACE code, region, cell) of a small extract with every blemish of the real one.

    Counts, as `awk -F';' 'NR>1 && ...'` gives them on the written file: 390 rows; 70 at
    NUTS level 0 (`length($2)==2`), 130 at level 1, 190 at level 2; 32 blanks
    (`$3 ~ /^ ?$/`, 13 of them empty), 22 flags alone (`$3==" d"`), 43 numbers with a flag
    (`$3 ~ /^[0-9]+ d$/`), 6 times of day (lines 65-67 and 104-106), 24 zeros
    (`$3=="0" || $3=="0 d"`, 11 with the flag). Every kind occurs at every level.
    """
    rows = [(nace, geo) for nace in NACE for geo in regions()]
    return [(nace, geo, cell(i, nace, geo)) for i, (nace, geo) in enumerate(rows)]


def write_sbs_extract(
    path: Path, rows: Iterable[Sequence[str]], header: str = HEADER, line_end: str = "\n"
) -> Path:
    """Write `rows` (NACE code, region, then one cell per year) as the extract is written."""
    lines = [header, *(";".join(row) for row in rows)]
    path.write_bytes((line_end.join(lines) + line_end).encode("ascii"))
    return path
