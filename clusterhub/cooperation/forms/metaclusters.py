"""Forms of the meta-cluster pages. They gather text; the services check every value (one
set of rules for the portal, the demo and the command line) and `report` puts the services'
reasons on the fields."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from clusterhub.cooperation.forms.errors import show_errors
from clusterhub.cooperation.forms.picker import many_clusters, many_values, one_cluster
from clusterhub.cooperation.metaclusters.checks import InvalidMetaCluster
from clusterhub.cooperation.models import WorkingGroupMember
from clusterhub.registry import vocabulary_labels
from clusterhub.standard import vocabularies as vocab

_DATE = forms.DateInput(attrs={"type": "date"})


def _text(label: Any, required: bool = False, rows: int = 0, **kw: Any) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else kw.pop("widget", None)
    return forms.CharField(label=label, required=required, widget=widget, **kw)


def _date(label: Any, required: bool = False) -> forms.CharField:
    return forms.CharField(label=label, required=required, widget=_DATE, max_length=40)


def ecosystem_choices() -> list[tuple[str, str]]:
    labels = [(code, vocabulary_labels.label(vocab.ECOSYSTEMS, code)) for code in vocab.ECOSYSTEMS]
    return [("", "—"), *sorted(labels, key=lambda item: item[1])]


def cluster_choices(clusters: Iterable[Any]) -> list[tuple[str, str]]:
    return [(str(c.pk), f"{c.name} ({c.country})") for c in clusters]


def report(form: forms.Form, invalid: InvalidMetaCluster) -> None:
    """The services' reasons, each on its field (on the form when it has no such field)."""
    show_errors(form, invalid.errors)


class MetaClusterForm(forms.Form):
    """Name, ecosystem, sectors, description, founded and the lead (one of `leads`)."""

    name = _text(_("Name"), required=True, max_length=200)
    ecosystem = forms.ChoiceField(label=_("Ecosystem"), required=False, choices=())
    sectors = _text(
        _("Sectors"),
        help_text=_("NACE codes, separated by ; (e.g. C21; Q86)."),
        max_length=1000,  # 20 codes need far less; a longer text is not echoed back twice
    )
    description = _text(_("Description"), rows=5)
    founded = _date(pgettext_lazy("date", "Founded"))
    lead = forms.ChoiceField(label=_("Lead cluster"), choices=())

    def __init__(self, *args: Any, leads: Iterable[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ecosystem"].choices = ecosystem_choices()  # type: ignore[attr-defined]
        if isinstance(self.fields["lead"], forms.ChoiceField):
            self.fields["lead"].choices = cluster_choices(leads)


class NewMetaClusterForm(MetaClusterForm):
    # Any cluster of the registry may lead a new one (the service decides who may): a box
    # with suggestions, not a list of hundreds.
    lead = one_cluster(_("Lead cluster"), required=True)  # type: ignore[assignment]
    members = many_clusters(
        _("Member clusters"),
        help_text=_(
            "The other member clusters, one per line: the name and country as suggested, "
            "e.g. “Name (CZ)”, or the registry id."
        ),
    )

    def member_ids(self) -> list[str]:
        return many_values(self.cleaned_data.get("members"))


class CandidateForm(forms.Form):
    candidate = _text(
        _("Candidate"),
        required=True,
        rows=10,
        max_length=200_000,
        help_text=_(
            "One candidate as `clusterhub cooperation metaclusters --format json` prints it."
        ),
    )
    name = _text(_("Name"), max_length=200, help_text=_("Leave empty for the candidate's name."))
    lead = _text(
        _("Lead cluster"),
        max_length=320,  # a cluster's name (300) and its country
        help_text=_(
            "One of the candidate's clusters, as “Name (CZ)” or by its registry id; leave "
            "empty for its largest cluster in a country you coordinate."
        ),
    )
    founded = _date(pgettext_lazy("date", "Founded"))


class CandidateSettingsForm(forms.Form):
    """How the candidates offered are searched (GET; the command's settings): how many
    countries each spans at least, how finely the graph is split, and how many clusters a
    candidate holds at most (a community larger is split again)."""

    min_countries = forms.IntegerField(
        label=_("Countries at least"), min_value=1, max_value=30, required=False
    )
    resolution = forms.FloatField(
        label=_("Resolution"),
        min_value=0.05,
        max_value=50,
        required=False,
        help_text=_("Higher finds more, smaller groups (1 by default)."),
    )
    max_clusters = forms.IntegerField(
        label=_("Clusters at most"), min_value=3, max_value=1000, required=False
    )


class MemberForm(forms.Form):
    cluster = one_cluster(_("Cluster"), required=True)
    joined = _date(_("Joined"))


class LeaveForm(forms.Form):
    left = _date(_("Left"))


class PersonForm(forms.Form):
    cluster = forms.ChoiceField(label=_("Cluster"), choices=())
    name = _text(_("Name"), required=True, max_length=200)
    email = _text(_("E-mail"), max_length=254, widget=forms.EmailInput)
    role = forms.ChoiceField(label=_("Role"), choices=WorkingGroupMember.Role.choices)

    def __init__(self, *args: Any, clusters: Iterable[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cluster"].choices = cluster_choices(clusters)  # type: ignore[attr-defined]


class MeetingForm(forms.Form):
    date = _date(_("Date"), required=True)
    place = _text(_("Place"), max_length=200)
    agenda = _text(_("Agenda"), rows=4)
    minutes = _text(_("Minutes"), rows=6)
    decisions = _text(_("Decisions"), rows=4)


class PlanForm(forms.Form):
    vision = _text(_("Vision"), rows=5)
    period_start = _text(_("From year"), max_length=4)
    period_end = _text(_("To year"), max_length=4)
    adopted = _date(_("Adopted"))


class GoalForm(forms.Form):
    title = _text(_("Goal"), required=True, max_length=300)
    description = _text(_("Description"), rows=3)
    indicator = _text(_("Indicator"), max_length=200)
    unit = _text(_("Unit"), max_length=40)
    baseline = _text(_("Baseline"), max_length=40)
    target = _text(_("Target"), max_length=40)
    current = _text(_("Current value"), max_length=40)
    position = _text(_("Position"), max_length=4, help_text=_("Order among the plan's goals."))
