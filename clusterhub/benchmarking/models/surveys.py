"""Surveys: published questionnaire versions, survey rounds, invitations and responses.

A response keeps its answers as one JSON document `{question id: typed value}` rather than
a row per answer: a response is always read and written whole (a draft, a submission, an
import row), the values have the type of their question (whole numbers, decimals, yes/no,
choice lists, text), and indicators are computed from `answers.latest_answers()` in plain
Python or DuckDB, not in SQL over answer rows. See docs/benchmarking.md.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clusterhub.benchmarking.definition import Definition


class Questionnaire(models.Model):
    """One published version of a questionnaire file; never changed once published."""

    key = models.CharField(_("questionnaire"), max_length=100)  # the file's `id`
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=300)  # in English, for lists
    definition = models.JSONField(_("definition"))
    digest = models.CharField(max_length=64, editable=False)
    published_at = models.DateTimeField(_("published"))
    published_by = models.CharField(_("published by"), max_length=200)

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["key", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="questionnaire_unique_version")
        ]

    def __str__(self) -> str:
        return f"{self.key} v{self.version}"

    @cached_property
    def spec(self) -> Definition:
        return Definition.from_json(self.definition)


class Survey(models.Model):
    """A survey round: one questionnaire version, asked of the clusters of one country (or
    of every country) between two dates."""

    questionnaire = models.ForeignKey(
        Questionnaire,
        verbose_name=_("questionnaire"),
        related_name="surveys",
        on_delete=models.PROTECT,
    )
    title = models.CharField(_("title"), max_length=300)
    country = models.CharField(_("country"), max_length=2, blank=True)  # "": every country
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-opens_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def covers(self, country: str) -> bool:
        """Does the round ask the clusters of `country`?"""
        return not self.country or self.country == country

    def is_open(self, today: dt.date | None = None) -> bool:
        day = today or timezone.localdate()
        return self.opens_on <= day <= self.closes_on


class Invitation(models.Model):
    """A cluster asked to answer a survey round; the e-mail went to the cluster's contact
    (or public) address with a link holding the token."""

    survey = models.ForeignKey(Survey, related_name="invitations", on_delete=models.CASCADE)
    cluster = models.ForeignKey(
        "registry.Cluster", related_name="survey_invitations", on_delete=models.CASCADE
    )
    email = models.CharField(_("e-mail"), max_length=254, blank=True)
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        ordering = ["survey", "cluster"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "cluster"], name="survey_invitation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}: {self.cluster_id}"


class Response(models.Model):
    """A cluster's answers to a survey round: a draft until submitted."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")

    survey = models.ForeignKey(Survey, related_name="responses", on_delete=models.CASCADE)
    cluster = models.ForeignKey(
        "registry.Cluster", related_name="survey_responses", on_delete=models.CASCADE
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", null=True, blank=True, on_delete=models.SET_NULL
    )
    # Who submitted, readable after the account is gone, and naming imports.
    submitted_by_name = models.CharField(_("submitted by"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["survey", "cluster"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "cluster"], name="survey_response_unique")
        ]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.survey_id}: {self.cluster_id} ({self.status})"

    @property
    def submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED
