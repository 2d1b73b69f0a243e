"""The services' reasons on a form: one rule for every cooperation form."""

from __future__ import annotations

from collections.abc import Mapping

from django import forms


def show_errors(form: forms.Form, errors: Mapping[str, str]) -> None:
    """Each reason (field -> text) by the box it concerns; on the form as a whole when the
    form has no such box."""
    for field, reason in errors.items():
        form.add_error(field if field in form.fields else None, reason)
