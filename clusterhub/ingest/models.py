"""A record of every import run, for coordinators and for provenance."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
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


class PendingImport(models.Model):
    """A file uploaded in the browser, checked once, waiting to be imported or cancelled.

    `report` is the check's result as the review page shows it (see `ingest.uploads`), so
    viewing the page again reads this row instead of reading the file again. The check runs
    in the worker: `status` says whether it is still running, done (`ok` then says whether
    the file may be imported) or broke down.
    """

    class Status(models.TextChoices):
        CHECKING = "checking", _("checking")
        READY = "ready", _("checked")
        FAILED = "failed", _("check failed")

    token = models.CharField(_("token"), max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    file_name = models.CharField(_("file"), max_length=200)
    path = models.CharField(_("stored at"), max_length=500)
    table = models.CharField(_("table"), max_length=20, blank=True)
    source = models.CharField(_("source"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now, db_index=True)
    report = models.JSONField(_("report"), default=list)
    ok = models.BooleanField(_("may be imported"), default=False)
    error = models.TextField(_("error"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CHECKING
    )

    class Meta:
        verbose_name = _("pending import")
        verbose_name_plural = _("pending imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.user_id}) {self.created_at:%Y-%m-%d %H:%M}"
