"""Policy initiatives: the support measures (EU, national, regional) that clusters can use."""

from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from clusterhub.registry.models import Region
from clusterhub.standard import vocabularies as vocab


def _choices(mapping: dict[str, str]) -> list[tuple[str, str | Promise]]:
    return [(code, _(label)) for code, label in mapping.items()]


# How a citation names the level.
CITED_LEVELS = {
    "eu": _("EU level"),
    "national": _("national level"),
    "regional": _("regional level"),
}


class Initiative(models.Model):
    """A support measure, with every column of the standard's `policy_initiatives` table.

    `start` and `end` keep the period as given (a year or a day); `starts_on` and `ends_on`
    are the first and last day they stand for, derived by the services for queries.
    """

    code = models.CharField(_("code"), max_length=80, unique=True)
    name = models.TextField(_("name"))
    name_en = models.TextField(_("English name"), blank=True)
    level = models.CharField(_("level"), max_length=10, choices=_choices(vocab.INITIATIVE_LEVELS))
    country = models.CharField(_("country"), max_length=2, blank=True, db_index=True)
    region = models.ForeignKey(
        Region, verbose_name=_("NUTS region"), null=True, blank=True, on_delete=models.PROTECT
    )
    instrument = models.CharField(
        _("instrument"), max_length=30, blank=True, choices=_choices(vocab.INSTRUMENTS)
    )
    start = models.CharField(_("start"), max_length=10, blank=True)
    end = models.CharField(_("end"), max_length=10, blank=True)
    starts_on = models.DateField(null=True, blank=True, editable=False, db_index=True)
    ends_on = models.DateField(null=True, blank=True, editable=False, db_index=True)
    budget = models.DecimalField(
        _("budget"), max_digits=15, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    link = models.TextField(_("link"), blank=True)
    managing_body = models.TextField(_("managing body"), blank=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("English description"), blank=True)
    source = models.CharField(_("source"), max_length=100, blank=True)
    updated = models.DateField(_("updated at source"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False, db_index=True)
    # Folded (lower case, no diacritics) names, code, managing body and descriptions.
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    modified_at = models.DateTimeField(_("modified"), auto_now=True)

    class Meta:
        verbose_name = _("policy initiative")
        verbose_name_plural = _("policy initiatives")
        ordering = ["name", "code"]

    def __str__(self) -> str:
        return self.name

    def period(self) -> str:
        """The period as people write it: "2021–2027", "from 2021", "until 2027", or ""."""  # noqa: RUF002
        if self.start and self.end:
            return f"{self.start}–{self.end}"  # noqa: RUF001 (an en dash, as in print)
        if self.start:
            return str(_("from %(start)s") % {"start": self.start})
        if self.end:
            return str(_("until %(end)s") % {"end": self.end})
        return ""

    def citation(self) -> str:
        """The text a study cites the initiative by: code, name, level, period, link.

        For example "[cz-cluster-programme] Program Klastry (Cluster programme), national
        level, CZ, 2021–2027. https://example.org/...". The code in brackets is the stable
        label; the level is named in the active language.
        """  # noqa: RUF002 (the en dash of the period)
        name = self.name
        if self.name_en and self.name_en != self.name:
            name += f" ({self.name_en})"
        parts = [name, str(CITED_LEVELS.get(self.level, self.level))]
        if self.country:
            parts.append(self.country)
        if self.region_id:
            parts.append(str(self.region_id))
        if self.period():
            parts.append(self.period())
        text = f"[{self.code}] " + ", ".join(parts) + "."
        return f"{text} {self.link}" if self.link else text


class InitiativeTag(models.Model):
    """A code in one of an initiative's target lists, in the order the source gave it."""

    class Field(models.TextChoices):
        SECTORS = "sectors", _("sectors")
        ECOSYSTEMS = "ecosystems", _("ecosystems")

    initiative = models.ForeignKey(Initiative, related_name="tags", on_delete=models.CASCADE)
    field = models.CharField(max_length=20, choices=Field.choices)
    code = models.CharField(max_length=40)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["initiative", "field", "position"]
        indexes = [models.Index(fields=["field", "code"])]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "field", "code"], name="initiative_tag_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.field}: {self.code}"
