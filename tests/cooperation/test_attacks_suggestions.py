"""Partner suggestions under hostile input: a weight so large that the scorer's floats
overflow (every suggestion silently lost) is refused by the API, the command line and the
service; dismissing a cluster as its own candidate writes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from clusterhub.accounts.services import create_api_token
from clusterhub.audit.models import AuditEntry
from clusterhub.cooperation.models import SuggestionDismissal
from clusterhub.cooperation.suggestions import service
from clusterhub.cooperation.suggestions.inputs import forget
from clusterhub.registry.models import Cluster
from clusterhub.registry.services import upsert_cluster
from tests.personas import SETUP, Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(personas: Personas) -> Personas:
    """The CZ cluster needs internationalisation; a Slovak cluster offers it."""
    forget()
    upsert_cluster(
        {
            "id": "cz-1",
            "name": personas.cz_cluster.name,
            "country": "CZ",
            "needs": ["internationalisation"],
        },
        source="CZ",
        actor=SETUP,
    )
    upsert_cluster(
        {"id": "sk-1", "name": "Exportný klaster", "country": "SK",
         "services": ["internationalisation"]},
        source="SK",
        actor=SETUP,
    )  # fmt: skip
    return personas


def get(client: Client, path: str, user: Any) -> Any:
    return client.get(path, HTTP_AUTHORIZATION=f"Bearer {create_api_token(user, 'test')}")


def test_a_weight_the_scorer_cannot_hold_is_refused_by_the_api(
    client: Client, world: Personas
) -> None:
    path = f"/api/v1/clusters/{world.cz_cluster.pk}/suggestions"
    assert get(client, path, world.coordinator_cz).json()  # the Slovak cluster is suggested
    response = get(client, f"{path}?weight=needs:1e300", world.coordinator_cz)
    assert response.status_code == 422  # it was 200 with an empty list: every score lost
    error = response.json()["errors"][0]
    assert (error["field"], error["value"]) == ("weight", "needs:1e300")
    assert "at most 1000" in error["reason"]
    heavy = get(client, f"{path}?weight=needs:1000", world.coordinator_cz)
    assert heavy.status_code == 200 and heavy.json()


def test_a_weight_the_scorer_cannot_hold_is_refused_on_the_command_line(cli, world) -> None:  # type: ignore[no-untyped-def]
    outcome = cli("cooperation", "suggest", "--cluster", str(world.cz_cluster.pk),
                  "--weight", "needs=1e300")  # fmt: skip
    assert not outcome.ok
    assert "needs=1e300" in outcome.error and "at most 1000" in outcome.error


def test_the_service_refuses_a_weight_the_scorer_cannot_hold(world: Personas) -> None:
    with pytest.raises(service.WeightRefused, match="at most 1000"):
        service.suggestions_for(world.cz_cluster, 3, {"needs": 1e300})
    with pytest.raises(service.WeightRefused, match="at most 1000"):
        service.parse_weights(["offers=2", "needs=1e39"], "=")
    assert service.parse_weights(["needs=1000"], "=") == {"needs": 1000.0}


def test_dismissing_a_cluster_as_its_own_candidate_writes_nothing(
    client: Client, world: Personas
) -> None:
    cluster = Cluster.objects.get(pk=world.cz_cluster.pk)
    entries = AuditEntry.objects.count()
    token = create_api_token(world.coordinator_cz, "test")
    response = client.post(
        f"/api/v1/clusters/{cluster.pk}/suggestions/{cluster.pk}/dismiss",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 200 and response.json()["changed"] is False
    assert not SuggestionDismissal.objects.exists()
    assert AuditEntry.objects.count() == entries
