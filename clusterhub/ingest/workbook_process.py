"""A workbook's first sheet, read in a child process held to a memory and time limit.

    python -m clusterhub.ingest.workbook_process PATH MEMORY_BYTES SECONDS MAX_CELLS

calamine holds a sheet as one dense block of cells from its first to its last one, so two
cells far apart (A1 and XFD1048576) ask for hundreds of GiB before a row can be looked at.
In this process such a file meets the address-space limit and ends it, not the server.

Output on stdout, one JSON document per line: first {"rows": R, "columns": C} (the used
range) or {"error": KIND}; then, if the range is within MAX_CELLS, one list of cell texts
per row from row 1. Imports nothing of Django, so it starts in a fraction of a second.
"""

from __future__ import annotations

import resource
import sys
from typing import Any

import orjson

from clusterhub.lib.cells import cell_text


def _limit(memory: int, seconds: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))


def _emit(out: Any, document: object) -> None:
    out.write(orjson.dumps(document))
    out.write(b"\n")


def main(argv: list[str]) -> int:
    path, memory, seconds, max_cells = argv[0], int(argv[1]), int(argv[2]), int(argv[3])
    _limit(memory, seconds)
    from python_calamine import CalamineWorkbook

    out = sys.stdout.buffer
    try:
        workbook = CalamineWorkbook.from_path(path)
        if not workbook.sheet_names:
            _emit(out, {"error": "no-sheets"})
            return 0
        sheet = workbook.get_sheet_by_index(0)
    except MemoryError:
        _emit(out, {"error": "memory"})
        return 0
    except Exception as exc:  # calamine raises several private error types for broken archives
        _emit(out, {"error": "damaged", "kind": type(exc).__name__})
        return 0
    start, end = sheet.start, sheet.end
    rows = end[0] + 1 if end else 0
    columns = end[1] - start[1] + 1 if start and end else 0
    _emit(out, {"rows": rows, "columns": columns})
    if rows * columns > max_cells:
        return 0
    for cells in sheet.iter_rows():
        _emit(out, [cell_text(c) for c in cells])
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
