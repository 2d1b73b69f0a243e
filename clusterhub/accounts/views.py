"""Inviting coordinators and managers, and accepting an invitation."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from clusterhub.accounts.forms import AcceptForm, InvitationForm
from clusterhub.accounts.policy import Action, can
from clusterhub.accounts.services import (
    accept_invitation as accept,
)
from clusterhub.accounts.services import (
    create_invitation,
    open_invitation,
)
from clusterhub.accounts.sign_in import sign_in_page


@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    if not can(request.user, Action.INVITE):
        if not request.user.is_authenticated:
            return sign_in_page(request)
        raise PermissionDenied
    form = InvitationForm(request.POST or None)
    link = ""
    if request.method == "POST" and form.is_valid():
        invitation = create_invitation(
            email=form.cleaned_data["email"],
            kind=form.cleaned_data["kind"],
            country=form.cleaned_data.get("country") or "",
            cluster=form.cleaned_data.get("cluster"),
            invited_by=request.user,  # type: ignore[arg-type]
        )
        # From the configured address: a forged Host header must not lead invitees elsewhere.
        link = settings.SITE_URL + reverse("accounts:accept", args=[invitation.token])
        form = InvitationForm()
    return render(request, "accounts/invite.html", {"form": form, "link": link})


@require_http_methods(["GET", "POST"])
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = open_invitation(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    form = AcceptForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        user = accept(
            invitation,
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("portal:home")
    return render(request, "accounts/accept.html", {"form": form, "invitation": invitation})
