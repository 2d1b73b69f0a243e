"""XLSX (and XLSM, XLS, ODS) workbooks: the first sheet, read with calamine.

The archive is checked first (`archive.py`); the sheet is then read in a child process
held to a memory and time limit (`clusterhub.ingest.workbook_process`), which passes the
rows back one by one. Whatever a file says about itself, reading it cannot take more
than that from the machine, and the server process never holds more than a row.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import orjson

from clusterhub.ingest import limits
from clusterhub.ingest.readers.archive import check_extent, check_workbook_archive
from clusterhub.ingest.readers.base import RawTable, Row, Unreadable, unescape_cells

_PROCESS = "clusterhub.ingest.workbook_process"


def read_workbook(path: Path) -> RawTable:
    check_workbook_archive(path)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            _PROCESS,
            str(path.resolve()),
            str(limits.WORKBOOK_READER_MEMORY_BYTES),
            str(limits.WORKBOOK_READER_SECONDS),
            str(limits.MAX_WORKBOOK_CELLS),
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdout is not None
    try:
        header = _next_document(path, process, process.stdout)
        if not isinstance(header, dict) or header.get("error"):
            raise _refusal(path, header)
        height = int(header["rows"])
        check_extent(path.name, height, int(header["columns"]))
    except BaseException:
        _stop(process)
        raise
    state = {"row": 0}

    def rows() -> Iterator[Row]:
        assert process.stdout is not None
        try:
            for number in range(1, height + 1):
                cells = _next_document(path, process, process.stdout)
                state["row"] = number
                yield number, unescape_cells(cells)  # type: ignore[arg-type]
        finally:
            _stop(process)

    return RawTable(
        name=path.name,
        rows=rows(),
        progress=lambda: state["row"] / max(height, 1),
    )


def _next_document(path: Path, process: subprocess.Popen[bytes], stream: IO[bytes]) -> object:
    line = stream.readline()
    if not line:
        raise Unreadable(_ended(path, process.wait()))
    return orjson.loads(line)


def _ended(path: Path, status: int) -> str:
    memory = limits.WORKBOOK_READER_MEMORY_BYTES // (1024 * 1024)
    if status in (-signal.SIGXCPU, -signal.SIGKILL):
        return (
            f"{path.name} could not be read within {limits.WORKBOOK_READER_SECONDS} seconds "
            "of processor time; save it as CSV and import that."
        )
    return (
        f"{path.name} could not be read within the reader's memory limit of {memory:,} MiB: its "
        "first sheet spans far more cells than it holds, or the workbook is damaged."
    )


def _refusal(path: Path, header: object) -> Unreadable:
    error = header.get("error") if isinstance(header, dict) else None
    if error == "no-sheets":
        return Unreadable(f"{path.name} has no sheets.")
    if error == "memory":
        return Unreadable(_ended(path, -signal.SIGABRT))
    kind = header.get("kind") if isinstance(header, dict) else None
    detail = f": {kind}" if kind else ""
    return Unreadable(
        f"{path.name} is not a readable workbook (it is damaged, truncated or not a "
        f"spreadsheet{detail})."
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
    process.wait()
    if process.stdout is not None:
        process.stdout.close()
