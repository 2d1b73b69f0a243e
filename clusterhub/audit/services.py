"""Writing audit entries; every registry service calls this, nothing else writes them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from clusterhub.audit.models import AuditEntry


@dataclass(frozen=True)
class Actor:
    """Who makes a change: a signed-in user, or a named process such as an import."""

    name: str
    user_id: int | None = None
    context: str = ""

    @classmethod
    def system(cls, name: str, context: str = "") -> Actor:
        return cls(name=name, context=context)


@dataclass(frozen=True)
class Change:
    action: str
    model: str
    object_id: str
    object_repr: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def record(actor: Actor, change: Change) -> AuditEntry:
    return record_many(actor, [change])[0]


def record_many(actor: Actor, changes: Iterable[Change]) -> list[AuditEntry]:
    now = timezone.now()
    entries = [
        AuditEntry(
            timestamp=now,
            actor_id=actor.user_id,
            actor_name=actor.name[:200],
            action=c.action,
            model=c.model,
            object_id=c.object_id,
            object_repr=c.object_repr[:300],
            before=c.before,
            after=c.after,
            context=actor.context[:300],
        )
        for c in changes
    ]
    return AuditEntry.objects.bulk_create(entries, batch_size=2000)


def history(model: str, object_id: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(model=model, object_id=object_id))
