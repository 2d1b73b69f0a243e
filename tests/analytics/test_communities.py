"""Meta-cluster candidates from plain tables: planted cross-border groups are found, a group
inside one country is not, the resolution sets the granularity, bad settings are named."""

from __future__ import annotations

import numpy as np
import pytest

from clusterhub.analytics.partners import DEFAULT_WEIGHTS, Scorer
from clusterhub.analytics.partners.communities import (
    COOPERATION_BONUS,
    BadSetting,
    Candidate,
    communities,
    find_candidates,
    similarity,
    similarity_graph,
)
from tests.analytics.planted_groups import tables_of

# Planted groups: (ecosystem, sectors, countries); 8 clusters each, two per country at most.
PLANTED = {
    "tourism": (["I55.1", "I56.1", "N79.1"], ["AT", "CZ", "HU", "SK"]),
    "digital": (["J62.0", "J63.1"], ["PL", "CZ", "SI"]),
    "health": (["Q86.1", "C21.2"], ["AT", "HU", "PL", "SK"]),
}
DOMESTIC = ("energy-renewables", ["D35.1", "C27.1"], "CZ")
NOISE_ECOSYSTEMS = ["textile", "retail", "construction", "agri-food", "electronics"]
NOISE_SECTORS = ["C13.9", "G47.1", "F41.2", "C10.1", "C26.1", "H49.4", "M73.1", "C24.1"]
SERVICES = ["networking", "training", "internationalisation", "rd-projects", "events"]
GROUP_SIZE = 8


def planted_rows(noise: int = 40, seed: int = 7) -> list[dict[str, object]]:
    """One dict per cluster: id, name, country, sectors, ecosystems, services, needs,
    members_total, members_sme, group (the planted group's ecosystem, or "noise")."""
    rng = np.random.default_rng(seed)
    rows: list[dict[str, object]] = []

    def add(group: str, country: str, sectors: list[str], ecosystems: list[str]) -> None:
        n = len(rows) + 1
        rows.append(
            {
                "id": n,
                "name": f"{group.title()} cluster {n}",
                "country": country,
                "sectors": sectors,
                "ecosystems": ecosystems,
                "services": list(rng.choice(SERVICES, 2, replace=False)),
                "needs": list(rng.choice(SERVICES, 1)),
                "members_total": 40 + n,
                "members_sme": 30 + n,
                "group": group,
            }
        )

    for ecosystem, (sectors, countries) in PLANTED.items():
        for k in range(GROUP_SIZE):
            own = [sectors[k % len(sectors)], sectors[(k + 1) % len(sectors)]]
            add(ecosystem, countries[k % len(countries)], own, [ecosystem])
    ecosystem, sectors, country = DOMESTIC
    for _k in range(GROUP_SIZE):
        add(ecosystem, country, sectors, [ecosystem])
    countries = ["AT", "CZ", "HU", "PL", "SI", "SK"]
    for _k in range(noise):
        add(
            "noise",
            str(rng.choice(countries)),
            list(rng.choice(NOISE_SECTORS, 2, replace=False)),
            [str(rng.choice(NOISE_ECOSYSTEMS))],
        )
    return rows


def ids_of(rows: list[dict[str, object]], group: str) -> set[int]:
    return {int(r["id"]) for r in rows if r["group"] == group}  # type: ignore[call-overload]


def best_match(candidates: list[Candidate], wanted: set[int]) -> Candidate:
    return max(candidates, key=lambda c: len(wanted & {m.id for m in c.clusters}))


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    return planted_rows()


def test_every_planted_cross_border_group_is_found_as_one_candidate_named_by_its_ecosystem(
    rows,
) -> None:  # type: ignore[no-untyped-def]
    candidates = find_candidates(tables_of(rows))
    for ecosystem, (_sectors, countries) in PLANTED.items():
        wanted = ids_of(rows, ecosystem)
        found = best_match(candidates, wanted)
        members = {m.id for m in found.clusters}
        assert len(wanted & members) >= GROUP_SIZE - 1, (ecosystem, found.name)
        assert len(members - wanted) <= 2, found.name  # hardly any noise joins
        assert found.sector == ecosystem and found.kind == "ecosystem"
        assert set(found.countries) == set(countries)
        assert found.name == f"{found.label} meta-cluster ({', '.join(sorted(countries))})"


