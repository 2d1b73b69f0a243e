"""The queue in the admin, for administrators only: failed tasks with their error, recent
successes, the schedule and what is waiting.

Task arguments and errors can hold personal data (addresses in mail tasks), so a staff
account's model permissions are not enough, as for accounts and roles. The schedule is
shown, not edited: it is written from the code's periodic jobs whenever the worker starts.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django_q import admin as q_admin
from django_q.models import Failure, OrmQ, Schedule, Success


def _is_admin(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


class AdminsOnly:
    def has_module_permission(self, request: HttpRequest) -> bool:
        return _is_admin(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _is_admin(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _is_admin(request)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class FailureAdmin(AdminsOnly, q_admin.FailAdmin):
    """Failed tasks: the error and traceback (`result`), the attempts so far; "resubmit"
    queues a task again."""

    list_display = ("name", "func", "started", "stopped", "attempt_count", "short_result")


class SuccessAdmin(AdminsOnly, q_admin.TaskAdmin):
    pass


class ScheduleAdmin(AdminsOnly, q_admin.ScheduleAdmin):
    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class QueueAdmin(AdminsOnly, q_admin.QueueAdmin):
    pass


for model, model_admin in (
    (Failure, FailureAdmin),
    (Success, SuccessAdmin),
    (Schedule, ScheduleAdmin),
    (OrmQ, QueueAdmin),
):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
