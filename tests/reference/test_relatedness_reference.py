"""The default relatedness measure is the one that agrees best with a published reference of
related industries (the European Cluster Observatory's categories at NACE-division level,
bench/related_industries_reference.py), on Eurostat's regional employment.

The same computation as bench/relatedness_reference.py, whose figures are in
docs/cooperation.md: at NUTS 2 the default scored ROC AUC 0.815 and precision@5 0.302; at
NUTS 1, 0.774 and 0.258. Chance is an AUC of 0.5 and a precision@5 of about 0.07 (3.7
related divisions of 54 on average).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.relatedness_reference import division_observations, score
from clusterhub.analytics.relatedness import DEFAULT_MEASURE, MEASURES
from clusterhub.analytics.relatedness.evaluation import Agreement

# Floors well above chance and a little under the measured figures, so that a change that
# makes the default measure worse (or a reading of the extract that loses regions) fails.
AUC_FLOOR = {2: 0.78, 1: 0.74}
PRECISION_FLOOR = {2: 0.25, 1: 0.22}


@pytest.fixture(scope="module", params=[2, 1], ids=["NUTS-2", "NUTS-1"])
def scored(request: pytest.FixtureRequest, sbs_extract: Path) -> tuple[int, dict[str, Agreement]]:
    level: int = request.param
    return level, score(division_observations(sbs_extract, level))


def test_every_measure_is_scored_on_the_divisions_of_the_reference(
    scored: tuple[int, dict[str, Agreement]],
) -> None:
    _, results = scored
    assert set(results) == set(MEASURES)
    for result in results.values():
        assert result.related_pairs == 103
        assert result.other_pairs == 1382


def test_the_default_measure_agrees_with_the_reference_well_above_chance(
    scored: tuple[int, dict[str, Agreement]],
) -> None:
    level, results = scored
    default = results[DEFAULT_MEASURE]
    assert default.auc > AUC_FLOOR[level]
    assert default.precision_at_k > PRECISION_FLOOR[level]
    assert default.related_mean > default.other_mean


def test_the_default_measure_is_the_best_of_the_measures(
    scored: tuple[int, dict[str, Agreement]],
) -> None:
    _, results = scored
    best = max(results, key=lambda measure: results[measure].auc)
    assert best == DEFAULT_MEASURE
    others = [results[m].precision_at_k for m in results if m != DEFAULT_MEASURE]
    assert results[DEFAULT_MEASURE].precision_at_k > max(others)
