"""Users and the roles they hold: national coordinator (per country), cluster manager (per
organisation). Admins are superusers; every signed-in user is a registered user."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in to Clusterhub."""


class CoordinatorRole(models.Model):
    """The user coordinates the national registry of one country."""

    user = models.ForeignKey(User, related_name="coordinator_roles", on_delete=models.CASCADE)
    country = models.CharField(_("country"), max_length=2)

    class Meta:
        verbose_name = _("national coordinator")
        verbose_name_plural = _("national coordinators")
        constraints = [
            models.UniqueConstraint(fields=["user", "country"], name="coordinator_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.country})"


class ManagerRole(models.Model):
    """The user manages one cluster organisation's profile and members."""

    user = models.ForeignKey(User, related_name="manager_roles", on_delete=models.CASCADE)
    cluster = models.ForeignKey(
        "registry.Cluster", related_name="managers", on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("cluster manager")
        verbose_name_plural = _("cluster managers")
        constraints = [models.UniqueConstraint(fields=["user", "cluster"], name="manager_unique")]

    def __str__(self) -> str:
        return f"{self.user} ({self.cluster_id})"


class Invitation(models.Model):
    """An admin's invitation to become a coordinator or a manager; accepted with its token."""

    class Kind(models.TextChoices):
        COORDINATOR = "coordinator", _("national coordinator")
        MANAGER = "manager", _("cluster manager")

    email = models.EmailField(_("e-mail"))
    kind = models.CharField(_("role"), max_length=20, choices=Kind.choices)
    country = models.CharField(_("country"), max_length=2, blank=True)
    cluster = models.ForeignKey("registry.Cluster", null=True, blank=True, on_delete=models.CASCADE)
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", null=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} ({self.kind})"


class ApiToken(models.Model):
    """A secret for the write API; only its hash is stored, the key is shown once."""

    user = models.ForeignKey(User, related_name="api_tokens", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=8, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
