"""The demo's five meta-clusters become meta-cluster objects, each across three countries at
least, with a working group, meetings and a strategic plan; loading twice adds nothing."""

from __future__ import annotations

import pytest
from django.test import Client

from clusterhub.audit.models import AuditEntry
from clusterhub.cooperation.metaclusters.figures import figures
from clusterhub.cooperation.models import MetaCluster
from clusterhub.demo.cooperation import EMAIL_DOMAIN, load_demo_meta_clusters
from clusterhub.demo.loading import load_registry
from clusterhub.demo.steps import STEPS

pytestmark = pytest.mark.django_db


def test_the_demo_loads_five_meta_clusters_with_working_groups_meetings_and_plans(
    client: Client,
) -> None:
    load_registry(2026)
    created = load_demo_meta_clusters(2026)
    assert sorted(m.ecosystem for m in created) == [
        "agri-food",
        "digital",
        "energy-renewables",
        "health",
        "tourism",
    ]
    for meta in MetaCluster.objects.all():
        assert meta.is_demo
        numbers = figures(meta)
        assert len(numbers.countries) >= 3, meta.name
        assert numbers.members > 0
        assert meta.lead is not None
        assert meta.memberships.filter(cluster=meta.lead, left__isnull=True).exists()
        people = list(meta.working_group.all())
        assert 3 <= len(people) <= 5
        assert {"chair", "secretary"} <= {p.role for p in people}
        assert all(p.email.endswith("@" + EMAIL_DOMAIN) for p in people)
        assert 2 <= meta.meetings.count() <= 3
        assert meta.meetings.exclude(decisions="").exists()
        goals = list(meta.strategic_plan.goals.all())
        assert 3 <= len(goals) <= 4
        for goal in goals:
            assert goal.indicator and goal.target is not None and goal.current is not None
            assert (
                min(goal.baseline, goal.target) <= goal.current <= max(goal.baseline, goal.target)
            )
        assert AuditEntry.objects.filter(model="meta_cluster", object_id=str(meta.pk)).exists()
        html = client.get(f"/en/cooperation/metaclusters/{meta.slug}/").content.decode()
        assert meta.name in html and EMAIL_DOMAIN not in html
    assert MetaCluster.objects.filter(memberships__left__isnull=False).exists()

    assert load_demo_meta_clusters(2026) == []
    assert MetaCluster.objects.count() == 5


def test_the_cooperation_step_runs_after_the_registry_and_mapping() -> None:
    names = [step.app for step in STEPS]
    assert names.index("cooperation") > names.index("registry")
    assert names.index("cooperation") > names.index("mapping")
