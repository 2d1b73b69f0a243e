"""The one policy on surveys: managers answer for their cluster; admins and the coordinators
of a cluster's country run rounds and read answers; nobody else sees answers."""

from __future__ import annotations

import pytest

from clusterhub.accounts.policy import Action, can
from tests.benchmarking.surveys import fast_passwords  # noqa: F401 (autouse)

A = Action
# (persona, action, target, allowed); cz = the manager's cluster, "CZ"/"PL" = a country.
MATRIX = [
    ("anonymous", A.ANSWER_SURVEY, "cz", False),
    ("anonymous", A.VIEW_SURVEY_ANSWERS, "cz", False),
    ("anonymous", A.MANAGE_SURVEYS, "CZ", False),
    ("registered", A.ANSWER_SURVEY, "cz", False),
    ("registered", A.VIEW_SURVEY_ANSWERS, "cz", False),
    ("manager", A.ANSWER_SURVEY, "cz", True),
    ("manager", A.ANSWER_SURVEY, "cz_other", False),
    ("manager", A.VIEW_SURVEY_ANSWERS, "cz_other", False),
    ("manager", A.MANAGE_SURVEYS, "CZ", False),
    ("manager", A.MANAGE_SURVEYS, "cz", False),
    ("coordinator_cz", A.ANSWER_SURVEY, "cz", False),
    ("coordinator_cz", A.VIEW_SURVEY_ANSWERS, "cz", True),
    ("coordinator_cz", A.MANAGE_SURVEYS, "CZ", True),
    ("coordinator_cz", A.MANAGE_SURVEYS, "cz_other", True),
    ("coordinator_cz", A.MANAGE_SURVEYS, None, False),  # a round of every country
    ("coordinator_pl", A.VIEW_SURVEY_ANSWERS, "cz", False),
    ("coordinator_pl", A.MANAGE_SURVEYS, "CZ", False),
    ("coordinator_pl", A.MANAGE_SURVEYS, "cz", False),
    ("coordinator_pl", A.MANAGE_SURVEYS, "pl", True),
    ("admin", A.MANAGE_SURVEYS, None, True),
    ("admin", A.VIEW_SURVEY_ANSWERS, "pl", True),
]


@pytest.mark.parametrize(("persona", "action", "target", "allowed"), MATRIX)
def test_the_policy_answers_each_role_for_surveys(
    personas, persona, action, target, allowed
) -> None:  # type: ignore[no-untyped-def]
    user = getattr(personas, persona)
    resolved = {"cz": personas.cz_cluster, "cz_other": personas.cz_other, "pl": personas.pl_cluster}
    assert can(user, action, resolved.get(target, target)) is allowed
