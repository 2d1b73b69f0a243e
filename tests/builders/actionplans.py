"""Action plans for tests: a CZ cluster's plan with actions in every state, built through the
services as the demo and the portal build them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clusterhub.audit.services import Actor
from clusterhub.cooperation.actionplans import services
from clusterhub.cooperation.models import Action, ActionPlan, MetaCluster, MetaClusterMembership
from clusterhub.registry.models import Cluster

SETUP = Actor.system("test set-up")
# Dates are relative to today, so pages (which use the real day) show the same lateness.
TODAY = dt.date.today()


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


@dataclass
class Plans:
    cz_plan: ActionPlan
    pl_plan: ActionPlan
    late: Action  # in progress, deadline passed (CZ plan)
    planned_late: Action  # planned, deadline passed (CZ plan)
    done: Action  # done after its deadline: not late
    dropped: Action
    future: Action
    pl_late: Action  # in progress, deadline passed (PL plan)


def meta_cluster(lead: Cluster, *others: Cluster, slug: str = "demo-ict") -> MetaCluster:
    meta = MetaCluster.objects.create(name=f"Meta {slug}", slug=slug, lead=lead)
    for cluster in (lead, *others):
        MetaClusterMembership.objects.create(
            meta_cluster=meta, cluster=cluster, joined=dt.date(2024, 1, 1)
        )
    return meta


def build_plans(cz: Cluster, pl: Cluster) -> Plans:
    cz_plan = services.save_plan({"title": "Plán spolupráce 2026", "cluster": cz}, actor=SETUP)
    pl_plan = services.save_plan({"title": "Plan współpracy", "cluster": pl}, actor=SETUP)

    def act(plan: ActionPlan, title: str, status: str, start: int, deadline: int) -> Action:
        values = {"title": title, "status": status, "start": day(start), "deadline": day(deadline)}
        return services.save_action(plan, values, actor=SETUP)

    return Plans(
        cz_plan=cz_plan,
        pl_plan=pl_plan,
        late=act(cz_plan, "Společná mise do Bavorska", "in_progress", -70, -14),
        planned_late=act(cz_plan, "Průzkum potřeb členů", "planned", -60, -1),
        done=act(cz_plan, "Workshop s partnery", "done", -130, -40),
        dropped=act(cz_plan, "Veletrh v Brně", "dropped", -160, -60),
        future=act(cz_plan, "Společný projekt Interreg", "planned", -10, 200),
        pl_late=act(pl_plan, "Misja do Czech", "in_progress", -70, -20),
    )
