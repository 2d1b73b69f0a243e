"""Creating accounts; views and commands call these rather than the model."""

from __future__ import annotations

import hashlib
import secrets

from django.utils import timezone

from clusterhub.accounts.models import ApiToken, User

DEMO_ADMIN = "admin"


def ensure_demo_admin() -> str | None:
    """Create the demo's staff account when no superuser exists; returns its new password."""
    if User.objects.filter(is_superuser=True).exists():
        return None
    password = secrets.token_urlsafe(12)
    User.objects.create_superuser(DEMO_ADMIN, email="", password=password)
    return password


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_token(user: User, name: str) -> str:
    """A new token for `user`; returns the key, which is not stored and cannot be shown again."""
    key = "ch_" + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name[:100], prefix=key[:8], key_hash=_hash(key))
    return key


def user_for_api_key(key: str) -> User | None:
    """The active user a key belongs to, or None; records when the token was last used."""
    token = ApiToken.objects.select_related("user").filter(key_hash=_hash(key)).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
