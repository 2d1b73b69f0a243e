"""A plan holds a bounded number of progress notes in all (its page and its API answer hold
every one): a note beyond it is refused, and so is moving an action whose notes would pass
it; nothing is written."""

from __future__ import annotations

import pytest
from django.utils import timezone

from clusterhub.cooperation.actionplans import checks, services
from clusterhub.cooperation.actionplans.checks import InvalidActionPlan
from clusterhub.cooperation.models import ProgressNote
from tests.builders.actionplans import SETUP, build_plans
from tests.personas import Personas

pytestmark = pytest.mark.django_db


def fill(action, count: int) -> None:  # type: ignore[no-untyped-def]
    now = timezone.now()
    ProgressNote.objects.bulk_create(
        ProgressNote(action=action, written_at=now, author_name="x", text=f"N {n}")
        for n in range(count)
    )


def test_a_note_beyond_the_plans_limit_is_refused_whichever_action_it_is_on(
    personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checks, "MAX_PLAN_NOTES", 4)
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    fill(built.late, 2)
    fill(built.done, 2)
    with pytest.raises(InvalidActionPlan) as refused:
        services.add_note(built.dropped, "One more", actor=SETUP)
    assert refused.value.errors["text"] == "A plan holds at most 4 progress notes in all."
    assert ProgressNote.objects.filter(action__plan=built.cz_plan).count() == 4
    services.add_note(built.pl_late, "Another plan has room", actor=SETUP)


def test_moving_an_action_whose_notes_would_pass_the_limit_is_refused(
    personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checks, "MAX_PLAN_NOTES", 4)
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    fill(built.late, 3)
    fill(built.pl_late, 2)
    with pytest.raises(InvalidActionPlan) as refused:
        services.save_action(
            built.pl_plan, {"plan": built.cz_plan.pk}, actor=SETUP, action=built.pl_late
        )
    assert "plan" in refused.value.errors
    built.pl_late.refresh_from_db()
    assert built.pl_late.plan_id == built.pl_plan.pk
