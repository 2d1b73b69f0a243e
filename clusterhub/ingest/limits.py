"""What the importer reads at most from one file, whatever the file says about itself.

The limits are checked before reading where the file declares its size (a workbook's
zip directory and dimension) and again while reading, so a small hostile file cannot make
the server allocate more than they allow. docs/standard.md ("Limits") lists them.
"""

from __future__ import annotations

# Rows of one file (the header included). Excel's own sheets stop at 1,048,576.
MAX_ROWS = 2_000_000
# Columns of one row.
MAX_COLUMNS = 500
# Characters of one cell; the standard's longest text field is far shorter, so a longer
# cell is a broken or hostile file rather than a long description.
MAX_CELL_CHARS = 100_000
# Characters of one line of a CSV file (a row of many cells, or one line of a long text).
MAX_LINE_CHARS = 2_000_000
# A workbook's first sheet: cells of its used range (rows x columns, empty ones included,
# as a workbook reader holds them) and the uncompressed size of its XML.
MAX_WORKBOOK_CELLS = 5_000_000
MAX_SHEET_XML_BYTES = 256 * 1024 * 1024
# Parts of a workbook archive, and their size together once uncompressed.
MAX_WORKBOOK_PARTS = 2_000
MAX_WORKBOOK_BYTES = 512 * 1024 * 1024
# The workbook reader runs in a child process held to this much memory (address space)
# and processor time; a file that needs more is refused instead of taking the server down.
WORKBOOK_READER_MEMORY_BYTES = 1024 * 1024 * 1024
WORKBOOK_READER_SECONDS = 300
# A JSON file is parsed as a stream; its items may nest lists of values, no deeper.
MAX_JSON_DEPTH = 4
# Problems listed for one file; the rest are counted ("and 12,345 more").
MAX_PROBLEMS = 1_000
MAX_WARNINGS = 200
# A file uploaded in the browser, and its rows: its check runs in one transaction, which on
# SQLite holds every other write back while it runs (100,000 rows: a few seconds).
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_UPLOAD_ROWS = 100_000


def amount(count: int) -> str:
    """A count for a message: 5,000,000."""
    return f"{count:,}"
