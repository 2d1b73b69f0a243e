"""Action plans of a cluster or a meta-cluster: actions with owners, partners, dates,
statuses, indicators and progress notes. Lateness is derived, never stored."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from clusterhub.cooperation.models.metaclusters import Goal, MetaCluster
from clusterhub.registry.models import Cluster


class ActionPlan(models.Model):
    """A plan owned by exactly one cluster or one meta-cluster."""

    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    cluster = models.ForeignKey(
        Cluster,
        verbose_name=_("cluster"),
        related_name="action_plans",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    meta_cluster = models.ForeignKey(
        MetaCluster,
        verbose_name=_("meta-cluster"),
        related_name="action_plans",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    is_demo = models.BooleanField(_("demo data"), default=False, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    modified_at = models.DateTimeField(_("modified"), auto_now=True)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(cluster__isnull=False, meta_cluster__isnull=True)
                    | models.Q(cluster__isnull=True, meta_cluster__isnull=False)
                ),
                name="action_plan_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def owner(self) -> Cluster | MetaCluster:
        """The cluster or meta-cluster whose plan this is (the policy judges writes by it)."""
        owner = self.cluster if self.cluster_id else self.meta_cluster
        assert owner is not None
        return owner


class Action(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    OPEN = (Status.PLANNED, Status.IN_PROGRESS)

    plan = models.ForeignKey(ActionPlan, related_name="actions", on_delete=models.CASCADE)
    title = models.CharField(pgettext_lazy("action plan", "action"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    owner_cluster = models.ForeignKey(
        Cluster,
        verbose_name=_("owner organisation"),
        related_name="owned_actions",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    # Personal data: shown only to users with a role.
    owner_person = models.CharField(_("owner person"), max_length=200, blank=True)
    partners = models.ManyToManyField(
        Cluster, verbose_name=_("partner organisations"), related_name="partner_actions", blank=True
    )
    goal = models.ForeignKey(
        Goal,
        verbose_name=_("goal"),
        related_name="actions",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    start = models.DateField(_("start"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        # A context of its own: "action" alone is the history's (create, update, delete).
        verbose_name = pgettext_lazy("action plan", "action")
        verbose_name_plural = _("actions")
        ordering = ["plan", "position", "deadline", "id"]

    def __str__(self) -> str:
        return self.title

    def is_late(self, today: dt.date | None = None) -> bool:
        """Still open after its deadline."""
        today = today or dt.date.today()
        return self.status in self.OPEN and self.deadline is not None and self.deadline < today


class Indicator(models.Model):
    action = models.ForeignKey(Action, related_name="indicators", on_delete=models.CASCADE)
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    target = models.FloatField(_("target"), null=True, blank=True)
    current = models.FloatField(_("current value"), null=True, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["action", "id"]

    def __str__(self) -> str:
        return self.name


class ProgressNote(models.Model):
    action = models.ForeignKey(Action, related_name="notes", on_delete=models.CASCADE)
    written_at = models.DateTimeField(_("written"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    author_name = models.CharField(_("author"), max_length=200)
    text = models.TextField(_("note"))

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["action", "-written_at", "-id"]

    def __str__(self) -> str:
        return self.text[:60]
