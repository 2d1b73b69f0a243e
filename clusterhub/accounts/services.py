"""Creating accounts; views and commands call these rather than the model."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from clusterhub.accounts.models import ApiToken, CoordinatorRole, Invitation, ManagerRole, User

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


INVITATION_DAYS = 14


def create_invitation(
    *, email: str, kind: str, country: str = "", cluster: Model | None = None, invited_by: User
) -> Invitation:
    """An invitation to become a coordinator of `country` or a manager of `cluster` (a
    registry.Cluster)."""
    return Invitation.objects.create(
        email=email,
        kind=kind,
        country=country.upper(),
        cluster_id=cluster.pk if cluster is not None else None,
        token=secrets.token_urlsafe(32),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )


def open_invitation(token: str) -> Invitation | None:
    """The invitation for `token` if it is still valid."""
    invitation = Invitation.objects.filter(token=token, accepted_at__isnull=True).first()
    if invitation is None or invitation.expires_at < timezone.now():
        return None
    return invitation


def accept_invitation(invitation: Invitation, *, username: str, password: str) -> User:
    """Create the invited user with their role; the invitation cannot be used again."""
    with transaction.atomic():
        user = User.objects.create_user(username, invitation.email, password)
        if invitation.kind == Invitation.Kind.COORDINATOR:
            CoordinatorRole.objects.create(user=user, country=invitation.country)
        elif invitation.cluster is not None:
            ManagerRole.objects.create(user=user, cluster=invitation.cluster)
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
    return user
