"""Writes to a meta-cluster's working group (people from member clusters with roles) and
its meetings (date, place, agenda, minutes, decisions)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from clusterhub.audit.services import Actor, delete_recorded
from clusterhub.cooperation.metaclusters import checks
from clusterhub.cooperation.metaclusters.access import check_manage
from clusterhub.cooperation.metaclusters.checks import InvalidMetaCluster, Problems
from clusterhub.cooperation.metaclusters.records import (
    MEETING,
    WORKING_GROUP_MEMBER,
    meeting_record,
    person_record,
)
from clusterhub.cooperation.metaclusters.services import (
    cluster_by_id,
    current_member,
    save_recorded,
)
from clusterhub.cooperation.models import Meeting, MetaCluster, WorkingGroupMember

ROLES = tuple(WorkingGroupMember.Role.values)
# The meta-cluster's public page lists every person and meeting: without limits, those
# who run it could grow the page past serving.
MAX_PEOPLE = 200
MAX_MEETINGS = 500


def _own(meta: MetaCluster, part: Any) -> None:
    if part is not None and part.meta_cluster_id != meta.pk:
        raise InvalidMetaCluster({"meta_cluster": _("This belongs to another meta-cluster.")})


@transaction.atomic
def save_person(
    meta: MetaCluster,
    values: Mapping[str, Any],
    *,
    actor: Actor,
    person: WorkingGroupMember | None = None,
) -> WorkingGroupMember:
    """Add a person to the working group (or change `person`): `cluster` (the registry id
    of a current member), `name`, `email` (optional), `role` (chair, secretary, member,
    expert)."""
    check_manage(actor, meta)
    _own(meta, person)
    problems = Problems()
    cluster = cluster_by_id(problems, "cluster", values.get("cluster"))
    if cluster is not None and current_member(meta, cluster) is None:
        problems.add("cluster", _("%(name)s is not a current member.") % {"name": cluster.name})
    name = checks.line(problems, "name", values.get("name"), checks.NAME_LENGTH, required=True)
    email = checks.email(problems, values.get("email"))
    role = str(values.get("role") or WorkingGroupMember.Role.MEMBER)
    if role not in ROLES:
        problems.add("role", _("%(value)r is not a role.") % {"value": role})
    if person is None and meta.working_group.count() >= MAX_PEOPLE:
        problems.add(
            "name",
            _("A working group has at most %(limit)d people.") % {"limit": MAX_PEOPLE},
        )
    problems.raise_any()
    assert cluster is not None  # raise_any() refused a missing cluster
    before = person_record(person) if person is not None else None
    person = person or WorkingGroupMember(meta_cluster=meta)
    person.cluster, person.name, person.email, person.role = cluster, name, email, role
    save_recorded(actor, WORKING_GROUP_MEMBER, person, name, before, person_record(person))
    return person


@transaction.atomic
def delete_person(meta: MetaCluster, person: WorkingGroupMember, *, actor: Actor) -> None:
    check_manage(actor, meta)
    _own(meta, person)
    delete_recorded(
        person,
        model=WORKING_GROUP_MEMBER,
        label=person.name,
        before=person_record(person),
        actor=actor,
    )


@transaction.atomic
def save_meeting(
    meta: MetaCluster,
    values: Mapping[str, Any],
    *,
    actor: Actor,
    meeting: Meeting | None = None,
) -> Meeting:
    """Add a meeting (or change `meeting`): `date` (may be ahead), `place`, `agenda`,
    `minutes`, `decisions`."""
    check_manage(actor, meta)
    _own(meta, meeting)
    problems = Problems()
    day = checks.date(problems, "date", values.get("date"), required=True, future=True)
    texts = {"place": checks.line(problems, "place", values.get("place"), checks.PLACE_LENGTH)}
    for field in ("agenda", "minutes", "decisions"):
        texts[field] = checks.text(problems, field, values.get(field), checks.TEXT_LENGTH)
    if meeting is None and meta.meetings.count() >= MAX_MEETINGS:
        problems.add(
            "date",
            _("A meta-cluster has at most %(limit)d meetings.") % {"limit": MAX_MEETINGS},
        )
    problems.raise_any()
    before = meeting_record(meeting) if meeting is not None else None
    meeting = meeting or Meeting(meta_cluster=meta)
    meeting.date = day  # type: ignore[assignment]  # required: raise_any() refused None
    for field, value in texts.items():
        setattr(meeting, field, value)
    save_recorded(actor, MEETING, meeting, str(meeting), before, meeting_record(meeting))
    return meeting


@transaction.atomic
def delete_meeting(meta: MetaCluster, meeting: Meeting, *, actor: Actor) -> None:
    check_manage(actor, meta)
    _own(meta, meeting)
    delete_recorded(
        meeting, model=MEETING, label=str(meeting), before=meeting_record(meeting), actor=actor
    )
