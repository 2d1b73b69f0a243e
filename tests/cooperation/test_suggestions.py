"""Partner suggestions from the command line: pairs of candidates that differ in one respect
come out in the right order, partners and dismissed candidates are left out, bad input is
named in one sentence."""

from __future__ import annotations

import json
from typing import Any

import pytest

from clusterhub.audit.services import Actor
from clusterhub.cooperation.suggestions.inputs import forget
from clusterhub.cooperation.suggestions.service import dismiss, suggestions_for
from clusterhub.registry.models import Cluster
from clusterhub.registry.services import upsert_cluster, upsert_cooperation

SETUP = Actor.system("test set-up")
LISTS = ("sectors", "ecosystems", "services", "needs")

# The cluster asking, and a neutral candidate profile: the pairs below change one field.
ASKING = {
    "id": "me",
    "name": "Automotive Cluster Ostrava",
    "country": "CZ",
    "sectors": "C29",
    "ecosystems": "mobility-transport-automotive",
    "services": "networking",
    "needs": "internationalisation",
    "lifecycle": "mature",
    "members_total": "60",
}
NEUTRAL = {
    "country": "SK",
    "sectors": "Q86",
    "ecosystems": "health",
    "services": "training",
    "lifecycle": "mature",
    "members_total": "60",
}


def clean(values: dict[str, str]) -> dict[str, Any]:
    """The values as validation returns them: lists of codes, whole numbers."""
    out: dict[str, Any] = dict(values)
    for field in LISTS:
        if field in out:
            out[field] = out[field].split(";") if out[field] else []
    if "members_total" in out:
        out["members_total"] = int(out["members_total"])
    return out


def add(source_id: str, **values: str) -> Cluster:
    fields = {**NEUTRAL, "id": source_id, "name": f"Cluster {source_id}", **values}
    cluster, _ = upsert_cluster(clean(fields), source="TEST", actor=SETUP)
    return cluster


@pytest.fixture
def asking(db) -> Cluster:  # type: ignore[no-untyped-def]
    forget()
    cluster, _ = upsert_cluster(clean(ASKING), source="TEST", actor=SETUP)
    return cluster


def ranked(cli: Any, *args: str) -> list[dict[str, Any]]:
    outcome = cli("cooperation", "suggest", "--format", "json", *args)
    assert outcome.ok, outcome.error
    return list(json.loads(outcome.stdout))


def order(cli: Any, *args: str) -> list[str]:
    return [row["name"] for row in ranked(cli, "--cluster", "me", "--top", "50", *args)]


def before(names: list[str], first: str, second: str) -> bool:
    return names.index(first) < names.index(second)


def test_a_candidate_offering_what_the_cluster_needs_comes_before_one_that_does_not(
    cli, asking
) -> None:  # type: ignore[no-untyped-def]
    add("offers", services="training;internationalisation")
    add("plain")
    assert before(order(cli), "Cluster offers", "Cluster plain")


def test_a_candidate_in_the_same_industry_comes_before_one_in_another(cli, asking) -> None:  # type: ignore[no-untyped-def]
    add("same", sectors="C29.3")
    add("other")
    assert before(order(cli), "Cluster same", "Cluster other")


def test_the_nace_hierarchy_ranks_same_division_above_same_section(cli, asking) -> None:  # type: ignore[no-untyped-def]
    add("division", sectors="C29.1")
    add("section", sectors="C22")
    assert before(order(cli), "Cluster division", "Cluster section")
    add("unrelated", sectors="Q86")
    assert before(order(cli), "Cluster section", "Cluster unrelated")


def test_a_candidate_across_the_border_comes_before_one_at_home(cli, asking) -> None:  # type: ignore[no-untyped-def]
    add("abroad", country="PL")
    add("home", country="CZ")
    assert before(order(cli), "Cluster abroad", "Cluster home")


