"""Writes a careless or hostile user tries: ids beyond the database's integers, candidates
whose ids are objects, an indicator of another action, over-long form fields; and writes
that changed data without the history knowing (an action's position, what a deletion takes
with it)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from clusterhub.accounts.services import create_api_token
from clusterhub.audit.models import AuditEntry
from clusterhub.cooperation.actionplans import services
from clusterhub.cooperation.metaclusters import plans as strategy
from clusterhub.cooperation.models import Action, Indicator, MetaCluster, ProgressNote
from tests.builders.actionplans import SETUP, build_plans
from tests.cooperation.metaclusters import World, build
from tests.personas import Personas

pytestmark = pytest.mark.django_db

BEYOND = 2**63  # one more than the largest id a database holds


def url(name: str, *args: object) -> str:
    return reverse(f"portal:cooperation:{name}", args=args)


def patch(client: Client, path: str, user: Any, body: dict[str, Any]) -> Any:
    token = create_api_token(user, "test")
    return client.patch(
        path,
        data=json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def test_a_partner_id_beyond_the_databases_integers_is_refused_by_the_api(
    client: Client, personas: Personas
) -> None:
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    path = f"/api/v1/action-plans/{built.cz_plan.pk}/actions/{built.late.pk}"
    response = patch(client, path, personas.coordinator_cz, {"partners": [BEYOND]})
    assert response.status_code == 422  # the query on it was a server error
    assert response.json()["errors"][0]["field"] == "partners"
    assert not built.late.partners.exists()


def test_a_partner_id_beyond_the_databases_integers_is_refused_by_the_form(
    client: Client, personas: Personas
) -> None:
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    client.force_login(personas.coordinator_cz)
    actions = Action.objects.count()
    response = client.post(
        url("action_new", built.cz_plan.pk),
        {"title": "Nová akce", "status": "planned", "partners": [str(BEYOND)]},
    )
    assert response.status_code == 200  # the form again, with the reason by the box
    assert "not one of the available choices" in response.content.decode()
    assert Action.objects.count() == actions


def test_a_candidate_whose_cluster_ids_are_objects_or_lists_is_refused_by_the_form(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.coordinator_cz)
    candidate = {"name": "Odd", "clusters": [{"id": {"a": 1}}, [1, 2], personas.cz_cluster.pk]}
    response = client.post(
        "/en/cooperation/metaclusters/from-candidate/", {"candidate": json.dumps(candidate)}
    )
    assert response.status_code == 200  # comparing the ids failed: a server error
    assert "No cluster has the registry id" in response.content.decode()
    assert not MetaCluster.objects.filter(name="Odd").exists()


def test_an_overlong_sectors_text_is_refused_by_the_form_and_not_echoed_twice(
    client: Client, personas: Personas
) -> None:
    world = build(personas)
    client.force_login(personas.coordinator_cz)
    response = client.post(
        f"/en/cooperation/metaclusters/{world.meta.slug}/edit/",
        {"name": "Central Health", "lead": personas.cz_cluster.pk, "sectors": "x" * 100_000},
    )
    assert response.status_code == 200
    assert len(response.content) < 150_000  # the text once in its box, not again in a reason
    world.meta.refresh_from_db()
    assert world.meta.sectors == []


def test_an_indicator_of_another_action_is_refused_by_the_service(personas: Personas) -> None:
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    theirs = services.save_indicator(built.pl_late, {"name": "Firmy"}, actor=SETUP)
    with pytest.raises(ValueError, match="not one of the action's"):
        services.save_indicator(built.late, {"name": "Moje"}, actor=SETUP, indicator=theirs)
    theirs.refresh_from_db()
    assert (theirs.name, theirs.action_id) == ("Firmy", built.pl_late.pk)


def test_changing_only_an_actions_position_is_recorded_in_the_history(
    client: Client, personas: Personas
) -> None:
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    path = f"/api/v1/action-plans/{built.cz_plan.pk}/actions/{built.late.pk}"
    response = patch(client, path, personas.coordinator_cz, {"position": 7})
    assert response.status_code == 200 and response.json()["position"] == 7
    entry = AuditEntry.objects.filter(model="action", object_id=str(built.late.pk)).latest("id")
    assert entry.action == "update" and entry.changed_fields() == ["position"]
    assert (entry.before["position"], entry.after["position"]) == (0, 7)


def test_deleting_a_plan_records_its_indicators_and_notes_as_they_were(
    personas: Personas,
) -> None:
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    indicator = services.save_indicator(built.late, {"name": "Firmy", "target": 10}, actor=SETUP)
    note = services.add_note(built.late, "Zpoždění víz.", actor=SETUP, author_name="Petr")
    plan_id = built.cz_plan.pk
    services.delete_plan(built.cz_plan, actor=SETUP)
    assert not Indicator.objects.exists() and not ProgressNote.objects.exists()
    gone = AuditEntry.objects.filter(action="delete")
    kept = gone.get(model="indicator", object_id=str(indicator.pk))
    assert kept.before["name"] == "Firmy" and kept.before["plan"] == plan_id
    kept = gone.get(model="progress_note", object_id=str(note.pk))
    assert kept.before["text"] == "Zpoždění víz." and kept.before["author_name"] == "Petr"


def test_deleting_an_action_records_its_indicators_and_notes_as_they_were(
    personas: Personas,
) -> None:
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    indicator = services.save_indicator(built.late, {"name": "Firmy"}, actor=SETUP)
    note = services.add_note(built.late, "Hotovo brzy.", actor=SETUP, author_name="Petr")
    action_id = built.late.pk
    services.delete_action(built.late, actor=SETUP)
    gone = AuditEntry.objects.filter(action="delete")
    assert gone.filter(model="indicator", object_id=str(indicator.pk)).exists()
    assert gone.filter(model="progress_note", object_id=str(note.pk)).exists()
    assert gone.filter(model="action", object_id=str(action_id)).exists()


def test_deleting_a_goal_records_each_action_that_no_longer_serves_it(
    personas: Personas,
) -> None:
    world: World = build(personas)
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    # The PL cluster is a member: its own plan's action serves the meta-cluster's goal.
    services.save_action(built.pl_plan, {"goal": world.goal}, actor=SETUP, action=built.pl_late)
    goal_id = world.goal.pk
    strategy.delete_goal(world.meta, world.goal, actor=SETUP)
    built.pl_late.refresh_from_db()
    assert built.pl_late.goal_id is None
    entry = AuditEntry.objects.filter(model="action", object_id=str(built.pl_late.pk)).latest("id")
    assert entry.action == "update" and entry.changed_fields() == ["goal"]
    assert (entry.before["goal"], entry.after["goal"]) == (goal_id, None)
