"""The cluster picker's boxes on the server: a registry id, "Name (CC)" as the picker fills
it, an id at the source; an unknown or ambiguous text is refused naming it; who may add whom
is still the policy's answer."""

from __future__ import annotations

import html

import pytest
from django.test import Client

from clusterhub.cooperation.actionplans import services as actionplans
from clusterhub.cooperation.forms.actionplans import ActionForm
from clusterhub.cooperation.models import Action, MetaCluster
from tests.builders.actionplans import build_plans
from tests.cooperation.metaclusters import SETUP, World, build, cluster
from tests.personas import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(personas: Personas) -> World:
    return build(personas)


def members_url(meta: MetaCluster) -> str:
    return f"/en/cooperation/metaclusters/{meta.slug}/members/"


def text_of(response: object) -> str:
    return html.unescape(response.content.decode())  # type: ignore[attr-defined]


def is_member(world: World, name: str) -> bool:
    return world.meta.memberships.filter(cluster__name=name, left__isnull=True).exists()


@pytest.mark.parametrize(
    "typed",
    [
        "Österreich Cluster (AT)",  # as the picker fills it
        "österreich cluster (at)",  # typed by hand, another case
        "at-1",  # the id at the source
        "REGISTRY_ID",
    ],
)
def test_a_member_is_added_by_name_and_country_by_source_id_or_by_registry_id(
    client: Client, personas: Personas, world: World, typed: str
) -> None:
    client.force_login(personas.coordinator_cz)
    value = typed.replace("REGISTRY_ID", str(world.outsider.pk))
    response = client.post(members_url(world.meta), {"cluster": value})
    assert response.status_code == 302, text_of(response)
    assert is_member(world, "Österreich Cluster")


def test_an_unknown_name_is_refused_naming_it_and_nothing_is_added(
    client: Client, personas: Personas, world: World
) -> None:
    client.force_login(personas.coordinator_cz)
    before = world.meta.memberships.count()
    response = client.post(members_url(world.meta), {"cluster": "Nowhere Cluster (AT)"})
    assert response.status_code == 200
    assert "No cluster is called Nowhere Cluster (AT)." in text_of(response)
    unknown_id = client.post(members_url(world.meta), {"cluster": "99999999"})
    assert "No cluster has the registry id" in text_of(unknown_id)
    assert world.meta.memberships.count() == before


def test_a_name_two_clusters_of_a_country_share_is_refused_naming_it(
    client: Client, personas: Personas, world: World
) -> None:
    first = cluster("at-2", "Twin Cluster", "AT")
    cluster("at-3", "Twin Cluster", "AT")
    client.force_login(personas.coordinator_cz)
    response = client.post(members_url(world.meta), {"cluster": "Twin Cluster (AT)"})
    assert response.status_code == 200
    assert "Twin Cluster (AT) names more than one cluster" in text_of(response)
    assert not is_member(world, "Twin Cluster")
    # Its registry id still names it.
    assert client.post(members_url(world.meta), {"cluster": str(first.pk)}).status_code == 302
    assert world.meta.memberships.filter(cluster=first).exists()


@pytest.mark.parametrize("who", ["coordinator_pl", "registered", "manager_pl"])
def test_a_name_gives_no_one_a_right_the_policy_does_not(
    client: Client, personas: Personas, world: World, who: str
) -> None:
    user = world.manager_pl if who == "manager_pl" else getattr(personas, who)
    client.force_login(user)
    response = client.post(members_url(world.meta), {"cluster": "Österreich Cluster (AT)"})
    assert response.status_code in (302, 403)
    assert not is_member(world, "Österreich Cluster")


def test_the_member_box_is_a_picker_with_a_translated_hint(
    client: Client, personas: Personas, world: World
) -> None:
    client.force_login(personas.coordinator_cz)
    page = client.get(members_url(world.meta)).content.decode()
    assert 'data-cluster-picker="one"' in page
    assert 'data-search-url="/api/v1/clusters"' in page
    assert "cooperation/cluster_picker" in page
    assert "Type part of its name and choose it" in page


def test_a_new_meta_cluster_takes_its_lead_and_members_by_name(
    client: Client, personas: Personas
) -> None:
    sk = cluster("sk-9", "Slovenský klaster, s.r.o. (Bratislava)", "SK")
    client.force_login(personas.coordinator_cz)
    response = client.post(
        "/en/cooperation/metaclusters/new/",
        {
            "name": "Named",
            "ecosystem": "digital",
            "lead": "Klastr Zdraví (CZ)",
            # one per line; a line of ids is the old way and still works
            "members": f"Śląski Klaster (PL)\n{sk.name} (SK)\n{personas.cz_cluster.pk}",
        },
    )
    assert response.status_code == 302, text_of(response)
    made = MetaCluster.objects.get(name="Named")
    assert made.lead == personas.cz_other
    assert set(made.memberships.values_list("cluster_id", flat=True)) == {
        personas.cz_other.pk,
        personas.pl_cluster.pk,
        sk.pk,
        personas.cz_cluster.pk,
    }


