"""The public mapping pages: the list, a result set, a region's and a category's dashboard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clusterhub.audit.services import Actor
from clusterhub.mapping.models import MappingResult
from clusterhub.mapping.services import load_result
from clusterhub.registry.geo import ShapeRecord
from clusterhub.registry.services import load_region_shapes, upsert_cluster
from clusterhub.registry.services.taxonomy import name_regions
from tests.mapping.files import STARS_ROWS, write_cmp, write_stars

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")
HOSTILE = "<script>alert(\"x\")</script> & 'quotes'"


def square(code: str, lon: float, lat: float) -> ShapeRecord:
    ring = [[lon, lat], [lon + 1, lat], [lon + 1, lat + 1], [lon, lat + 1], [lon, lat]]
    return ShapeRecord(code, "", {"type": "Polygon", "coordinates": [ring]})


@pytest.fixture
def stars(tmp_path: Path) -> MappingResult:
    path = write_stars(tmp_path / "stars.csv", label="Motor vehicles")
    name_regions({"CZ08": "Moravskoslezsko", "CZ06": "Jihovýchod"})
    return load_result(
        path, name="Czechia 2021", description="Eurostat SBS 2021", actor=ACTOR
    ).result


def page(client, url: str) -> str:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def text(html: str) -> str:
    """The page's text, tags removed and spaces collapsed, to look for figures."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_anonymous_visitors_see_the_list_of_result_sets(client, stars) -> None:  # type: ignore[no-untyped-def]
    html = page(client, "/en/mapping/")
    assert f'href="/en/mapping/{stars.slug}/"' in html
    assert "Czechia 2021" in html and "Eurostat SBS 2021" in html
    assert "Star rating (size, specialisation, focus)" in html
    assert 'href="/en/mapping/"' in html  # the navigation link


def test_the_list_says_how_to_load_results_when_there_are_none(client, db) -> None:  # type: ignore[no-untyped-def]
    assert "clusterhub mapping load" in page(client, "/en/mapping/")


def test_a_result_set_lists_its_categories_and_regions(client, stars) -> None:  # type: ignore[no-untyped-def]
    html = page(client, f"/en/mapping/{stars.slug}/")
    assert f'href="/en/mapping/{stars.slug}/categories/C29/"' in html
    assert f'href="/en/mapping/{stars.slug}/regions/CZ08/"' in html
    assert "Moravskoslezsko" in html


def test_the_region_dashboard_ranks_the_categories_by_lq_with_stars_and_the_chart(
    client, stars, personas
) -> None:  # type: ignore[no-untyped-def]
    upsert_cluster(
        {
            "id": "cz-1",
            "name": "Moravskoslezský automobilový klastr",
            "country": "CZ",
            "nuts": "CZ080",
        },
        source="CZ",
        actor=ACTOR,
    )
    upsert_cluster(
        {"id": "cz-2", "name": "Klastr Zdraví", "country": "CZ", "nuts": "CZ064"},
        source="CZ",
        actor=ACTOR,
    )
    html = page(client, f"/en/mapping/{stars.slug}/regions/CZ08/")
    body = text(html)
    assert "Moravskoslezsko CZ08" in body
    table = text(html.split("All categories of the region", 1)[1])
    order = [table.index(code) for code in ("C29", "C24", "J62", "Q86")]
    assert order == sorted(order), "strongest category first"
    assert "C29 Motor vehicles traded 24,000 3.10 ★★★ 3 stars" in table
    assert "Q86 Motor vehicles traded — — ☆☆☆ 0 stars" in table  # missing, not zero
    # The chart: one bar per category with an LQ, the widest for the strongest.
    widths = [
        float(w) for w in re.findall(r'<rect class="mark-\d" x="0" y="1" width="([\d.]+)"', html)
    ]
    assert widths == [100.0, pytest.approx(77.42, abs=0.01), pytest.approx(19.35, abs=0.01)]
    chart = client.get(f"/en/mapping/{stars.slug}/regions/CZ08/chart.vl.json")
    assert chart["Content-Type"] == "application/json"
    spec = chart.json()
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert [v["category"] for v in spec["data"]["values"]] == ["C29", "C24", "J62"]
    assert f'href="/en/mapping/{stars.slug}/regions/CZ08/chart.vl.json"' in html
    # The registry's organisations in the region, linked to their profiles.
    assert f'href="/en/clusters/{personas.cz_cluster.pk}/"' in html
    assert f'href="/en/clusters/{personas.cz_other.pk}/"' not in html
    assert 'href="/en/regions/CZ08/"' in html


