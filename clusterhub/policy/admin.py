"""Policy initiatives in the Django admin: to browse; they are edited in the portal (/policy/),
whose forms write through the services, so every change enters the history."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from clusterhub.policy.models import Initiative


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "country", "region", "instrument", "start", "end"]
    list_filter = ["level", "country", "instrument", "is_demo"]
    search_fields = ["code", "name", "name_en", "managing_body"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
