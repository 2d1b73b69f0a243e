"""Profile, region and ecosystem pages; personal data only for people with a role."""

from __future__ import annotations

import json
import re

import pytest

from clusterhub.audit.services import Actor
from clusterhub.ingest.pipeline import run_import
from clusterhub.registry.services import upsert_cluster
from tests.helpers import write_rows

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")
HOSTILE = '<script>alert("x")</script>'


def test_a_profile_shows_public_fields_and_json_ld(client, personas) -> None:  # type: ignore[no-untyped-def]
    page = client.get(f"/en/clusters/{personas.cz_cluster.pk}/").content.decode()
    assert "Moravskoslezský automobilový klastr" in page
    blob = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert blob is not None
    data = json.loads(blob.group(1))
    assert data["@type"] == "Organization"
    assert data["name"] == "Moravskoslezský automobilový klastr"


@pytest.mark.parametrize(
    ("persona", "sees_contact"),
    [
        ("anonymous", False),
        ("registered", False),
        ("manager", True),
        ("coordinator_pl", True),
        ("admin", True),
    ],
)
def test_the_contact_person_is_shown_only_to_people_with_a_role(
    client, personas, persona, sees_contact
) -> None:  # type: ignore[no-untyped-def]
    user = getattr(personas, persona)
    if user.is_authenticated:
        client.force_login(user)
    page = client.get(f"/en/clusters/{personas.cz_cluster.pk}/").content.decode()
    assert ("Jana Nováková" in page) is sees_contact
    assert ("jana@example.cz" in page) is sees_contact


def test_an_unknown_profile_is_not_found(client, db) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/en/clusters/999999/").status_code == 404


def test_hostile_text_from_an_import_is_escaped_on_every_page(client, tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = {
        "id": "h1",
        "name": HOSTILE,
        "name_en": HOSTILE,
        "country": "CZ",
        "nuts": "CZ064",
        "description": HOSTILE,
        "city": HOSTILE,
        "ecosystems": "digital",
        "website": 'https://x.cz/"><script>',
    }
    run_import(write_rows(tmp_path / "hostile.csv", [row]))
    from clusterhub.registry.models import Cluster

    pk = Cluster.objects.get().pk
    for url in [
        f"/en/clusters/{pk}/",
        "/en/clusters/",
        "/en/clusters/?q=script",
        "/en/regions/CZ064/",
        "/en/ecosystems/digital/",
        "/en/",
    ]:
        page = client.get(url).content.decode()
        assert HOSTILE not in page, url
        assert "<script>alert" not in page, url


def test_region_pages_list_the_organisations_below_them(client) -> None:  # type: ignore[no-untyped-def]
    upsert_cluster(
        {"id": "1", "name": "Brněnský klastr", "country": "CZ", "nuts": "CZ064"},
        source="t",
        actor=ACTOR,
    )
    upsert_cluster(
        {"id": "2", "name": "Ostravský klastr", "country": "CZ", "nuts": "CZ080"},
        source="t",
        actor=ACTOR,
    )
    page = client.get("/en/regions/CZ06/").content.decode()
    assert "Brněnský klastr" in page
    assert "Ostravský klastr" not in page
    assert client.get("/en/regions/XX9/").status_code == 404


def test_ecosystem_pages_exist_only_for_the_fourteen_ecosystems(client, db) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/en/ecosystems/tourism/").status_code == 200
    assert client.get("/en/ecosystems/banking/").status_code == 404
