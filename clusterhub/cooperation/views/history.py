"""What the history pages of action plans and meta-clusters share: a page of audit entries,
each with its kind of record named in the active language (template
`cooperation/_history_entries.html`)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import QuerySet
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


def history_context(request: HttpRequest, entries: QuerySet[AuditEntry]) -> dict[str, object]:
    """`page` (the one asked for, `PAGE_SIZE` entries) and `entries` as (entry, label)."""
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    labels = _labels()
    labelled = [(entry, labels.get(entry.model, entry.model)) for entry in page.object_list]
    return {"page": page, "entries": labelled}
