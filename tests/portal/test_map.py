"""The search page's map: points and region counts that obey the search's filters."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.staticfiles import finders
from django.http import QueryDict

from clusterhub.audit.services import Actor
from clusterhub.registry.geo import ShapeRecord
from clusterhub.registry.search import ClusterQuery, filtered
from clusterhub.registry.services import MemberWriter, load_region_shapes, upsert_cluster

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")
HOSTILE = "<script>alert(\"x\")</script> & 'quotes' \u2028 Łódź"
POINTS = "/en/clusters/map.geojson"
REGIONS = "/en/clusters/regions.geojson"
MAP_JS = Path(__file__).resolve().parents[2] / "clusterhub/portal/static/portal/map.js"
PERSONAL = ("contact_name", "contact_email", "contact_phone")


def cluster(id: str, **values: Any) -> int:
    row = {"id": id, "name": f"Cluster {id}", "country": "CZ", **values}
    obj, _ = upsert_cluster(row, source="t", actor=ACTOR)
    return obj.pk


@pytest.fixture
def registry() -> dict[str, int]:
    pks = {
        "brno": cluster(
            "brno",
            name="Klastr Zdraví",
            nuts="CZ064",
            city="Brno",
            lat=49.19,
            lon=16.61,
            ecosystems=["health"],
            lifecycle="growing",
            sectors=["Q86"],
            members_total=40,
            contact_name="Jana Nováková",
            contact_email="jana@example.cz",
            contact_phone="+420 777 000 111",
        ),
        "zlin": cluster(
            "zlin",
            nuts="CZ064",
            lat=49.22,
            lon=17.66,
            ecosystems=["digital", "health"],
            lifecycle="mature",
            sectors=["J62.01"],
            cooperation_countries=["SK"],
        ),
        "south-east": cluster("south-east", nuts="CZ06", lat=49.4, lon=16.0, lifecycle="mature"),
        "ostrava": cluster(
            "ostrava", nuts="CZ080", lat=49.82, lon=18.26, ecosystems=["digital"], label="gold"
        ),
        "lodz": cluster(
            "lodz",
            name="Klaster Łódź Tekstylny",
            country="PL",
            nuts="PL711",
            lat=51.76,
            lon=19.46,
            ecosystems=["textile"],
            sectors=["C13"],
        ),
        "nowhere": cluster("nowhere", nuts="CZ064", ecosystems=["health"]),
        "hostile": cluster(
            "hostile", name=HOSTILE, name_en=HOSTILE, city=HOSTILE, country="HU", lat=47.5, lon=19.0
        ),
    }
    writer = MemberWriter(actor=ACTOR)
    writer.add(pks["ostrava"], "ostrava", {"name": "Škoda Digital s.r.o."})
    writer.finish()
    return pks


def square(code: str, name: str, lon: float, lat: float) -> ShapeRecord:
    ring = [[lon, lat], [lon + 1, lat], [lon + 1, lat + 1], [lon, lat + 1], [lon, lat]]
    return ShapeRecord(code, name, {"type": "Polygon", "coordinates": [ring]})


@pytest.fixture
def shapes() -> None:
    records = [
        square("CZ06", "Jihovýchod", 15, 48),
        square("CZ08", "Moravskoslezsko", 17, 49),
        square("PL71", "Łódzkie", 19, 51),
        square("SK02", "Západné Slovensko", 17, 47),
        square("CZ064", "Jihomoravský kraj", 16, 48),
        square("CZ080", "Moravskoslezský kraj", 17, 49),
    ]
    load_region_shapes(records, source="test", actor=ACTOR)


def get_json(client, url: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    return json.loads(response.content)


def point_ids(client, params: str) -> set[int]:  # type: ignore[no-untyped-def]
    data = get_json(client, f"{POINTS}?{params}")
    assert data["type"] == "FeatureCollection"
    return {f["properties"]["id"] for f in data["features"]}


@pytest.mark.parametrize(
    "params",
    [
        "",
        "country=CZ",
        "country=PL,HU",
        "nuts=CZ06",
        "nuts=cz080&nuts=PL7",
        "ecosystem=health",
        "ecosystem=health&lifecycle=mature",
        "sector=C&sector=J62",
        "coop_country=sk",
        "label=gold",
        "q=zdravi",
        "q=skoda",
        "q=klast&country=PL",
        "country=XX",
        "page=3&sort=members&size=1",
    ],
)
def test_the_map_shows_what_the_list_finds_for_the_same_query(client, registry, params) -> None:  # type: ignore[no-untyped-def]
    query = ClusterQuery.from_params(QueryDict(params))
    expected = set(filtered(query).exclude(lat=None).values_list("pk", flat=True))
    assert point_ids(client, params) == expected


def test_clusters_without_coordinates_are_left_off_the_map(client, registry) -> None:  # type: ignore[no-untyped-def]
    ids = point_ids(client, "nuts=CZ064")
    assert ids == {registry["brno"], registry["zlin"]}
    assert registry["nowhere"] not in point_ids(client, "")


def test_a_point_carries_public_fields_only(client, registry) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"{POINTS}?q=zdravi")
    body = response.content.decode()
    for word in (*PERSONAL, "Jana", "jana@example.cz", "777 000", "search_own", "source_id"):
        assert word not in body
    (feature,) = json.loads(body)["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [16.61, 49.19]}
    assert feature["properties"] == {
        "id": registry["brno"],
        "name": "Klastr Zdraví",
        "name_en": "",
        "country": "CZ",
        "city": "Brno",
        "members_total": 40,
        "url": f"/en/clusters/{registry['brno']}/",
    }


def test_hostile_text_comes_back_as_the_same_json_string(client, registry) -> None:  # type: ignore[no-untyped-def]
    data = get_json(client, f"{POINTS}?country=HU")
    (feature,) = data["features"]
    assert feature["properties"]["name"] == HOSTILE
    assert feature["properties"]["name_en"] == HOSTILE
    assert feature["properties"]["city"] == HOSTILE


def test_profile_links_are_in_the_language_of_the_page(client, registry) -> None:  # type: ignore[no-untyped-def]
    data = get_json(client, "/cs/clusters/map.geojson?country=PL")
    assert [f["properties"]["url"] for f in data["features"]] == [
        f"/cs/clusters/{registry['lodz']}/"
    ]


def test_ten_thousand_points_take_three_queries_once_the_search_index_is_built(
    client, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    from clusterhub.registry.models import Cluster
    from clusterhub.registry.search import freshness

    Cluster.objects.bulk_create(
        Cluster(source="bulk", source_id=str(i), name=f"C{i}", country="CZ", lat=49, lon=16)
        for i in range(10_000)
    )
    freshness.current()
    # The registry's state (is the index current?), the points, the levels with shapes.
    with django_assert_max_num_queries(3):
        data = get_json(client, POINTS)
    assert len(data["features"]) == 10_000


def test_the_map_data_names_the_levels_that_have_region_shapes(client, registry, shapes) -> None:  # type: ignore[no-untyped-def]
    assert get_json(client, POINTS)["region_levels"] == [2, 3]


def test_without_region_shapes_there_is_no_level_to_offer(client, registry) -> None:  # type: ignore[no-untyped-def]
    assert get_json(client, POINTS)["region_levels"] == []
    assert get_json(client, f"{REGIONS}?level=2")["features"] == []


def region_counts(client, params: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    data = get_json(client, f"{REGIONS}?{params}")
    return {f["properties"]["code"]: f["properties"]["count"] for f in data["features"]}


def test_a_region_counts_the_clusters_whose_nuts_code_starts_with_its_code(
    client, registry, shapes
) -> None:  # type: ignore[no-untyped-def]
    # CZ06 holds brno, zlin and nowhere (CZ064) and south-east (CZ06 itself).
    assert region_counts(client, "level=2") == {"CZ06": 4, "CZ08": 1, "PL71": 1, "SK02": 0}
    # At level 3, the cluster placed only in CZ06 counts nowhere.
    assert region_counts(client, "level=3") == {"CZ064": 3, "CZ080": 1}


def test_region_counts_obey_the_same_filters_as_the_list(client, registry, shapes) -> None:  # type: ignore[no-untyped-def]
    assert region_counts(client, "level=2&ecosystem=health") == {
        "CZ06": 3,
        "CZ08": 0,
        "PL71": 0,
        "SK02": 0,
    }
    assert region_counts(client, "level=3&lifecycle=mature&q=cluster") == {"CZ064": 1, "CZ080": 0}


def test_a_region_feature_has_its_code_name_count_and_outline(client, registry, shapes) -> None:  # type: ignore[no-untyped-def]
    data = get_json(client, f"{REGIONS}?level=2&country=PL")
    feature = next(f for f in data["features"] if f["properties"]["code"] == "PL71")
    assert feature["properties"] == {"code": "PL71", "name": "Łódzkie", "count": 1}
    assert feature["geometry"]["type"] == "Polygon"


@pytest.mark.parametrize("level", ["", "7", "two", "-1"])
def test_an_unknown_level_falls_back_to_nuts_2(client, registry, shapes, level) -> None:  # type: ignore[no-untyped-def]
    assert set(region_counts(client, f"level={level}")) == {"CZ06", "CZ08", "PL71", "SK02"}


def test_the_map_data_cannot_be_posted_to(client, registry) -> None:  # type: ignore[no-untyped-def]
    assert client.post(POINTS).status_code == 405
    assert client.post(REGIONS).status_code == 405


def test_the_list_page_has_the_map_and_loads_only_local_static_files(client, registry) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/en/clusters/").content.decode()
    assert re.search(r'<div id="map"', page)
    # The map is outside #search, which htmx replaces on every change of the filters.
    assert page.index('id="map"') < page.index('id="search"')
    urls = re.findall(r'(?:src|href|data-[a-z0-9-]+)="([^"]*)"', page)
    remote = [u for u in urls if re.match(r"(?i)^(https?:)?//", u)]
    assert not remote
    static = [u for u in urls if u.startswith("/static/")]
    for asset in (
        "vendor/leaflet/leaflet.css",
        "vendor/markercluster/MarkerCluster.css",
        "vendor/markercluster/MarkerCluster.Default.css",
        "vendor/leaflet/leaflet.js",
        "vendor/markercluster/leaflet.markercluster.js",
        "vendor/topojson/topojson-client.min.js",
        "vendor/world-atlas/countries-50m.json",
        "vendor/leaflet/images/marker-icon.png",
        "portal/map.js",
    ):
        assert f"/static/{asset}" in static, asset
    missing = [u for u in static if not finders.find(u.removeprefix("/static/"))]
    assert not missing
    assert 'data-points="/en/clusters/map.geojson"' in page
    assert 'data-regions="/en/clusters/regions.geojson"' in page


def test_an_htmx_search_swaps_the_results_only_and_leaves_the_map_alone(client, registry) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/en/clusters/?country=CZ", headers={"HX-Request": "true"}).content.decode()
    assert 'id="search"' in page
    assert 'id="map"' not in page


def test_the_map_script_writes_text_from_the_data_as_text_only() -> None:
    script = MAP_JS.read_text(encoding="utf-8")
    assert "innerHTML" not in script
    assert "insertAdjacentHTML" not in script
    assert "textContent" in script
    assert not re.search(r"https?://", script)
    assert "chunkedLoading: true" in script
    for event in ("htmx:afterSwap", "htmx:historyRestore"):
        assert event in script