def test_a_group_inside_one_country_is_a_candidate_only_when_one_country_is_enough(rows) -> None:  # type: ignore[no-untyped-def]
    domestic = ids_of(rows, DOMESTIC[0])
    tables = tables_of(rows)
    strict = find_candidates(tables, min_countries=3)
    assert all(not domestic & {m.id for m in c.clusters} for c in strict)
    loose = find_candidates(tables, min_countries=1)
    found = best_match(loose, domestic)
    assert {m.id for m in found.clusters} >= domestic and found.countries == ["CZ"]


def test_the_reasons_carry_the_shared_ecosystem_relatedness_countries_and_links(rows) -> None:  # type: ignore[no-untyped-def]
    tourism = sorted(ids_of(rows, "tourism"))
    links = [(tourism[0], tourism[1]), (tourism[2], tourism[3]), (tourism[0], 200)]
    candidate = best_match(find_candidates(tables_of(rows, links)), set(tourism))
    reasons = {r.code: r for r in candidate.reasons}
    assert reasons["ecosystem"].value == 1.0
    assert reasons["ecosystem"].details == {"code": "tourism", "sharing": 8, "clusters": 8}
    # Every pair shares a sector: the same NACE code counts 1.
    assert reasons["industry"].value == 1.0
    assert reasons["countries"].details == {"countries": ["AT", "CZ", "HU", "SK"]}
    assert reasons["cooperation"].value == 2.0  # the link to an unknown organisation is not inside


def test_members_and_smes_are_summed_over_the_candidates_clusters(rows) -> None:  # type: ignore[no-untyped-def]
    smes = {int(r["id"]): float(r["members_sme"]) for r in rows}  # type: ignore[arg-type]
    health = ids_of(rows, "health")
    candidate = best_match(find_candidates(tables_of(rows), smes=smes), health)
    chosen = [r for r in rows if r["id"] in {m.id for m in candidate.clusters}]
    assert candidate.members == sum(int(r["members_total"]) for r in chosen)  # type: ignore[call-overload]
    assert candidate.smes == sum(int(r["members_sme"]) for r in chosen)  # type: ignore[call-overload]
    assert candidate.as_dict()["clusters"][0].keys() == {"id", "name", "country"}  # type: ignore[index]


def test_a_community_mixing_two_industries_is_split_into_coherent_candidates() -> None:
    # Two planted groups bridged by organisations in both: even when Leiden joins them, no
    # candidate mixes clusters that share neither the ecosystem nor its main division.
    rows = planted_rows(noise=0)
    tables = tables_of(rows)
    for candidate in find_candidates(tables, resolution=0.05):
        groups = {r["group"] for r in rows if r["id"] in {m.id for m in candidate.clusters}}
        assert groups == {candidate.sector}, candidate.name


def hotels_and_travel_agencies() -> list[dict[str, object]]:
    """The planted tourism group as eight hotels, and eight travel agencies beside them."""
    rows = planted_rows(noise=20)
    for row in rows[:GROUP_SIZE]:
        row["sectors"] = ["I55.1", "I55.2"]  # hotels
    travel = [
        {**rows[0], "id": 100 + k, "name": f"Travel {k}", "country": ["AT", "CZ", "HU", "SK"][k % 4],
         "sectors": ["N79.1", "N79.9"], "group": "travel"}
        for k in range(GROUP_SIZE)
    ]  # fmt: skip
    return rows + travel


def test_two_groups_of_one_ecosystem_in_unrelated_industries_are_told_apart_by_division() -> None:
    tables = tables_of(hotels_and_travel_agencies())
    apart = [c for c in find_candidates(tables) if c.sector == "tourism"]
    assert sorted(c.name for c in apart) == [
        "Tourism (I55) meta-cluster (AT, CZ, HU, SK)",
        "Tourism (N79) meta-cluster (AT, CZ, HU, SK)",
    ]
    assert {len(c.clusters) for c in apart} == {GROUP_SIZE}
    # A higher resolution, or a cap of 12 clusters, splits the same way.
    for found in (
        find_candidates(tables, resolution=3.0),
        find_candidates(tables, max_clusters=12),
    ):
        tourism = sorted(c.name for c in found if c.sector == "tourism")
        assert tourism == sorted(c.name for c in apart)


