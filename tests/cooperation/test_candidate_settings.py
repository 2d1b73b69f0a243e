"""The candidates page's settings (as the command's): the smallest number of countries, the
resolution and the largest candidate change what is offered; a bad value is named and the
defaults are used."""

from __future__ import annotations

import html as markup
import json
import re
from typing import Any

import pytest
from django.test import Client

from clusterhub.cooperation import candidates
from clusterhub.cooperation.suggestions import inputs
from tests.analytics.test_communities import planted_rows
from tests.cooperation.metaclusters import cluster
from tests.personas import Personas

pytestmark = pytest.mark.django_db
URL = "/en/cooperation/metaclusters/from-candidate/"


@pytest.fixture
def coordinator(client: Client, personas: Personas) -> Client:
    candidates.forget()
    inputs.forget()
    for row in planted_rows(noise=20):
        fields = {k: v for k, v in row.items() if k != "group"}
        cluster(f"planted-{row['id']}", **{**fields, "id": f"planted-{row['id']}"})
    client.force_login(personas.admin)
    return client


def offered(client: Client, query: str = "") -> tuple[str, list[dict[str, Any]]]:
    response = client.get(URL + query)
    assert response.status_code == 200
    html = response.content.decode()
    found = re.findall(r'name="candidate" value="([^"]+)"', html)
    return html, [json.loads(markup.unescape(v)) for v in found]


def test_the_settings_change_the_candidates_offered(coordinator: Client) -> None:
    _, default = offered(coordinator)
    assert default and min(len(c["countries"]) for c in default) >= 3
    _, national = offered(coordinator, "?min_countries=1")
    # The planted group at home in one country is offered only when one country is enough.
    assert any(len(c["countries"]) == 1 for c in national)
    _, small = offered(coordinator, "?max_clusters=4")
    assert small and max(len(c["clusters"]) for c in small) <= 4
    assert max(len(c["clusters"]) for c in default) > 4


@pytest.mark.parametrize("query", ["?resolution=abc", "?min_countries=0", "?max_clusters=2"])
def test_a_bad_setting_is_named_and_the_defaults_are_used(coordinator: Client, query: str) -> None:
    html, found = offered(coordinator, query)
    _, default = offered(coordinator)
    assert 'class="has-error"' in html
    assert [c["name"] for c in found] == [c["name"] for c in default]


def test_the_settings_form_is_escaped_and_keeps_the_values_given(coordinator: Client) -> None:
    html, _ = offered(coordinator, '?resolution=2&min_countries=4&max_clusters="><script>')
    assert "<script>" not in html
    assert 'name="resolution" value="2"' in html or 'value="2.0"' in html


def test_the_lead_of_a_candidate_can_be_named_as_the_picker_writes_it(
    coordinator: Client,
) -> None:
    from clusterhub.cooperation.models import MetaCluster

    _, found = offered(coordinator)
    chosen = found[0]
    lead = chosen["clusters"][-1]
    response = coordinator.post(
        URL,
        {"candidate": json.dumps(chosen), "lead": f"{lead['name']} ({lead['country']})"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert MetaCluster.objects.get(name=chosen["name"]).lead_id == lead["id"]
