"""Upserting member organisations in bulk: imports bring tens of thousands at a time."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from clusterhub.accounts.policy import Action
from clusterhub.audit.services import Actor, Change, record_many
from clusterhub.db import insert_rows
from clusterhub.registry.models import Cluster, Member
from clusterhub.registry.records import (
    Record,
    empty_record,
    member_record,
    normalise,
    plain_attributes,
)
from clusterhub.registry.services.clusters import check_write
from clusterhub.registry.services.search_text import append_member_names
from clusterhub.registry.services.taxonomy import ensure_regions
from clusterhub.standard.fields import field_names

MODEL = "member"
_COLUMNS = field_names("members")
_EMPTY = empty_record("members")
_STORED = [c for c in _COLUMNS if c != "cluster_id"]
# Database columns in the order `_write_creates` builds its rows.
_INSERT_COLUMNS = [
    "cluster_id",
    "name",
    "country",
    "nuts_id",
    "type",
    "nace",
    "employees",
    "website",
    "register_id",
    "joined",
]


def row_hash(rec: Record) -> str:
    payload = "\x1f".join("\x00" if rec[c] is None else str(rec[c]) for c in _STORED)
    return hashlib.md5(payload.encode(), usedforsecurity=False).hexdigest()


@dataclass
class _Pending:
    cluster_pk: int
    cluster_id: str
    values: Record
    digest: str = ""


@dataclass
class MemberWriter:
    """Creates or updates members, keyed by cluster and name, in chunks.

    Runs inside the caller's transaction; call `flush()` at the end. Unchanged rows are
    recognised by a stored hash, so a re-import of a large file reads little.
    """

    actor: Actor
    chunk_size: int = 5000
    counts: dict[str, int] = field(
        default_factory=lambda: {"created": 0, "updated": 0, "unchanged": 0}
    )
    _index: dict[int, dict[str, tuple[int, str]]] = field(default_factory=dict)
    _creates: list[_Pending] = field(default_factory=list)
    _updates: dict[int, _Pending] = field(default_factory=dict)
    _new_names: dict[int, list[str]] = field(default_factory=dict)

    def _names_of(self, cluster_pk: int) -> dict[str, tuple[int, str]]:
        names = self._index.get(cluster_pk)
        if names is None:
            if self.actor.user is not None:  # a person's members: asked once per cluster
                check_write(
                    self.actor, Cluster.objects.get(pk=cluster_pk), None, Action.EDIT_MEMBERS
                )
            rows = Member.objects.filter(cluster_id=cluster_pk).values_list(
                "name", "pk", "row_hash"
            )
            names = {name: (pk, digest) for name, pk, digest in rows}
            self._index[cluster_pk] = names
        return names

    def add(self, cluster_pk: int, cluster_id: str, values: Mapping[str, Any]) -> None:
        """Queue one row of clean `members` values for the cluster with primary key `cluster_pk`."""
        names = self._names_of(cluster_pk)
        rec = normalise("members", values)
        rec["cluster_id"] = cluster_id
        complete = len(rec) == len(_COLUMNS)
        known = names.get(rec["name"])
        if known is None:
            full = {**_EMPTY, **rec}
            digest = row_hash(full)
            self._creates.append(_Pending(cluster_pk, cluster_id, full, digest))
            names[rec["name"]] = (0, digest)
        elif complete and known[0] and row_hash(rec) == known[1]:
            self.counts["unchanged"] += 1
        elif known[0]:
            self._updates[known[0]] = _Pending(cluster_pk, cluster_id, rec)
        else:
            raise ValueError(f"member {rec['name']!r} appears twice in cluster {cluster_id}")
        if len(self._creates) + len(self._updates) >= self.chunk_size:
            self.flush()

    def flush(self) -> None:
        self._write_creates()
        self._write_updates()

    def finish(self) -> None:
        """Write what is queued, then make the new members findable by name."""
        self.flush()
        append_member_names(self._new_names)
        self._new_names = {}

    def _write_creates(self) -> None:
        if not self._creates:
            return
        ensure_regions({p.values["nuts"] for p in self._creates if p.values["nuts"]})
        adapt_date = connection.ops.adapt_datefield_value
        rows = []
        for pending in self._creates:
            v = pending.values
            joined = adapt_date(dt.date.fromisoformat(v["joined"])) if v["joined"] else None
            rows.append(
                (
                    pending.cluster_pk,
                    v["name"],
                    v["country"] or "",
                    v["nuts"],
                    v["type"] or "",
                    v["nace"] or "",
                    v["employees"],
                    v["website"] or "",
                    v["register_id"] or "",
                    joined,
                    pending.digest,
                )
            )
        columns = [*_INSERT_COLUMNS, "row_hash"]
        returned = insert_rows(Member, columns, rows, returning=["id", "cluster_id", "name"])
        pks = {(cluster_pk, name): pk for pk, cluster_pk, name in returned}
        changes = []
        for pending, row in zip(self._creates, rows, strict=True):
            pk = pks[(pending.cluster_pk, pending.values["name"])]
            self._index[pending.cluster_pk][pending.values["name"]] = (pk, row[-1])
            self._new_names.setdefault(pending.cluster_pk, []).append(pending.values["name"])
            changes.append(
                Change("create", MODEL, str(pk), pending.values["name"], None, pending.values)
            )
        record_many(self.actor, changes)
        self.counts["created"] += len(rows)
        self._creates = []

    def _write_updates(self) -> None:
        if not self._updates:
            return
        changed: list[Member] = []
        changes: list[Change] = []
        for member in Member.objects.filter(pk__in=list(self._updates)):
            pending = self._updates[member.pk]
            before = member_record(member, pending.cluster_id)
            after = {**before, **pending.values}
            if after == before:
                self.counts["unchanged"] += 1
                continue
            for attribute, value in plain_attributes("members", after):
                setattr(member, attribute, value)
            member.nuts_id = after["nuts"]
            member.row_hash = row_hash(after)
            changed.append(member)
            changes.append(Change("update", MODEL, str(member.pk), member.name, before, after))
            self._index[pending.cluster_pk][member.name] = (member.pk, member.row_hash)
        ensure_regions({m.nuts_id for m in changed if m.nuts_id})
        fields = [*_STORED, "row_hash"]
        Member.objects.bulk_update(changed, fields, batch_size=500)
        record_many(self.actor, changes)
        self.counts["updated"] += len(changed)
        self._updates = {}
