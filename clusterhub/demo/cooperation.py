"""The demo's five meta-clusters (tourism, ICT, energy, health, food) as meta-cluster objects.

The registry's demo already tells their story: each founding group is a set of cooperation
links of the kind "meta-cluster" whose description reads "Founding partner of the <name>."
This step turns each group into a MetaCluster with its members (joined on the day the links
began; one later joiner each, and one that left), its lead (the largest founding member), a
working group of generated people (e-mail addresses at demo.example.org), meetings with
agendas, minutes and decisions, and a strategic plan with measured goals. Everything goes
through the services, so it obeys their rules and enters the history. Idempotent: a
meta-cluster already loaded is left alone.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction

from clusterhub.audit.services import Actor
from clusterhub.cooperation.metaclusters import group, plans, services
from clusterhub.cooperation.metaclusters.figures import current_clusters
from clusterhub.cooperation.models import MetaCluster
from clusterhub.demo.registry.common import LANGUAGE
from clusterhub.demo.registry.cooperation import META_PREFIX
from clusterhub.demo.registry.partners import META
from clusterhub.demo.registry.people import person
from clusterhub.registry.models import Cluster, ClusterTag, Cooperation

DEMO_ACTOR = Actor.system("demo data", context="clusterhub demo")
EMAIL_DOMAIN = "demo.example.org"


@dataclass(frozen=True)
class Theme:
    """What a meta-cluster of one ecosystem works on: its sectors, vision and goals."""

    sectors: str
    description: str
    vision: str
    # (title, indicator, unit, baseline, target)
    goals: tuple[tuple[str, str, str, float, float], ...]
    topics: tuple[str, str, str]  # the subjects of its meetings


THEMES: dict[str, Theme] = {
    "tourism": Theme(
        "I55; I56; N79",
        "Tourism clusters along the Danube and in the mountains joining forces on "
        "cross-border packages, skills and sustainable visitor flows.",
        "By the end of the period the region is marketed as one destination whose visitors "
        "stay longer, travel greener and spread over the whole year.",
        (
            ("Joint cross-border tourism packages", "packages on sale", "packages", 2, 20),
            ("Guests outside the main season", "share of overnight stays Oct-Apr", "%", 28, 40),
            ("Staff trained in sustainable tourism", "people trained", "people", 0, 400),
        ),
        ("joint destination marketing", "green mobility for visitors", "seasonality"),
    ),
    "digital": Theme(
        "J62; J63; C26",
        "Software and ICT clusters of Central Europe pooling talent, testing facilities and "
        "market access for SMEs adopting AI and cloud services.",
        "SMEs of every member region use digital and AI services built and tested within the "
        "alliance, and its companies win contracts across the borders.",
        (
            ("SMEs supported in AI adoption", "SMEs with an adoption project", "SMEs", 0, 150),
            ("Cross-border consortia in EU calls", "proposals submitted", "proposals", 1, 12),
            (
                "Shared testing and experimentation facilities",
                "facilities open",
                "facilities",
                2,
                8,
            ),
            ("ICT specialists trained", "people trained", "people", 0, 600),
        ),
        ("AI adoption by SMEs", "shared test beds", "talent exchange"),
    ),
    "energy-renewables": Theme(
        "D35.1; C27.1; M71.1",
        "Renewable energy clusters from the Carpathians to the Alps working on local energy "
        "communities, storage and the skills of installers.",
        "Every member region has energy communities built by member companies, and the "
        "alliance is the partner of choice for renewable installations in the region.",
        (
            ("Energy communities started", "communities", "communities", 3, 30),
            ("Renewable capacity installed by members", "installed capacity", "MW", 40, 160),
            ("Certified installers", "people certified", "people", 50, 500),
        ),
        ("energy communities", "battery storage pilots", "installer skills"),
    ),
    "health": Theme(
        "C21; C32.5; Q86",
        "Health technology clusters connecting hospitals, medical device makers and "
        "researchers to bring tested innovations to patients in several countries.",
        "Innovations from member SMEs are tested in hospitals of at least three countries "
        "and reach the market faster through shared regulatory support.",
        (
            ("Hospital pilots of member innovations", "pilots completed", "pilots", 2, 25),
            ("SMEs helped with the medical device regulation", "SMEs supported", "SMEs", 0, 80),
            ("Joint research projects", "projects running", "projects", 1, 10),
            ("Patients reached by piloted solutions", "patients", "patients", 0, 20000),
        ),
        ("hospital pilots", "medical device regulation", "telemedicine"),
    ),
    "agri-food": Theme(
        "A01; C10; C11",
        "Agri-food clusters of Central Europe building short supply chains, quality labels "
        "and joint export of regional food specialities.",
        "Regional food producers of the member clusters sell under joint quality labels at "
        "home and abroad, with less waste and a growing share of organic production.",
        (
            ("Products under the joint quality label", "products labelled", "products", 0, 120),
            ("Food waste in member processors", "waste per tonne of output", "kg/t", 60, 40),
            ("Joint export missions", "missions held", "missions", 0, 9),
        ),
        ("short supply chains", "quality labels", "export to Asia"),
    ),
}


def _groups() -> dict[str, tuple[list[Cluster], dt.date]]:
    """Each demo meta-cluster's founding clusters and the day its links began."""
    found: dict[str, tuple[set[int], dt.date]] = {}
    rows = Cooperation.objects.filter(
        kind="meta-cluster", description__startswith=META_PREFIX, cluster__is_demo=True
    ).values_list("description", "cluster_id", "partner_id", "since")
    for description, cluster_id, partner_id, since in rows:
        name = description[len(META_PREFIX) :].rstrip(".")
        ids, first = found.get(name, (set(), since or dt.date.today()))
        ids.update(i for i in (cluster_id, partner_id) if i)
        found[name] = (ids, min(first, since) if since else first)
    clusters = Cluster.objects.in_bulk({i for ids, _ in found.values() for i in ids})
    return {
        name: (sorted((clusters[i] for i in ids), key=lambda c: c.pk), first)
        for name, (ids, first) in found.items()
    }


