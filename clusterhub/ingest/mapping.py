"""Mapping files bring a national spreadsheet into the standard without editing it.

```yaml
table: clusters            # optional: which standard table the file holds
source: cz-national        # optional: provenance for rows without a `source` column
columns:                   # national header -> standard column
  Název klastru: name
  Kraj: nuts
values:                    # per standard column: local word -> standard code
  lifecycle:
    rostoucí: growing
defaults:                  # values for columns the file lacks or leaves empty
  country: CZ
```
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from clusterhub.ingest.readers import Unreadable
from clusterhub.standard.fields import TABLES
from clusterhub.standard.rows import split_multi

_KEYS = {"table", "source", "columns", "values", "defaults"}


def header_key(text: str) -> str:
    """Compare headers ignoring case, surrounding space, BOMs and space/underscore/hyphen."""
    text = unicodedata.normalize("NFC", text.replace("\ufeff", "")).strip().casefold()
    return "_".join(text.replace("-", " ").replace("_", " ").split())


@dataclass
class Mapping:
    table: str | None = None
    source: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)

    def standard_column(self, header: str, table: str) -> str | None:
        """The standard column a file header stands for, or None when unknown."""
        key = header_key(header)
        renamed = self.columns.get(key, key)
        known = {f.name for f in TABLES[table]}
        return renamed if renamed in known else None

    def translate(self, column: str, raw: str, multi: bool) -> str:
        table = self.values.get(column)
        if not table or not raw.strip():
            return raw
        if multi:
            return ";".join(table.get(header_key(item), item) for item in split_multi(raw))
        return table.get(header_key(raw), raw)


def load_mapping(path: Path | None) -> Mapping:
    if path is None:
        return Mapping()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise Unreadable(f"mapping file {path}: no such file.") from None
    except OSError as exc:
        raise Unreadable(f"mapping file {path} cannot be read ({exc.strerror}).") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise Unreadable(
            f"mapping file {path.name} is not valid YAML ({exc}).".replace("\n", " ")
        ) from None
    if not isinstance(data, dict):
        raise Unreadable(
            f"mapping file {path.name} must be a YAML mapping with keys {sorted(_KEYS)}."
        )
    unknown = set(data) - _KEYS
    if unknown:
        raise Unreadable(
            f"mapping file {path.name}: unknown keys {sorted(unknown)}; use {sorted(_KEYS)}."
        )
    table = data.get("table")
    if table is not None and table not in TABLES:
        raise Unreadable(
            f"mapping file {path.name}: table {table!r} is not one of {sorted(TABLES)}."
        )
    columns = _string_dict(path, data, "columns")
    for target in columns.values():
        if not any(target in {f.name for f in fields} for fields in TABLES.values()):
            raise Unreadable(
                f"mapping file {path.name}: {target!r} is not a column of the standard."
            )
    values_section = data.get("values") or {}
    if not isinstance(values_section, dict):
        raise Unreadable(f"mapping file {path.name}: 'values' must map columns to word lists.")
    values = {
        str(column): {
            header_key(str(k)): str(v)
            for k, v in _string_dict(path, values_section, column).items()
        }
        for column in values_section
    }
    return Mapping(
        table=table,
        source=str(data["source"]) if data.get("source") else None,
        columns={header_key(k): v for k, v in columns.items()},
        values=values,
        defaults={k: str(v) for k, v in _string_dict(path, data, "defaults").items()},
    )


def _string_dict(path: Path, data: dict[str, object], key: str) -> dict[str, str]:
    section = data.get(key) or {}
    if not isinstance(section, dict):
        raise Unreadable(f"mapping file {path.name}: {key!r} must be a mapping.")
    return {str(k): str(v) for k, v in section.items() if v is not None}
