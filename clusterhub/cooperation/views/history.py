"""What the history pages of action plans and meta-clusters share: a page of audit entries,
each with its kind of record and its changed fields named in the active language (template
`cooperation/_history_entries.html`)."""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from clusterhub.audit.models import AuditEntry
from clusterhub.cooperation.actionplans.records import ACTION, INDICATOR, NOTE, PLAN
from clusterhub.cooperation.metaclusters.records import (
    GOAL,
    MEETING,
    MEMBERSHIP,
    META_CLUSTER,
    STRATEGIC_PLAN,
    WORKING_GROUP_MEMBER,
)
from clusterhub.cooperation.models import (
    Action,
    ActionPlan,
    Goal,
    Indicator,
    Meeting,
    MetaCluster,
    MetaClusterMembership,
    ProgressNote,
    StrategicPlan,
    WorkingGroupMember,
)

PAGE_SIZE = 50


def _labels() -> dict[str, str]:
    """Every kind of cooperation record a history lists, named in the active language."""
    return {
        PLAN: _("action plan"),
        ACTION: pgettext("action plan", "action"),
        INDICATOR: _("indicator"),
        NOTE: _("progress note"),
        META_CLUSTER: _("meta-cluster"),
        MEMBERSHIP: _("meta-cluster membership"),
        WORKING_GROUP_MEMBER: _("working group member"),
        MEETING: _("meeting"),
        STRATEGIC_PLAN: _("strategic plan"),
        GOAL: _("goal"),
    }


_MODELS: dict[str, type[Model]] = {
    PLAN: ActionPlan,
    ACTION: Action,
    INDICATOR: Indicator,
    NOTE: ProgressNote,
    META_CLUSTER: MetaCluster,
    MEMBERSHIP: MetaClusterMembership,
    WORKING_GROUP_MEMBER: WorkingGroupMember,
    MEETING: Meeting,
    STRATEGIC_PLAN: StrategicPlan,
    GOAL: Goal,
}


def field_names(entry: AuditEntry) -> list[str]:
    """The fields an update changed, by their names in the active language ("členem do",
    not "left"); a name the record's model does not know is shown as it was stored."""
    model = _MODELS.get(entry.model)
    names = []
    for name in entry.changed_fields():
        try:
            field = model._meta.get_field(name) if model else None
        except FieldDoesNotExist:
            field = None
        names.append(str(getattr(field, "verbose_name", name)))
    return names


def history_context(request: HttpRequest, entries: QuerySet[AuditEntry]) -> dict[str, object]:
    """`page` (the one asked for, `PAGE_SIZE` entries) and `entries` as (entry, label,
    changed fields)."""
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    labels = _labels()
    labelled = [
        (entry, labels.get(entry.model, entry.model), field_names(entry))
        for entry in page.object_list
    ]
    return {"page": page, "entries": labelled}
