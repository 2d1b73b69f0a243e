"""The action plan pages: who sees what, who may change what (role x action), CSRF on the
forms, personal data hidden from the public, the timeline and the overdue list."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from clusterhub.audit.models import AuditEntry
from clusterhub.cooperation.actionplans import services
from clusterhub.cooperation.models import Action, ActionPlan, Indicator, ProgressNote
from tests.builders.actionplans import SETUP, build_plans

pytestmark = pytest.mark.django_db

PERSONAS = ["admin", "coordinator_cz", "coordinator_pl", "manager", "registered", "anonymous"]
# Who may change the CZ cluster's plan: its editors (admin, CZ coordinator, its manager).
EDITORS = {"admin", "coordinator_cz", "manager"}
WITH_ROLE = {"admin", "coordinator_cz", "coordinator_pl", "manager"}


@pytest.fixture
def world(personas):  # type: ignore[no-untyped-def]
    plans = build_plans(personas.cz_cluster, personas.pl_cluster)
    services.save_action(
        plans.cz_plan,
        {"owner_person": "Jana Nováková", "owner_cluster": personas.cz_cluster},
        actor=SETUP,
        action=plans.late,
    )
    indicator = services.save_indicator(
        plans.late,
        {"name": "Firmy na misi", "unit": "firem", "target": 10, "current": 4},
        actor=SETUP,
    )
    note = services.add_note(
        plans.late, "Termín se posunul kvůli vízům.", actor=SETUP, author_name="Petr Svoboda"
    )
    return personas, plans, indicator, note


def client_for(user: Any) -> Client:
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    return client


def url(name: str, *args: Any) -> str:
    return reverse(f"portal:cooperation:{name}", args=args)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", ["actionplan_list", "actionplan_detail", "csv", "xlsx", "ical"])
def test_plans_and_their_exports_are_public(world, persona, page) -> None:  # type: ignore[no-untyped-def]
    personas, plans, _indicator, _note = world
    names = {"csv": "actionplan_csv", "xlsx": "actionplan_xlsx", "ical": "actionplan_ical"}
    args = () if page == "actionplan_list" else (plans.cz_plan.pk,)
    response = client_for(getattr(personas, persona)).get(url(names.get(page, page), *args))
    assert response.status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_owner_persons_and_note_authors_are_shown_only_to_users_with_a_role(world, persona) -> None:  # type: ignore[no-untyped-def]
    personas, plans, _indicator, _note = world
    page = client_for(getattr(personas, persona)).get(url("actionplan_detail", plans.cz_plan.pk))
    html = page.content.decode()
    assert "Termín se posunul kvůli vízům." in html  # notes themselves are public
    assert ("Jana Nováková" in html) == (persona in WITH_ROLE)
    assert ("Petr Svoboda" in html) == (persona in WITH_ROLE)
    csv = client_for(getattr(personas, persona)).get(url("actionplan_csv", plans.cz_plan.pk))
    assert ("Jana Nováková" in csv.content.decode("utf-8-sig")) == (persona in WITH_ROLE)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_plan_page_shows_edit_links_to_its_editors_only(world, persona) -> None:  # type: ignore[no-untyped-def]
    personas, plans, _indicator, _note = world
    html = client_for(getattr(personas, persona)).get(url("actionplan_detail", plans.cz_plan.pk))
    edit_link = url("actionplan_edit", plans.cz_plan.pk)
    assert (edit_link in html.content.decode()) == (persona in EDITORS)
    assert ("csrfmiddlewaretoken" in html.content.decode()) is True  # the language form at least


def test_the_plan_page_has_a_timeline_with_status_and_late_badges(world) -> None:  # type: ignore[no-untyped-def]
    _personas, plans, _indicator, _note = world
    html = Client().get(url("actionplan_detail", plans.cz_plan.pk)).content.decode()
    assert "<svg" in html and 'role="img"' in html
    assert html.count('class="status-in_progress late"') == 1  # the late bar
    assert html.count('class="status-planned late"') == 1
    assert 'class="status-done"' in html and 'class="status-dropped"' in html
    assert '<meter min="0" max="1" value="0.4">' in html
    assert "40 %" in html


def test_titles_are_escaped_on_the_page_and_in_the_chart(personas) -> None:  # type: ignore[no-untyped-def]
    plan = services.save_plan(
        {"title": "<script>alert(1)</script>", "cluster": personas.cz_cluster}, actor=SETUP
    )
    services.save_action(
        plan, {"title": "<b>x</b>", "start": "2026-01-01", "deadline": "2026-02-01"}, actor=SETUP
    )
    html = Client().get(url("actionplan_detail", plan.pk)).content.decode()
    assert "<script>alert(1)</script>" not in html and "<b>x</b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html


def _post(persona_user: Any, target: str, data: dict[str, Any]) -> Any:
    return client_for(persona_user).post(target, data)


def _writes(plans: Any, indicator: Indicator, note: ProgressNote, personas: Any) -> dict[str, Any]:
    """Each write of the CZ plan: (url, form data, check that it happened)."""
    plan, action = plans.cz_plan, plans.late
    a = (plan.pk, action.pk)
    return {
        "edit_plan": (
            url("actionplan_edit", plan.pk),
            {"title": "Nový název", "owner": f"c:{personas.cz_cluster.pk}", "description": ""},
            lambda: ActionPlan.objects.get(pk=plan.pk).title == "Nový název",
        ),
        "delete_plan": (
            url("actionplan_delete", plan.pk),
            {},
            lambda: not ActionPlan.objects.filter(pk=plan.pk).exists(),
        ),
        "new_action": (
            url("action_new", plan.pk),
            {"title": "Nová akce", "status": "planned", "deadline": "2030-01-01"},
            lambda: Action.objects.filter(title="Nová akce").exists(),
        ),
        "edit_action": (
            url("action_edit", *a),
            {"title": action.title, "status": "done"},
            lambda: Action.objects.get(pk=action.pk).status == "done",
        ),
        "delete_action": (
            url("action_delete", *a),
            {},
            lambda: not Action.objects.filter(pk=action.pk).exists(),
        ),
        "new_indicator": (
            url("indicator_new", *a),
            {"name": "Nové", "target": "5"},
            lambda: Indicator.objects.filter(name="Nové").exists(),
        ),
        "edit_indicator": (
            url("indicator_edit", *a, indicator.pk),
            {"name": "Firmy na misi", "target": "10", "current": "7"},
            lambda: Indicator.objects.get(pk=indicator.pk).current == 7,
        ),
        "delete_indicator": (
            url("indicator_delete", *a, indicator.pk),
            {},
            lambda: not Indicator.objects.filter(pk=indicator.pk).exists(),
        ),
        "new_note": (
            url("note_new", *a),
            {"text": "Nová poznámka"},
            lambda: ProgressNote.objects.filter(text="Nová poznámka").exists(),
        ),
        "delete_note": (
            url("note_delete", *a, note.pk),
            {},
            lambda: not ProgressNote.objects.filter(pk=note.pk).exists(),
        ),
    }


WRITES = [
    "edit_plan",
    "delete_plan",
    "new_action",
    "edit_action",
    "delete_action",
    "new_indicator",
    "edit_indicator",
    "delete_indicator",
    "new_note",
    "delete_note",
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("write", WRITES)
def test_only_the_plans_editors_change_it(world, persona, write) -> None:  # type: ignore[no-untyped-def]
    personas, plans, indicator, note = world
    target, data, happened = _writes(plans, indicator, note, personas)[write]
    user = getattr(personas, persona)
    entries = AuditEntry.objects.count()
    form = client_for(user).get(target)
    response = _post(user, target, data)
    if persona in EDITORS:
        assert form.status_code == 200
        assert response.status_code == 302, response.content.decode()[:2000]
        assert happened()
        assert AuditEntry.objects.count() > entries
        assert AuditEntry.objects.latest("id").actor == user
    else:
        expected = 302 if persona == "anonymous" else 403
        assert (form.status_code, response.status_code) == (expected, expected)
        if persona == "anonymous":
            assert response["Location"].startswith(reverse("accounts:login"))
        assert not happened()
        assert AuditEntry.objects.count() == entries


def test_the_forms_need_the_csrf_token(world) -> None:  # type: ignore[no-untyped-def]
    personas, plans, _indicator, _note = world
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.manager)
    form = client.get(url("note_new", plans.cz_plan.pk, plans.late.pk)).content.decode()
    assert "csrfmiddlewaretoken" in form
    response = client.post(url("note_new", plans.cz_plan.pk, plans.late.pk), {"text": "Bez tokenu"})
    assert response.status_code == 403
    assert not ProgressNote.objects.filter(text="Bez tokenu").exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_plan_cannot_be_given_to_an_owner_the_user_may_not_edit(world, persona) -> None:  # type: ignore[no-untyped-def]
    personas, plans, _indicator, _note = world
    user = getattr(personas, persona)
    response = _post(
        user,
        url("actionplan_edit", plans.cz_plan.pk),
        {"title": "Přesun", "owner": f"c:{personas.pl_cluster.pk}"},
    )
    plans.cz_plan.refresh_from_db()
    if persona == "admin":
        assert plans.cz_plan.cluster == personas.pl_cluster
    else:
        assert plans.cz_plan.cluster == personas.cz_cluster
        assert response.status_code in (200, 302, 403)
        if persona in EDITORS:  # the PL cluster is not among the choices
            assert "owner" in response.context["form"].errors


def test_bad_dates_are_shown_by_their_boxes_and_nothing_is_written(world) -> None:  # type: ignore[no-untyped-def]
    personas, plans, _indicator, _note = world
    entries = AuditEntry.objects.count()
    response = _post(
        personas.manager,
        url("action_new", plans.cz_plan.pk),
        {"title": "Špatně", "status": "planned", "start": "2030-05-01", "deadline": "2030-04-01"},
    )
    assert response.status_code == 200
    assert "deadline" in response.context["form"].errors
    assert "2030-04-01" in response.content.decode()
    assert AuditEntry.objects.count() == entries


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_plans_history_is_for_its_editors(world, persona) -> None:  # type: ignore[no-untyped-def]
    personas, plans, _indicator, _note = world
    response = client_for(getattr(personas, persona)).get(
        url("actionplan_history", plans.cz_plan.pk)
    )
    if persona in EDITORS:
        html = response.content.decode()
        assert response.status_code == 200
        assert "Společná mise do Bavorska" in html  # an action's entry in the plan's history
        assert "Firmy na misi" in html  # an indicator's
    else:
        assert response.status_code == (302 if persona == "anonymous" else 403)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_overdue_page_lists_the_late_actions_a_user_oversees(world, persona) -> None:  # type: ignore[no-untyped-def]
    personas, plans, _indicator, _note = world
    response = client_for(getattr(personas, persona)).get(url("actionplan_overdue"))
    if persona in ("anonymous", "registered"):
        assert response.status_code == (302 if persona == "anonymous" else 403)
        return
    html = response.content.decode()
    cz = plans.late.title in html and plans.planned_late.title in html
    pl = plans.pl_late.title in html
    assert (cz, pl) == {
        "admin": (True, True),
        "coordinator_cz": (True, False),
        "coordinator_pl": (False, True),
        "manager": (True, False),
    }[persona]
    assert plans.done.title not in html and plans.future.title not in html


def test_the_new_plan_form_offers_only_owners_the_user_may_edit(world) -> None:  # type: ignore[no-untyped-def]
    personas, _plans, _indicator, _note = world
    html = client_for(personas.manager).get(url("actionplan_new")).content.decode()
    assert f'value="c:{personas.cz_cluster.pk}"' in html
    assert f'value="c:{personas.cz_other.pk}"' not in html
    assert f'value="c:{personas.pl_cluster.pk}"' not in html
    response = _post(
        personas.manager,
        url("actionplan_new"),
        {"title": "Plán", "owner": f"c:{personas.cz_cluster.pk}"},
    )
    plan = ActionPlan.objects.get(title="Plán")
    assert response["Location"] == url("actionplan_detail", plan.pk)
    assert client_for(personas.registered).get(url("actionplan_new")).status_code == 403


def test_a_new_plan_the_services_refuse_shows_the_reason_by_its_box(world) -> None:  # type: ignore[no-untyped-def]
    personas, _plans, _indicator, _note = world
    plans, entries = ActionPlan.objects.count(), AuditEntry.objects.count()
    response = _post(
        personas.manager,
        url("actionplan_new"),
        {"title": "Plán", "owner": f"c:{personas.cz_cluster.pk}", "description": "x" * 20_001},
    )
    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert (ActionPlan.objects.count(), AuditEntry.objects.count()) == (plans, entries)
