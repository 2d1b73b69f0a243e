"""Demo action plans: one cooperation action plan per demo meta-cluster, and one for each
meta-cluster's lead cluster, with actions in every state (some late), indicators and notes.

Dates are set around the day the demo is loaded, so the demo always has overdue actions
for coordinators to find. Loading again adds nothing: a plan that exists is left as it is.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.db import transaction
from django.utils import timezone

from clusterhub.cooperation.actionplans import services
from clusterhub.cooperation.models import ActionPlan, Goal, MetaCluster, MetaClusterMembership
from clusterhub.demo.loading import DEMO_ACTOR
from clusterhub.demo.registry.common import LANGUAGE
from clusterhub.demo.registry.people import person
from clusterhub.registry.models import Cluster

# (title, status, start and deadline in days from today, indicator or None, notes)
Template = tuple[str, str, int, int, tuple[str, str, float] | None, tuple[str, ...]]
MEMBERS = -1.0  # an indicator's target: the number of the plan's member clusters
META_ACTIONS: list[Template] = [
    (
        # The working group met long before this plan (the meta-cluster's meetings): this
        # action starts the plan. Its target is the number of member clusters (MEMBERS).
        "Kick-off meeting of the action plan",
        "done",
        -300,
        -270,
        ("Member clusters taking part", "clusters", MEMBERS),
        ("Held online; all member clusters took part.",),
    ),
    (
        "Joint mapping of members' competences",
        "done",
        -260,
        -150,
        ("Member companies profiled", "companies", 200),
        (),
    ),
    (
        "Joint trade mission to a partner region",
        "in_progress",
        -120,
        -20,
        ("SMEs on the mission", "SMEs", 15),
        ("Visa appointments delayed the mission by a month.", "Programme agreed with the hosts."),
    ),
    (
        "Application to a European cluster partnership call",
        "planned",
        -60,
        -5,
        None,
        ("Waiting for the call's final text.",),
    ),
    (
        "Matchmaking event for member SMEs",
        "in_progress",
        -30,
        45,
        ("Business meetings", "meetings", 120),
        (),
    ),
    (
        "Shared training programme on digital skills",
        "planned",
        30,
        210,
        ("Trainees", "people", 80),
        (),
    ),
    ("Common trade fair stand", "dropped", -200, -90, None, ("Dropped: fair cancelled.",)),
]
CLUSTER_ACTIONS: list[Template] = [
    (
        "Survey of members' cooperation needs",
        "done",
        -180,
        -120,
        ("Answers", "companies", 40),
        (),
    ),
    (
        "Bilateral workshop with a partner cluster",
        "in_progress",
        -90,
        -10,
        ("Participants", "people", 30),
        ("Date moved after the partner's request.",),
    ),
    ("Joint project proposal", "planned", -20, 90, None, ()),
    ("Exchange of cluster managers", "planned", 60, 150, None, ()),
]


def _sentence(title: str) -> str:
    """`Demo action: joint mapping of ….`, keeping the capitals inside (`European`)."""
    return f"Demo action: {title[:1].lower()}{title[1:]}."


def _note_days(start: dt.date, deadline: dt.date, today: dt.date, age: int, jitter: int) -> dt.date:
    """When a note was written: a week or more before the action ended (or before today,
    when it is still running), each older note about three weeks earlier; never before the
    action started."""
    written = min(deadline, today) - dt.timedelta(days=7 + 20 * age + jitter)
    return min(max(written, start), today)


def _add_actions(
    rng: random.Random,
    plan: ActionPlan,
    templates: list[Template],
    members: list[Cluster],
    goals: list[Goal],
    today: dt.date,
) -> None:
    for position, (title, status, start, deadline, measure, notes) in enumerate(templates):
        owner = rng.choice(members)
        others = [c for c in members if c != owner]
        name, _email = person(rng, LANGUAGE.get(owner.country, "en"))
        begins = today + dt.timedelta(days=start + rng.randint(-5, 5))
        ends = today + dt.timedelta(days=deadline + rng.randint(-3, 3))
        values = {
            "title": title,
            "status": status,
            "start": begins,
            "deadline": ends,
            "owner_cluster": owner,
            "owner_person": name,
            "partners": rng.sample(others, min(len(others), rng.randint(1, 3))),
            "goal": goals[position % len(goals)] if goals else None,
            "position": position,
            "description": _sentence(title),
        }
        action = services.save_action(plan, values, actor=DEMO_ACTOR)
        if measure is not None:
            label, unit, target = measure
            of_members = target == MEMBERS
            if of_members:
                target = float(len(members))
            share = {"done": 1.05, "in_progress": 0.5, "planned": 0.0, "dropped": 0.1}[status]
            current = round(target * share * rng.uniform(0.8, 1.0))
            if of_members and status == "done":  # its note: all member clusters took part
                current = round(target)
            values = {"name": label, "unit": unit, "target": target, "current": current}
            services.save_indicator(action, values, actor=DEMO_ACTOR)
        now = timezone.now()
        for age, text in enumerate(notes):
            day = _note_days(begins, ends, today, age, rng.randint(0, 5))
            written = now - dt.timedelta(days=(today - day).days)
            services.add_note(action, text, actor=DEMO_ACTOR, written_at=written, author_name=name)


def _members(meta: MetaCluster) -> list[Cluster]:
    ids = MetaClusterMembership.objects.filter(meta_cluster=meta, left__isnull=True).values(
        "cluster_id"
    )
    return list(Cluster.objects.filter(pk__in=ids).order_by("pk"))


def load_demo_action_plans(seed: int = 2026) -> list[ActionPlan]:
    """The plans created now (none when the demo's plans exist already)."""
    rng = random.Random(seed)
    today = dt.date.today()
    created = []
    for meta in MetaCluster.objects.filter(is_demo=True).select_related("lead").order_by("pk"):
        members = _members(meta)
        if len(members) < 2:
            continue
        goals = list(Goal.objects.filter(plan__meta_cluster=meta).order_by("position", "pk"))
        lead = meta.lead or members[0]
        # A cluster's plan serves the goals of the meta-clusters it belongs to.
        lead_goals = goals if lead in members else []
        wanted: list[tuple[str, dict[str, Any], list[Template], list[Goal]]] = [
            (f"{meta.name}: cooperation action plan", {"meta_cluster": meta}, META_ACTIONS, goals),
            (
                f"{lead.name}: action plan for {meta.name}",
                {"cluster": lead},
                CLUSTER_ACTIONS,
                lead_goals,
            ),
        ]
        for title, owner, templates, served in wanted:
            if ActionPlan.objects.filter(title=title, is_demo=True).exists():
                continue
            with transaction.atomic():
                values = {"title": title, "description": "Demo record: a generated plan.", **owner}
                plan = services.save_plan(values, actor=DEMO_ACTOR, is_demo=True)
                _add_actions(rng, plan, templates, members, served, today)
            created.append(plan)
    return created
