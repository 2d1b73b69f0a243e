"""The meta-cluster pages: public reading without personal data, escaped text, a map of the
current members; the managers' forms behind the policy and CSRF; creation from a candidate
by coordinators."""

from __future__ import annotations

import datetime as dt
import html as markup
import json
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from clusterhub.cooperation import candidates
from clusterhub.cooperation.actionplans import services as actionplans
from clusterhub.cooperation.metaclusters import group, services
from clusterhub.cooperation.models import Meeting, MetaCluster, WorkingGroupMember
from clusterhub.cooperation.suggestions import inputs
from clusterhub.registry.geo import ShapeRecord
from clusterhub.registry.services import load_region_shapes
from tests.analytics.test_communities import planted_rows
from tests.cooperation.metaclusters import SETUP, World, build, cluster
from tests.personas import Personas

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script>'


@pytest.fixture
def world(personas: Personas) -> World:
    return build(personas)


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def detail_url(meta: MetaCluster, tail: str = "") -> str:
    return f"/en/cooperation/metaclusters/{meta.slug}/{tail}"


def test_the_list_is_reached_from_the_navigation_and_shows_each_meta_cluster_with_figures(
    client: Client, world: World
) -> None:
    home = page(client, "/en/")
    assert 'href="/en/cooperation/"' in home  # the cooperation front page links the list
    assert 'href="/en/cooperation/metaclusters/"' in page(client, "/en/cooperation/")
    listing = page(client, "/en/cooperation/metaclusters/")
    assert world.meta.name in listing
    assert detail_url(world.meta) in listing
    assert "New from a candidate" not in listing


def test_the_public_page_shows_figures_members_meetings_and_plan_but_no_personal_data(
    client: Client, personas: Personas, world: World
) -> None:
    html = page(client, detail_url(world.meta))
    assert re.search(r'data-figure="clusters">4<', html)
    assert re.search(r'data-figure="members">30<', html)  # only the SK cluster has a count
    assert f'href="/en/clusters/{personas.pl_cluster.pk}/"' in html
    assert "Kick-off" in html and "Brno" in html
    assert '<progress max="100" value="40"' in html
    assert "anna@example.org" not in html
    assert "Anna Demo" not in html
    assert "secretary" in html or "member" in html
    assert 'id="map"' in html and "metaclusters/central-health-meta-cluster/members.geojson" in html
    assert "/static/portal/map.js" in html


def test_signed_in_people_with_a_role_see_the_working_groups_names_and_emails(
    client: Client, personas: Personas, world: World
) -> None:
    client.force_login(personas.coordinator_pl)  # a role, though not this meta-cluster's
    html = page(client, detail_url(world.meta))
    assert "anna@example.org" in html and "Anna Demo" in html
    client.force_login(personas.registered)
    assert "anna@example.org" not in page(client, detail_url(world.meta))


def test_the_working_group_is_listed_chair_secretary_member_expert(
    client: Client, personas: Personas, world: World
) -> None:
    for name, role in [("Zed Expert", "expert"), ("Yan Chair", "chair"), ("Xia Sec", "secretary")]:
        values = {"cluster": personas.cz_cluster.pk, "name": name, "role": role}
        group.save_person(world.meta, values, actor=SETUP)
    client.force_login(personas.admin)
    html = page(client, detail_url(world.meta))
    names = ["Yan Chair", "Xia Sec", "Anna Demo", "Zed Expert"]
    assert sorted(names, key=html.index) == names


def test_names_from_the_records_are_escaped(
    client: Client, personas: Personas, world: World
) -> None:
    hostile = cluster("de-1", HOSTILE, "DE")

    services.add_member(world.meta, hostile.pk, actor=SETUP)
    services.update_meta_cluster(world.meta, {"description": HOSTILE}, actor=SETUP)
    group.save_meeting(world.meta, {"date": "2024-01-01", "decisions": HOSTILE}, actor=SETUP)
    for url in (detail_url(world.meta), "/en/cooperation/metaclusters/"):
        html = page(client, url)
        assert HOSTILE not in html
    assert "&lt;script&gt;" in page(client, detail_url(world.meta))