def test_hotels_and_travel_agencies_that_work_together_are_one_tourism_candidate() -> None:
    rows = hotels_and_travel_agencies()
    # Each hotel works with two travel agencies.
    links = [(k + 1, 100 + (k + j) % GROUP_SIZE) for k in range(GROUP_SIZE) for j in (0, 1)]
    together = [c for c in find_candidates(tables_of(rows, links)) if c.sector == "tourism"]
    assert [len(c.clusters) for c in together] == [2 * GROUP_SIZE]
    assert together[0].name == "Tourism meta-cluster (AT, CZ, HU, SK)"


def test_a_higher_resolution_finds_more_and_smaller_communities(rows) -> None:  # type: ignore[no-untyped-def]
    graph = similarity_graph(tables_of(rows))
    coarse, fine = communities(graph, 0.05), communities(graph, 5.0)
    assert len(coarse) < len(fine)
    assert max(map(len, coarse)) > max(map(len, fine))


def test_the_same_registry_gives_the_same_communities_every_time(rows) -> None:  # type: ignore[no-untyped-def]
    runs = [[c.tolist() for c in communities(similarity_graph(tables_of(rows)))] for _ in "ab"]
    assert runs[0] == runs[1]


def test_the_similarity_weighs_industry_and_ecosystem_and_multiplies_for_a_border() -> None:
    base = {"id": 1, "name": "A", "members_total": 10, "members_sme": 5, "group": "x"}
    rows = [
        {**base, "country": "AT", "sectors": ["I55.1"], "ecosystems": ["tourism"],
         "services": ["training"], "needs": ["events"]},
        {**base, "id": 2, "country": "CZ", "sectors": ["I55.1"], "ecosystems": ["tourism"],
         "services": ["events"], "needs": ["rd-projects"]},
        {**base, "id": 3, "country": "AT", "sectors": ["I55.2"], "ecosystems": ["tourism", "digital"],
         "services": [], "needs": []},
        {**base, "id": 4, "country": "CZ", "sectors": ["J62.0"], "ecosystems": ["digital"],
         "services": ["events"], "needs": []},
    ]  # fmt: skip
    row = similarity(Scorer(tables_of(rows)).parts(0))
    # Same code, same ecosystem, its need met, across a border: (0.45 + 0.45 + 0.05) x 1.25.
    assert row[1] == pytest.approx(0.95 * 1.25, abs=1e-6)
    # Same NACE division (0.5), ecosystems 1 of 2 shared, at home: 0.45 x 0.5 + 0.45 x 0.5.
    assert row[2] == pytest.approx(0.45 * 0.5 + 0.45 * 0.5, abs=1e-6)
    # Nothing in common but a need met abroad: the border multiplies what little there is.
    assert row[3] == pytest.approx(0.05 * 1.25, abs=1e-6)


def test_each_organisation_keeps_its_most_similar_neighbours_and_no_edge_twice(rows) -> None:  # type: ignore[no-untyped-def]
    tables = tables_of(rows)
    graph = similarity_graph(tables, k=5)
    pairs = set(zip(graph.source.tolist(), graph.target.tolist(), strict=True))
    assert len(pairs) == len(graph.source) and all(a < b for a, b in pairs)
    assert (graph.weight > 0).all()
    # Organisation 0's strongest links (its own group at 0.9 x 1.25 across a border) are in.
    row = similarity(Scorer(tables).parts(0))
    row[0] = -1
    strongest = set(np.flatnonzero(row == row.max()).tolist())
    linked = {b for a, b in pairs if a == 0} | {a for a, b in pairs if b == 0}
    assert len(strongest & linked) >= min(5, len(strongest))


@pytest.mark.parametrize(
    ("setting", "sentence"),
    [
        ({"k": 0}, "the number of neighbours must be 1 or more, not 0"),
        ({"resolution": 0.0}, "the resolution must be a number above 0, not 0.0"),
        ({"resolution": float("nan")}, "the resolution must be a number above 0, not nan"),
        ({"min_countries": 0}, "the minimum number of countries must be 1 or more, not 0"),
    ],
)
def test_a_setting_that_cannot_be_used_is_named(rows, setting, sentence) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadSetting) as refused:
        find_candidates(tables_of(rows), **setting)
    assert str(refused.value) == sentence


