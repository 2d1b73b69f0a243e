"""Editing forms built from the data standard; they validate with the importer's rules.

`StandardForm` serves every table of the standard (the policy app's initiative form too).
"""

from __future__ import annotations

from typing import Any

from django import forms

from clusterhub.lib.cells import cell_text
from clusterhub.standard.fields import TABLES, Field
from clusterhub.standard.rows import Problem, validate_row

_LONG_TEXT = {"description", "description_en", "cooperation", "address"}


def _form_field(field: Field) -> forms.Field:
    widget: Any = forms.Textarea(attrs={"rows": 4}) if field.name in _LONG_TEXT else forms.TextInput
    help_text = field.description + (" Separate several values with ;." if field.multi else "")
    return forms.CharField(
        label=field.name,
        required=False,
        strip=False,
        widget=widget,
        help_text=help_text,
    )


def initial_from_record(record: dict[str, Any]) -> dict[str, str]:
    """Form text for a record: the same text an export would write, without formula escaping."""
    values: dict[str, str] = {}
    for name, value in record.items():
        if isinstance(value, list):
            values[name] = ";".join(value)
        elif isinstance(value, str):
            values[name] = value
        else:
            values[name] = cell_text(value)
    return values


class StandardForm(forms.Form):
    """One text box per column of a standard table; `clean()` runs `validate_row`."""

    table = "clusters"
    skip: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in TABLES[self.table]:
            if field.name not in self.skip:
                self.fields[field.name] = _form_field(field)
        self.clean_values: dict[str, Any] = {}

    def raw(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in self.fields}

    def extra_raw(self) -> dict[str, str]:
        """Values of required columns the form does not show (e.g. the cluster id)."""
        return {}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        raw = {**self.extra_raw(), **self.raw()}
        clean, problems = validate_row(self.table, raw)
        for problem in problems:
            self._report(problem)
        self.clean_values = {k: v for k, v in clean.items() if k in self.fields}
        return data

    def _report(self, problem: Problem) -> None:
        message = f"{problem.value!r} {problem.reason}" if problem.value.strip() else problem.reason
        self.add_error(problem.column if problem.column in self.fields else None, message)


class ClusterForm(StandardForm):
    table = "clusters"
    skip = ("id", "source")

    def __init__(self, *args: Any, source_id: str, **kwargs: Any) -> None:
        self.source_id = source_id
        super().__init__(*args, **kwargs)

    def extra_raw(self) -> dict[str, str]:
        return {"id": self.source_id}


class NewClusterForm(StandardForm):
    table = "clusters"
    skip = ("source",)


class MemberForm(StandardForm):
    table = "members"
    skip = ("cluster_id",)

    def __init__(self, *args: Any, cluster_id: str, **kwargs: Any) -> None:
        self.cluster_id = cluster_id
        super().__init__(*args, **kwargs)

    def extra_raw(self) -> dict[str, str]:
        return {"cluster_id": self.cluster_id}
