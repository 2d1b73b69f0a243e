"""What a mapping run reads at most from each input file (docs/mapping.md, "Limits").

Checked before reading (bytes on disk, a Parquet footer's declared rows and row-group bytes,
the first line) and while reading (a `.gz` file's unpacked bytes, each line, the rows and
cells kept), by `clusterhub.analytics.bounded`. The readers look these up when they run,
so a test may set smaller ones.
"""

from __future__ import annotations

from clusterhub.analytics.bounded import MAX_CELL_CHARS, MAX_LINE_CHARS, Limits

# The standard observations file is read by the engine (DuckDB streams it, a row group of
# Parquet at a time); only its header is read here.
OBSERVATIONS = Limits(8 * 1024**3, 100_000_000, 1024**3)
# A Eurostat table is read here, every kept cell held until the table is built: its bytes
# (a `.tsv.gz` download's also once unpacked) and the cells kept.
EUROSTAT = Limits(1024**3, 0, 0, unpacked_bytes=1024**3)
EUROSTAT_CELLS = 5_000_000
# Distinct values of a Eurostat table's region codes and of a dimension to choose from
# (indicator, unit), each remembered once.
EUROSTAT_CODES = 100_000
# Categories, region and reference totals, crosswalk: read whole, every row kept.
TABLE = Limits(64 * 1024**2, 1_000_000, 256 * 1024**2)
TABLE_ROWS = 1_000_000
# A line of a CSV or TSV file (one row, or a line of a quoted cell), the header too, and
# a cell of one (the observations read by DuckDB: a line of at most LINE_CHARS bytes).
LINE_CHARS = MAX_LINE_CHARS
CELL_CHARS = MAX_CELL_CHARS
# Problems and warnings kept for the message (the rest are counted).
LISTED = 1_000