def test_a_registry_of_one_organisation_has_no_candidates() -> None:
    assert find_candidates(tables_of(planted_rows(noise=0)[:1]), min_countries=1) == []


def _edge(graph, a: int, b: int) -> float:  # type: ignore[no-untyped-def]
    low, high = min(a, b), max(a, b)
    found = (graph.source == low) & (graph.target == high)
    return float(graph.weight[found][0]) if found.any() else 0.0


def test_organisations_that_already_cooperate_are_drawn_together_only_as_far_as_they_are_alike() -> (
    None
):
    def row(i: int, country: str, ecosystem: str, sector: str) -> dict[str, object]:
        return {
            "id": i, "name": f"c{i}", "country": country, "members_total": 10,
            "sectors": [sector], "ecosystems": [ecosystem], "services": [], "needs": [],
        }  # fmt: skip

    rows = [
        row(1, "CZ", "tourism", "I55"),
        row(2, "SK", "tourism", "I55"),
        row(3, "PL", "tourism", "I55"),
        row(4, "HU", "digital", "J62"),
    ]
    linked = similarity_graph(tables_of(rows, [(1, 2), (1, 4)]), k=3)
    alone = similarity_graph(tables_of(rows), k=3)
    # positions follow the ids: 0..3
    assert _edge(linked, 0, 1) == pytest.approx((1 + COOPERATION_BONUS) * _edge(alone, 0, 1))
    assert _edge(linked, 0, 2) == pytest.approx(_edge(alone, 0, 2))
    assert _edge(linked, 0, 3) == 0.0  # unrelated partners stay apart


def test_a_community_larger_than_the_cap_is_split_into_parts_no_larger() -> None:
    rows = planted_rows(noise=60)
    graph = similarity_graph(tables_of(rows))
    uncapped = communities(graph, 1.0, max_size=None)
    capped = communities(graph, 1.0, max_size=6)
    assert max(map(len, uncapped)) > 6
    assert max(map(len, capped)) <= 6
    assert sorted(int(p) for c in capped for p in c) == list(range(graph.size))


def test_linked_organisations_of_one_industry_come_out_as_their_own_candidate() -> None:
    rows = planted_rows(noise=40)
    # Among twenty tourism clusters of one profile (more than a candidate holds), four in
    # four countries that work together: the links set them apart.
    more = [
        {**rows[0], "id": 300 + k, "name": f"More {k}", "country": ["AT", "CZ", "HU", "PL"][k % 4]}
        for k in range(8)
    ]  # fmt: skip
    partners = [
        {**rows[0], "id": 200 + k, "name": f"Partner {k}", "country": ["AT", "CZ", "HU", "PL"][k],
         "group": "partners"}
        for k in range(4)
    ]  # fmt: skip
    links = [(200 + a, 200 + b) for a in range(4) for b in range(a + 1, 4)]
    tables = tables_of(rows + more + partners, links)
    found = [{c.id for c in candidate.clusters} for candidate in find_candidates(tables)]
    assert {200, 201, 202, 203} in found


def test_only_partners_linked_pairwise_and_alike_form_a_core_of_their_own() -> None:
    rows = planted_rows(noise=40)
    tourism = [r for r in rows if r["group"] == "tourism"]
    health = [r for r in rows if r["group"] == "health"]
    t = [int(r["id"]) for r in tourism]  # type: ignore[call-overload]
    h = [int(r["id"]) for r in health]  # type: ignore[call-overload]
    chain = [(t[0], t[1]), (t[1], t[2]), (t[2], t[3])]  # linked, but not each with each
    unrelated = [(t[4], h[0]), (t[4], h[1]), (h[0], h[1])]  # pairwise, but not alike
    tables = tables_of(rows, chain + unrelated)
    found = [{c.id for c in candidate.clusters} for candidate in find_candidates(tables)]
    assert {t[0], t[1], t[2], t[3]} not in found
    assert {t[4], h[0], h[1]} not in found
    clique = [(a, b) for a in t[:4] for b in t[:4] if a < b]
    found = [
        {c.id for c in candidate.clusters} for candidate in find_candidates(tables_of(rows, clique))
    ]
    assert set(t[:4]) in found