def test_the_map_shows_the_current_members_with_coordinates(
    client: Client, personas: Personas, world: World
) -> None:
    placed = cluster("at-2", "Placed Cluster", "AT", lat="48.2", lon="16.37")

    services.add_member(world.meta, placed.pk, actor=SETUP)
    body = json.loads(client.get(detail_url(world.meta, "members.geojson")).content)
    assert [f["properties"]["name"] for f in body["features"]] == ["Placed Cluster"]
    assert body["features"][0]["properties"]["url"] == f"/en/clusters/{placed.pk}/"
    services.remove_member(world.meta, world.meta.memberships.get(cluster=placed), actor=SETUP)
    body = json.loads(client.get(detail_url(world.meta, "members.geojson")).content)
    assert body["features"] == []


@pytest.mark.parametrize("level", ["", "3", "7", "two", "²"])
def test_the_region_map_counts_current_members_and_an_unknown_level_falls_back_to_nuts_2(
    client: Client, world: World, level: str
) -> None:
    ring = [[16, 48], [17, 48], [17, 49], [16, 49], [16, 48]]
    shape = {"type": "Polygon", "coordinates": [ring]}
    shapes = [ShapeRecord("CZ06", "Jihovýchod", shape), ShapeRecord("CZ064", "Jihomoravský", shape)]
    load_region_shapes(shapes, source="test", actor=SETUP)
    placed = cluster("cz-9", "Brno Cluster", "CZ", nuts="CZ064")
    services.add_member(world.meta, placed.pk, actor=SETUP)
    response = client.get(detail_url(world.meta, f"regions.geojson?level={level}"))
    assert response.status_code == 200
    counts = {
        f["properties"]["code"]: f["properties"]["count"] for f in response.json()["features"]
    }
    assert counts == ({"CZ064": 1} if level == "3" else {"CZ06": 1})


MANAGER_PAGES = [
    "edit/",
    "members/",
    "working-group/new/",
    "meetings/new/",
    "plan/",
    "plan/goals/new/",
    "working-group/{person}/edit/",
    "working-group/{person}/delete/",
    "meetings/{meeting}/edit/",
    "meetings/{meeting}/delete/",
    "plan/goals/{goal}/edit/",
    "plan/goals/{goal}/delete/",
]
STATUS = {
    "coordinator_cz": 200,
    "manager": 200,
    "admin": 200,
    "coordinator_pl": 403,
    "manager_pl": 403,
    "registered": 403,
    "anonymous": 302,
}


def user_of(name: str, p: Personas, w: World) -> Any:
    return w.manager_pl if name == "manager_pl" else getattr(p, name)


@pytest.mark.parametrize("tail", MANAGER_PAGES)
@pytest.mark.parametrize("who", STATUS)
def test_the_managers_forms_open_for_the_lead_countrys_coordinators_and_the_leads_managers(
    client: Client, personas: Personas, world: World, who: str, tail: str
) -> None:
    user = user_of(who, personas, world)
    if user.is_authenticated:
        client.force_login(user)
    response = client.get(detail_url(world.meta, _fill(tail, world)))
    assert response.status_code == STATUS[who]
    if STATUS[who] == 302:
        assert response["Location"].startswith("/en/accounts/login/")
    if STATUS[who] == 200:
        assert "csrfmiddlewaretoken" in response.content.decode()


POSTS = {
    "edit/": {"name": "Renamed", "lead": "{lead}"},
    "meetings/new/": {"date": "2024-10-10", "place": "Wien"},
    "working-group/{person}/delete/": {},
    "meetings/{meeting}/delete/": {},
    "plan/goals/{goal}/edit/": {"title": "Joint projects", "current": "9"},
}


def _fill(text: str, world: World) -> str:
    return text.format(
        lead=world.meta.lead_id,
        person=world.person.pk,
        meeting=world.meeting.pk,
        goal=world.goal.pk,
    )


def _state(world: World) -> tuple[Any, ...]:
    world.meta.refresh_from_db()
    return (
        world.meta.name,
        Meeting.objects.count(),
        WorkingGroupMember.objects.count(),
        world.meta.strategic_plan.goals.get().current,
    )


