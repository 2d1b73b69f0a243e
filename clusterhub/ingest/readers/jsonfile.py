"""JSON: a list of objects whose keys are column names (or {"data": [...]}).

Read as a stream with ijson: once as plain events, to learn the columns (the union of every
object's keys) and check the limits, once more object by object to give the rows. A file
of a million objects never stands in memory as a million dicts.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import ijson

from clusterhub.ingest import limits
from clusterhub.ingest.limits import amount
from clusterhub.ingest.readers.base import RawTable, Row, Unreadable, cell_text


def read_json(path: Path) -> RawTable:
    survey = _Survey(path).read()
    header = survey.columns
    state = {"row": 0}

    def rows() -> Iterator[Row]:
        yield 0, header
        for position, item in _items(path, survey.prefix):
            state["row"] = position
            cells = {str(k): v for k, v in item.items()}
            yield position, [cell_text(cells.get(key)) for key in header]

    return RawTable(
        name=path.name,
        rows=rows(),
        encoding="utf-8",
        progress=lambda: state["row"] / max(survey.items, 1),
        has_header_row=False,
    )


@dataclass
class _Survey:
    """One pass over the file's plain events: where the rows are, their columns and count,
    and every limit checked (depth, objects, keys, value length) before anything is built.

    ijson's `items` keeps a prefix string per level, so a value nested 100,000 deep would
    take tens of GiB there; the events here cost nothing but a depth count.
    """

    path: Path
    prefix: str = ""  # where ijson finds the rows: "item", or "data.item"
    items: int = 0
    keys: dict[str, None] = field(default_factory=dict)
    depth: int = 0
    rows_depth: int = 0  # the depth of the list of rows, once found
    done: bool = False  # the list of rows has ended
    key: str = ""  # the current row's key
    top_key: str = ""  # the key of a top-level object ("data" holds the rows)

    @property
    def columns(self) -> list[str]:
        return list(self.keys)

    @property
    def in_rows(self) -> bool:
        return bool(self.rows_depth) and not self.done

    def read(self) -> _Survey:
        with _open(self.path) as handle:
            try:
                keys, longest = self.keys, limits.MAX_CELL_CHARS
                for event, value in ijson.basic_parse(handle, use_float=True):
                    # The common events first and cheaply: a row's text and a known key.
                    if event == "string" and len(value) <= longest and self.depth > 1:
                        if self.depth == self.rows_depth and not self.done:
                            self._item(event)
                    elif event == "map_key" and value in keys and self.in_rows:
                        self.key = value
                    elif event in ("start_map", "start_array"):
                        self._start(event)
                    elif event in ("end_map", "end_array"):
                        self.done = self.done or self.depth == self.rows_depth
                        self.depth -= 1
                    elif event == "map_key":
                        self._key(str(value))
                    else:
                        self._value(event, value)
            except ijson.JSONError as exc:
                raise _invalid(self.path, exc) from None
            except UnicodeDecodeError:
                raise _not_utf8(self.path) from None
        if not self.rows_depth:
            raise Unreadable(f"{self.path.name} must contain a list of objects, one per row.")
        return self

    def _start(self, event: str) -> None:
        self.depth += 1
        if self.depth > limits.MAX_JSON_DEPTH:
            raise _too_deep(self.path, self.items, self.key, self.in_rows)
        opens_rows = self.depth == 1 or (self.depth == 2 and self.top_key == "data")
        if not self.rows_depth and event == "start_array" and opens_rows:
            self.rows_depth = self.depth
            self.prefix = "item" if self.depth == 1 else "data.item"
        elif self.in_rows and self.depth == self.rows_depth + 1:
            self._item(event)
        elif self.in_rows and self.depth > self.rows_depth + 1 + (event == "start_array"):
            raise _too_deep(self.path, self.items, self.key, True)

    def _key(self, key: str) -> None:
        if self.depth == 1:
            self.top_key = key
        if self.in_rows and self.depth == self.rows_depth + 1:
            self.key = key
            self.keys.setdefault(key, None)
            if len(self.keys) > limits.MAX_COLUMNS:
                raise Unreadable(
                    f"{self.path.name}: its objects have more than "
                    f"{amount(limits.MAX_COLUMNS)} different keys, the most a file may have "
                    "as columns."
                )

    def _value(self, event: str, value: Any) -> None:
        if self.in_rows and self.depth == self.rows_depth:
            self._item(event)
        elif event == "string" and len(value) > limits.MAX_CELL_CHARS:
            raise Unreadable(
                f"{self.path.name}: item {amount(self.items)}, key {self.key[:80]!r} holds a "
                f"value longer than {amount(limits.MAX_CELL_CHARS)} characters, the most a "
                "cell may hold."
            )

    def _item(self, event: str) -> None:
        self.items += 1
        _check_item(self.path, self.items, event)


def _check_item(path: Path, position: int, event: str) -> None:
    if position > limits.MAX_ROWS:
        raise Unreadable(
            f"{path.name} holds more than {amount(limits.MAX_ROWS)} objects, the most a file "
            "may hold; split it."
        )
    if event != "start_map":
        raise Unreadable(
            f"{path.name}: item {amount(position)} is not an object; the file must be a list "
            "of objects."
        )


def _too_deep(path: Path, position: int, key: str, in_rows: bool) -> Unreadable:
    if not in_rows or not position:
        return Unreadable(
            f"{path.name} nests its JSON more than {limits.MAX_JSON_DEPTH} levels deep; it "
            "must be a list of objects, one per row."
        )
    return Unreadable(
        f"{path.name}: item {amount(position)}, key {key[:80]!r} nests objects or lists in a "
        "value; a value is text, a number, or a list of those."
    )


def _open(path: Path) -> IO[bytes]:
    handle = path.open("rb")
    if handle.read(3) != codecs.BOM_UTF8:
        handle.seek(0)
    return handle


def _items(path: Path, prefix: str) -> Iterator[tuple[int, dict[str, Any]]]:
    with _open(path) as handle:
        try:
            for position, item in enumerate(ijson.items(handle, prefix, use_float=True), 1):
                if not isinstance(item, dict):
                    raise Unreadable(
                        f"{path.name}: item {amount(position)} is not an object; the file "
                        "must be a list of objects."
                    )
                yield position, item
        except ijson.JSONError as exc:
            raise _invalid(path, exc) from None
        except UnicodeDecodeError:
            raise _not_utf8(path) from None


def _invalid(path: Path, exc: Exception) -> Unreadable:
    given = exc.args[0] if exc.args else ""
    text = given.decode("utf-8", "replace") if isinstance(given, bytes) else str(given)
    if "invalid bytes in UTF8" in text:
        return _not_utf8(path)
    # yajl's first line says what is wrong; the lines after it draw an arrow.
    detail = text.strip().splitlines()[0][:200] if text.strip() else "incomplete"
    return Unreadable(f"{path.name} is not valid JSON ({detail}).")


def _not_utf8(path: Path) -> Unreadable:
    return Unreadable(f"{path.name} is not UTF-8 text, so it cannot be JSON.")
