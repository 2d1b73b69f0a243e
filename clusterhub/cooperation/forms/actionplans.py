"""The forms of action plans. They only shape the input: the services check the values
(lengths, dates, numbers, ids) and the permissions, and their reasons are shown by the
boxes they concern."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from clusterhub.accounts.policy import coordinated_countries, is_admin, managed_clusters
from clusterhub.cooperation.actionplans import checks
from clusterhub.cooperation.cluster_text import registry_number
from clusterhub.cooperation.forms.errors import show_errors
from clusterhub.cooperation.forms.picker import (
    many_clusters,
    many_values,
    one_cluster,
    shown_many,
    shown_one,
)
from clusterhub.cooperation.models import Action, ActionPlan, Goal, MetaCluster
from clusterhub.registry.models import Cluster

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def owner_choices(user: Any) -> list[tuple[str, str]]:
    """The clusters and meta-clusters whose plans `user` may write ("c:ID", "m:ID")."""
    clusters = Cluster.objects.order_by("country", "name")
    metas = MetaCluster.objects.select_related("lead").order_by("name")
    if not is_admin(user):
        countries, managed = coordinated_countries(user), managed_clusters(user)
        clusters = clusters.filter(Q(country__in=countries) | Q(pk__in=managed))
        metas = metas.filter(Q(lead__country__in=countries) | Q(lead_id__in=managed))
    return [(f"m:{m.pk}", f"{m.name} ({_('meta-cluster')})") for m in metas] + [
        (f"c:{pk}", f"{name} ({country})")
        for pk, name, country in clusters.values_list("pk", "name", "country")
    ]


def owner_key(plan: ActionPlan) -> str:
    return f"c:{plan.cluster_id}" if plan.cluster_id else f"m:{plan.meta_cluster_id}"


def owner_values(key: str) -> dict[str, Any]:
    kind, _sep, pk = key.partition(":")
    return (
        {"cluster": pk, "meta_cluster": None}
        if kind == "c"
        else {"cluster": None, "meta_cluster": pk}
    )


class ServiceErrors:
    """Shows the services' reasons (field -> text) by the boxes they concern."""

    def report(self, errors: dict[str, str]) -> None:
        show_errors(self, errors)  # type: ignore[arg-type]


class PlanForm(ServiceErrors, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=checks.TITLE_LENGTH)
    owner = forms.ChoiceField(
        label=_("Owner"), help_text=_("The cluster or meta-cluster whose plan it is.")
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = owner_choices(user)
        current = self.initial.get("owner")
        if current and current not in {key for key, _label in choices}:
            # The present owner stays selectable even when the user may not choose it anew.
            choices.insert(0, (current, str(self.initial.get("owner_label", current))))
        self.fields["owner"].choices = choices  # type: ignore[attr-defined]

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "description": data["description"],
            **owner_values(data["owner"]),
        }


class ActionForm(ServiceErrors, forms.Form):
    title = forms.CharField(label=_("Action"), max_length=checks.TITLE_LENGTH)
    status = forms.ChoiceField(label=_("Status"), choices=Action.Status.choices)
    start = forms.DateField(label=_("Start"), required=False, widget=DATE)
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=DATE)
    owner_cluster = one_cluster(_("Owner organisation"))
    owner_person = forms.CharField(
        label=_("Owner person"),
        max_length=checks.NAME_LENGTH,
        required=False,
        help_text=_("Shown only to signed-in users with a role."),
    )
    partners = many_clusters(_("Partner organisations"))
    goal = forms.ModelChoiceField(
        label=_("Goal of the strategic plan"), queryset=Goal.objects.none(), required=False
    )
    position = forms.IntegerField(
        label=_("Position"), min_value=0, max_value=checks.MAX_POSITION, required=False
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, plan: ActionPlan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._show_clusters()
        if plan.meta_cluster_id:
            goals = Goal.objects.filter(plan__meta_cluster_id=plan.meta_cluster_id)
        else:
            # The meta-clusters the cluster is a member of now (one filter: the same
            # membership row), and the goal the action serves already (kept after leaving).
            goals = Goal.objects.filter(
                Q(
                    plan__meta_cluster__memberships__cluster_id=plan.cluster_id or 0,
                    plan__meta_cluster__memberships__left__isnull=True,
                )
                | Q(pk=self.initial.get("goal") or 0)
            )
        self.fields["goal"].queryset = goals.distinct()  # type: ignore[attr-defined]

    def _show_clusters(self) -> None:
        """The owner and partners (registry ids in `initial`) as the picker shows them."""
        owner, partners = self.initial.get("owner_cluster"), self.initial.get("partners")
        numbers = [registry_number(v) for v in [owner, *(partners or [])]]
        known = Cluster.objects.in_bulk([n for n in numbers if n is not None])
        if (number := registry_number(owner)) is not None:
            self.initial["owner_cluster"] = shown_one(known.get(number))
        if isinstance(partners, list | tuple):
            found = [known[n] for n in numbers[1:] if n is not None and n in known]
            self.initial["partners"] = shown_many(found)

    def clean_partners(self) -> str:
        text = self.cleaned_data.get("partners") or ""
        for value in many_values(text):
            if value.isdecimal() and int(value) > checks.MAX_ID:
                # Django's own words, as when this box was a list of choices.
                raise ValidationError(
                    _("Select a valid choice. %(value)s is not one of the available choices."),
                    code="invalid_choice",
                    params={"value": value[:20]},
                )
        return str(text)

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["partners"] = many_values(data.get("partners"))
        if data.get("position") is None:
            data.pop("position", None)
        return data


class IndicatorForm(ServiceErrors, forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=checks.NAME_LENGTH)
    unit = forms.CharField(label=_("Unit"), max_length=checks.UNIT_LENGTH, required=False)
    target = forms.FloatField(label=_("Target"), required=False)
    current = forms.FloatField(label=_("Current value"), required=False)

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class NoteForm(ServiceErrors, forms.Form):
    text = forms.CharField(
        label=_("Progress note"),
        max_length=checks.TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
