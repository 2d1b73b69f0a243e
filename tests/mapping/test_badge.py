"""The badge on a cluster's profile: its region's stars (or strength) in the cluster's sectors."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterhub.audit.services import Actor
from clusterhub.mapping.queries import (
    category_candidates,
    region_badges,
    region_badges_of,
    region_candidates,
)
from clusterhub.mapping.services import load_result
from clusterhub.registry.services import upsert_cluster
from tests.mapping.files import STARS_ROWS, write_cmp, write_stars

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")
BADGE = "This cluster sits in a 3-star region for C29."


def place(personas, **values) -> None:  # type: ignore[no-untyped-def]
    """Give the CZ personas' cluster a region and sectors."""
    row = {"id": "cz-1", "name": personas.cz_cluster.name, "country": "CZ", **values}
    upsert_cluster(row, source="CZ", actor=ACTOR)
    personas.cz_cluster.refresh_from_db()


def profile(client, personas) -> str:  # type: ignore[no-untyped-def]
    response = client.get(f"/en/clusters/{personas.cz_cluster.pk}/")
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def load_stars(tmp_path: Path, rows=STARS_ROWS, name: str = "Czechia 2021", replace: bool = False):  # type: ignore[no-untyped-def]
    path = write_stars(tmp_path / f"{len(rows)}.csv", rows)
    return load_result(path, name=name, replace=replace, actor=ACTOR).result


def test_a_cluster_in_a_starred_region_shows_the_badge_with_a_link(
    client, personas, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    result = load_stars(tmp_path)
    place(personas, nuts="CZ080", sectors=["C29.1", "J62"])
    html = profile(client, personas)
    assert BADGE in html
    assert f'href="/en/mapping/{result.slug}/regions/CZ08/"' in html
    assert "J62" not in html.split("Regional cluster mapping", 1)[1].split("</section>", 1)[0]


def test_the_badge_is_shown_to_every_persona(client, personas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    load_stars(tmp_path)
    place(personas, nuts="CZ080", sectors=["C29"])
    for persona in ("anonymous", "registered", "coordinator_pl", "manager", "admin"):
        user = getattr(personas, persona)
        client.logout()
        if user.is_authenticated:
            client.force_login(user)
        assert BADGE in profile(client, personas), persona


@pytest.mark.parametrize(
    ("values", "why"),
    [
        ({"nuts": "CZ080", "sectors": ["J62"]}, "a sector without stars in the region"),
        ({"nuts": "CZ080", "sectors": ["A01"]}, "a sector the result does not have"),
        ({"nuts": "SK010", "sectors": ["C29"]}, "a region the result does not have"),
        ({"sectors": ["C29"]}, "no region"),
        ({"nuts": "CZ080"}, "no sector"),
    ],
)
def test_no_badge_without_a_starred_cell_for_the_clusters_region_and_sector(
    client, personas, tmp_path, values, why
) -> None:  # type: ignore[no-untyped-def]
    load_stars(tmp_path)
    place(personas, **values)
    assert "Regional cluster mapping</h2>" not in profile(client, personas), why


def test_no_badge_without_a_loaded_result(client, personas) -> None:  # type: ignore[no-untyped-def]
    place(personas, nuts="CZ080", sectors=["C29"])
    assert "star region" not in profile(client, personas)


def test_the_badge_disappears_when_the_result_is_replaced_without_the_stars(
    client, personas, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    load_stars(tmp_path)
    place(personas, nuts="CZ080", sectors=["C29"])
    assert BADGE in profile(client, personas)
    weaker = [{**row, "stars": "0"} for row in STARS_ROWS]
    load_stars(tmp_path, weaker, replace=True)
    assert "star region" not in profile(client, personas)


def test_the_most_detailed_region_of_the_result_decides(personas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        *STARS_ROWS,
        {"region": "CZ080", "category": "C29", "employment": "20000", "lq": "0.9", "stars": "0"},
        {"region": "CZ0", "category": "C29", "employment": "90000", "lq": "1.5", "stars": "1"},
    ]
    load_stars(tmp_path, rows)
    place(personas, nuts="CZ080", sectors=["C29"])
    assert region_badges(personas.cz_cluster) == []  # CZ080 has no star; its parents don't count
    place(personas, nuts="CZ081", sectors=["C29"])
    [badge] = region_badges(personas.cz_cluster)
    assert (badge.region, badge.category, badge.stars) == ("CZ08", "C29", 3)


def test_a_cmp_result_gives_a_strong_region_badge(client, personas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    load_result(write_cmp(tmp_path / "cmp.csv"), name="cmp", actor=ACTOR)
    place(personas, nuts="CZ080", sectors=["C24.1"])
    assert "This cluster sits in a strong region for C24." in profile(client, personas)


def test_a_stars_result_comes_before_a_cmp_result(personas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    load_result(write_cmp(tmp_path / "cmp.csv"), name="cmp", actor=ACTOR)
    load_stars(tmp_path)
    place(personas, nuts="CZ080", sectors=["C29"])
    [badge] = region_badges(personas.cz_cluster)
    assert (badge.result.method, badge.stars) == ("stars", 3)


def test_the_badge_is_translated(client, personas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    load_stars(tmp_path)
    place(personas, nuts="CZ080", sectors=["C29"])
    html = client.get(f"/cs/clusters/{personas.cz_cluster.pk}/").content.decode()
    assert "Tento klastr leží v regionu se 3 hvězdami pro C29." in html


def test_regions_are_tried_from_the_most_detailed_to_the_country() -> None:
    assert region_candidates("CZ080") == ["CZ080", "CZ08", "CZ0", "CZ"]


def test_a_sector_belongs_to_its_own_code_and_the_codes_it_starts_with() -> None:
    assert category_candidates("C29.1") == ["C29.1", "C29", "C", "29.1", "29"]
    assert category_candidates("C29") == ["C29", "C", "29"]
    assert category_candidates("J") == ["J"]


def test_the_badges_of_many_clusters_are_each_clusters_own_read_in_a_few_queries(
    personas, tmp_path, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    load_result(write_cmp(tmp_path / "cmp.csv"), name="cmp", actor=ACTOR)
    load_stars(tmp_path)
    places = [("CZ080", ["C29"]), ("CZ080", ["C24.1"]), ("CZ081", ["C29", "J62"]), ("", ["C29"])]
    clusters = []
    for n in range(40):
        nuts, sectors = places[n % len(places)]
        row = {"id": f"many-{n}", "name": f"Cluster {n}", "country": "CZ", "sectors": sectors}
        if nuts:
            row["nuts"] = nuts
        clusters.append(upsert_cluster(row, source="CZ", actor=ACTOR)[0])
    with django_assert_max_num_queries(12):
        together = region_badges_of(clusters)
    for cluster in clusters:
        assert together[cluster.pk] == region_badges(cluster)
    kinds = {tuple((b.result.method, b.category) for b in together[c.pk]) for c in clusters}
    assert {(("stars", "C29"),), (("stars", "C24"),), ()} <= kinds
