"""Running a survey round: the list, a new round, response rates, invitations, reminders."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from clusterhub.accounts.policy import (
    Action,
    can,
    coordinated_countries,
    is_admin,
    managed_clusters,
)
from clusterhub.accounts.sign_in import login_first
from clusterhub.benchmarking import services
from clusterhub.benchmarking.forms import SurveyForm
from clusterhub.benchmarking.models import Invitation, Questionnaire, Response, Survey
from clusterhub.benchmarking.rates import cluster_statuses, response_rates
from clusterhub.benchmarking.views.access import (
    actor,
    manageable_surveys,
    manages_any,
    require_survey_countries,
    site,
)
from clusterhub.registry.models import Cluster
from clusterhub.registry.vocabulary_labels import country_label


def _answerable(user: object) -> list[dict[str, object]]:
    """The invitations of the clusters the user manages, newest round first."""
    clusters = managed_clusters(user)
    invitations = (
        Invitation.objects.filter(cluster_id__in=clusters)
        .select_related("survey", "cluster")
        .order_by("-survey__opens_on", "cluster__name")
    )
    statuses = {
        (r.survey_id, r.cluster_id): r.status
        for r in Response.objects.filter(cluster_id__in=clusters).only(
            "survey_id", "cluster_id", "status"
        )
    }
    return [
        {
            "invitation": i,
            "status": statuses.get((i.survey_id, i.cluster_id), ""),
            "open": i.survey.is_open(),
        }
        for i in invitations
    ]


@require_http_methods(["GET"])
def survey_list(request: HttpRequest) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    user = request.user
    rounds = []
    if manages_any(user):
        for survey in manageable_surveys(user):
            countries = require_survey_countries(user, survey)
            rounds.append({"survey": survey, "rates": response_rates(survey, countries).total})
    context = {
        "answerable": _answerable(user),
        "rounds": rounds,
        "can_run": manages_any(user),
        "has_questionnaire": Questionnaire.objects.exists(),
    }
    return render(request, "benchmarking/surveys/list.html", context)


@require_http_methods(["GET", "POST"])
def survey_new(request: HttpRequest) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    user = request.user
    if not manages_any(user):
        raise PermissionDenied
    countries = sorted(coordinated_countries(user))
    if is_admin(user):
        countries = sorted(set(Cluster.objects.values_list("country", flat=True)) | set(countries))
    form = SurveyForm(request.POST or None, countries=countries, every_country=is_admin(user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not can(user, Action.MANAGE_SURVEYS, data["country"] or None):
            raise PermissionDenied
        try:
            survey = services.create_survey(
                questionnaire=data["questionnaire"],
                title=data["title"],
                country=data["country"],
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
                actor=actor(request),
                user=user,
            )
        except services.SurveyInvalid as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The survey round was created; now invite the clusters."))
            return redirect("portal:survey_detail", pk=survey.pk)
    return render(request, "benchmarking/surveys/new.html", {"form": form})


def _survey(pk: int) -> Survey:
    return get_object_or_404(Survey.objects.select_related("questionnaire"), pk=pk)


@require_http_methods(["GET"])
def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    survey = _survey(pk)
    countries = require_survey_countries(request.user, survey)
    context = {
        "survey": survey,
        "rates": response_rates(survey, countries),
        "statuses": cluster_statuses(survey, countries),
        "countries": _country_names(countries, survey),
    }
    return render(request, "benchmarking/surveys/detail.html", context)


def _country_names(countries: frozenset[str] | None, survey: Survey) -> str:
    if countries is None:
        return _("every country")
    return ", ".join(country_label(c) or c for c in sorted(countries))


@require_http_methods(["GET", "POST"])
def survey_invite(request: HttpRequest, pk: int) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    survey = _survey(pk)
    countries = require_survey_countries(request.user, survey)
    if request.method == "POST":
        ids = [int(v) for v in request.POST.getlist("cluster") if v.isdigit()]
        clusters = list(Cluster.objects.filter(pk__in=ids).order_by("name"))
        if len(clusters) != len(set(ids)):
            raise Http404
        for cluster in clusters:
            if not can(request.user, Action.MANAGE_SURVEYS, cluster) or not survey.covers(
                cluster.country
            ):
                raise PermissionDenied
        mailing = services.invite(survey, clusters, actor=actor(request), site=site())
        _report(request, mailing, reminder=False)
        return redirect("portal:survey_detail", pk=survey.pk)
    candidates = Cluster.objects.order_by("country", "name")
    if survey.country:
        candidates = candidates.filter(country=survey.country)
    if countries is not None:
        candidates = candidates.filter(country__in=countries)
    invited = set(survey.invitations.values_list("cluster_id", flat=True))
    rows = [
        {"cluster": c, "invited": c.pk in invited, "address": services.address_of(c)}
        for c in candidates.only("id", "name", "country", "email", "contact_email")
    ]
    context = {"survey": survey, "rows": rows, "new": sum(not r["invited"] for r in rows)}
    return render(request, "benchmarking/surveys/invite.html", context)


@require_POST
def survey_remind(request: HttpRequest, pk: int) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    survey = _survey(pk)
    countries = require_survey_countries(request.user, survey)
    mailing = services.send_reminders(
        survey, countries=countries, actor=actor(request), site=site()
    )
    _report(request, mailing, reminder=True)
    return redirect("portal:survey_detail", pk=survey.pk)


def _report(request: HttpRequest, mailing: services.Mailing, *, reminder: bool) -> None:
    """The mails go out from the worker (a refused one is retried there), so this reports
    how many are queued, not sent."""
    if reminder:
        text = ngettext(
            "%(count)d reminder is queued; it is sent within a minute.",
            "%(count)d reminders are queued; they are sent within a minute.",
            mailing.mailed,
        ) % {"count": mailing.mailed}
    else:
        text = ngettext(
            "%(count)d cluster was invited.", "%(count)d clusters were invited.", mailing.invited
        ) % {"count": mailing.invited}
        text += " " + ngettext(
            "%(count)d invitation is queued; it is sent within a minute.",
            "%(count)d invitations are queued; they are sent within a minute.",
            mailing.mailed,
        ) % {"count": mailing.mailed}
    messages.success(request, text)
    if mailing.no_address:
        messages.warning(
            request,
            _("No e-mail address (add one to the profile): %(names)s")
            % {"names": ", ".join(mailing.no_address)},
        )
