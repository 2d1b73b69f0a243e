"""Who writes from a cooperation page: the signed-in user, as the history names them."""

from __future__ import annotations

from django.http import HttpRequest

from clusterhub.audit.services import Actor


def actor(request: HttpRequest) -> Actor:
    return Actor.person(request.user, context="portal")
