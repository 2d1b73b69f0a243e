"""A record of every import run, for coordinators and for provenance."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"))
    file_name = models.CharField(_("file"), max_length=300)
    table = models.CharField(_("table"), max_length=20)
    source = models.CharField(_("source"), max_length=100, blank=True)
    actor_name = models.CharField(_("imported by"), max_length=200)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.table}) {self.started_at:%Y-%m-%d %H:%M}"