def _later_joiner(rng: random.Random, ecosystem: str, members: list[Cluster]) -> Cluster | None:
    """A cluster of the same ecosystem from a country the group has not got yet, if any."""
    taken = {c.pk for c in members}
    countries = {c.country for c in members}
    ids = ClusterTag.objects.filter(
        field="ecosystems", position=0, term__code=ecosystem, cluster__is_demo=True
    ).values_list("cluster_id", flat=True)
    pool = [c for c in Cluster.objects.filter(pk__in=ids).order_by("pk") if c.pk not in taken]
    fresh = [c for c in pool if c.country not in countries]
    choices = fresh or pool
    return rng.choice(choices) if choices else None


def _day(day: dt.date) -> dt.date:
    return min(day, dt.date.today())


def _working_group(rng: random.Random, meta: MetaCluster, members: list[Cluster]) -> None:
    roles = ["chair", "secretary", "member", "member", "expert"]
    people = [meta.lead, *(c for c in members if c != meta.lead)][: rng.randint(3, 5)]
    for cluster, role in zip(people, roles, strict=False):
        assert cluster is not None
        name, local = person(rng, LANGUAGE.get(cluster.country, "de"))
        values = {
            "cluster": cluster.pk,
            "name": name,
            "email": f"{local}@{EMAIL_DOMAIN}",
            "role": role,
        }
        group.save_person(meta, values, actor=DEMO_ACTOR)


def _meeting_days(rng: random.Random, founded: dt.date, today: dt.date) -> list[dt.date]:
    """The days of the meta-cluster's last two or three meetings, oldest first: the latest
    a few weeks ago (or in the weeks to come), each earlier one five to eight months before
    the next; none before the founding. The demo's action plans run around today, so the
    meetings that discuss them do too."""
    count = 2 if rng.random() < 0.5 else 3
    day = today + dt.timedelta(days=rng.randint(-80, 30))
    days = [day]
    for _ in range(count - 1):
        day = day - dt.timedelta(days=rng.randint(150, 240))
        days.append(day)
    first = founded + dt.timedelta(days=20)
    return sorted({max(d, first) for d in days})


