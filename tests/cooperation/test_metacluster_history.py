"""A meta-cluster's history page: every recorded change of it and of its parts (members
joining and leaving, working group, meetings, plan and goals, its action plans and the
actions serving its goals), newest first, for those who may run it only; escaped; no entry of
another meta-cluster."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from clusterhub.accounts.models import ManagerRole, User
from clusterhub.cooperation.actionplans import services as actionplans
from clusterhub.cooperation.metaclusters import group, plans, services
from clusterhub.cooperation.metaclusters.history import metacluster_history
from clusterhub.cooperation.metaclusters.records import GOAL, MEETING, MEMBERSHIP, META_CLUSTER
from clusterhub.cooperation.models import MetaCluster
from tests.cooperation.metaclusters import SETUP, World, build, cluster
from tests.personas import PASSWORD, Personas

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script>'


@pytest.fixture
def world(personas: Personas) -> World:
    made = build(personas)
    services.add_member(made.meta, made.outsider.pk, joined="2024-06-01", actor=SETUP)
    sk = made.meta.memberships.get(cluster=made.sk_cluster)
    services.remove_member(made.meta, sk, left="2024-09-30", actor=SETUP)
    return made


def history_url(meta: MetaCluster, page: int | None = None) -> str:
    url = reverse("portal:cooperation:metacluster_history", kwargs={"slug": meta.slug})
    return url if page is None else f"{url}?page={page}"


def client_for(user: Any) -> Client:
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    return client


def history_page(user: Any, meta: MetaCluster, page: int | None = None) -> str:
    response = client_for(user).get(history_url(meta, page))
    assert response.status_code == 200
    return str(response.content.decode())


def lines(html: str) -> list[str]:
    """The history's entries as text, in the page's order."""
    listing = html.split('<ul class="history">', 1)[1].split("</ul>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", listing, re.S)
    return [re.sub(r"<[^>]+>", "", item) for item in items]


def manager_of_an_unrelated_cluster() -> User:
    user = User.objects.create_user("manazer-hu", "hu@example.org", PASSWORD)
    ManagerRole.objects.create(user=user, cluster=cluster("hu-1", "Magyar Klaszter", "HU"))
    return user


def test_the_history_lists_the_creation_members_joining_and_leaving_a_meeting_and_a_goal(
    personas: Personas, world: World
) -> None:
    entries = lines(history_page(personas.manager, world.meta))
    assert any(e.endswith(f"created · meta-cluster {world.meta.name}") for e in entries)
    assert any(
        "created · meta-cluster membership" in e and "Österreich Cluster" in e for e in entries
    )
    left = [e for e in entries if "Slovenský klaster" in e and "updated" in e]
    assert len(left) == 1 and left[0].endswith(": left")
    assert any("created · meeting" in e and "Brno" in e for e in entries)
    assert any("created · goal" in e and "Joint projects" in e for e in entries)
    assert any("created · strategic plan" in e for e in entries)
    assert any("created · working group member" in e and "Anna Demo" in e for e in entries)
    # Newest first: the leaving is the last change, the meta-cluster's creation the first.
    assert "Slovenský klaster" in entries[0]
    assert entries[-1].endswith(f"created · meta-cluster {world.meta.name}")


def test_the_query_covers_every_part_newest_first(world: World) -> None:
    found = list(metacluster_history(world.meta.pk))
    kinds = {e.model for e in found}
    assert {META_CLUSTER, MEMBERSHIP, MEETING, GOAL} <= kinds
    assert [(e.timestamp, e.pk) for e in found] == sorted(
        ((e.timestamp, e.pk) for e in found), reverse=True
    )
    assert found[0].model == MEMBERSHIP and found[0].after["left"] == "2024-09-30"
    # Deleted parts stay in the history.
    group.delete_meeting(world.meta, world.meeting, actor=SETUP)
    deleted = metacluster_history(world.meta.pk).first()
    assert deleted is not None and (deleted.model, deleted.action) == (MEETING, "delete")


def test_a_goals_deletion_shows_the_actions_that_served_it_and_the_meta_clusters_own_plan(
    personas: Personas, world: World
) -> None:
    owned = actionplans.save_plan(
        {"title": "Společný akční plán", "meta_cluster": world.meta}, actor=SETUP
    )
    cz_plan = actionplans.save_plan(
        {"title": "Plán klastru", "cluster": personas.cz_cluster}, actor=SETUP
    )
    actionplans.save_action(cz_plan, {"title": "Mise do Vídně", "goal": world.goal.pk}, actor=SETUP)
    plans.delete_goal(world.meta, world.goal, actor=SETUP)
    entries = lines(history_page(personas.coordinator_cz, world.meta))
    assert "deleted · goal" in entries[1] and "Joint projects" in entries[1]
    assert "updated · action" in entries[0] and "Mise do Vídně" in entries[0]
    assert entries[0].endswith(": goal")
    assert any("created · action" in e and "Mise do Vídně" in e for e in entries)
    assert any("created · action plan" in e and owned.title in e for e in entries)
    assert not any("Plán klastru" in e for e in entries)  # the cluster's own plan is not here


@pytest.mark.parametrize("who", ["manager", "coordinator_cz", "admin"])
def test_the_leads_manager_and_the_lead_countrys_coordinator_see_the_history(
    personas: Personas, world: World, who: str
) -> None:
    html = history_page(getattr(personas, who), world.meta)
    assert "Anna Demo" in html and "Central Health Meta-Cluster" in html


def test_an_anonymous_visitor_is_sent_to_sign_in(world: World) -> None:
    url = history_url(world.meta)
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert "next=" in response["Location"]


@pytest.mark.parametrize("who", ["unrelated_manager", "registered", "coordinator_pl", "manager_pl"])
def test_those_who_may_not_run_the_meta_cluster_get_403(
    personas: Personas, world: World, who: str
) -> None:
    # The PL coordinator and the PL cluster's manager are of a member, not of the lead: the
    # policy lets only the lead's country's coordinators and the lead's managers run it.
    users = {
        "unrelated_manager": manager_of_an_unrelated_cluster,
        "manager_pl": lambda: world.manager_pl,
    }
    user = users.get(who, lambda: getattr(personas, who))()
    response = client_for(user).get(history_url(world.meta))
    assert response.status_code == 403
    assert "Anna Demo" not in response.content.decode()


def test_the_detail_page_links_the_history_only_for_those_who_may_run_it(
    personas: Personas, world: World
) -> None:
    detail = reverse("portal:cooperation:metacluster_detail", kwargs={"slug": world.meta.slug})
    link = f'href="{history_url(world.meta)}"'
    assert link in client_for(personas.manager).get(detail).content.decode()
    for user in (personas.anonymous, personas.registered, personas.coordinator_pl):
        assert link not in client_for(user).get(detail).content.decode()


def test_a_name_with_a_script_is_shown_escaped(personas: Personas, world: World) -> None:
    values = {"cluster": personas.cz_cluster.pk, "name": HOSTILE, "email": "x@example.org"}
    group.save_person(world.meta, values, actor=SETUP)
    group.save_meeting(world.meta, {"date": "2024-01-01", "place": HOSTILE}, actor=SETUP)
    html = history_page(personas.manager, world.meta)
    assert HOSTILE not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_the_history_of_another_meta_cluster_is_not_shown(personas: Personas, world: World) -> None:
    other = services.create_meta_cluster(
        {"name": "Other Meta-Cluster"}, lead=personas.cz_other.pk, actor=SETUP
    )
    group.save_meeting(other, {"date": "2024-02-02", "place": "Olomouc"}, actor=SETUP)
    group.save_person(other, {"cluster": personas.cz_other.pk, "name": "Otto Jiný"}, actor=SETUP)
    plans.save_plan(other, {"vision": "Elsewhere"}, actor=SETUP)
    plans.save_goal(other, {"title": "Other goal"}, actor=SETUP)
    html = history_page(personas.manager, world.meta)
    for text in ("Other Meta-Cluster", "Olomouc", "Otto Jiný", "Other goal"):
        assert text not in html
    theirs = history_page(personas.coordinator_cz, other)
    for text in ("Central Health Meta-Cluster", "Brno", "Anna Demo", "Joint projects"):
        assert text not in theirs
    assert "Olomouc" in theirs and "Otto Jiný" in theirs
    ids = {e.pk for e in metacluster_history(world.meta.pk)}
    assert not ids & {e.pk for e in metacluster_history(other.pk)}


def test_the_history_is_paged_by_fifty(personas: Personas, world: World) -> None:
    for day in range(1, 51):
        group.save_meeting(world.meta, {"date": f"2025-01-{day % 28 + 1:02d}"}, actor=SETUP)
    total = metacluster_history(world.meta.pk).count()
    assert total > 50
    first = lines(history_page(personas.manager, world.meta))
    second = lines(history_page(personas.manager, world.meta, page=2))
    assert len(first) == 50 and len(second) == total - 50
    assert second[-1].endswith(f"created · meta-cluster {world.meta.name}")
