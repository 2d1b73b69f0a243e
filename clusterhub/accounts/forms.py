"""Forms for invitations and for accepting them."""

from __future__ import annotations

from typing import Any

from django import forms
from django.apps import apps
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from clusterhub.accounts.models import Invitation, User
from clusterhub.standard.values import Invalid, country


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    kind = forms.ChoiceField(label=_("Role"), choices=Invitation.Kind.choices)
    country = forms.CharField(label=_("Country (for a coordinator)"), max_length=2, required=False)
    cluster = forms.IntegerField(label=_("Organisation id (for a manager)"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Invitation.Kind.COORDINATOR:
            try:
                data["country"] = country(data.get("country") or "")
            except Invalid:
                self.add_error("country", _("Give the ISO code of the country, e.g. CZ."))
        elif data.get("kind") == Invitation.Kind.MANAGER:
            # The registry sits above accounts: its model is looked up, not imported.
            clusters = apps.get_model("registry", "Cluster")._default_manager
            found = clusters.filter(pk=data.get("cluster") or 0).first()
            if found is None:
                self.add_error("cluster", _("No organisation has this id."))
            data["cluster"] = found
        return data


class AcceptForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput)
    repeat = forms.CharField(label=_("Password again"), widget=forms.PasswordInput)

    def __init__(self, *args: Any, email: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_username(self) -> str:
        name = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=name).exists():
            raise forms.ValidationError(_("This user name is taken."))
        return str(name)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("repeat"):
            self.add_error("repeat", _("The passwords differ."))
        elif data.get("password"):
            try:
                validate_password(
                    data["password"], User(username=data.get("username", ""), email=self.email)
                )
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return data
