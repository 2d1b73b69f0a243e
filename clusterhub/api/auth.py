"""Who calls the API: a bearer token (for writes), else the browser session, else anonymous."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.security import HttpBearer

from clusterhub.accounts.services import user_for_api_key


class TokenAuth(HttpBearer):
    """`Authorization: Bearer ch_…`; tokens are created with `clusterhub token create`."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return user_for_api_key(token)


def caller(request: HttpRequest) -> Any:
    """The user behind a read request (token or session); anonymous when neither."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = user_for_api_key(header[7:].strip())
        if user is not None:
            return user
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else AnonymousUser()