@pytest.mark.parametrize("tail", POSTS)
@pytest.mark.parametrize("who", ["coordinator_pl", "manager_pl", "registered", "anonymous"])
def test_others_cannot_write_through_the_forms(
    client: Client, personas: Personas, world: World, who: str, tail: str
) -> None:
    user = user_of(who, personas, world)
    if user.is_authenticated:
        client.force_login(user)
    before = _state(world)
    data = {k: _fill(v, world) for k, v in POSTS[tail].items()}
    response = client.post(detail_url(world.meta, _fill(tail, world)), data)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
    assert _state(world) == before


def test_a_form_without_its_csrf_token_is_refused_and_with_it_saves(
    personas: Personas, world: World
) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(personas.manager)
    url = detail_url(world.meta, "meetings/new/")
    data = {"date": "2024-11-11", "place": "Ostrava", "agenda": "Plans"}
    assert browser.post(url, data).status_code == 403
    assert not Meeting.objects.filter(place="Ostrava").exists()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page(browser, url))
    assert token is not None
    response = browser.post(url, {**data, "csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 302
    assert Meeting.objects.filter(place="Ostrava").exists()


def test_a_bad_value_is_shown_on_its_field_and_nothing_is_saved(
    client: Client, personas: Personas, world: World
) -> None:
    client.force_login(personas.manager)
    response = client.post(
        detail_url(world.meta, f"plan/goals/{world.goal.pk}/edit/"),
        {"title": "Joint projects", "target": "plenty"},
    )
    assert response.status_code == 200
    assert "is not a number" in response.content.decode()
    assert _state(world)[3] == 4


def test_a_manager_cannot_hand_the_lead_to_another_countrys_cluster_through_the_form(
    client: Client, personas: Personas, world: World
) -> None:
    client.force_login(personas.manager)
    response = client.post(
        detail_url(world.meta, "edit/"),
        {"name": world.meta.name, "lead": str(personas.pl_cluster.pk)},
    )
    assert response.status_code == 200
    world.meta.refresh_from_db()
    assert world.meta.lead == personas.cz_cluster


def test_members_join_and_leave_through_the_members_page(
    client: Client, personas: Personas, world: World
) -> None:
    client.force_login(personas.coordinator_cz)
    url = detail_url(world.meta, "members/")
    assert client.post(url, {"cluster": str(world.outsider.pk)}).status_code == 302
    joined = world.meta.memberships.get(cluster=world.outsider)
    leave = detail_url(world.meta, f"members/{joined.pk}/leave/")
    assert client.post(leave, {"left": ""}).status_code == 302
    joined.refresh_from_db()
    assert joined.left is not None
    unknown = client.post(url, {"cluster": "99999999"})
    assert "No cluster has the registry id" in unknown.content.decode()


def candidate(personas: Personas, world: World) -> dict[str, Any]:
    return {
        "name": "Candidate health",
        "sector": "health",
        "countries": ["CZ", "PL", "SK"],
        "clusters": [
            {"id": personas.pl_cluster.pk, "name": "x", "country": "PL"},
            {"id": personas.cz_other.pk, "name": "y", "country": "CZ"},
            {"id": world.sk_cluster.pk, "name": "z", "country": "SK"},
        ],
        "members": 30,
        "smes": 20,
        "reasons": [{"code": "ecosystem", "text": "all in health", "value": 1}],
    }


def test_a_coordinator_creates_a_meta_cluster_from_a_candidate_in_one_step(
    client: Client, personas: Personas, world: World
) -> None:
    client.force_login(personas.coordinator_cz)
    url = "/en/cooperation/metaclusters/from-candidate/"
    response = client.post(url, {"candidate": json.dumps([candidate(personas, world)])})
    assert response.status_code == 302
    made = MetaCluster.objects.get(name="Candidate health")
    assert made.lead == personas.cz_other  # the candidate's cluster in the coordinator's country
    assert made.ecosystem == "health"
    assert made.memberships.count() == 3
    assert response["Location"] == detail_url(made)


def test_a_candidate_without_a_cluster_of_the_coordinators_country_is_refused(
    client: Client, personas: Personas, world: World
) -> None:
    client.force_login(personas.coordinator_pl)
    data = candidate(personas, world)
    data["clusters"] = [c for c in data["clusters"] if c["country"] != "PL"]
    response = client.post(
        "/en/cooperation/metaclusters/from-candidate/", {"candidate": json.dumps(data)}
    )
    assert response.status_code == 200
    assert "country you coordinate" in response.content.decode()
    assert not MetaCluster.objects.filter(name="Candidate health").exists()


def test_bad_candidate_json_is_named_and_managers_may_not_create(
    client: Client, personas: Personas, world: World
) -> None:
    client.force_login(personas.coordinator_cz)
    url = "/en/cooperation/metaclusters/from-candidate/"
    assert "This is not JSON" in client.post(url, {"candidate": "{nope"}).content.decode()
    nested = "[" * 60_000 + "]" * 60_000
    assert "This is not JSON" in client.post(url, {"candidate": nested}).content.decode()
    client.force_login(personas.manager)
    assert client.get(url).status_code == 403
    assert client.get("/en/cooperation/metaclusters/new/").status_code == 403


def test_a_coordinator_creates_one_by_hand(client: Client, personas: Personas) -> None:
    client.force_login(personas.coordinator_cz)
    response = client.post(
        "/en/cooperation/metaclusters/new/",
        {
            "name": "Hand-made",
            "ecosystem": "digital",
            "sectors": "J62; J63",
            "lead": str(personas.cz_cluster.pk),
            "members": f"{personas.pl_cluster.pk}, {personas.cz_other.pk}",
        },
    )
    assert response.status_code == 302
    made = MetaCluster.objects.get(name="Hand-made")
    assert made.sectors == ["J62", "J63"]
    assert made.memberships.count() == 3


def test_the_candidates_of_the_registry_are_offered_and_created_with_one_button(
    client: Client, personas: Personas
) -> None:
    candidates.forget()
    inputs.forget()
    for row in planted_rows(noise=20):
        fields = {k: v for k, v in row.items() if k != "group"}
        cluster(f"planted-{row['id']}", **{**fields, "id": f"planted-{row['id']}"})
    client.force_login(personas.coordinator_pl)
    html = page(client, "/en/cooperation/metaclusters/from-candidate/")
    offered = re.findall(r'name="candidate" value="([^"]+)"', html)
    assert offered
    chosen = [json.loads(markup.unescape(v)) for v in offered]
    assert all("PL" in c["countries"] for c in chosen)  # the coordinator's country only
    response = client.post(
        "/en/cooperation/metaclusters/from-candidate/", {"candidate": markup.unescape(offered[0])}
    )
    assert response.status_code == 302
    made = MetaCluster.objects.get(name=chosen[0]["name"])
    assert made.lead_country == "PL"
    assert made.memberships.count() == len(chosen[0]["clusters"])
    # Formed now: the same candidate is no longer offered.
    again = page(client, "/en/cooperation/metaclusters/from-candidate/")
    names = [
        json.loads(markup.unescape(v))["name"]
        for v in re.findall(r'name="candidate" value="([^"]+)"', again)
    ]
    assert chosen[0]["name"] not in names


def test_the_page_links_the_action_plans_and_the_actions_serving_each_goal(
    client: Client, personas: Personas, world: World
) -> None:
    plan = actionplans.save_plan(
        {"title": "Joint action plan", "meta_cluster": world.meta.pk}, actor=SETUP
    )
    actionplans.save_action(
        plan, {"title": "Pilot in Brno", "goal": world.goal.pk, "status": "done"}, actor=SETUP
    )
    html = page(client, detail_url(world.meta))
    link = f'href="/en/cooperation/action-plans/{plan.pk}/"'
    assert html.count(link) == 2  # the plan, and the action under its goal
    assert "Pilot in Brno" in html and "Joint action plan" in html


def test_a_meeting_after_today_is_marked_planned_and_past_or_todays_meetings_are_not(
    client: Client, world: World
) -> None:
    today = timezone.localdate()  # the day the page's {% now %} reads
    for offset, place in ((30, "Future Town"), (0, "Today Town"), (-30, "Past Town")):
        day = (today + dt.timedelta(days=offset)).isoformat()
        group.save_meeting(world.meta, {"date": day, "place": place}, actor=SETUP)
    html = page(client, detail_url(world.meta))
    headings = {
        place: heading
        for heading in re.findall(r"<h3>(.*?)</h3>", html)
        for place in ("Future Town", "Today Town", "Past Town", "Brno")
        if place in heading
    }
    assert 'class="meeting-planned">planned<' in headings["Future Town"]
    for place in ("Today Town", "Past Town", "Brno"):
        assert "meeting-planned" not in headings[place]
