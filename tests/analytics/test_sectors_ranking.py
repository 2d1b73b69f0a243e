"""The ranking of sectors for meta-clusters: pairs of sectors alike but for one criterion."""

from __future__ import annotations

import pandas as pd
import pytest

from clusterhub.analytics.sectors import (
    DEFAULT_WEIGHTS,
    DIVISION,
    ECOSYSTEM,
    SectorRank,
    UnknownCriterion,
    as_frame,
    rank_sectors,
)


class Registry:
    """Tables built cluster by cluster."""

    def __init__(self) -> None:
        self.clusters: list[dict[str, object]] = []
        self.tags: list[tuple[int, str, str]] = []
        self.links: list[tuple[int, int]] = []
        self.strength: list[tuple[int, str, float]] = []

    def add(
        self,
        ecosystem: str,
        country: str,
        *,
        members: float | None = 10,
        smes: float | None = 5,
        sectors: tuple[str, ...] = (),
        services: tuple[str, ...] = (),
        needs: tuple[str, ...] = (),
    ) -> int:
        cid = len(self.clusters) + 1
        self.clusters.append(
            {"id": cid, "country": country, "nuts": "", "members_total": members, "smes": smes}
        )
        self.tags.append((cid, "ecosystems", ecosystem))
        for field, codes in (("sectors", sectors), ("services", services), ("needs", needs)):
            self.tags += [(cid, field, code) for code in codes]
        return cid

    def rank(self, **options: object) -> dict[tuple[str, str], SectorRank]:
        ranks = rank_sectors(
            pd.DataFrame(self.clusters),
            pd.DataFrame(self.tags, columns=["cluster_id", "field", "code"]),
            pd.DataFrame(self.links, columns=["cluster_id", "partner_id"]),
            pd.DataFrame(self.strength, columns=["cluster_id", "category", "strength"])
            if self.strength
            else None,
            **options,  # type: ignore[arg-type]
        )
        return {(r.kind, r.code): r for r in ranks}


def _order(ranks: dict[tuple[str, str], SectorRank], a: str, b: str) -> tuple[int, int]:
    return ranks[(ECOSYSTEM, a)].rank, ranks[(ECOSYSTEM, b)].rank


def _above(ranks: dict[tuple[str, str], SectorRank], a: str, b: str) -> bool:
    """Whether ecosystem `a` is ranked before ecosystem `b`."""
    mine, theirs = _order(ranks, a, b)
    return mine < theirs


def test_a_sector_of_more_clusters_outranks_one_of_fewer() -> None:
    reg = Registry()
    for country in ("CZ", "PL", "CZ"):
        reg.add("digital", country)
    for country in ("CZ", "PL"):
        reg.add("tourism", country)
    ranks = reg.rank()
    mine, theirs = _order(ranks, "digital", "tourism")
    assert mine < theirs
    reason = ranks[(ECOSYSTEM, "digital")].reasons
    assert {"code": "clusters", "details": {"clusters": 3, "countries": 2}} in [
        {"code": r.code, "details": r.details} for r in reason
    ]


def test_a_sector_spread_over_more_countries_outranks_one_in_a_single_country() -> None:
    reg = Registry()
    for country in ("CZ", "PL", "SK"):
        reg.add("digital", country)
    for country in ("CZ", "CZ", "CZ"):
        reg.add("tourism", country)
    ranks = reg.rank()
    assert _above(ranks, "digital", "tourism")
    countries = ranks[(ECOSYSTEM, "digital")].reasons
    assert next(r for r in countries if r.code == "countries").details["list"] == [
        "CZ",
        "PL",
        "SK",
    ]


def test_a_sector_of_more_members_outranks_one_of_fewer() -> None:
    reg = Registry()
    reg.add("tourism", "CZ", members=10)
    reg.add("tourism", "PL", members=10)
    reg.add("digital", "CZ", members=10)
    reg.add("digital", "PL", members=90)
    assert _above(reg.rank(), "digital", "tourism")


