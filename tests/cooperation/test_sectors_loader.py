"""The sector ranking read from the database: the registry's clusters, tags, SME members,
cooperation links and regional strength reach the ranking; a change shows at once."""

from __future__ import annotations

from typing import Any

import pytest

from clusterhub.analytics.sectors import DIVISION, ECOSYSTEM
from clusterhub.audit.services import Actor
from clusterhub.cooperation import sectors
from clusterhub.cooperation.suggestions import inputs
from clusterhub.registry.models import Cluster
from clusterhub.registry.services import upsert_cluster, upsert_cooperation

SETUP = Actor.system("test set-up")
LISTS = ("sectors", "ecosystems", "services", "needs")


def add(source_id: str, country: str, ecosystem: str, sector: str, **values: Any) -> Cluster:
    fields: dict[str, Any] = {
        "id": source_id,
        "name": f"Cluster {source_id}",
        "country": country,
        "ecosystems": [ecosystem],
        "sectors": [sector],
        "members_total": 40,
        "members_sme": 30,
        **values,
    }
    for name in LISTS:
        if isinstance(fields.get(name), str):
            fields[name] = fields[name].split(";")
    cluster, _ = upsert_cluster(fields, source="TEST", actor=SETUP)
    return cluster


def build_registry() -> dict[str, Cluster]:
    """Digital: three clusters in three countries, one cooperation across a border and a
    need met abroad. Tourism: two clusters at home. The digital ecosystem must come first."""
    sectors.forget()
    inputs.forget()
    made = {
        "cz": add("d-cz", "CZ", "digital", "J62.01", needs="internationalisation"),
        "pl": add("d-pl", "PL", "digital", "J62.02", services="internationalisation"),
        "sk": add("d-sk", "SK", "digital", "J63.1", members_sme=5),
        "t1": add("t-1", "CZ", "tourism", "I55.1", members_total=10, members_sme=8),
        "t2": add("t-2", "CZ", "tourism", "N79.1", members_total=10, members_sme=8),
    }
    upsert_cooperation({"kind": "project"}, cluster=made["cz"], partner=made["pl"], actor=SETUP)
    return made


@pytest.mark.django_db
def test_the_loaded_tables_carry_the_sme_members_tags_and_links() -> None:
    made = build_registry()
    tables = sectors.load_tables()
    clusters = tables["clusters"]
    assert clusters is not None
    smes = dict(zip(clusters["id"], clusters["smes"], strict=True))
    assert smes[made["sk"].pk] == 5
    links = tables["cooperations"]
    assert links is not None
    assert list(zip(links["cluster_id"], links["partner_id"], strict=True)) == [
        (made["cz"].pk, made["pl"].pk)
    ]


@pytest.mark.django_db
def test_the_cross_border_ecosystem_outranks_the_one_at_home_with_its_reasons() -> None:
    made = build_registry()
    ranks = {(r.kind, r.code): r for r in sectors.ranked_sectors()}
    digital, tourism = ranks[(ECOSYSTEM, "digital")], ranks[(ECOSYSTEM, "tourism")]
    assert digital.rank < tourism.rank
    assert digital.cluster_ids == sorted(made[k].pk for k in ("cz", "pl", "sk"))
    assert digital.figures["smes"] == 65
    assert digital.figures["cooperation"] == pytest.approx(2 / 3)
    assert digital.figures["needs"] == 1.0
    texts = [e.text for e in sectors.explained(digital)]
    assert "3 clusters in 3 countries" in texts
    assert (
        "1 of 1 needs of its clusters are offered by a cluster of the sector in another country"
        in texts
    )
    assert (DIVISION, "J62") in ranks


@pytest.mark.django_db
def test_a_change_in_the_registry_shows_in_the_next_ranking() -> None:
    build_registry()
    first = {(r.kind, r.code): r.rank for r in sectors.ranked_sectors()}
    assert first[(ECOSYSTEM, "digital")] < first[(ECOSYSTEM, "tourism")]
    for n, country in enumerate(("PL", "SK", "HU", "AT", "DE")):
        add(f"t-more-{n}", country, "tourism", "I55.2", members_total=500, members_sme=400)
    ranks = {(r.kind, r.code): r for r in sectors.ranked_sectors()}
    tourism = ranks[(ECOSYSTEM, "tourism")]
    assert tourism.rank < ranks[(ECOSYSTEM, "digital")].rank
    members = next(e.text for e in sectors.explained(tourism) if e.code == "members")
    assert members == "2,520 members (7 of 7 clusters report them)"


@pytest.mark.django_db
def test_an_empty_registry_ranks_nothing() -> None:
    sectors.forget()
    assert sectors.ranked_sectors() == []
    assert sectors.as_json([]) == []


@pytest.mark.django_db
def test_the_stars_of_the_mapping_lift_the_sector_of_clusters_in_starred_regions() -> None:
    from django.utils import timezone

    from clusterhub.mapping.models import MappingCell, MappingResult

    sectors.forget()
    add("h-1", "SK", "health", "Q86.1", nuts="SK01")
    add("h-2", "CZ", "health", "Q86.2", nuts="CZ01")
    add("f-1", "SK", "agri-food", "Q86.1", nuts="SK02")
    add("f-2", "CZ", "agri-food", "Q86.2", nuts="CZ02")
    result = MappingResult.objects.create(
        name="stars", slug="stars", method=MappingResult.Method.STARS,
        loaded_at=timezone.now(), loaded_by="test",
    )  # fmt: skip
    MappingCell.objects.create(result=result, region="SK01", category="Q86", stars=3)
    ranks = {(r.kind, r.code): r for r in sectors.ranked_sectors()}
    health, food = ranks[(ECOSYSTEM, "health")], ranks[(ECOSYSTEM, "agri-food")]
    assert health.rank < food.rank
    assert health.figures["strength"] == pytest.approx(0.5)
    assert food.figures["strength"] == 0.0
    strength = next(e for e in sectors.explained(health) if e.code == "strength")
    assert strength.text == ("1 of 2 clusters in regions strong in the sector (mean strength 0.50)")


@pytest.mark.django_db
def test_the_size_reason_counts_clusters_and_countries_each_in_the_right_number() -> None:
    build_registry()
    ranks = {(r.kind, r.code): r for r in sectors.ranked_sectors()}
    texts = [e.text for e in sectors.explained(ranks[(ECOSYSTEM, "tourism")])]
    assert "2 clusters in 1 country" in texts
    assert "1 country: Czechia" in texts
