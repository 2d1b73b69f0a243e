"""The one permission policy, as a role-by-action matrix."""

from __future__ import annotations

import pytest

from clusterhub.accounts.policy import Action, can

A = Action
# (persona, action, target, allowed); targets: cz = the manager's CZ cluster, cz_other,
# pl = a Polish cluster, "CZ"/"PL" = a country (create, import).
MATRIX = [
    ("anonymous", A.VIEW, "cz", True),
    ("anonymous", A.VIEW_PERSONAL, "cz", False),
    ("anonymous", A.EDIT, "cz", False),
    ("anonymous", A.CREATE, "CZ", False),
    ("anonymous", A.IMPORT, "CZ", False),
    ("registered", A.VIEW_PERSONAL, "cz", False),
    ("registered", A.EDIT, "cz", False),
    ("registered", A.DELETE, "cz", False),
    ("manager", A.VIEW_PERSONAL, "cz", True),
    ("manager", A.EDIT, "cz", True),
    ("manager", A.EDIT_MEMBERS, "cz", True),
    ("manager", A.VIEW_HISTORY, "cz", True),
    ("manager", A.RESTORE, "cz", True),
    ("manager", A.EDIT, "cz_other", False),
    ("manager", A.EDIT_MEMBERS, "cz_other", False),
    ("manager", A.DELETE, "cz", False),
    ("manager", A.CREATE, "CZ", False),
    ("manager", A.IMPORT, "CZ", False),
    ("manager", A.INVITE, None, False),
    ("coordinator_cz", A.EDIT, "cz", True),
    ("coordinator_cz", A.EDIT, "cz_other", True),
    ("coordinator_cz", A.DELETE, "cz_other", True),
    ("coordinator_cz", A.CREATE, "CZ", True),
    ("coordinator_cz", A.IMPORT, "CZ", True),
    ("coordinator_cz", A.EDIT, "pl", False),
    ("coordinator_cz", A.DELETE, "pl", False),
    ("coordinator_cz", A.CREATE, "PL", False),
    ("coordinator_cz", A.IMPORT, "PL", False),
    ("coordinator_cz", A.INVITE, None, False),
    ("coordinator_pl", A.EDIT, "cz", False),
    ("coordinator_pl", A.EDIT_MEMBERS, "cz", False),
    ("coordinator_pl", A.EDIT, "pl", True),
    ("admin", A.EDIT, "pl", True),
    ("admin", A.DELETE, "cz", True),
    ("admin", A.INVITE, None, True),
    ("admin", A.IMPORT, "SK", True),
]


@pytest.mark.parametrize(("persona", "action", "target", "allowed"), MATRIX)
def test_the_policy_answers_each_role_and_action(
    personas, persona, action, target, allowed
) -> None:  # type: ignore[no-untyped-def]
    user = getattr(personas, persona)
    resolved = {"cz": personas.cz_cluster, "cz_other": personas.cz_other, "pl": personas.pl_cluster}
    assert can(user, action, resolved.get(target, target)) is allowed


def test_a_deactivated_coordinator_may_do_nothing_but_view(personas) -> None:  # type: ignore[no-untyped-def]
    personas.coordinator_cz.is_active = False
    assert not can(personas.coordinator_cz, Action.EDIT, personas.cz_cluster)
    assert can(personas.coordinator_cz, Action.VIEW, personas.cz_cluster)