def test_a_sector_of_more_smes_outranks_one_of_fewer() -> None:
    reg = Registry()
    reg.add("tourism", "CZ", smes=1)
    reg.add("tourism", "PL", smes=None)
    reg.add("digital", "CZ", smes=1)
    reg.add("digital", "PL", smes=8)
    ranks = reg.rank()
    assert _above(ranks, "digital", "tourism")
    smes = next(r for r in ranks[(ECOSYSTEM, "tourism")].reasons if r.code == "smes")
    assert smes.details == {"smes": 1, "reported": 1, "clusters": 2}


def test_a_sector_in_strong_regions_outranks_one_in_weak_regions() -> None:
    reg = Registry()
    a = reg.add("tourism", "CZ", sectors=("I55.1",))
    reg.add("tourism", "PL", sectors=("I55.2",))
    b = reg.add("digital", "CZ", sectors=("I55.1",))
    reg.add("digital", "PL", sectors=("I55.2",))
    reg.strength += [(a, "I55", 0.25), (b, "I55", 1.0)]
    ranks = reg.rank()
    assert _above(ranks, "digital", "tourism")
    assert ranks[(ECOSYSTEM, "digital")].figures["strength"] == pytest.approx(0.5)


def test_regional_strength_counts_for_a_division_only_in_its_own_categories() -> None:
    reg = Registry()
    a = reg.add("x", "CZ", sectors=("C29.1", "C22.2"))
    reg.add("x", "PL", sectors=("C29.3", "C22.1"))
    # Strong in rubber (C22, given without the section letter), not in cars.
    reg.strength += [(a, "22", 1.0)]
    ranks = reg.rank()
    assert ranks[(DIVISION, "C22")].figures["strength"] == pytest.approx(0.5)
    assert ranks[(DIVISION, "C29")].figures["strength"] == 0.0
    assert ranks[(DIVISION, "C22")].rank < ranks[(DIVISION, "C29")].rank


def test_a_sector_of_related_industries_outranks_one_of_unrelated_industries() -> None:
    reg = Registry()
    reg.add("tourism", "CZ", sectors=("I55.1",))
    reg.add("tourism", "PL", sectors=("N79.1",))
    reg.add("digital", "CZ", sectors=("J62.01",))
    reg.add("digital", "PL", sectors=("J62.02",))
    ranks = reg.rank()
    assert _above(ranks, "digital", "tourism")
    related = ranks[(ECOSYSTEM, "digital")].figures["relatedness"]
    assert related == pytest.approx(0.75)  # the same NACE group
    assert ranks[(ECOSYSTEM, "tourism")].figures["relatedness"] == 0.0


def test_a_stored_matrix_decides_relatedness_over_the_hierarchy() -> None:
    reg = Registry()
    reg.add("tourism", "CZ", sectors=("I55",))
    reg.add("tourism", "PL", sectors=("N79",))
    reg.add("digital", "CZ", sectors=("J62",))
    reg.add("digital", "PL", sectors=("J63",))
    pairs = [("I55", "N79", 0.9), ("N79", "I55", 0.9), ("J62", "J63", 0.1), ("J63", "J62", 0.1)]
    pairs += [("C29", "C22", 0.5), ("C22", "C29", 0.5)]
    matrix = pd.DataFrame(pairs, columns=["category_a", "category_b", "relatedness"])
    without = reg.rank()
    assert _above(without, "digital", "tourism")  # same section beats none
    ranks = reg.rank(relatedness=matrix)
    assert _above(ranks, "tourism", "digital")
    reason = next(r for r in ranks[(ECOSYSTEM, "tourism")].reasons if r.code == "relatedness")
    assert reason.details["basis"] == "matrix"
    assert reason.details["pairs"] == 2


def test_existing_cross_border_cooperation_lifts_a_sector_and_cooperation_at_home_does_not() -> (
    None
):
    reg = Registry()
    a = reg.add("tourism", "CZ")
    b = reg.add("tourism", "CZ")
    reg.add("tourism", "PL")
    c = reg.add("digital", "CZ")
    reg.add("digital", "CZ")
    d = reg.add("digital", "PL")
    reg.links += [(a, b), (d, c)]
    ranks = reg.rank()
    assert _above(ranks, "digital", "tourism")
    reason = next(r for r in ranks[(ECOSYSTEM, "digital")].reasons if r.code == "cooperation")
    assert reason.details == {
        "cooperating": 2,
        "clusters": 3,
        "share": pytest.approx(2 / 3, abs=1e-4),
    }
    assert ranks[(ECOSYSTEM, "tourism")].figures["cooperation"] == 0.0