def test_a_candidate_sharing_an_ecosystem_comes_before_one_that_does_not(cli, asking) -> None:  # type: ignore[no-untyped-def]
    add("shares", ecosystems="mobility-transport-automotive")
    add("apart")
    assert before(order(cli), "Cluster shares", "Cluster apart")


def test_a_young_candidate_complements_a_mature_cluster_better_than_a_mature_one(
    cli, asking
) -> None:  # type: ignore[no-untyped-def]
    add("young", lifecycle="emerging")
    add("peer", lifecycle="mature")
    assert before(order(cli), "Cluster young", "Cluster peer")


def test_a_candidate_needing_what_the_cluster_offers_comes_before_one_that_does_not(
    cli, asking
) -> None:  # type: ignore[no-untyped-def]
    add("needy", needs="networking")
    add("plain")
    assert before(order(cli), "Cluster needy", "Cluster plain")


def test_existing_partners_are_left_out_unless_asked_for(cli, asking) -> None:  # type: ignore[no-untyped-def]
    partner = add("partner", services="internationalisation", sectors="C29.1")
    add("stranger")
    upsert_cooperation({"kind": "project"}, cluster=asking, partner=partner, actor=SETUP)
    assert "Cluster partner" not in order(cli)
    assert "Cluster partner" in order(cli, "--include-partners")


def test_a_partnership_recorded_by_the_other_side_also_leaves_the_partner_out(cli, asking) -> None:  # type: ignore[no-untyped-def]
    partner = add("partner")
    upsert_cooperation({"kind": "project"}, cluster=partner, partner=asking, actor=SETUP)
    assert "Cluster partner" not in order(cli)


def test_the_cluster_is_never_suggested_to_itself(cli, asking) -> None:  # type: ignore[no-untyped-def]
    add("other")
    assert "Automotive Cluster Ostrava" not in order(cli, "--include-partners")


def test_each_suggestion_carries_its_reasons_with_their_numbers(cli, asking) -> None:  # type: ignore[no-untyped-def]
    add("offers", services="internationalisation", country="PL", sectors="C29.1")
    best = ranked(cli, "--cluster", "me", "--top", "1")[0]
    assert set(best) == {"id", "source_id", "name", "country", "score", "reasons"}
    assert best["source_id"] == "offers"
    assert best["country"] == "PL"
    texts = {r["code"]: r["text"] for r in best["reasons"]}
    assert "which you need" in texts["needs"]
    assert "C29" in texts["industry"]
    assert texts["cross_border"].startswith("across the border")
    assert best["score"] == pytest.approx(sum(r["value"] for r in best["reasons"]), abs=1e-3)
    values = [r["value"] for r in best["reasons"]]
    assert values == sorted(values, reverse=True)


def test_changed_weights_change_the_order(cli, asking) -> None:  # type: ignore[no-untyped-def]
    add("offers", services="internationalisation", country="CZ")
    add("abroad", country="PL")
    assert before(order(cli), "Cluster offers", "Cluster abroad")
    reweighted = order(cli, "--weight", "needs=0", "--weight", "cross_border=5")
    assert before(reweighted, "Cluster abroad", "Cluster offers")


def test_the_cluster_can_be_named_by_its_registry_id(cli, asking) -> None:  # type: ignore[no-untyped-def]
    add("other")
    by_file = ranked(cli, "--cluster", "me")
    by_registry = ranked(cli, "--cluster", str(asking.pk))
    assert by_file == by_registry and by_file


def test_top_limits_the_number_of_suggestions(cli, asking) -> None:  # type: ignore[no-untyped-def]
    for n in range(5):
        add(f"c{n}")
    assert len(ranked(cli, "--cluster", "me", "--top", "3")) == 3


