"""The search filters and the editing form of the policy initiatives."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from clusterhub.policy.models import Initiative
from clusterhub.registry.forms import StandardForm
from clusterhub.registry.vocabulary_labels import country_label
from clusterhub.standard import values
from clusterhub.standard import vocabularies as vocab
from clusterhub.standard.fields import TABLES
from clusterhub.standard.rows import Problem

FIELD_LABELS = {
    "code": _("Code"),
    "name": _("Name"),
    "name_en": _("Name in English"),
    "level": _("Level"),
    "country": _("Country"),
    "region": _("Region (NUTS)"),
    "instrument": _("Instrument"),
    "start": _("Start"),
    "end": _("End"),
    "budget": _("Budget"),
    "currency": _("Currency"),
    "sectors": _("Target sectors (NACE)"),
    "ecosystems": _("Target industrial ecosystems"),
    "link": _("Link"),
    "managing_body": _("Managing body"),
    "description": _("Description"),
    "description_en": _("Description in English"),
    "source": _("Source"),
    "updated": _("Updated at source"),
}
_LONG_TEXT = {"description", "description_en"}


def _choices(mapping: dict[str, str]) -> list[tuple[str, Any]]:
    return [("", _("any"))] + [(code, _(label)) for code, label in mapping.items()]


class InitiativeForm(StandardForm):
    """One box per column of `policy_initiatives`, checked with the importer's rules.

    Level, instrument and ecosystems are chosen from their vocabularies; the rest is text
    as in a file (several codes separated by `;`).
    """

    table = "policy_initiatives"

    def __init__(self, *args: Any, code: str | None = None, **kwargs: Any) -> None:
        self.code = code
        self.skip = ("code",) if code else ()
        super().__init__(*args, **kwargs)
        for field in TABLES[self.table]:
            box = self.fields.get(field.name)
            if box is None:
                continue
            box.label = FIELD_LABELS[field.name]
            box.help_text = _(field.description)
            if field.name in _LONG_TEXT:
                box.widget = forms.Textarea(attrs={"rows": 4})
        self.fields["level"] = forms.ChoiceField(
            label=FIELD_LABELS["level"],
            choices=[(c, _(label)) for c, label in vocab.INITIATIVE_LEVELS.items()],
            help_text=_("National and regional initiatives need a country."),
        )
        self.fields["instrument"] = forms.ChoiceField(
            label=FIELD_LABELS["instrument"],
            required=False,
            choices=[("", "—")] + [(c, _(label)) for c, label in vocab.INSTRUMENTS.items()],
        )
        self.fields["ecosystems"] = forms.MultipleChoiceField(
            label=FIELD_LABELS["ecosystems"],
            required=False,
            choices=[(c, _(label)) for c, label in vocab.ECOSYSTEMS.items()],
            widget=forms.CheckboxSelectMultiple,
            help_text=_("None chosen: open to every ecosystem."),
        )
        self.order_fields([f.name for f in TABLES[self.table]])

    def raw(self) -> dict[str, str]:
        raw = {}
        for name in self.fields:
            value = self.cleaned_data.get(name)
            raw[name] = ";".join(value) if isinstance(value, list) else value or ""
        return raw

    def extra_raw(self) -> dict[str, str]:
        return {"code": self.code} if self.code else {}

    def report(self, problems: list[Problem]) -> None:
        """Show problems found after the form's own checks (by the service)."""
        for problem in problems:
            self._report(problem)


def initial_values(initial: dict[str, str]) -> dict[str, Any]:
    """Form values for a record's text: the ecosystems as a list for their checkboxes."""
    return {**initial, "ecosystems": [c for c in initial.get("ecosystems", "").split(";") if c]}


class SearchForm(forms.Form):
    """The filters of /policy/ (GET); a bad value is reported and its filter left out."""

    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    level = forms.ChoiceField(label=_("Level"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    instrument = forms.ChoiceField(label=_("Instrument"), required=False)
    ecosystem = forms.ChoiceField(label=_("Industrial ecosystem"), required=False)
    sector = forms.CharField(
        label=_("Sector (NACE)"),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"placeholder": "C29"}),
    )
    region = forms.CharField(
        label=_("Region (NUTS)"),
        required=False,
        max_length=5,
        widget=forms.TextInput(attrs={"placeholder": "CZ08"}),
    )
    active = forms.BooleanField(label=_("Running today"), required=False)
    year = forms.IntegerField(
        label=_("Running in the year"),
        required=False,
        min_value=values.FIRST_PERIOD_YEAR,
        max_value=values.LAST_PERIOD_YEAR,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        countries = Initiative.objects.exclude(country="").values_list("country", flat=True)
        named = sorted((country_label(c) or c, c) for c in set(countries))
        choice_fields: dict[str, Any] = {
            "level": _choices(vocab.INITIATIVE_LEVELS),
            "country": [("", _("any"))] + [(code, name) for name, code in named],
            "instrument": _choices(vocab.INSTRUMENTS),
            "ecosystem": _choices(vocab.ECOSYSTEMS),
        }
        for name, choices in choice_fields.items():
            self.fields[name].choices = choices  # type: ignore[attr-defined]

    def clean_sector(self) -> str:
        code: str = self.cleaned_data["sector"]
        if not code.strip():
            return ""
        try:
            return values.nace(code)
        except values.Invalid as exc:
            raise forms.ValidationError(f"{code!r} {exc}") from None

    def clean_region(self) -> str:
        code: str = self.cleaned_data["region"]
        if not code.strip():
            return ""
        try:
            return values.nuts(code)
        except values.Invalid as exc:
            raise forms.ValidationError(f"{code!r} {exc}") from None

    def filters(self) -> dict[str, Any]:
        """Arguments of `initiatives_for` for the valid filters (the invalid are left out)."""
        self.is_valid()
        data = self.cleaned_data  # the fields that passed
        args: dict[str, Any] = {
            name: data.get(name) or None
            for name in ("country", "region", "sector", "ecosystem", "level", "instrument")
        }
        args["text"] = data.get("q") or ""
        if data.get("active"):
            args["active_on"] = dt.date.today()
        if data.get("year"):
            year = data["year"]
            args["active_between"] = (dt.date(year, 1, 1), dt.date(year, 12, 31))
        return args
