"""The action plans API: public reads without personal data, writes with tokens under the
policy (role x endpoint), problems for every refusal, and the history of API writes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import override_settings

from clusterhub.accounts.services import create_api_token
from clusterhub.audit.models import AuditEntry
from clusterhub.cooperation.actionplans import services
from clusterhub.cooperation.models import Action, ProgressNote
from tests.builders.actionplans import SETUP, build_plans

pytestmark = pytest.mark.django_db

PERSONAS = ["admin", "coordinator_cz", "coordinator_pl", "manager", "registered", "anonymous"]
EDITORS = {"admin", "coordinator_cz", "manager"}
WITH_ROLE = {"admin", "coordinator_cz", "coordinator_pl", "manager"}


def call(client, method: str, url: str, user: Any = None, body: Any = None):  # type: ignore[no-untyped-def]
    headers = {}
    if user is not None and user.is_authenticated:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {create_api_token(user, 'test')}"
    data = json.dumps(body) if body is not None else None
    return getattr(client, method)(url, data=data, content_type="application/json", **headers)


@pytest.fixture
def plans(personas):  # type: ignore[no-untyped-def]
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    services.save_action(
        built.cz_plan, {"owner_person": "Jana Nováková"}, actor=SETUP, action=built.late
    )
    services.add_note(built.late, "Zpoždění víz.", actor=SETUP, author_name="Petr Svoboda")
    services.save_indicator(built.late, {"name": "Firmy", "target": 10, "current": 4}, actor=SETUP)
    return built


@pytest.mark.parametrize("persona", PERSONAS)
def test_plans_are_read_by_anyone_with_personal_data_for_roles_only(
    client, personas, plans, persona
) -> None:  # type: ignore[no-untyped-def]
    user = getattr(personas, persona)
    listing = call(client, "get", "/api/v1/action-plans", user)
    assert listing.status_code == 200
    body = listing.json()
    assert body["count"] == 2
    cz = next(p for p in body["results"] if p["id"] == plans.cz_plan.pk)
    assert (cz["cluster"], cz["action_count"], cz["late_count"]) == (personas.cz_cluster.pk, 5, 2)
    detail = call(client, "get", f"/api/v1/action-plans/{plans.cz_plan.pk}", user).json()
    late = next(a for a in detail["actions"] if a["id"] == plans.late.pk)
    assert late["late"] is True and late["status"] == "in_progress"
    assert late["indicators"][0]["current"] == 4
    assert late["notes"][0]["text"] == "Zpoždění víz."
    shown = persona in WITH_ROLE
    assert (late["owner_person"] == "Jana Nováková") == shown
    assert (late["notes"][0]["author_name"] == "Petr Svoboda") == shown
    assert "Jana" not in json.dumps(detail) or shown


def test_plans_can_be_filtered_by_owner_and_unknown_ones_are_404_problems(
    client, personas, plans
) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"/api/v1/action-plans?cluster={personas.pl_cluster.pk}").json()
    assert [p["id"] for p in body["results"]] == [plans.pl_plan.pk]
    missing = client.get("/api/v1/action-plans/999999")
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/problem+json"
    assert client.get("/api/v1/action-plans?cluster=abc").status_code == 422


def _write(client, kind: str, user: Any, plans: Any):  # type: ignore[no-untyped-def]
    base = f"/api/v1/action-plans/{plans.cz_plan.pk}/actions"
    if kind == "create":
        body = {"title": "Nová akce přes API", "deadline": "2030-06-30"}
        return call(client, "post", base, user, body)
    if kind == "status":
        return call(client, "patch", f"{base}/{plans.late.pk}", user, {"status": "done"})
    return call(client, "post", f"{base}/{plans.late.pk}/notes", user, {"text": "Z API"})


def _happened(kind: str, plans: Any) -> bool:
    if kind == "create":
        return Action.objects.filter(title="Nová akce přes API").exists()
    if kind == "status":
        return Action.objects.get(pk=plans.late.pk).status == "done"
    return ProgressNote.objects.filter(text="Z API").exists()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("kind", ["create", "status", "note"])
def test_writes_need_a_token_of_someone_who_may_edit_the_plan(
    client, personas, plans, persona, kind
) -> None:  # type: ignore[no-untyped-def]
    user = getattr(personas, persona)
    entries = AuditEntry.objects.count()
    response = _write(client, kind, user, plans)
    if persona in EDITORS:
        assert response.status_code in (200, 201), response.content
        assert _happened(kind, plans)
        entry = AuditEntry.objects.latest("id")
        assert (entry.actor, entry.context) == (user, "api")
    else:
        assert response.status_code == (401 if persona == "anonymous" else 403)
        assert response["Content-Type"] == "application/problem+json"
        assert not _happened(kind, plans)
        assert AuditEntry.objects.count() == entries


def test_a_session_is_not_enough_to_write(client, personas, plans) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.manager)
    response = client.patch(
        f"/api/v1/action-plans/{plans.cz_plan.pk}/actions/{plans.late.pk}",
        data=json.dumps({"status": "done"}),
        content_type="application/json",
    )
    assert response.status_code == 401


def test_a_status_change_answers_the_action_and_enters_the_plans_history(
    client, personas, plans
) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/action-plans/{plans.cz_plan.pk}/actions/{plans.late.pk}"
    response = call(client, "patch", url, personas.manager, {"status": "done"})
    assert response.json()["late"] is False
    entry = AuditEntry.objects.filter(model="action", object_id=str(plans.late.pk)).first()
    assert entry is not None
    assert (entry.before["status"], entry.after["status"]) == ("in_progress", "done")


def test_bad_values_are_422_problems_naming_each_field(client, personas, plans) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/action-plans/{plans.cz_plan.pk}/actions/{plans.late.pk}"
    entries = AuditEntry.objects.count()
    response = call(
        client,
        "patch",
        url,
        personas.manager,
        {"status": "finished", "start": "2030-05-01", "deadline": "2030-04-01", "title": "x" * 400},
    )
    assert response.status_code == 422
    problem = response.json()
    assert {e["field"] for e in problem["errors"]} == {"status", "deadline", "title"}
    bad_date = call(client, "patch", url, personas.manager, {"deadline": "31.12.2030"})
    assert bad_date.status_code == 422
    assert "deadline" in bad_date.json()["errors"][0]["field"]
    empty_note = call(client, "post", f"{url}/notes", personas.manager, {"text": "  "})
    assert empty_note.status_code == 422
    assert AuditEntry.objects.count() == entries


@pytest.mark.parametrize("body", [[1, 2], "done", 7])
def test_a_body_that_is_not_an_object_is_a_422_problem_and_changes_nothing(
    client, personas, plans, body
) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/action-plans/{plans.cz_plan.pk}/actions/{plans.late.pk}"
    entries = AuditEntry.objects.count()
    response = call(client, "patch", url, personas.manager, body)
    assert response.status_code == 422
    assert response.json()["detail"] == "The body must be a JSON object of fields."
    assert AuditEntry.objects.count() == entries


@pytest.mark.parametrize("field", ["status", "position", "title", "partners"])
def test_null_for_a_field_that_always_holds_a_value_is_refused_not_taken_for_a_default(
    client, personas, plans, field
) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/action-plans/{plans.cz_plan.pk}/actions/{plans.late.pk}"
    response = call(client, "patch", url, personas.manager, {field: None})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": field, "value": None, "reason": "must not be null"}
    ]
    plans.late.refresh_from_db()
    assert plans.late.status == "in_progress"


def test_null_clears_the_deadline_and_the_owner_person(client, personas, plans) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/action-plans/{plans.cz_plan.pk}/actions/{plans.late.pk}"
    body = {"deadline": None, "owner_person": None}
    response = call(client, "patch", url, personas.manager, body)
    assert response.status_code == 200, response.json()
    assert (response.json()["deadline"], response.json()["owner_person"]) == (None, "")


def test_an_action_of_another_plan_is_not_found_under_this_one(client, personas, plans) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/action-plans/{plans.cz_plan.pk}/actions/{plans.pl_late.pk}"
    assert call(client, "patch", url, personas.admin, {"status": "done"}).status_code == 404


def test_an_action_cannot_be_moved_into_a_plan_the_token_may_not_edit(
    client, personas, plans
) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/action-plans/{plans.cz_plan.pk}/actions/{plans.future.pk}"
    response = call(client, "patch", url, personas.manager, {"plan": plans.pl_plan.pk})
    assert response.status_code == 403
    assert Action.objects.get(pk=plans.future.pk).plan_id == plans.cz_plan.pk


@override_settings(API_MAX_BODY_BYTES=1_000, DATA_UPLOAD_MAX_MEMORY_SIZE=1_000)
def test_an_oversized_note_is_a_413_problem(client, personas, plans) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/action-plans/{plans.cz_plan.pk}/actions/{plans.late.pk}/notes"
    response = call(client, "post", url, personas.manager, {"text": "x" * 5_000})
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert not ProgressNote.objects.filter(text__startswith="xxx").exists()
