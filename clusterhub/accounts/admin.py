from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from clusterhub.accounts.models import CoordinatorRole, Invitation, ManagerRole, User
from clusterhub.accounts.policy import is_admin


class AdminsOnly:
    """Accounts and roles are given by administrators only (the policy's INVITE), never by a
    staff account's model permissions: a coordinator with staff status must not make
    themself the coordinator of another country."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_admin(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_admin(request.user)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_admin(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_admin(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_admin(request.user)


class CoordinatorInline(AdminsOnly, admin.TabularInline):
    model = CoordinatorRole
    extra = 0


class ManagerInline(AdminsOnly, admin.TabularInline):
    model = ManagerRole
    extra = 0
    raw_id_fields = ["cluster"]


@admin.register(User)
class ClusterhubUserAdmin(AdminsOnly, UserAdmin):
    inlines = [CoordinatorInline, ManagerInline]


@admin.register(Invitation)
class InvitationAdmin(AdminsOnly, admin.ModelAdmin):
    list_display = ["email", "kind", "country", "cluster", "created_at", "accepted_at"]
    readonly_fields = ["token", "invited_by", "accepted_at"]
    raw_id_fields = ["cluster"]
