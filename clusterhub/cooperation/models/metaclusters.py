"""Meta-clusters: cross-border groups of clusters in one ecosystem or related sectors, with
a working group that meets and a strategic plan whose goals the action plans serve.

Figures (clusters, members, SMEs, countries, regions) are never stored: they are computed
from the current members (`clusterhub.cooperation.metaclusters.figures`).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from clusterhub.registry.models import Cluster


class MetaCluster(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    ecosystem = models.CharField(_("ecosystem"), max_length=40, blank=True)
    # NACE codes, in the order given.
    sectors = models.JSONField(_("sectors"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    lead = models.ForeignKey(
        Cluster,
        verbose_name=_("lead cluster"),
        related_name="led_meta_clusters",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    founded = models.DateField(_("founded"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    modified_at = models.DateTimeField(_("modified"), auto_now=True)

    class Meta:
        verbose_name = _("meta-cluster")
        verbose_name_plural = _("meta-clusters")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def lead_country(self) -> str:
        """The country whose coordinators run the meta-cluster (with the lead's managers)."""
        return self.lead.country if self.lead_id and self.lead else ""


class MetaClusterMembership(models.Model):
    """A cluster's membership of a meta-cluster; leaving keeps the row with its date."""

    meta_cluster = models.ForeignKey(
        MetaCluster, related_name="memberships", on_delete=models.CASCADE
    )
    cluster = models.ForeignKey(Cluster, related_name="meta_memberships", on_delete=models.CASCADE)
    joined = models.DateField(_("joined"))
    left = models.DateField(_("left"), null=True, blank=True)

    class Meta:
        verbose_name = _("meta-cluster membership")
        verbose_name_plural = _("meta-cluster memberships")
        ordering = ["meta_cluster", "joined", "id"]

    def __str__(self) -> str:
        return f"{self.meta_cluster_id}: {self.cluster_id}"

    @property
    def is_current(self) -> bool:
        return self.left is None


class WorkingGroupMember(models.Model):
    """A person from a member cluster in the meta-cluster's working group.

    Name and e-mail are personal data: shown only to users with a role.
    """

    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        SECRETARY = "secretary", _("secretary")
        MEMBER = "member", _("member")
        EXPERT = "expert", _("expert")

    meta_cluster = models.ForeignKey(
        MetaCluster, related_name="working_group", on_delete=models.CASCADE
    )
    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster"), related_name="+", on_delete=models.CASCADE
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        verbose_name = _("working group member")
        verbose_name_plural = _("working group members")
        ordering = ["meta_cluster", "role", "name"]

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    meta_cluster = models.ForeignKey(MetaCluster, related_name="meetings", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["meta_cluster", "-date"]

    def __str__(self) -> str:
        return f"{self.date} {self.place}".strip()


class StrategicPlan(models.Model):
    meta_cluster = models.OneToOneField(
        MetaCluster, related_name="strategic_plan", on_delete=models.CASCADE
    )
    vision = models.TextField(_("vision"), blank=True)
    period_start = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    adopted = models.DateField(_("adopted"), null=True, blank=True)

    class Meta:
        verbose_name = _("strategic plan")
        verbose_name_plural = _("strategic plans")

    def __str__(self) -> str:
        return str(self.meta_cluster)


class Goal(models.Model):
    """A goal of a strategic plan, measured by one indicator against a target."""

    plan = models.ForeignKey(StrategicPlan, related_name="goals", on_delete=models.CASCADE)
    title = models.CharField(_("goal"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    indicator = models.CharField(_("indicator"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.FloatField(_("baseline"), null=True, blank=True)
    target = models.FloatField(_("target"), null=True, blank=True)
    current = models.FloatField(_("current value"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["plan", "position", "id"]

    def __str__(self) -> str:
        return self.title
