"""Stored relatedness: one result set per loaded output of `clusterhub cooperation relatedness`."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RelatednessResult(models.Model):
    """A named category x category matrix, as loaded from one file.

    Partner suggestions read the newest result set whose categories are NACE codes; the
    mapping's category pages show the one whose categories match theirs.
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    measure = models.CharField(_("measure"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(_("source file"), max_length=300, blank=True)
    categories = models.PositiveIntegerField(_("categories"), default=0)
    pairs = models.PositiveIntegerField(_("pairs"), default=0)
    loaded_at = models.DateTimeField(_("loaded"))
    loaded_by = models.CharField(_("loaded by"), max_length=200)

    class Meta:
        verbose_name = _("relatedness result")
        verbose_name_plural = _("relatedness results")
        ordering = ["-loaded_at", "name"]

    def __str__(self) -> str:
        return self.name


class RelatednessPair(models.Model):
    """The relatedness of one ordered pair of different categories."""

    result = models.ForeignKey(
        RelatednessResult, related_name="pair_set", on_delete=models.CASCADE, db_index=False
    )
    category_a = models.CharField(_("category"), max_length=100)
    category_b = models.CharField(_("related category"), max_length=100)
    relatedness = models.FloatField(_("relatedness"))

    class Meta:
        verbose_name = _("relatedness pair")
        verbose_name_plural = _("relatedness pairs")
        indexes = [models.Index(fields=["result", "category_a"], name="relatedness_pair_a")]

    def __str__(self) -> str:
        return f"{self.category_a} ~ {self.category_b}: {self.relatedness:.3f}"
