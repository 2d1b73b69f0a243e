"""Demo benchmarking answers: the default questionnaire published, one round for every
country, and answers for about two organisations in three, generated (seeded) so that they
agree with each organisation's registry record. Submitted through the services, so every
answer passes the questionnaire's rules and leaves an audit entry."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.db import transaction
from django.utils import timezone

from clusterhub.audit.services import Actor
from clusterhub.benchmarking import services
from clusterhub.benchmarking.loading import DEFAULT_FILE, load_file
from clusterhub.benchmarking.models import Survey
from clusterhub.registry.models import Cluster
from clusterhub.registry.records import attach_tag_codes, cluster_tags
from clusterhub.standard.vocabularies import SERVICES

DEMO_ACTOR = Actor.system("demo data", context="clusterhub demo")
ANSWERING = 0.65
BOARD = ["industry", "research", "public", "finance", "other"]
LEGAL_FORMS = ["association", "ltd", "cooperative", "public-body", "other"]


@transaction.atomic
def load_demo_answers(seed: int = 2026) -> int:
    """Publish the questionnaire, open a demo round and submit answers; returns how many."""
    questionnaire, _ = services.publish(load_file(DEFAULT_FILE), actor=DEMO_ACTOR)
    today = timezone.localdate()
    survey = Survey.objects.filter(questionnaire=questionnaire, title=_TITLE).first()
    if survey is None:
        survey = services.create_survey(
            questionnaire=questionnaire,
            title=_TITLE,
            country="",
            opens_on=today - dt.timedelta(days=30),
            closes_on=today + dt.timedelta(days=60),
            actor=DEMO_ACTOR,
        )
    rng = random.Random(seed)
    clusters = list(Cluster.objects.filter(is_demo=True).order_by("pk"))
    attach_tag_codes(clusters)
    answered = set(survey.responses.values_list("cluster_id", flat=True))
    submitted = 0
    for cluster in clusters:
        if rng.random() > ANSWERING or cluster.pk in answered:
            continue
        services.ensure_invitation(survey, cluster, actor=DEMO_ACTOR)
        services.save_response(
            survey, cluster, _answers(cluster, rng), submit=True, actor=DEMO_ACTOR, online=False
        )
        submitted += 1
    return submitted


_TITLE = "Benchmarking of cluster organisations (demo)"


def _answers(cluster: Cluster, rng: random.Random) -> dict[str, Any]:
    members = cluster.members_total or rng.randint(15, 120)
    # Shares of the budget: public, membership, services, projects; "other" is the rest.
    weights = [rng.uniform(2, 7), rng.uniform(1, 3), rng.uniform(0.5, 2), rng.uniform(0.5, 3)]
    public, membership, services_share, projects = (round(95 * w / sum(weights)) for w in weights)
    other = 100 - public - membership - services_share - projects
    offered = cluster_tags(cluster)["services"] or ["networking"]
    wanted = cluster_tags(cluster)["needs"] or [rng.choice(list(SERVICES))]
    return {
        "members_total": str(members),
        "members_sme": str(cluster.members_sme) if cluster.members_sme is not None else "",
        "members_research": str(cluster.members_research)
        if cluster.members_research is not None
        else "",
        "staff_fte": str(
            cluster.staff_fte if cluster.staff_fte is not None else rng.choice([1, 2, 3.5])
        ),
        "members_3y_ago": str(max(1, round(members / rng.uniform(0.9, 1.3)))),
        "members_foreign": str(round(members * rng.uniform(0, 0.15))),
        "legal_form": rng.choice(LEGAL_FORMS),
        "board_composition": rng.sample(BOARD, rng.randint(1, 4)),
        "strategy_updated": str(rng.randint(2016, 2025)),
        "manager_experience_years": str(rng.randint(1, 20)),
        "annual_budget_eur": str(round(members * rng.uniform(1500, 6000), -3)),
        "funding_membership_pct": str(membership),
        "funding_public_pct": str(public),
        "funding_services_pct": str(services_share),
        "funding_projects_pct": str(projects),
        "funding_other_pct": str(other),
        "events_per_year": str(rng.randint(2, 30)),
        "training_participants": str(round(members * rng.uniform(0.2, 3))),
        "services_most_used": offered[:3],
        "needs_priority": wanted[:2],
        "member_meetings_per_year": str(rng.randint(1, 12)),
        "members_in_joint_projects_pct": str(rng.randint(5, 70)),
        "joint_projects": str(rng.randint(0, 25)),
        "member_satisfaction": str(rng.randint(2, 5)),
        "international_projects": str(rng.randint(0, 8)),
        "eu_funding_eur": str(rng.choice([0, 50000, 150000, 400000, 1200000])),
        "new_products_or_services": str(rng.randint(0, 12)),
        "patent_applications": str(rng.randint(0, 4)),
    }
