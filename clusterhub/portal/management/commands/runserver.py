"""`clusterhub runserver`: Django's development server (with static files), which refuses to
serve with DEBUG off and no secret key of the site's own."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.staticfiles.management.commands import runserver
from django.core.management.base import CommandError

from clusterhub.lib.secret_key import serving_problem


class Command(runserver.Command):
    def handle(self, *args: Any, **options: Any) -> None:
        if problem := serving_problem(settings.SECRET_KEY, settings.DEBUG):
            raise CommandError(problem)
        super().handle(*args, **options)
