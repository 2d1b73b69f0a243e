"""Sending an anonymous visitor to sign in, then back to the page they asked for: one rule
for every page that needs a signed-in user."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse


def sign_in_page(request: HttpRequest) -> HttpResponse:
    """The sign-in page, returning to this page's path afterwards."""
    return redirect(f"{reverse('accounts:login')}?next={request.path}")


def login_first(request: HttpRequest) -> HttpResponse | None:
    """The sign-in page for an anonymous user, else None."""
    return None if request.user.is_authenticated else sign_in_page(request)
