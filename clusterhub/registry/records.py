"""Registry records as plain dicts in the standard's field names.

One representation serves the audit log (before/after), the exports and change detection:
JSON-ready values, empty as None, lists for multi-valued fields, dates as ISO strings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from clusterhub.registry.models import Cluster, ClusterTag, Cooperation, Member
from clusterhub.standard.fields import TABLES, Field

Record = dict[str, Any]

CLUSTER_TAG_FIELDS = tuple(ClusterTag.Field.values)
# Columns of `clusters` that are not plain model attributes.
_CLUSTER_SPECIAL = {"id", "nuts", "source", *CLUSTER_TAG_FIELDS}


def record_value(field: Field, value: Any) -> Any:
    """Normalise a clean value (from validation or the database) to its record form."""
    if field.multi:
        return list(value or [])
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if field.kind in ("nonnegative", "latitude", "longitude"):
        return float(value)
    return value


def model_value(field: Field, value: Any) -> Any:
    """The value to put on a model attribute for a record value."""
    if value is None:
        return None if field.kind in _NULLABLE_KINDS else ""
    if field.kind == "date":
        return dt.date.fromisoformat(value)
    return value


_NULLABLE_KINDS = {"date", "year", "count", "nonnegative", "latitude", "longitude"}


def empty_record(table: str) -> Record:
    return {f.name: record_value(f, None) for f in TABLES[table]}


_FIELDS_BY_NAME = {table: {f.name: f for f in fields} for table, fields in TABLES.items()}


def normalise(table: str, values: Mapping[str, Any]) -> Record:
    """Record form of the given clean values (only the keys given)."""
    fields = _FIELDS_BY_NAME[table]
    out: Record = {}
    for key, value in values.items():
        field = fields.get(key)
        if field is None:
            continue
        # Text and whole numbers are already in record form: the import's hot path.
        if type(value) is str and value and not field.multi:
            out[key] = value
        else:
            out[key] = record_value(field, value)
    return out


def attach_tag_codes(clusters: list[Cluster]) -> None:
    """Read the code lists of `clusters` in one query, for `cluster_tags`: for pages of
    search results, several times cheaper than prefetching `tags__term` as objects."""
    by_pk: dict[int, dict[str, list[str]]] = {
        c.pk: {name: [] for name in CLUSTER_TAG_FIELDS} for c in clusters
    }
    rows = (
        ClusterTag.objects.filter(cluster_id__in=list(by_pk))
        .order_by("cluster_id", "field", "position")
        .values_list("cluster_id", "field", "term__code")
    )
    for pk, field, code in rows:
        by_pk[pk][field].append(code)
    for cluster in clusters:
        cluster.tag_codes = by_pk[cluster.pk]  # type: ignore[attr-defined]


def cluster_tags(cluster: Cluster) -> dict[str, list[str]]:
    attached: dict[str, list[str]] | None = getattr(cluster, "tag_codes", None)
    if attached is not None:
        return attached
    tags: dict[str, list[str]] = {name: [] for name in CLUSTER_TAG_FIELDS}
    # Uses the prefetch cache when the caller prefetched `tags__term`.
    for tag in sorted(cluster.tags.all(), key=lambda t: (t.field, t.position)):
        tags[tag.field].append(tag.term.code)
    return tags


def cluster_record(cluster: Cluster) -> Record:
    record: Record = {}
    tags = cluster_tags(cluster)
    for field in TABLES["clusters"]:
        if field.name == "id":
            value: Any = cluster.source_id
        elif field.name == "nuts":
            value = cluster.nuts_id
        elif field.name in tags:
            value = tags[field.name]
        else:
            value = getattr(cluster, field.name)
        record[field.name] = record_value(field, value)
    return record


def member_record(member: Member, cluster_id: str) -> Record:
    record: Record = {}
    for field in TABLES["members"]:
        if field.name == "cluster_id":
            value: Any = cluster_id
        elif field.name == "nuts":
            value = member.nuts_id
        else:
            value = getattr(member, field.name)
        record[field.name] = record_value(field, value)
    return record


def cooperation_record(coop: Cooperation) -> Record:
    record: Record = {}
    for field in TABLES["cooperations"]:
        if field.name == "cluster_id":
            value: Any = coop.cluster.source_id
        elif field.name == "partner_id":
            value = coop.partner.source_id if coop.partner is not None else None
        else:
            value = getattr(coop, field.name)
        record[field.name] = record_value(field, value)
    return record


def plain_attributes(table: str, record: Mapping[str, Any]) -> Iterable[tuple[str, Any]]:
    """(attribute, model value) pairs for the columns stored as plain model attributes."""
    special = _CLUSTER_SPECIAL if table == "clusters" else {"cluster_id", "nuts", "partner_id"}
    for field in TABLES[table]:
        if field.name in record and field.name not in special:
            yield field.name, model_value(field, record[field.name])
