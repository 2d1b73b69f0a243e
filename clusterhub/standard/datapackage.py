"""The standard as a Frictionless Data Package descriptor with Table Schemas."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from clusterhub.standard import VERSION
from clusterhub.standard.fields import TABLE_TITLES, TABLES, Field
from clusterhub.standard.values import MAX_COUNT

PUBLISHED = Path(__file__).with_name("datapackage.json")

_PATTERNS = {
    "country": r"[A-Za-z]{2}",
    "nuts": r"[A-Za-z]{2}[0-9A-Za-z]{1,3}",
    "nace": r"[A-Ua-u]?\s*(\d{2}(\.\d{1,2})?)?",
    "url": r"https?://\S+",
    "email": r"[^@\s]+@[^@\s]+\.[^@\s]+",
    "slug": r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*",
    "period": r"\d{4}(-\d{2}-\d{2})?",
    "currency": r"[A-Za-z]{3}",
}
_FOREIGN_KEYS = {
    "members": [{"fields": "cluster_id", "reference": {"resource": "clusters", "fields": "id"}}],
    "cooperations": [
        {"fields": "cluster_id", "reference": {"resource": "clusters", "fields": "id"}},
        {"fields": "partner_id", "reference": {"resource": "clusters", "fields": "id"}},
    ],
}


def _item_pattern(field: Field) -> str | None:
    if field.vocabulary:
        return "|".join(re.escape(code) for code in field.vocabulary)
    return _PATTERNS.get(field.kind)


def field_schema(field: Field) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "name": field.name,
        "type": field.table_schema_type,
        "description": field.description,
    }
    if field.kind == "date":
        schema["format"] = "default"
    constraints: dict[str, Any] = {}
    if field.required:
        constraints["required"] = True
    item = _item_pattern(field)
    if field.multi:
        schema["description"] += " Several values are separated by `;`."
        if item:
            constraints["pattern"] = f"({item})(;({item}))*"
    elif field.vocabulary:
        constraints["enum"] = list(field.vocabulary)
    elif item:
        constraints["pattern"] = item
    if field.kind in ("count", "nonnegative", "amount"):
        constraints["minimum"] = 0
    if field.kind == "count":
        constraints["maximum"] = MAX_COUNT
    if field.kind == "latitude":
        constraints.update(minimum=-90, maximum=90)
    if field.kind == "longitude":
        constraints.update(minimum=-180, maximum=180)
    if field.kind == "year":
        constraints["minimum"] = 1900
    if field.max_length:
        constraints["maxLength"] = field.max_length
    if constraints:
        schema["constraints"] = constraints
    if field.personal:
        schema["personal"] = True
    return schema


def table_schema(table: str, include_personal: bool = True) -> dict[str, Any]:
    fields = [f for f in TABLES[table] if include_personal or not f.personal]
    schema: dict[str, Any] = {
        "fields": [field_schema(f) for f in fields],
        "missingValues": [""],
    }
    if table == "clusters":
        schema["primaryKey"] = ["source", "id"]
    if table == "policy_initiatives":
        schema["primaryKey"] = ["code"]
    if table in _FOREIGN_KEYS:
        schema["foreignKeys"] = _FOREIGN_KEYS[table]
    return schema


def descriptor(tables: list[str] | None = None, include_personal: bool = True) -> dict[str, Any]:
    return {
        "name": "clusterhub-registry",
        "title": "Clusterhub unified data standard for cluster organisations",
        "version": VERSION,
        "profile": "tabular-data-package",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
        "resources": [
            {
                "name": table,
                "title": TABLE_TITLES[table],
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "header": True},
                "schema": table_schema(table, include_personal),
            }
            for table in (tables or list(TABLES))
        ],
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_standard(out: Path) -> list[Path]:
    """Write the descriptor and an empty CSV template (header row only) per table."""
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "datapackage.json"]
    written[0].write_text(dumps(descriptor()), encoding="utf-8")
    for table, fields in TABLES.items():
        path = out / f"{table}.csv"
        path.write_text(",".join(f.name for f in fields) + "\n", encoding="utf-8")
        written.append(path)
    return written