def test_cooperation_with_a_cluster_outside_the_sector_does_not_count() -> None:
    reg = Registry()
    a = reg.add("tourism", "CZ")
    reg.add("tourism", "PL")
    outsider = reg.add("health", "PL")
    reg.links.append((a, outsider))
    assert reg.rank()[(ECOSYSTEM, "tourism")].figures["cooperation"] == 0.0


def test_needs_that_others_abroad_offer_lift_a_sector_and_needs_met_at_home_do_not() -> None:
    reg = Registry()
    reg.add("tourism", "CZ", needs=("finance",))
    reg.add("tourism", "CZ", services=("finance",))
    reg.add("tourism", "PL")
    reg.add("digital", "CZ", needs=("finance", "training"))
    reg.add("digital", "CZ")
    reg.add("digital", "PL", services=("finance",))
    ranks = reg.rank()
    assert _above(ranks, "digital", "tourism")
    reason = next(r for r in ranks[(ECOSYSTEM, "digital")].reasons if r.code == "needs")
    assert reason.details == {"offered": 1, "needs": 2, "share": 0.5}


def test_each_criterion_is_normalised_by_the_best_candidate_and_weighted() -> None:
    reg = Registry()
    for country in ("CZ", "PL", "SK", "HU"):
        reg.add("digital", country)
    for country in ("CZ", "PL"):
        reg.add("tourism", country)
    ranks = reg.rank()
    best, other = ranks[(ECOSYSTEM, "digital")], ranks[(ECOSYSTEM, "tourism")]
    assert best.contributions["clusters"] == DEFAULT_WEIGHTS["clusters"]
    assert other.contributions["clusters"] == DEFAULT_WEIGHTS["clusters"] / 2
    assert best.score == pytest.approx(sum(best.contributions.values()))
    assert [r.value for r in best.reasons] == sorted(
        (r.value for r in best.reasons),
        reverse=True,
    )


def test_weights_change_the_order_and_an_unknown_criterion_is_refused() -> None:
    reg = Registry()
    for country in ("CZ", "CZ", "CZ"):
        reg.add("digital", country)
    for country in ("CZ", "PL"):
        reg.add("tourism", country)
    only_size = {name: 0.0 for name in DEFAULT_WEIGHTS} | {"clusters": 1.0}
    only_countries = {name: 0.0 for name in DEFAULT_WEIGHTS} | {"countries": 1.0}
    assert _above(reg.rank(weights=only_size), "digital", "tourism")
    assert _above(reg.rank(weights=only_countries), "tourism", "digital")
    with pytest.raises(UnknownCriterion, match="'popularity' is not a criterion"):
        reg.rank(weights={"popularity": 1.0})


def test_nace_divisions_gather_the_clusters_of_their_codes_and_lone_sectors_are_left_out() -> None:
    reg = Registry()
    reg.add("x", "CZ", sectors=("C29.1",))
    reg.add("y", "PL", sectors=("C29.32",))
    reg.add("z", "SK", sectors=("C22",))
    ranks = reg.rank()
    assert set(ranks) == {(DIVISION, "C29")}
    assert ranks[(DIVISION, "C29")].cluster_ids == [1, 2]
    assert set(reg.rank(min_clusters=1)) == {
        (DIVISION, "C29"),
        (DIVISION, "C22"),
        (ECOSYSTEM, "x"),
        (ECOSYSTEM, "y"),
        (ECOSYSTEM, "z"),
    }


def test_no_candidates_give_an_empty_ranking_and_an_empty_table() -> None:
    reg = Registry()
    reg.add("digital", "CZ")
    assert reg.rank() == {}
    frame = as_frame([])
    assert frame.empty
    assert "part_needs" in frame.columns