def test_the_region_dashboard_shows_flags_for_a_cmp_result(client, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = load_result(write_cmp(tmp_path / "cmp.csv"), name="cmp", actor=ACTOR).result
    table = text(page(client, f"/en/mapping/{result.slug}/regions/PL22/"))
    # No label in the file: the NACE title names the division.
    assert (
        "C24 Manufacture of basic metals traded 25,000 2.90 qualifying significant strong" in table
    )
    assert "strong (top 10 percent)" not in table


def test_the_category_dashboard_ranks_the_regions_by_lq_and_sorts_by_employment(
    client, stars
) -> None:  # type: ignore[no-untyped-def]
    url = f"/en/mapping/{stars.slug}/categories/C29/"
    body = text(page(client, url))
    assert "C29 Motor vehicles" in body
    assert "3 regions have at least one star in this category." in body
    assert "1 Moravskoslezsko CZ08 24,000 3.10" in body
    assert "2 PL22 30,000 2.00" in body
    assert "3 Jihovýchod CZ06 9,000 1.20" in body
    by_employment = text(page(client, url + "?sort=employment"))
    assert "1 PL22 30,000 2.00" in by_employment
    assert "1 Moravskoslezsko" in text(page(client, url + "?sort=nonsense"))


def test_the_category_map_appears_with_region_shapes_and_serves_their_figures(
    client, stars
) -> None:  # type: ignore[no-untyped-def]
    url = f"/en/mapping/{stars.slug}/categories/C29/"
    assert 'id="mapping-map"' not in page(client, url)  # no shapes loaded: the table only
    load_region_shapes(
        [square("CZ08", 18, 49.5), square("CZ06", 16, 49)], source="test", actor=ACTOR
    )
    html = page(client, url)
    assert 'id="mapping-map"' in html
    assert 'data-measure="stars"' in html
    assert "/static/mapping/category-map.js" in html and "<script>" not in html
    response = client.get(url + "regions.geojson")
    assert response["Content-Type"] == "application/geo+json"
    features = {f["properties"]["code"]: f["properties"] for f in response.json()["features"]}
    assert set(features) == {"CZ08", "CZ06"}  # PL22 has no shape
    assert features["CZ08"]["lq"] == 3.1 and features["CZ08"]["stars"] == 3
    assert features["CZ08"]["url"] == f"/en/mapping/{stars.slug}/regions/CZ08/"


def test_a_year_can_be_chosen_and_the_latest_is_shown_first(client, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {**row, "year": year, "lq": row["lq"] if year == "2021" else "0.5"}
        for row in STARS_ROWS
        for year in ("2020", "2021")
    ]
    result = load_result(write_stars(tmp_path / "y.csv", rows), name="years", actor=ACTOR).result
    url = f"/en/mapping/{result.slug}/categories/C29/"
    assert "CZ08 24,000 3.10" in text(page(client, url))
    old = text(page(client, url + "?year=2020"))
    assert "CZ08 24,000 0.50" in old and "Year: 2020 · 2021" in old
    assert "3.10" in text(page(client, url + "?year=1999"))


def test_hostile_labels_names_and_descriptions_are_escaped(client, tmp_path) -> None:  # type: ignore[no-untyped-def]
    name_regions({"CZ08": HOSTILE})
    path = write_stars(tmp_path / "h.csv", label=HOSTILE)
    result = load_result(path, name=HOSTILE, description=HOSTILE, actor=ACTOR).result
    for url in (
        "/en/mapping/",
        f"/en/mapping/{result.slug}/",
        f"/en/mapping/{result.slug}/regions/CZ08/",
        f"/en/mapping/{result.slug}/categories/C29/",
    ):
        html = page(client, url)
        assert "<script>alert" not in html, url
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html, url
    chart = client.get(f"/en/mapping/{result.slug}/regions/CZ08/chart.vl.json")
    assert chart["Content-Type"] == "application/json"  # data, never shown as a page
    assert chart.json()["data"]["values"][0]["label"] == HOSTILE


@pytest.mark.parametrize(
    "url",
    [
        "/en/mapping/no-such-result/",
        "/en/mapping/no-such-result/regions/CZ08/",
        "/en/mapping/{slug}/regions/SK01/",
        "/en/mapping/{slug}/regions/SK01/chart.vl.json",
        "/en/mapping/{slug}/categories/Z99/",
        "/en/mapping/{slug}/categories/Z99/regions.geojson",
    ],
)
def test_unknown_results_regions_and_categories_are_not_found(client, stars, url: str) -> None:  # type: ignore[no-untyped-def]
    assert client.get(url.format(slug=stars.slug)).status_code == 404


def test_a_region_code_in_small_letters_finds_the_region(client, stars) -> None:  # type: ignore[no-untyped-def]
    assert "Moravskoslezsko" in page(client, f"/en/mapping/{stars.slug}/regions/cz08/")


def test_the_dashboards_are_translated(client, stars) -> None:  # type: ignore[no-untyped-def]
    html = page(client, f"/de/mapping/{stars.slug}/regions/CZ08/")
    assert "Standortquotient" in html
    assert "Regionale Clusterkartierung" in page(client, "/de/mapping/")


def test_the_kinds_of_industry_are_named_in_the_pages_language(client, stars) -> None:  # type: ignore[no-untyped-def]
    english = text(page(client, f"/en/mapping/{stars.slug}/categories/C29/"))
    assert "Group: traded" in english
    czech = text(page(client, f"/cs/mapping/{stars.slug}/categories/C29/"))
    assert "obchodovatelná odvětví" in czech and "traded" not in czech
    assert "überregional handelbare Branchen" in page(client, f"/de/mapping/{stars.slug}/")


def test_a_nace_category_labelled_with_eurostats_title_is_named_in_the_pages_language(
    client, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    english = "Manufacture of motor vehicles, trailers and semi-trailers"
    result = load_result(
        write_stars(tmp_path / "s.csv", label=english), name="Titled", actor=ACTOR
    ).result
    assert english in text(page(client, f"/en/mapping/{result.slug}/categories/C29/"))
    german = text(page(client, f"/de/mapping/{result.slug}/categories/C29/"))
    assert english not in german and "C29" in german
    own = load_result(
        write_stars(tmp_path / "o.csv", label="Motor vehicles"), name="Own", actor=ACTOR
    ).result
    assert "Motor vehicles" in text(page(client, f"/de/mapping/{own.slug}/categories/C29/"))