def test_a_new_meta_cluster_led_from_another_country_is_still_refused(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.coordinator_cz)
    response = client.post(
        "/en/cooperation/metaclusters/new/",
        {"name": "Not mine", "lead": "Śląski Klaster (PL)", "members": "Klastr Zdraví (CZ)"},
    )
    assert response.status_code == 200
    assert not MetaCluster.objects.filter(name="Not mine").exists()


def action_url(plan_pk: int, action_pk: int | None = None) -> str:
    tail = f"{action_pk}/edit/" if action_pk else "new/"
    return f"/en/cooperation/action-plans/{plan_pk}/actions/{tail}"


def test_an_action_takes_its_owner_and_partners_by_name_or_registry_id(
    client: Client, personas: Personas, world: World
) -> None:
    plans = build_plans(personas.cz_cluster, personas.pl_cluster)
    client.force_login(personas.coordinator_cz)
    response = client.post(
        action_url(plans.cz_plan.pk),
        {
            "title": "Mise",
            "status": "planned",
            "owner_cluster": "Klastr Zdraví (CZ)",
            "partners": f"Śląski Klaster (PL)\n{world.sk_cluster.pk}\n",
        },
    )
    assert response.status_code == 302, text_of(response)
    action = Action.objects.get(title="Mise")
    assert action.owner_cluster == personas.cz_other
    assert set(action.partners.all()) == {personas.pl_cluster, world.sk_cluster}
    # The edit page shows them as the picker fills them, and saving it again keeps them.
    form = ActionForm(
        plan=plans.cz_plan,
        initial={"owner_cluster": action.owner_cluster_id, "partners": [world.sk_cluster.pk]},
    )
    assert form.initial["owner_cluster"] == "Klastr Zdraví (CZ)"
    assert form.initial["partners"] == "Slovenský klaster (SK)"
    page = text_of(client.get(action_url(plans.cz_plan.pk, action.pk)))
    assert "Klastr Zdraví (CZ)" in page
    assert "Śląski Klaster (PL)" in page


def test_an_unknown_or_ambiguous_partner_is_refused_naming_it_and_nothing_is_written(
    client: Client, personas: Personas, world: World
) -> None:
    cluster("pl-8", "Twin Klaster", "PL")
    cluster("pl-9", "Twin Klaster", "PL")
    plans = build_plans(personas.cz_cluster, personas.pl_cluster)
    client.force_login(personas.coordinator_cz)
    for partners, reason in [
        ("Śląski Klaster (PL)\nNo Such Klaster (PL)", "No cluster is called No Such Klaster (PL)."),
        ("Twin Klaster (PL)", "Twin Klaster (PL) names more than one cluster"),
    ]:
        response = client.post(
            action_url(plans.cz_plan.pk),
            {"title": "Refused", "status": "planned", "partners": partners},
        )
        assert response.status_code == 200
        assert reason in text_of(response)
    owner = client.post(
        action_url(plans.cz_plan.pk),
        {"title": "Refused", "status": "planned", "owner_cluster": "Twin Klaster (PL)"},
    )
    assert "Twin Klaster (PL) names more than one cluster" in text_of(owner)
    assert not Action.objects.filter(title="Refused").exists()


def test_a_partner_named_by_the_service_is_the_same_as_by_id(personas: Personas) -> None:
    plans = build_plans(personas.cz_cluster, personas.pl_cluster)
    by_name = actionplans.save_action(
        plans.cz_plan, {"title": "A", "partners": ["Śląski Klaster (PL)"]}, actor=SETUP
    )
    by_id = actionplans.save_action(
        plans.cz_plan, {"title": "B", "partners": [personas.pl_cluster.pk]}, actor=SETUP
    )
    assert list(by_name.partners.all()) == list(by_id.partners.all()) == [personas.pl_cluster]


def test_a_manager_still_cannot_write_another_clusters_plan_by_naming_clusters(
    client: Client, personas: Personas
) -> None:
    plans = build_plans(personas.cz_cluster, personas.pl_cluster)
    client.force_login(personas.manager)  # manages the CZ cluster, not the PL one
    response = client.post(
        action_url(plans.pl_plan.pk),
        {"title": "Foreign", "status": "planned", "owner_cluster": "Klastr Zdraví (CZ)"},
    )
    assert response.status_code in (302, 403, 404)
    assert not Action.objects.filter(title="Foreign").exists()
