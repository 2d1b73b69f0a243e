"""The registry: cluster organisations, their members and cooperation, regions, taxonomies."""

from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from clusterhub.standard import vocabularies as vocab


def _choices(mapping: dict[str, str]) -> list[tuple[str, str | Promise]]:
    return [(code, _(label)) for code, label in mapping.items()]


class Region(models.Model):
    """A NUTS region (level 0 is the country), with its parent one level up."""

    code = models.CharField(_("NUTS code"), max_length=5, primary_key=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    level = models.PositiveSmallIntegerField(_("level"))
    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.PROTECT
    )
    country = models.CharField(_("country"), max_length=2, db_index=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()


class Term(models.Model):
    """A code of a controlled vocabulary (NACE as used, ecosystems, services, countries...)."""

    class Vocabulary(models.TextChoices):
        NACE = "nace", _("NACE Rev. 2")
        ECOSYSTEM = "ecosystem", _("industrial ecosystem")
        SERVICE = "service", _("service")
        LIFECYCLE = "lifecycle", _("lifecycle stage")
        COUNTRY = "country", _("country")

    vocabulary = models.CharField(_("vocabulary"), max_length=20, choices=Vocabulary.choices)
    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["vocabulary", "code"]
        constraints = [
            models.UniqueConstraint(fields=["vocabulary", "code"], name="term_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()


class Cluster(models.Model):
    """A cluster organisation, with every column of the standard's `clusters` table."""

    source = models.CharField(_("source"), max_length=100)
    source_id = models.CharField(_("id at the source"), max_length=100)
    name = models.TextField(_("name"))
    name_en = models.TextField(_("English name"), blank=True)
    acronym = models.TextField(_("acronym"), blank=True)
    country = models.CharField(_("country"), max_length=2, db_index=True)
    nuts = models.ForeignKey(
        Region, verbose_name=_("NUTS region"), null=True, blank=True, on_delete=models.PROTECT
    )
    address = models.TextField(_("address"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=40, blank=True)
    city = models.TextField(_("city"), blank=True)
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    website = models.TextField(_("website"), blank=True)
    email = models.TextField(_("e-mail"), blank=True)
    phone = models.TextField(_("telephone"), blank=True)
    founded = models.PositiveSmallIntegerField(_("founded"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("English description"), blank=True)
    lifecycle = models.CharField(
        _("lifecycle stage"), max_length=20, blank=True, choices=_choices(vocab.LIFECYCLE)
    )
    members_total = models.PositiveIntegerField(_("members"), null=True, blank=True)
    members_sme = models.PositiveIntegerField(_("SME members"), null=True, blank=True)
    members_large = models.PositiveIntegerField(
        _("large enterprise members"), null=True, blank=True
    )
    members_research = models.PositiveIntegerField(_("research members"), null=True, blank=True)
    members_public = models.PositiveIntegerField(_("public members"), null=True, blank=True)
    members_other = models.PositiveIntegerField(_("other members"), null=True, blank=True)
    staff_fte = models.FloatField(_("management staff (FTE)"), null=True, blank=True)
    cooperation = models.TextField(_("cooperation"), blank=True)
    label = models.CharField(_("label"), max_length=10, blank=True, choices=_choices(vocab.LABELS))
    label_valid_until = models.DateField(_("label valid until"), null=True, blank=True)
    programme = models.TextField(_("programme"), blank=True)
    contact_name = models.TextField(_("contact person"), blank=True)
    contact_email = models.TextField(_("contact e-mail"), blank=True)
    contact_phone = models.TextField(_("contact telephone"), blank=True)
    updated = models.DateField(_("updated at source"), null=True, blank=True)
    # Fields filled by geocoding rather than given by the source.
    derived = models.JSONField(_("derived fields"), default=list, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False, db_index=True)
    # Folded (lower case, no diacritics) text for search: the organisation's own names and
    # descriptions, and its members' names; kept current by the services.
    search_own = models.TextField(blank=True, editable=False)
    search_members = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    modified_at = models.DateTimeField(_("modified"), auto_now=True)

    class Meta:
        verbose_name = _("cluster organisation")
        verbose_name_plural = _("cluster organisations")
        ordering = ["source", "source_id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id"], name="cluster_unique_source_id")
        ]

    def __str__(self) -> str:
        return self.name


class ClusterTag(models.Model):
    """A code in one of a cluster's multi-valued fields, in the order the source gave it."""

    class Field(models.TextChoices):
        SECTORS = "sectors", _("sectors")
        ECOSYSTEMS = "ecosystems", _("ecosystems")
        SERVICES = "services", _("services")
        NEEDS = "needs", _("needs")
        COOPERATION_COUNTRIES = "cooperation_countries", _("cooperation countries")

    cluster = models.ForeignKey(Cluster, related_name="tags", on_delete=models.CASCADE)
    field = models.CharField(max_length=30, choices=Field.choices)
    term = models.ForeignKey(Term, related_name="cluster_tags", on_delete=models.PROTECT)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["cluster", "field", "position"]
        indexes = [models.Index(fields=["field", "term"])]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "field", "term"], name="tag_unique")
        ]

    def __str__(self) -> str:
        return f"{self.field}: {self.term_id}"


class Member(models.Model):
    """A member organisation of a cluster; its name is unique within the cluster."""

    cluster = models.ForeignKey(Cluster, related_name="members", on_delete=models.CASCADE)
    name = models.TextField(_("name"))
    country = models.CharField(_("country"), max_length=2, blank=True)
    nuts = models.ForeignKey(
        Region, verbose_name=_("NUTS region"), null=True, blank=True, on_delete=models.PROTECT
    )
    type = models.CharField(
        _("type"), max_length=20, blank=True, choices=_choices(vocab.MEMBER_TYPES)
    )
    nace = models.CharField(_("NACE code"), max_length=10, blank=True)
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    website = models.TextField(_("website"), blank=True)
    register_id = models.CharField(_("register number"), max_length=100, blank=True)
    joined = models.DateField(_("joined"), null=True, blank=True)
    # Hash of the standard columns, so a re-import finds unchanged rows without reading them.
    row_hash = models.CharField(max_length=32, editable=False)

    class Meta:
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")
        ordering = ["cluster", "name"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "name"], name="member_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Cooperation(models.Model):
    """A cooperation link of a cluster with a partner in or outside the registry."""

    cluster = models.ForeignKey(Cluster, related_name="cooperations", on_delete=models.CASCADE)
    partner = models.ForeignKey(
        Cluster,
        related_name="cooperations_as_partner",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    partner_name = models.TextField(_("partner name"), blank=True)
    partner_country = models.CharField(_("partner country"), max_length=2, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, blank=True, choices=_choices(vocab.COOPERATION_KINDS)
    )
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("cooperation")
        verbose_name_plural = _("cooperations")
        ordering = ["cluster", "id"]

    def __str__(self) -> str:
        partner = self.partner.name if self.partner else self.partner_name
        return f"{self.cluster} - {partner}"


class RegionShape(models.Model):
    """The outline of a NUTS region (GeoJSON geometry in longitude/latitude), for maps."""

    region = models.OneToOneField(
        Region,
        verbose_name=_("region"),
        primary_key=True,
        related_name="shape",
        on_delete=models.CASCADE,
    )
    geometry = models.JSONField(_("geometry"))
    source = models.CharField(_("source"), max_length=300)
    loaded_at = models.DateTimeField(_("loaded"), auto_now=True)

    class Meta:
        verbose_name = _("region shape")
        verbose_name_plural = _("region shapes")
        ordering = ["region"]

    def __str__(self) -> str:
        return str(self.region_id)