def _meetings(rng: random.Random, meta: MetaCluster, theme: Theme, members: list[Cluster]) -> None:
    assert meta.founded is not None
    today = dt.date.today()
    places = [c.city or c.country for c in members]
    days = _meeting_days(rng, meta.founded, today)
    for number, (day, topic) in enumerate(zip(days, theme.topics, strict=False)):
        held = day <= today
        place = places[number % len(places)]
        values = {
            "date": day.isoformat(),
            "place": f"{place} (demo)",
            "agenda": (
                f"1. Welcome and the minutes of the last meeting\n2. Progress of the action "
                f"plan\n3. {topic[:1].upper() + topic[1:]}\n4. Next steps"
            ),
            "minutes": (
                f"The partners reviewed the action plan and discussed {topic}; "
                f"{rng.randint(2, 4)} member clusters presented their results."
                if held
                else ""
            ),
            "decisions": (
                f"A task force on {topic} reports at the next meeting; the lead cluster "
                "drafts a joint proposal."
                if held
                else ""
            ),
        }
        group.save_meeting(meta, values, actor=DEMO_ACTOR)


def _plan(rng: random.Random, meta: MetaCluster, theme: Theme) -> None:
    assert meta.founded is not None
    start = meta.founded.year + 1
    plans.save_plan(
        meta,
        {
            "vision": theme.vision,
            "period_start": start,
            "period_end": start + 4,
            "adopted": _day(meta.founded + dt.timedelta(days=rng.randint(90, 200))).isoformat(),
        },
        actor=DEMO_ACTOR,
    )
    for position, (title, indicator, unit, baseline, target) in enumerate(theme.goals):
        share = rng.uniform(0.1, 0.95)
        current = round(baseline + (target - baseline) * share)
        values = {
            "title": title,
            "indicator": indicator,
            "unit": unit,
            "baseline": baseline,
            "target": target,
            "current": current,
            "position": position,
        }
        plans.save_goal(meta, values, actor=DEMO_ACTOR)


def _members_later(rng: random.Random, meta: MetaCluster, ecosystem: str, leaves: bool) -> None:
    """One cluster joins a year after the founding (and, for one meta-cluster, leaves)."""
    assert meta.founded is not None
    members = list(current_clusters(meta))
    joiner = _later_joiner(rng, ecosystem, members)
    joined = meta.founded + dt.timedelta(days=rng.randint(300, 500))
    if joiner is None or joined > dt.date.today():
        return
    membership = services.add_member(meta, joiner, joined=joined, actor=DEMO_ACTOR)
    left = joined + dt.timedelta(days=rng.randint(200, 400))
    if leaves and left <= dt.date.today():
        services.remove_member(meta, membership, left=left, actor=DEMO_ACTOR)


@transaction.atomic
def load_demo_meta_clusters(seed: int = 2026) -> list[MetaCluster]:
    """Create the demo's meta-clusters that are not there yet; returns those created."""
    rng = random.Random(seed * 31 + 12)
    groups = _groups()
    created = []
    for number, (ecosystem, name) in enumerate(META):
        if name not in groups or MetaCluster.objects.filter(name=name, is_demo=True).exists():
            continue
        members, founded = groups[name]
        theme = THEMES[ecosystem]
        lead = max(members, key=lambda c: (c.members_total or 0, -c.pk))
        meta = services.create_meta_cluster(
            {
                "name": name,
                "ecosystem": ecosystem,
                "sectors": theme.sectors,
                "description": theme.description,
                "founded": _day(founded),
            },
            lead=lead,
            members=members,
            actor=DEMO_ACTOR,
            is_demo=True,
        )
        _members_later(rng, meta, ecosystem, leaves=number == 0)
        _working_group(rng, meta, members)
        _meetings(rng, meta, theme, members)
        _plan(rng, meta, theme)
        created.append(meta)
    return created
