"""Partner suggestions a cluster's manager has dismissed: they stay out of its list."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clusterhub.registry.models import Cluster


class SuggestionDismissal(models.Model):
    cluster = models.ForeignKey(
        Cluster, related_name="dismissed_suggestions", on_delete=models.CASCADE
    )
    candidate = models.ForeignKey(Cluster, related_name="+", on_delete=models.CASCADE)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    dismissed_at = models.DateTimeField(_("dismissed"), auto_now_add=True)

    class Meta:
        verbose_name = _("dismissed suggestion")
        verbose_name_plural = _("dismissed suggestions")
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "candidate"], name="suggestion_dismissal_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cluster_id} x {self.candidate_id}"
