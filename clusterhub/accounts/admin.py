from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from clusterhub.accounts.models import CoordinatorRole, Invitation, ManagerRole, User


class CoordinatorInline(admin.TabularInline):
    model = CoordinatorRole
    extra = 0


class ManagerInline(admin.TabularInline):
    model = ManagerRole
    extra = 0
    raw_id_fields = ["cluster"]


@admin.register(User)
class ClusterhubUserAdmin(UserAdmin):
    inlines = [CoordinatorInline, ManagerInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "kind", "country", "cluster", "created_at", "accepted_at"]
    readonly_fields = ["token", "invited_by", "accepted_at"]
    raw_id_fields = ["cluster"]