def test_a_dismissed_candidate_stays_out_of_the_list(cli, asking) -> None:  # type: ignore[no-untyped-def]
    unwanted = add("unwanted", services="internationalisation")
    add("other")
    assert dismiss(asking, unwanted, SETUP) is True
    assert dismiss(asking, unwanted, SETUP) is False
    assert "Cluster unwanted" not in order(cli)
    assert unwanted.pk not in [p.id for p in suggestions_for(asking, 10)]


def test_the_table_format_lists_the_partners_and_their_reasons(cli, asking) -> None:  # type: ignore[no-untyped-def]
    add("offers", services="internationalisation")
    outcome = cli("cooperation", "suggest", "--cluster", "me")
    assert outcome.ok, outcome.error
    assert "Cluster offers" in outcome.stdout
    assert "which you need" in outcome.stdout


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--cluster", "nobody"], "nobody"),
        (["--cluster", "999999"], "999999"),
        (["--cluster", "me", "--weight", "charm=2"], "charm"),
        (["--cluster", "me", "--weight", "needs=lots"], "lots"),
        (["--cluster", "me", "--weight", "needs=-1"], "-1"),
        (["--cluster", "me", "--weight", "needs"], "PART=VALUE"),
        (["--cluster", "me", "--top", "0"], "0"),
        (["--cluster", "me", "--top", "ten"], "ten"),
    ],
)
def test_bad_input_is_refused_in_one_sentence_naming_the_value(
    cli, asking, args: list[str], named: str
) -> None:  # type: ignore[no-untyped-def]
    outcome = cli("cooperation", "suggest", *args)
    assert not outcome.ok
    assert named in outcome.error
    assert "\n" not in outcome.error.strip()


def store_matrix(pairs: list[tuple[str, str, float]]) -> None:
    from django.utils import timezone

    from clusterhub.cooperation.models import RelatednessPair, RelatednessResult

    result = RelatednessResult.objects.create(
        name="test matrix", slug="test-matrix", loaded_at=timezone.now(), loaded_by="test"
    )
    RelatednessPair.objects.bulk_create(
        RelatednessPair(result=result, category_a=a, category_b=b, relatedness=r)
        for a, b, r in pairs
    )


def test_a_stored_matrix_decides_industry_relatedness_over_the_nace_hierarchy(cli, asking) -> None:  # type: ignore[no-untyped-def]
    add("plastics", sectors="C22")
    add("health", sectors="Q86")
    assert before(order(cli), "Cluster plastics", "Cluster health")  # same NACE section
    store_matrix(
        [("C29", "Q86", 0.9), ("C29", "C22", 0.1), ("C29", "A01", 0.2), ("C29", "J62", 0.3)]
    )
    names = order(cli)
    assert before(names, "Cluster health", "Cluster plastics")
    best = ranked(cli, "--cluster", "me", "--top", "1")[0]
    industry = next(r for r in best["reasons"] if r["code"] == "industry")
    assert "C29 ↔ Q86 relatedness 0.90" in industry["text"]


def test_the_same_industry_comes_before_the_most_related_other_one_of_a_stored_matrix(
    cli, asking
) -> None:  # type: ignore[no-untyped-def]
    # "a" would win a tie on the registry id: the industry must decide.
    add("a-health", sectors="Q86")
    add("b-same", sectors="C29")
    store_matrix([("C29", "Q86", 0.9), ("C29", "C22", 0.1), ("C29", "A01", 0.2)])
    assert before(order(cli), "Cluster b-same", "Cluster a-health")


def test_a_candidate_in_a_strong_region_of_its_sector_comes_before_one_that_is_not(
    cli, asking
) -> None:  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from clusterhub.mapping.models import MappingCell, MappingResult

    add("strong", nuts="SK01", sectors="Q86")
    add("weak", nuts="SK02", sectors="Q86")
    result = MappingResult.objects.create(
        name="stars", slug="stars", method=MappingResult.Method.STARS,
        loaded_at=timezone.now(), loaded_by="test",
    )  # fmt: skip
    MappingCell.objects.create(result=result, region="SK01", category="Q86", stars=3)
    names = order(cli)
    assert before(names, "Cluster strong", "Cluster weak")
    best = next(r for r in ranked(cli, "--cluster", "me") if r["name"] == "Cluster strong")
    strength = next(r for r in best["reasons"] if r["code"] == "strength")
    assert strength["text"] == "3-star region in Q86 (SK01)"


