"""The public page of the most promising sectors: a chart stacked by criterion and a table
with the reasons, the same for every role; everything on it escaped."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from clusterhub.cooperation.sectors import criterion_names
from tests.cooperation.test_sectors_loader import build_registry


class Specs(HTMLParser):
    """The chart specs of a page, read back from their attributes as a browser would."""

    def __init__(self) -> None:
        super().__init__()
        self.specs: list[dict[str, Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if "data-spec" in found:
            self.specs.append(json.loads(found["data-spec"] or ""))


def page(client: Client) -> str:
    response = client.get(reverse("portal:cooperation:sectors"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "who", ["anonymous", "registered", "manager", "coordinator_cz", "coordinator_pl", "admin"]
)
def test_every_role_sees_the_ranking_with_its_reasons(who: str, personas: Any) -> None:
    build_registry()
    client = Client()
    if who != "anonymous":
        client.force_login(getattr(personas, who))
    html = page(client)
    assert "Most promising sectors for cross-regional cooperation" in html
    assert html.index("Digital") < html.index("Tourism")
    assert "3 clusters in 3 countries" in html
    assert "jana@example.cz" not in html


@pytest.mark.django_db
def test_the_chart_stacks_the_scores_by_criterion_in_rank_order() -> None:
    build_registry()
    parser = Specs()
    parser.feed(page(Client()))
    (spec,) = parser.specs
    values = spec["data"]["values"]
    assert spec["encoding"]["color"]["field"] == "criterion"
    assert {v["criterion"] for v in values} <= set(criterion_names().values())
    order = spec["encoding"]["y"]["sort"]
    assert order.index("Digital") < order.index("Tourism")
    digital = sum(v["value"] for v in values if v["sector"] == "Digital")
    tourism = sum(v["value"] for v in values if v["sector"] == "Tourism")
    assert digital > tourism


@pytest.mark.django_db
def test_with_no_sectors_the_page_says_so_and_draws_no_chart() -> None:
    from clusterhub.cooperation.sectors import forget

    forget()
    html = page(Client())
    assert "No ecosystem or NACE division has two clusters yet." in html
    assert "data-spec" not in html


def test_names_reasons_and_the_spec_are_escaped() -> None:
    hostile = '<script>alert("x")</script>'
    spec = json.dumps({"title": hostile, "note": "a 'quoted' \"word\""})
    html = render_to_string(
        "cooperation/sectors.html",
        {
            "rows": [
                {
                    "rank": 1,
                    "name": hostile,
                    "kind": hostile,
                    "clusters": 2,
                    "countries": 2,
                    "score": 1.0,
                    "reasons": [{"text": hostile, "value": 1.0}],
                }
            ],
            "spec": spec,
            "weights": [(hostile, 1.0)],
        },
    )
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    parser = Specs()
    parser.feed(html)
    assert parser.specs == [json.loads(spec)]
