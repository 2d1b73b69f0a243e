"""The demo data set: deterministic, realistic, valid, and marked as demo wherever it shows."""

from __future__ import annotations

from collections import Counter

import pytest
from django.core.management import call_command

from clusterhub.accounts.models import User
from clusterhub.demo.registry import generate
from clusterhub.registry.models import Cluster, ClusterTag, Cooperation, Member, Region


def test_the_generator_gives_the_same_data_for_the_same_seed() -> None:
    assert generate(7) == generate(7)
    assert generate(7).clusters != generate(8).clusters


def test_the_generated_sectors_follow_each_regions_industrial_profile() -> None:
    data = generate()
    main_ecosystem: dict[str, Counter[str]] = {}
    for row in data.clusters:
        main_ecosystem.setdefault(row["nuts"], Counter())[row["ecosystems"].split(";")[0]] += 1
    automotive = "mobility-transport-automotive"
    for nuts in ("CZ020", "HU221", "SK031"):  # Mladá Boleslav, Győr, Žilina
        assert main_ecosystem[nuts].most_common(1)[0][0] == automotive, nuts
    for nuts in ("CZ010", "PL213"):  # Prague, Kraków
        assert main_ecosystem[nuts].most_common(1)[0][0] == "digital", nuts


@pytest.mark.django_db(transaction=False)
def test_loading_the_demo_fills_the_registry_once_and_marks_it_as_demo(client) -> None:  # type: ignore[no-untyped-def]
    call_command("demo", "--load-only", verbosity=0)
    clusters = Cluster.objects.count()
    assert 560 <= clusters <= 640
    assert 27_000 <= Member.objects.count() <= 33_000
    assert Cooperation.objects.count() > 500
    assert not Cluster.objects.filter(is_demo=False).exists()
    countries = set(Cluster.objects.values_list("country", flat=True))
    assert countries == {"CZ", "SK", "PL", "HU", "AT", "DE", "SI", "IT"}
    assert Cluster.objects.filter(name__contains="ř").exists()
    assert Region.objects.get(code="CZ020").name == "Středočeský kraj"
    assert not Cluster.objects.filter(nuts__isnull=True).exists()
    assert (
        ClusterTag.objects.filter(field="ecosystems").values("term__code").distinct().count() >= 10
    )
    assert User.objects.filter(is_superuser=True).count() == 1

    call_command("demo", "--load-only", verbosity=0)
    assert Cluster.objects.count() == clusters

    page = client.get("/en/").content.decode()
    assert "Demo data" in page
    assert "Czechia" in page
