"""Submitted answers as plain data, for indicators, the benchmarking study and notebooks.

>>> latest_answers("benchmarking-2026")
{17: {"members_total": 120, "legal_form": "association", "funding_public_pct": 35.0, ...}}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from clusterhub.benchmarking.definition import Definition
from clusterhub.benchmarking.models import Questionnaire, Response
from clusterhub.benchmarking.rules import typed


def latest_answers(
    questionnaire_id: str, *, countries: Iterable[str] | None = None
) -> dict[int, dict[str, Any]]:
    """Each cluster's latest submitted answers to any version of a questionnaire.

    Args:
        questionnaire_id: the questionnaire file's `id` (e.g. "benchmarking-2026").
        countries: only clusters of these countries (ISO alpha-2); all when None.

    Returns:
        {cluster primary key (the registry's id, as in /clusters/<id>/): {question id:
        value}}, from the cluster's most recently submitted response over every round and
        version of the questionnaire. Values are typed: int (integer, year, scale), float
        (number, percent, money in EUR), bool (yes_no), str (single, text), list[str]
        (multiple). Unanswered questions are absent; drafts are left out.
    """
    definitions: dict[int, Definition] = {
        q.pk: q.spec for q in Questionnaire.objects.filter(key=questionnaire_id)
    }
    responses = Response.objects.filter(
        status=Response.Status.SUBMITTED, survey__questionnaire_id__in=list(definitions)
    )
    if countries is not None:
        responses = responses.filter(cluster__country__in=list(countries))
    rows = responses.order_by("cluster_id", "submitted_at", "pk").values_list(
        "cluster_id", "survey__questionnaire_id", "answers"
    )
    latest: dict[int, dict[str, Any]] = {}
    for cluster_id, questionnaire_pk, answers in rows.iterator():
        definition = definitions[questionnaire_pk]
        latest[cluster_id] = {
            question_id: typed(definition.question(question_id), value)
            for question_id, value in answers.items()
            if definition.has(question_id)
        }
    return latest
