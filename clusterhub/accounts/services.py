"""Creating accounts; views and commands call these rather than the model."""

from __future__ import annotations

import secrets

from clusterhub.accounts.models import User

DEMO_ADMIN = "admin"


def ensure_demo_admin() -> str | None:
    """Create the demo's staff account when no superuser exists; returns its new password."""
    if User.objects.filter(is_superuser=True).exists():
        return None
    password = secrets.token_urlsafe(12)
    User.objects.create_superuser(DEMO_ADMIN, email="", password=password)
    return password
