"""JSON: a list of objects whose keys are column names."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from clusterhub.ingest.readers.base import RawTable, Row, Unreadable, cell_text


def read_json(path: Path) -> RawTable:
    try:
        with path.open("rb") as handle:
            data = json.loads(handle.read().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise Unreadable(f"{path.name} is not UTF-8 text, so it cannot be JSON.") from None
    except RecursionError:
        raise Unreadable(f"{path.name} nests its JSON too deeply to be a list of rows.") from None
    except json.JSONDecodeError as exc:
        raise Unreadable(
            f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        data = data["data"]
    if not isinstance(data, list):
        raise Unreadable(f"{path.name} must contain a list of objects, one per row.")
    for position, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise Unreadable(
                f"{path.name}: item {position} is not an object; the file must be a list of objects."
            )
    columns: dict[str, None] = {}
    for item in data:
        for key in item:
            columns.setdefault(str(key), None)
    header = list(columns)
    total = max(len(data), 1)
    state = {"row": 0}

    def rows() -> Iterator[Row]:
        yield 0, header
        for position, item in enumerate(data, start=1):
            state["row"] = position
            yield position, [cell_text(item.get(key)) for key in header]

    return RawTable(
        name=path.name,
        rows=rows(),
        encoding="utf-8",
        progress=lambda: state["row"] / total,
        has_header_row=False,
    )