def test_the_strength_reason_names_the_region_and_the_same_industry_its_nace_title(
    cli, asking
) -> None:  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from clusterhub.mapping.models import MappingCell, MappingResult
    from clusterhub.registry.models import Region

    add("strong", nuts="SK01", sectors="C29")
    Region.objects.filter(code="SK01").update(name="Bratislavský kraj")
    result = MappingResult.objects.create(
        name="stars", slug="stars", method=MappingResult.Method.STARS,
        loaded_at=timezone.now(), loaded_by="test",
    )  # fmt: skip
    MappingCell.objects.create(result=result, region="SK01", category="C29", stars=2)
    best = next(r for r in ranked(cli, "--cluster", "me") if r["name"] == "Cluster strong")
    texts = {r["code"]: r["text"] for r in best["reasons"]}
    assert texts["strength"] == "2-star region in C29 (Bratislavský kraj, SK01)"
    assert texts["industry"] == (
        "works in the same industry: C29 Manufacture of motor vehicles, trailers and semi-trailers"
    )


def test_the_lifecycle_reason_says_whether_the_stages_complement_each_other(cli, asking) -> None:  # type: ignore[no-untyped-def]
    add("young", lifecycle="emerging")
    add("peer", lifecycle="mature")
    add("old", lifecycle="declining")
    texts = {
        row["name"]: next(r["text"] for r in row["reasons"] if r["code"] == "lifecycle")
        for row in ranked(cli, "--cluster", "me")
    }
    assert (
        texts["Cluster young"] == "complementary lifecycle stages, theirs: Emerging, yours: Mature"
    )
    assert texts["Cluster peer"] == "at the same lifecycle stage as you: Mature"
    assert texts["Cluster old"] == "a different lifecycle stage, theirs: Declining, yours: Mature"


def test_a_partner_named_without_an_id_is_recognised_by_its_name_and_country(cli, asking) -> None:  # type: ignore[no-untyped-def]
    add("named", country="PL")
    add("namesake", country="SK", name="Cluster twin")
    add("twin", country="HU", name="Cluster twin")
    upsert_cooperation(
        {"kind": "project", "partner_name": "  cluster NAMED ", "partner_country": "PL"},
        cluster=asking, partner=None, actor=SETUP,
    )  # fmt: skip
    upsert_cooperation(
        {"kind": "project", "partner_name": "Cluster twin", "partner_country": "HU"},
        cluster=asking, partner=None, actor=SETUP,
    )  # fmt: skip
    names = order(cli)
    assert "Cluster named" not in names
    assert names.count("Cluster twin") == 1  # the Hungarian one is a partner, not the Slovak


def test_a_strong_region_by_the_us_cluster_mapping_flags_is_named_in_words(cli, asking) -> None:  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from clusterhub.mapping.models import MappingCell, MappingResult

    add("strong", nuts="SK01", sectors="Q86")
    result = MappingResult.objects.create(
        name="cmp", slug="cmp", method=MappingResult.Method.CMP,
        loaded_at=timezone.now(), loaded_by="test",
    )  # fmt: skip
    MappingCell.objects.create(
        result=result, region="SK01", category="Q86", qualifying=True, significant=True,
        strong=True,
    )  # fmt: skip
    best = next(r for r in ranked(cli, "--cluster", "me") if r["name"] == "Cluster strong")
    strength = next(r for r in best["reasons"] if r["code"] == "strength")
    assert strength["text"] == "strong cluster region in Q86 (SK01)"
    assert strength["value"] == 1.0
