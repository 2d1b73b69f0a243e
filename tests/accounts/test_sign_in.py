"""Signing in, throttling, CSRF, secure headers and invitations."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client, override_settings

from clusterhub.accounts.models import CoordinatorRole, Invitation, ManagerRole
from clusterhub.accounts.policy import Action, can
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_coordinator_signs_in_with_the_right_password(client, personas) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/en/accounts/login/", {"username": "koordinator", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/en/").context["user"].username == "koordinator"


def test_repeated_wrong_passwords_lock_the_sign_in_even_for_the_right_one(client, personas) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        client.post(
            "/en/accounts/login/", {"username": "koordinator", "password": "wrong-password"}
        )
    locked = client.post("/en/accounts/login/", {"username": "koordinator", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    assert not client.get("/en/").context["user"].is_authenticated


def test_a_form_post_without_the_csrf_token_is_refused(personas) -> None:  # type: ignore[no-untyped-def]
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/en/accounts/login/", {"username": "koordinator", "password": PASSWORD})
    assert response.status_code == 403


def test_pages_carry_a_content_security_policy_and_other_secure_headers(client, db) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/en/clusters/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_page_uses_inline_script_or_event_handlers(client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.admin)
    for url in [
        "/en/",
        "/en/clusters/",
        f"/en/clusters/{personas.cz_cluster.pk}/",
        "/en/accounts/invite/",
    ]:
        page = client.get(url).content.decode()
        inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", page)
        assert not inline, (url, inline)
        assert not re.search(r"\son[a-z]+=\"", page), url


def test_only_an_admin_may_invite(client, personas) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/en/accounts/invite/").status_code == 302
    client.force_login(personas.coordinator_cz)
    assert client.get("/en/accounts/invite/").status_code == 403
    response = client.post(
        "/en/accounts/invite/", {"email": "x@example.org", "kind": "coordinator", "country": "SK"}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_an_invited_coordinator_accepts_and_gets_the_role(client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.admin)
    page = client.post(
        "/en/accounts/invite/", {"email": "eva@example.sk", "kind": "coordinator", "country": "sk"}
    )
    link = re.search(r'<code class="invitation-link">([^<]+)</code>', page.content.decode())
    assert link is not None
    client.logout()
    assert link.group(1).startswith(f"{settings.SITE_URL}/en/accounts/")
    path = link.group(1).removeprefix(settings.SITE_URL)
    weak = client.post(path, {"username": "eva", "password": "short", "repeat": "short"})
    assert weak.status_code == 200
    assert "too short" in weak.content.decode()
    done = client.post(path, {"username": "eva", "password": PASSWORD, "repeat": PASSWORD})
    assert done.status_code == 302
    role = CoordinatorRole.objects.get(user__username="eva")
    assert role.country == "SK"
    assert can(role.user, Action.CREATE, "SK") and not can(role.user, Action.CREATE, "CZ")
    assert client.get(path).status_code == 404  # used once


def test_an_invited_manager_gets_exactly_their_organisation(client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.admin)
    page = client.post(
        "/en/accounts/invite/",
        {"email": "m@example.cz", "kind": "manager", "cluster": personas.cz_other.pk},
    )
    path = re.search(
        rf'<code class="invitation-link">{re.escape(settings.SITE_URL)}([^<]+)</code>',
        page.content.decode(),
    ).group(1)  # type: ignore[union-attr]
    client.logout()
    client.post(path, {"username": "novy", "password": PASSWORD, "repeat": PASSWORD})
    role = ManagerRole.objects.get(user__username="novy")
    assert role.cluster_id == personas.cz_other.pk
    assert can(role.user, Action.EDIT, personas.cz_other)
    assert not can(role.user, Action.EDIT, personas.cz_cluster)


@override_settings(
    SITE_URL="https://clusters.example.org", ALLOWED_HOSTS=["clusters.example.org", "evil.example"]
)
def test_an_invitation_link_starts_with_the_site_address_whatever_the_host_header(
    client, personas
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.admin)
    page = client.post(
        "/en/accounts/invite/",
        {"email": "eva@example.sk", "kind": "coordinator", "country": "SK"},
        HTTP_HOST="evil.example",
        HTTP_X_FORWARDED_HOST="evil.example",
    )
    link = re.search(r'<code class="invitation-link">([^<]+)</code>', page.content.decode())
    assert link is not None
    token = Invitation.objects.get(email="eva@example.sk").token
    assert link.group(1) == f"https://clusters.example.org/en/accounts/invitation/{token}/"
    assert "evil.example" not in page.content.decode()
