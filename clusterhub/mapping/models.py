"""Stored mapping results: one result set per loaded output of `clusterhub mapping compute`.

A result set holds one cell per region x category (x year); the portal reads them for the
region and category dashboards and for the badge on a cluster's profile. Cells are only
ever written in bulk by `clusterhub.mapping.services.load_result`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from clusterhub.registry.nace_labels import english_title, nace_title

# The US Cluster Mapping's kinds of industry, as statistics files name them: shown in the
# page's language; any other group is shown as the file wrote it.
KNOWN_GROUPS = {"traded": _("traded"), "local": _("local")}


def group_label(group: str) -> str:
    return str(KNOWN_GROUPS.get(group.strip().lower(), group))


def shown_label(code: str, label: str) -> str:
    """A category's label as a page shows it: for a NACE code whose file gave Eurostat's
    English title (or no label), the title in the page's language; else the file's label."""
    english = english_title(code)
    if english and label.strip() in ("", english):
        return nace_title(code)
    return label


class MappingResult(models.Model):
    """A named set of mapping figures, as loaded from one file."""

    class Method(models.TextChoices):
        CMP = "cmp", _("Cluster Mapping (qualifying, significant and strong clusters)")
        STARS = "stars", _("Star rating (size, specialisation, focus)")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    method = models.CharField(_("method"), max_length=10, choices=Method.choices)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(_("source file"), max_length=300, blank=True)
    year_first = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    year_last = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    cells = models.PositiveIntegerField(_("cells"), default=0)
    loaded_at = models.DateTimeField(_("loaded"))
    loaded_by = models.CharField(_("loaded by"), max_length=200)

    class Meta:
        verbose_name = _("mapping result")
        verbose_name_plural = _("mapping results")
        ordering = ["-loaded_at", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def has_years(self) -> bool:
        return self.year_first is not None


class MappingCategory(models.Model):
    """A category of a result set, with its group and a label when the file gave one."""

    result = models.ForeignKey(MappingResult, related_name="categories", on_delete=models.CASCADE)
    code = models.CharField(_("code"), max_length=100)
    label = models.TextField(_("label"), blank=True)
    group = models.CharField(_("group"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("mapping category")
        verbose_name_plural = _("mapping categories")
        ordering = ["result", "code"]
        constraints = [
            models.UniqueConstraint(fields=["result", "code"], name="mapping_category_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.label}".strip()

    @property
    def group_label(self) -> str:
        return group_label(self.group)

    @property
    def label_shown(self) -> str:
        return shown_label(self.code, self.label)


class MappingCell(models.Model):
    """One region x category (x year) of a result set: employment, LQ and the method's flags.

    Flags of the other method stay null: a `cmp` cell has no stars, a `stars` cell no
    `strong` flag.
    """

    # The (result, region) index serves the foreign key too.
    result = models.ForeignKey(
        MappingResult, related_name="cell_set", on_delete=models.CASCADE, db_index=False
    )
    region = models.CharField(_("region"), max_length=20)
    category = models.CharField(_("category"), max_length=100)
    group = models.CharField(_("group"), max_length=100, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    employment = models.FloatField(_("employment"), null=True, blank=True)
    lq = models.FloatField(_("location quotient"), null=True, blank=True)
    establishments = models.FloatField(_("establishments"), null=True, blank=True)
    cagr = models.FloatField(_("annual growth"), null=True, blank=True)
    # method `cmp`
    qualifying = models.BooleanField(_("qualifying"), null=True, blank=True)
    significant = models.BooleanField(_("significant"), null=True, blank=True)
    strong = models.BooleanField(_("strong"), null=True, blank=True)
    strong10 = models.BooleanField(_("strong (top 10 percent)"), null=True, blank=True)
    # method `stars`
    share = models.FloatField(_("share of regional employment"), null=True, blank=True)
    size = models.BooleanField(_("size"), null=True, blank=True)
    specialisation = models.BooleanField(_("specialisation"), null=True, blank=True)
    focus = models.BooleanField(_("focus"), null=True, blank=True)
    stars = models.PositiveSmallIntegerField(_("stars"), null=True, blank=True)

    class Meta:
        verbose_name = _("mapping cell")
        verbose_name_plural = _("mapping cells")
        indexes = [
            models.Index(fields=["result", "region"], name="mapping_cell_region"),
            models.Index(fields=["result", "category"], name="mapping_cell_category"),
        ]

    def __str__(self) -> str:
        year = f" {self.year}" if self.year is not None else ""
        return f"{self.region} {self.category}{year}"

    @property
    def group_label(self) -> str:
        return group_label(self.group)