def test_only_the_asked_number_of_best_reasons_carry_their_details(rows) -> None:  # type: ignore[no-untyped-def]
    scorer = Scorer(tables_of(rows))
    full = scorer.top_many([0, 1], 3, DEFAULT_WEIGHTS)
    first = scorer.top_many([0, 1], 3, DEFAULT_WEIGHTS, explained=1)
    pairs = [(a, b) for x, y in zip(full, first, strict=True) for a, b in zip(x, y, strict=True)]
    assert pairs and all(len(a.reasons) > 1 for a, _ in pairs)
    for whole, best in pairs:
        assert [r[:2] for r in whole.reasons] == [r[:2] for r in best.reasons]
        assert best.reasons[0].details == whole.reasons[0].details != {}
        assert all(r.details == {} for r in best.reasons[1:])


# Codes of many sections: noise shares a planted group's ecosystem but seldom its industry.
SCATTERED = ["C10.1", "C13.9", "C20.1", "C22.2", "C25.6", "C26.1", "C27.1", "C28.4", "C29.1",
             "D35.1", "F41.2", "G47.1", "H49.4", "I55.1", "J62.0", "K64.1", "M72.1", "N79.1",
             "Q86.1", "A01.1"]  # fmt: skip


# A planted group's codes: one for all, or two of three related ones each (every two members
# share a code).
ONE_CODE = {"g1": ["K64.1"], "g2": ["C20.1"], "g3": ["N79.1"]}
RELATED_CODES = {
    "g1": ["K64.1", "K65.1", "K66.1"],
    "g2": ["C20.1", "C21.2", "C22.2"],
    "g3": ["I55.1", "I56.1", "N79.1"],
}


@pytest.mark.parametrize("codes", [ONE_CODE, RELATED_CODES], ids=["one code", "related codes"])
def test_an_unlinked_group_of_one_industry_inside_its_ecosystem_is_a_candidate_of_its_own(
    codes: dict[str, list[str]],
) -> None:
    """Without any cooperation link, six clusters of one industry and ecosystem in three
    countries, among 150 others of the same few ecosystems but scattered industries, come
    out whole as their own candidate (with at most a few others of their industry), not
    inside a candidate of the whole ecosystem."""
    rng = np.random.default_rng(3)
    ecosystems = ["digital", "health", "tourism", "textile", "retail"]
    rows: list[dict[str, object]] = []

    def add(group: str, country: str, sectors: list[str], ecosystem: str) -> None:
        n = len(rows) + 1
        rows.append(
            {
                "id": n,
                "name": f"{group} {n}",
                "country": country,
                "sectors": sectors,
                "ecosystems": [ecosystem],
                "services": list(rng.choice(SERVICES, 2, replace=False)),
                "needs": list(rng.choice(SERVICES, 1)),
                "members_total": 40 + n,
                "members_sme": 30,
                "group": group,
            }
        )

    countries = ["AT", "CZ", "HU", "PL", "SI", "SK"]
    for _n in range(150):
        add("noise", str(rng.choice(countries)), list(rng.choice(SCATTERED, 2, replace=False)),
            str(rng.choice(ecosystems)))  # fmt: skip
    planted = {"g1": "digital", "g2": "health", "g3": "tourism"}
    for group, ecosystem in planted.items():
        family = codes[group]
        for k in range(6):
            own = sorted({family[k % len(family)], family[(k + 1) % len(family)]})
            add(group, ["AT", "HU", "PL"][k % 3], own, ecosystem)
    found = find_candidates(tables_of(rows))
    for group, ecosystem in planted.items():
        wanted = ids_of(rows, group)
        best = best_match(found, wanted)
        members = {m.id for m in best.clusters}
        assert wanted <= members and len(members) <= 2 * len(wanted), (group, len(members))
        assert best.sector == ecosystem and len(best.countries) >= 3


