"""System checks of the site's deployment (`clusterhub check --deploy`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error

from clusterhub.lib.secret_key import secret_key_problem


def check_secret_key(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """A deployment needs a secret key of its own, whatever DEBUG says."""
    problem = secret_key_problem(settings.SECRET_KEY)
    if problem is None:
        return []
    return [
        Error(
            problem,
            hint="python -c 'import secrets; print(secrets.token_urlsafe(64))' makes one.",
            id="clusterhub.E001",
        )
    ]
