"""Planted cross-border groups among a few hundred clusters come out as meta-cluster candidates
of about their own size, however their members cooperate (all pairwise, founders, a star, a
chain, at random, not at all), on four registries per case (groups of 4, 6, 8 and 10 in 3 to
5 countries; the generator: tests/analytics/planted_groups.py)."""

from __future__ import annotations

from collections import Counter

import pytest

from clusterhub.analytics.partners.communities import find_candidates
from tests.analytics.planted_groups import LINKS, planted_registry, verdict

SEEDS = range(4)


def verdicts(links: str, codes: str) -> Counter[str]:
    tally: Counter[str] = Counter()
    for seed in SEEDS:
        size, countries = [4, 6, 8, 10][seed % 4], [3, 4, 3, 5][seed % 4]
        planted = planted_registry(seed, links, codes, size, countries)
        found = find_candidates(planted.tables)
        tally.update(verdict(found, group) for group in planted.groups.values())
    return tally


@pytest.mark.parametrize("links", ["clique", "founders", "star", "chain", "none"])
@pytest.mark.parametrize("codes", ["one", "division"])
def test_a_group_of_one_industry_comes_out_whole_however_its_members_cooperate(
    links: str, codes: str
) -> None:
    """Codes of one NACE group, or of two groups of one division: every planted group whole
    in one candidate of at most twice its size (one group of twenty may be cut when nothing
    links it and its two halves are as far apart as the noise)."""
    tally = verdicts(links, codes)
    allowed = 3 if (links, codes) == ("none", "division") else 0
    assert tally["whole"] >= 20 - allowed, tally


def test_a_group_whose_members_cooperate_at_random_comes_out_whole() -> None:
    tally = verdicts("sparse", "one") + verdicts("sparse", "division")
    assert tally["whole"] >= 37, tally


@pytest.mark.parametrize("links", [w for w in LINKS if w != "none"])
def test_a_group_of_several_sections_of_one_ecosystem_comes_out_when_its_members_cooperate(
    links: str,
) -> None:
    """Codes of three sections (hotels, restaurants, travel agencies) tie the members only
    through their ecosystem, which the noise shares: the links hold the group together."""
    tally = verdicts(links, "mixed")
    assert tally["whole"] + tally["all but one"] >= 17, tally