def test_two_partnerships_of_one_industry_stay_two_candidates_unless_they_work_together() -> None:
    rows = planted_rows(noise=40)
    profile = {**rows[0], "sectors": ["I55.1"], "group": "partners"}
    first = [
        {**profile, "id": 200 + k, "name": f"First {k}", "country": ["AT", "CZ", "HU", "PL"][k]}
        for k in range(4)
    ]
    second = [
        {**profile, "id": 210 + k, "name": f"Second {k}", "country": ["SI", "SK", "AT", "CZ"][k]}
        for k in range(4)
    ]
    cliques = [
        (a, b) for base in (200, 210) for a in range(base, base + 4) for b in range(a + 1, base + 4)
    ]

    def holding(found: list[Candidate], ids: set[int]) -> set[int]:
        return {c.id for c in best_match(found, ids).clusters}

    apart = find_candidates(tables_of(rows + first + second, cliques))
    assert holding(apart, {200, 201, 202, 203}) == {200, 201, 202, 203}
    assert holding(apart, {210, 211, 212, 213}) == {210, 211, 212, 213}
    # One link between them: one group whose members did not all link up.
    together = find_candidates(tables_of(rows + first + second, [*cliques, (203, 210)]))
    assert set(range(200, 204)) | set(range(210, 214)) <= holding(together, {200, 210})


@pytest.mark.parametrize("seed", [1, 3, 7])
def test_a_founding_group_with_a_few_links_into_its_whole_industry_stays_a_candidate_of_its_own(
    seed: int,
) -> None:
    rng = np.random.default_rng(seed)
    rows = planted_rows(noise=40)
    profile = {**rows[0], "sectors": ["J62.0"], "ecosystems": ["digital"], "group": "digital"}
    countries = ["AT", "CZ", "DE", "HU", "PL", "SI", "SK"]
    founders = list(range(300, 306))
    industry = list(range(310, 390))  # eighty more of the same industry, across borders
    alike = [
        {**profile, "id": n, "name": f"Digital {n}", "country": countries[n % len(countries)]}
        for n in founders + industry
    ]
    founding = [(a, b) for a in founders for b in founders if a < b]
    # The industry's scattered links (one pair in a hundred), two of each founder's.
    scattered = [(int(a), int(b)) for a, b in rng.choice(industry, (64, 2)) if a != b]
    scattered += [(f, int(rng.choice(industry))) for f in founders for _ in range(2)]
    # A low resolution: the whole industry and its founders in one community.
    found = find_candidates(tables_of(rows + alike, founding + scattered), resolution=0.1)
    best = best_match(found, set(founders))
    holding = {c.id for c in best.clusters}
    assert set(founders) <= holding and len(holding) < 25
    # Those of its industry left to another candidate do not "work in other industries".
    left_out = next(r for r in best.reasons if r.code == "left_out")
    assert left_out.value <= len({r["id"] for r in rows}) and left_out.value < len(industry)
    # Founders who work with a third of the industry are one group with it.
    dense = [(f, n) for f in founders for n in industry if rng.random() < 0.35]
    found = find_candidates(tables_of(rows + alike, founding + scattered + dense), resolution=0.1)
    assert len(best_match(found, set(founders)).clusters) > 60


def section_partners(first_id: int = 400) -> list[dict[str, object]]:
    """Six partners in publishing, programming and information services (NACE J58, J62,
    J63: one section, three divisions), in four countries, of no ecosystem."""
    profile = {**planted_rows(noise=0)[0], "ecosystems": [], "group": "partners"}
    codes, countries = ["J58.2", "J62.0", "J63.1"], ["AT", "CZ", "PL", "SI"]
    return [
        {
            **profile,
            "id": first_id + k,
            "name": f"Partner {k}",
            "country": countries[k % 4],
            "sectors": [codes[k % 3]],
        }
        for k in range(6)
    ]


def test_partners_of_related_industries_in_one_nace_section_are_one_candidate_named_by_it() -> None:
    partners = section_partners()
    ids = [int(r["id"]) for r in partners]  # type: ignore[call-overload]
    clique = [(a, b) for a in ids for b in ids if a < b]
    found = find_candidates(tables_of(planted_rows(noise=40) + partners, clique))
    best = best_match(found, set(ids))
    assert {c.id for c in best.clusters} == set(ids)
    assert (best.kind, best.sector) == ("section", "J")
    assert best.name.startswith("J Information and communication meta-cluster")
    # Not linked, they are three divisions of two clusters each: no candidate holds them.
    apart = find_candidates(tables_of(planted_rows(noise=40) + partners))
    assert all(len(set(ids) & {c.id for c in c.clusters}) < 3 for c in apart)
