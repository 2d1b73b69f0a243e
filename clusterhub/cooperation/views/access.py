"""What every cooperation page that writes needs first: a signed-in user, as an actor."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from clusterhub.audit.services import Actor


def actor(request: HttpRequest) -> Actor:
    return Actor.person(request.user, context="portal")


def login_first(request: HttpRequest) -> HttpResponse | None:
    """The sign-in page (then back here) for an anonymous user, else None."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('accounts:login')}?next={request.path}")
    return None
