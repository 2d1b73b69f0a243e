"""Saving, submitting and reopening a cluster's response to a survey round."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.audit.services import Actor, Change, record
from clusterhub.benchmarking.definition import Question
from clusterhub.benchmarking.models import Invitation, Response, Survey
from clusterhub.benchmarking.rules import AnswerProblem, Raw, check_answers
from clusterhub.registry.models import Cluster

MODEL = "survey_response"


class AnswersInvalid(Exception):
    """Answers break the questionnaire's rules; nothing was saved."""

    def __init__(self, problems: list[AnswerProblem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) with the answers")


class ResponseLocked(Exception):
    """The response was submitted; only a coordinator's reopening makes it editable."""


class NotAnswerable(Exception):
    """The cluster may not answer this round now; the message says why."""


def _state(response: Response) -> dict[str, Any]:
    return {"status": response.status, "answers": response.answers}


def _change(response: Response, action: str, before: dict[str, Any] | None) -> Change:
    name = f"{response.cluster.name} ({response.survey.title})"[:300]
    return Change(action, MODEL, str(response.pk), name, before, _state(response))


def check_answerable(survey: Survey, cluster: Cluster, *, online: bool) -> None:
    """Raise NotAnswerable unless the cluster may answer the round (online: now, invited)."""
    if not survey.covers(cluster.country):
        raise NotAnswerable(
            _("%(cluster)s is not a cluster of the country this survey asks (%(country)s).")
            % {"cluster": cluster.name, "country": survey.country}
        )
    if not online:
        return
    if not Invitation.objects.filter(survey=survey, cluster=cluster).exists():
        raise NotAnswerable(
            _("%(cluster)s was not invited to this survey.") % {"cluster": cluster.name}
        )
    if not survey.is_open():
        raise NotAnswerable(
            _("The survey is open from %(opens)s to %(closes)s.")
            % {"opens": survey.opens_on.isoformat(), "closes": survey.closes_on.isoformat()}
        )


def save_response(
    survey: Survey,
    cluster: Cluster,
    raw: Mapping[str, Raw | None],
    *,
    submit: bool,
    actor: Actor,
    user: Any = None,
    online: bool = True,
    replace_submitted: bool = False,
    name: Callable[[Question], str] | None = None,
) -> tuple[Response, str]:
    """Save the cluster's answers as a draft, or submit them; returns the response and
    "created", "updated" or "unchanged".

    A draft keeps every answer that is valid on its own; submitting also needs every
    required answer and every rule across questions (raises AnswersInvalid, saving
    nothing). A submitted response is locked (ResponseLocked) unless `replace_submitted`
    (an import that replaces it). `online`: a manager in the portal, who needs an
    invitation and an open survey; imports may come after the survey closed.
    """
    check_answerable(survey, cluster, online=online)
    clean, problems = check_answers(survey.questionnaire.spec, raw, complete=submit, name=name)
    if problems:
        raise AnswersInvalid(problems)
    status = Response.Status.SUBMITTED if submit else Response.Status.DRAFT
    with transaction.atomic():
        response = (
            Response.objects.select_for_update()
            .select_related("survey", "cluster")
            .filter(survey=survey, cluster=cluster)
            .first()
        )
        before = _state(response) if response is not None else None
        if response is not None and response.status == Response.Status.SUBMITTED:
            if before == {"status": status, "answers": clean}:
                return response, "unchanged"
            if not replace_submitted:
                raise ResponseLocked(
                    _("The answers were submitted; ask your national coordinator to reopen them.")
                )
        if response is not None and before == {"status": status, "answers": clean}:
            return response, "unchanged"
        if response is None:
            response = Response(survey=survey, cluster=cluster)
        response.status = status
        response.answers = clean
        if submit:
            response.submitted_at = timezone.now()
            authenticated = getattr(user, "is_authenticated", False)
            response.submitted_by = user if authenticated else None
            response.submitted_by_name = actor.name[:200]
        response.save()
        record(actor, _change(response, "update" if before else "create", before))
    return response, "updated" if before else "created"


def reopen_response(response: Response, *, actor: Actor) -> Response:
    """Make a submitted response a draft again, so its cluster's managers can change it."""
    with transaction.atomic():
        before = _state(response)
        if response.status != Response.Status.SUBMITTED:
            return response
        response.status = Response.Status.DRAFT
        response.submitted_at = None
        response.save(update_fields=["status", "submitted_at", "updated_at"])
        record(actor, _change(response, "update", before))
    return response
