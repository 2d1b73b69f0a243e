"""Publishing a questionnaire file as a version in the database."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from clusterhub.audit.services import Actor, Change, record
from clusterhub.benchmarking.definition import Definition
from clusterhub.benchmarking.models import Questionnaire

MODEL = "questionnaire"


class PublishRefused(Exception):
    """The version cannot be published; the message says why and what to do."""


def publish(definition: Definition, *, actor: Actor) -> tuple[Questionnaire, str]:
    """Store `definition` as a new version; returns it and "created" or "unchanged".

    A published version never changes: the same version with other content is refused
    (raise the version), as is a version older than the newest published one.
    """
    with transaction.atomic():
        existing = Questionnaire.objects.filter(
            key=definition.id, version=definition.version
        ).first()
        if existing is not None:
            if existing.digest == definition.digest():
                return existing, "unchanged"
            newest = Questionnaire.objects.filter(key=definition.id).aggregate(v=Max("version"))
            raise PublishRefused(
                f"{definition.id} version {definition.version} is already published with "
                f"other content; a published version never changes: raise the version "
                f"(to {newest['v'] + 1}) to publish the change."
            )
        newest = Questionnaire.objects.filter(key=definition.id).aggregate(v=Max("version"))["v"]
        if newest is not None and definition.version < newest:
            raise PublishRefused(
                f"{definition.id} version {definition.version} is older than the published "
                f"version {newest}; raise the version (to {newest + 1})."
            )
        questionnaire = Questionnaire.objects.create(
            key=definition.id,
            version=definition.version,
            title=definition.title["en"][:300],
            definition=definition.to_json(),
            digest=definition.digest(),
            published_at=timezone.now(),
            published_by=actor.name[:200],
        )
        record(
            actor,
            Change(
                action="create",
                model=MODEL,
                object_id=str(questionnaire.pk),
                object_repr=str(questionnaire),
                before=None,
                after={
                    "key": questionnaire.key,
                    "version": questionnaire.version,
                    "digest": questionnaire.digest,
                },
            ),
        )
    return questionnaire, "created"
