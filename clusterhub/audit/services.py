"""Writing audit entries; every registry service calls this, nothing else writes them."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import orjson
from django.db import connection, transaction
from django.utils import timezone

from clusterhub.audit.models import AuditEntry
from clusterhub.audit.signals import history_committed
from clusterhub.db import insert_rows


@dataclass(frozen=True)
class Actor:
    """Who makes a change: a signed-in user, or a named process such as an import.

    `user` is the person themself when there is one: the services ask the permission policy
    about them, so no write path can forget to. A system actor (the command line run by the
    operator, the demo) has none and is not limited.
    """

    name: str
    user_id: int | None = None
    context: str = ""
    user: Any = field(default=None, compare=False, repr=False)

    @classmethod
    def system(cls, name: str, context: str = "") -> Actor:
        return cls(name=name, context=context)

    @classmethod
    def operator(cls, what: str, context: str = "") -> Actor:
        """Whoever runs `what` (a command) on the server: a system actor named after their
        login ("mapping load by jana")."""
        user = os.environ.get("USER") or os.environ.get("USERNAME") or "command line"
        return cls.system(f"{what} by {user}", context=context)

    @classmethod
    def person(cls, user: Any, context: str) -> Actor:
        """A signed-in user (or an API token's user) making changes through `context`."""
        return cls(name=user.get_username(), user_id=user.pk, context=context, user=user)


class Change(NamedTuple):
    """One change of one record; a tuple because imports make hundreds of thousands."""

    action: str
    model: str
    object_id: str
    object_repr: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def record(actor: Actor, change: Change) -> None:
    record_many(actor, [change])


def delete_recorded(
    instance: Any, *, model: str, label: str, before: dict[str, Any], actor: Actor
) -> None:
    """Delete a model instance and record the deletion with the record as it was."""
    pk = instance.pk
    instance.delete()
    record(actor, Change("delete", model, str(pk), label, before, None))


_COLUMNS = (
    "timestamp",
    "actor_id",
    "actor_name",
    "action",
    "model",
    "object_id",
    "object_repr",
    "before",
    "after",
    "context",
)


def _json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else orjson.dumps(value, default=str).decode()


def record_many(actor: Actor, changes: Iterable[Change]) -> int:
    """Write one entry per change, all stamped with the same time; returns how many."""
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    name, context = actor.name[:200], actor.context[:300]
    rows = [
        (
            now,
            actor.user_id,
            name,
            c.action,
            c.model,
            c.object_id,
            c.object_repr[:300],
            _json(c.before),
            _json(c.after),
            context,
        )
        for c in changes
    ]
    insert_rows(AuditEntry, _COLUMNS, rows)
    if rows:
        transaction.on_commit(lambda: history_committed.send(sender=AuditEntry))
    return len(rows)


def history(model: str, object_id: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(model=model, object_id=object_id))
