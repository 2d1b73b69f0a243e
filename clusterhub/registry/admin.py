"""The Django admin for staff: browse and correct the registry.

Edits made here go through the same services as imports, so they enter the history.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from clusterhub.accounts.admin import AdminsOnly
from clusterhub.accounts.policy import Action, can, is_admin
from clusterhub.audit.services import Actor
from clusterhub.registry.models import Cluster, Cooperation, Member, Region, RegionShape, Term
from clusterhub.registry.records import cluster_record
from clusterhub.registry.services import delete_cluster, upsert_cluster
from clusterhub.standard.fields import field_names
from clusterhub.standard.rows import validate_row

STANDARD_COLUMNS = set(field_names("clusters"))
# Columns stored as plain attributes; codes lists and the region are edited in the portal.
EDITABLE_COLUMNS = [
    f.name
    for f in Cluster._meta.concrete_fields
    if f.name in STANDARD_COLUMNS - {"id", "source", "nuts"}
]


def _actor(request: HttpRequest) -> Actor:
    return Actor.person(request.user, context="admin")


@admin.register(Region)
class RegionAdmin(AdminsOnly, admin.ModelAdmin):  # reference data: admins only
    list_display = ["code", "name", "level", "country"]
    list_filter = ["level", "country"]
    search_fields = ["code", "name"]


@admin.register(Term)
class TermAdmin(AdminsOnly, admin.ModelAdmin):
    list_display = ["vocabulary", "code", "name"]
    list_filter = ["vocabulary"]
    search_fields = ["code", "name"]


class ClusterForm(forms.ModelForm):
    """Checks the edited values with the importer's rules (the standard's row validation)."""

    class Meta:
        model = Cluster
        fields = EDITABLE_COLUMNS

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        raw = {
            name: "" if cleaned.get(name) is None else str(cleaned[name])
            for name in self.changed_data
            if name in STANDARD_COLUMNS
        }
        raw.update(id=self.instance.source_id or "new", name=str(cleaned.get("name", "")))
        raw["country"] = str(cleaned.get("country", ""))
        _, problems = validate_row("clusters", raw)
        for problem in problems:
            target = problem.column if problem.column in self.fields else None
            self.add_error(
                target, f"{problem.value!r} {problem.reason}" if problem.value else problem.reason
            )
        return cleaned


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    form = ClusterForm
    list_display = ["name", "country", "nuts", "lifecycle", "members_total", "source", "is_demo"]
    list_filter = ["country", "lifecycle", "label", "is_demo", "source"]
    search_fields = ["name", "name_en", "acronym", "source_id"]
    readonly_fields = ["source", "source_id", "derived", "is_demo", "created_at", "modified_at"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # Through the service, so the change is validated the same way and logged.
        values = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if name in cluster_record(obj)
        }
        values["id"] = obj.source_id
        saved, _ = upsert_cluster(values, source=obj.source, actor=_actor(request))
        obj.pk = saved.pk

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        delete_cluster(obj, actor=_actor(request))

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        # One by one through the service: each deletion is asked of the policy and logged.
        for cluster in queryset:
            delete_cluster(cluster, actor=_actor(request))

    # The one policy answers here too: a staff account edits only what its role allows (the
    # service refuses a move to another country as it does everywhere).
    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is None:
            return is_admin(request.user)
        return can(request.user, Action.EDIT, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is None:
            return is_admin(request.user)
        return can(request.user, Action.DELETE, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        # New organisations come through imports (or the portal's forms).
        return False


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["name", "cluster", "type", "country"]
    list_filter = ["type", "country"]
    search_fields = ["name", "register_id"]
    raw_id_fields = ["cluster", "nuts"]

    # Members and cooperations are changed in the portal, through the services.
    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Cooperation)
class CooperationAdmin(admin.ModelAdmin):
    list_display = ["cluster", "partner", "partner_name", "kind", "since", "until"]
    list_filter = ["kind"]
    raw_id_fields = ["cluster", "partner"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(RegionShape)
class RegionShapeAdmin(AdminsOnly, admin.ModelAdmin):
    list_display = ["region", "source", "loaded_at"]
    search_fields = ["region__code", "region__name"]
    readonly_fields = ["region", "geometry", "source", "loaded_at"]
