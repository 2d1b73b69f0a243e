"""A cluster's response: its managers fill it in (draft, submit); coordinators read it and
may reopen it; an invitation's link leads to it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clusterhub.accounts.policy import Action, can
from clusterhub.accounts.sign_in import login_first
from clusterhub.benchmarking import services
from clusterhub.benchmarking.display import shown_answers
from clusterhub.benchmarking.forms import AnswerForm, current_language, label_of
from clusterhub.benchmarking.models import Invitation, Response, Survey
from clusterhub.benchmarking.views.access import actor
from clusterhub.registry.models import Cluster


def _load(pk: int, cluster_pk: int) -> tuple[Survey, Cluster, Invitation | None, Response | None]:
    survey = get_object_or_404(Survey.objects.select_related("questionnaire"), pk=pk)
    cluster = get_object_or_404(Cluster, pk=cluster_pk)
    invitation = Invitation.objects.filter(survey=survey, cluster=cluster).first()
    response = Response.objects.filter(survey=survey, cluster=cluster).first()
    return survey, cluster, invitation, response


@require_http_methods(["GET", "POST"])
def survey_response(request: HttpRequest, pk: int, cluster_pk: int) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    survey, cluster, invitation, response = _load(pk, cluster_pk)
    user = request.user
    answering = can(user, Action.ANSWER_SURVEY, cluster)
    if not answering and not can(user, Action.VIEW_SURVEY_ANSWERS, cluster):
        raise PermissionDenied
    if invitation is None and response is None:
        raise Http404
    definition = survey.questionnaire.spec
    submitted = response is not None and response.submitted
    editable = answering and not submitted and invitation is not None and survey.is_open()
    answers = response.answers if response is not None else {}
    form = AnswerForm(definition, request.POST or None, answers=answers) if editable else None
    if request.method == "POST":
        if form is None:
            if not answering:
                raise PermissionDenied
            messages.error(
                request,
                _("The answers cannot be changed: they were submitted or the survey is closed."),
            )
            return redirect("portal:survey_response", pk=survey.pk, cluster_pk=cluster.pk)
        submit = request.POST.get("do") == "submit"
        if form.is_valid():
            try:
                services.save_response(
                    survey,
                    cluster,
                    form.raw(),
                    submit=submit,
                    actor=actor(request),
                    user=user,
                    name=label_of,
                )
            except services.AnswersInvalid as invalid:
                form.add_problems(invalid.problems)
            except (services.NotAnswerable, services.ResponseLocked) as refused:
                messages.error(request, str(refused))
                return redirect("portal:survey_response", pk=survey.pk, cluster_pk=cluster.pk)
            else:
                if submit:
                    messages.success(request, _("Thank you: the answers were submitted."))
                else:
                    messages.success(request, _("The draft was saved."))
                return redirect("portal:survey_response", pk=survey.pk, cluster_pk=cluster.pk)
        if submit:
            messages.error(request, _("The answers were not submitted: see the marked questions."))
        else:
            messages.error(request, _("The draft was not saved: see the marked questions."))
    language = current_language()
    context = {
        "survey": survey,
        "cluster": cluster,
        "response": response,
        "form": form,
        "title": definition.title.get(language) or definition.title["en"],
        "description": (definition.description or {}).get(language, ""),
        "sections": None if form else shown_answers(definition, answers, language),
        "answering": answering,
        "can_reopen": submitted and can(user, Action.MANAGE_SURVEYS, cluster),
        "can_manage": can(user, Action.MANAGE_SURVEYS, cluster),
    }
    return render(request, "benchmarking/surveys/response.html", context)


@require_POST
def survey_reopen(request: HttpRequest, pk: int, cluster_pk: int) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    survey, cluster, _invitation, response = _load(pk, cluster_pk)
    if not can(request.user, Action.MANAGE_SURVEYS, cluster):
        raise PermissionDenied
    if response is None:
        raise Http404
    services.reopen_response(response, actor=actor(request))
    messages.success(request, _("The response was reopened; its managers can change it again."))
    return redirect("portal:survey_response", pk=survey.pk, cluster_pk=cluster.pk)


@require_http_methods(["GET"])
def survey_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link in an invitation: to the response, once signed in as one who may see it."""
    invitation = get_object_or_404(Invitation.objects.select_related("cluster"), token=token)
    if (login := login_first(request)) is not None:
        return login
    cluster = invitation.cluster
    user = request.user
    if can(user, Action.ANSWER_SURVEY, cluster) or can(user, Action.VIEW_SURVEY_ANSWERS, cluster):
        return redirect("portal:survey_response", pk=invitation.survey_id, cluster_pk=cluster.pk)
    context = {"cluster": cluster}
    return render(request, "benchmarking/surveys/not_yours.html", context, status=403)
