"""Every write to the policy initiatives: the portal, the importer and the demo call these.

Each service validates what it is given, writes the audit entry and returns the object.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from clusterhub.accounts.policy import Action, NotPermitted, Refusal, can
from clusterhub.audit.services import Actor, Change, delete_recorded, record
from clusterhub.lib.text import fold
from clusterhub.policy.models import Initiative, InitiativeTag
from clusterhub.policy.records import (
    TABLE,
    TAG_FIELDS,
    as_text,
    initiative_record,
    set_plain_attributes,
)
from clusterhub.registry.records import Record, empty_record, normalise
from clusterhub.registry.services import ensure_regions
from clusterhub.standard.rows import Problem, validate_row
from clusterhub.standard.values import period_first_day, period_last_day

MODEL = "policy_initiative"
DEFAULT_CURRENCY = "EUR"
_SEARCHED = ("code", "name", "name_en", "managing_body", "description", "description_en")


class InvalidInitiative(ValueError):
    """The initiative would break a rule of the standard; `problems` name the columns."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.column} {p.reason}" for p in problems))


def _checked(after: Record) -> Record:
    """The whole record after the change, validated as one row of a file would be."""
    clean, problems = validate_row(TABLE, as_text(after))
    if problems:
        raise InvalidInitiative(problems)
    return {**after, **normalise(TABLE, clean)}


def _set_tags(initiative: Initiative, after: Record, before: Record | None) -> None:
    for field in TAG_FIELDS:
        codes = after[field]
        if before is not None and before[field] == codes:
            continue
        initiative.tags.filter(field=field).delete()
        InitiativeTag.objects.bulk_create(
            [
                InitiativeTag(initiative=initiative, field=field, code=code, position=i)
                for i, code in enumerate(codes)
            ]
        )


def upsert_initiative(
    values: Mapping[str, Any], *, actor: Actor, is_demo: bool = False
) -> tuple[Initiative, str]:
    """Create or update the initiative `values["code"]`.

    `values` are clean values of the standard's `policy_initiatives` columns (as validation
    returns them); columns left out keep their current value. The record after the change
    is checked as a whole (`InvalidInitiative` when it breaks a rule); an empty currency
    becomes EUR, an empty source the country (EU for the EU level). Returns the initiative and what happened: "created", "updated" or
    "unchanged".
    """
    existing = Initiative.objects.filter(code=values["code"]).prefetch_related("tags").first()
    before = initiative_record(existing) if existing else None
    after = {**(before or empty_record(TABLE)), **normalise(TABLE, values)}
    after["currency"] = after["currency"] or DEFAULT_CURRENCY
    after["source"] = after["source"] or after["country"] or "EU"
    after = _checked(after)
    _check_write(actor, existing, after)
    if existing and before == after:
        return existing, "unchanged"

    initiative = existing or Initiative(code=after["code"])
    set_plain_attributes(initiative, after)
    if after["region"]:
        ensure_regions([after["region"]])
    initiative.starts_on = period_first_day(after["start"]) if after["start"] else None
    initiative.ends_on = period_last_day(after["end"]) if after["end"] else None
    initiative.search_text = fold(" ".join(after[f] or "" for f in _SEARCHED))
    initiative.is_demo = is_demo or initiative.is_demo
    initiative.save()
    _set_tags(initiative, after, before)
    record(
        actor,
        Change(
            action="update" if existing else "create",
            model=MODEL,
            object_id=str(initiative.pk),
            object_repr=initiative.name,
            before=before,
            after=after,
        ),
    )
    return initiative, "updated" if existing else "created"


def _check_write(actor: Actor, existing: Initiative | None, after: Record) -> None:
    """A person's change needs the policy's yes for the initiative as it is and as it will be."""
    if actor.user is None:
        return
    if existing is not None and not can(actor.user, Action.EDIT_INITIATIVE, existing):
        raise NotPermitted(Refusal.RECORD)
    target = "" if after["level"] == "eu" else after["country"] or ""
    if not can(actor.user, Action.EDIT_INITIATIVE, target):
        raise NotPermitted(Refusal.COUNTRY)


def delete_initiative(initiative: Initiative, *, actor: Actor) -> None:
    if actor.user is not None and not can(actor.user, Action.EDIT_INITIATIVE, initiative):
        raise NotPermitted(Refusal.RECORD)
    delete_recorded(
        initiative,
        model=MODEL,
        label=initiative.name,
        before=initiative_record(initiative),
        actor=actor,
    )
