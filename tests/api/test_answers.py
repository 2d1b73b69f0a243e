"""Stored answers to repeated anonymous searches: never stale, never shown to the wrong caller."""

from __future__ import annotations

import pytest
from django.test import override_settings

from clusterhub.audit.services import Actor
from clusterhub.registry.services import upsert_cluster

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")
SEARCH = "/api/v1/clusters?q=klastr&facets=true"


def _names(client) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(c["name"] for c in client.get(SEARCH).json()["results"])


def test_a_repeated_search_is_answered_the_same_until_the_registry_changes(
    client, personas
) -> None:  # type: ignore[no-untyped-def]
    first = client.get(SEARCH).content
    assert client.get(SEARCH).content == first
    upsert_cluster({"id": "cz-9", "name": "Nový klastr", "country": "CZ"}, source="CZ", actor=ACTOR)
    assert "Nový klastr" in _names(client)
    upsert_cluster(
        {"id": "cz-9", "name": "Starý klastr", "country": "CZ"}, source="CZ", actor=ACTOR
    )
    assert "Starý klastr" in _names(client) and "Nový klastr" not in _names(client)


def test_a_stored_anonymous_answer_is_never_given_to_a_signed_in_caller_or_back(
    client, personas
) -> None:  # type: ignore[no-untyped-def]
    def email(c) -> object:  # type: ignore[no-untyped-def]
        found = c.get(SEARCH).json()["results"]
        return next(r["contact_email"] for r in found if r["id"] == "cz-1")

    assert email(client) is None
    client.force_login(personas.coordinator_cz)
    assert email(client) == "jana@example.cz"
    client.logout()
    assert email(client) is None


@override_settings(API_ANSWER_CACHE_MB=0)
def test_with_the_store_off_every_answer_is_computed(client, personas) -> None:  # type: ignore[no-untyped-def]
    from clusterhub.api import answers

    client.get(SEARCH)
    assert not answers._stored
