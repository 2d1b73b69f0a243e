"""A meta-cluster's figures are computed from its current members, and a goal's progress
runs from its baseline to its target."""

from __future__ import annotations

import pytest

from clusterhub.cooperation.metaclusters import services
from clusterhub.cooperation.metaclusters.figures import figures, figures_of, progress
from clusterhub.cooperation.models import Goal
from tests.cooperation.metaclusters import SETUP, build, cluster
from tests.personas import Personas

pytestmark = pytest.mark.django_db


def test_figures_count_the_current_members_only(personas: Personas) -> None:
    cz = cluster("cz-9", "Klastr A", "CZ", nuts="CZ064", members_total="40", members_sme="30")
    pl = cluster("pl-9", "Klaster B", "PL", nuts="PL213", members_total="60", members_sme="45")
    sk = cluster("sk-9", "Klaster C", "SK", nuts="SK010", members_total="25")
    at = cluster("at-9", "Cluster D", "AT", nuts="AT130", members_total="1000", members_sme="900")
    meta = services.create_meta_cluster(
        {"name": "Food", "founded": "2022-01-01"},
        lead=cz.pk,
        members=[pl.pk, sk.pk, at.pk],
        actor=SETUP,
    )
    services.remove_member(meta, meta.memberships.get(cluster=at), actor=SETUP)
    seen = figures(meta)
    assert (seen.clusters, seen.members, seen.smes) == (3, 125, 75)
    assert seen.countries == ["CZ", "PL", "SK"]
    assert seen.regions == ["CZ064", "PL213", "SK010"]


def test_the_list_computes_each_meta_cluster_on_its_own(personas: Personas) -> None:
    world = build(personas)
    empty = services.create_meta_cluster(
        {"name": "Small"}, lead=personas.pl_cluster.pk, actor=SETUP
    )
    both = figures_of([world.meta, empty])
    assert both[world.meta.pk].clusters == 4
    assert both[world.meta.pk].countries == ["CZ", "PL", "SK"]
    assert both[empty.pk].clusters == 1
    assert both[empty.pk].countries == ["PL"]


@pytest.mark.parametrize(
    ("baseline", "target", "current", "expected"),
    [
        (0, 10, 4, 0.4),
        (20, 40, 25, 0.25),
        (100, 50, 75, 0.5),  # a goal to reduce
        (0, 10, 15, 1.0),
        (10, 20, 5, 0.0),
        (None, 10, 5, 0.5),
        (0, None, 5, None),
        (0, 10, None, None),
        (5, 5, 5, None),
    ],
)
def test_progress_runs_from_baseline_to_target(
    baseline: float | None, target: float | None, current: float | None, expected: float | None
) -> None:
    goal = Goal(title="g", baseline=baseline, target=target, current=current)
    assert progress(goal) == (pytest.approx(expected) if expected is not None else None)
