"""The benchmarking study in the portal: the same document as `clusterhub report benchmarking`,
charts drawn by vega-embed, and the PDF to download. Aggregates only: public."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from clusterhub.benchmarking.study import Scope, compose, gather, render_pdf
from clusterhub.benchmarking.study.grouping import country_name
from clusterhub.benchmarking.study.kept import kept
from clusterhub.benchmarking.study.labels import ecosystem
from clusterhub.registry.models import Cluster
from clusterhub.standard.vocabularies import ECOSYSTEMS


def _scope(request: HttpRequest) -> Scope:
    countries = set(Cluster.objects.values_list("country", flat=True).distinct())
    country = request.GET.get("country", "").upper()
    chosen = request.GET.get("ecosystem", "")
    return Scope(
        country=country if country in countries else None,
        ecosystem=chosen if chosen in ECOSYSTEMS else None,
    )


@require_GET
def study_page(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    countries = sorted(
        (
            (code, country_name(code))
            for code in Cluster.objects.values_list("country", flat=True).distinct()
        ),
        key=lambda item: item[1],
    )
    query = urlencode(
        {k: v for k, v in (("country", scope.country), ("ecosystem", scope.ecosystem)) if v}
    )
    context = {
        "study": kept("study", scope, lambda: compose(gather(scope))),
        "scope": scope,
        "query": query,
        "countries": countries,
        "ecosystems": sorted(
            ((code, ecosystem(code)) for code in ECOSYSTEMS), key=lambda item: item[1]
        ),
    }
    return render(request, "benchmarking/study/page.html", context)


@require_GET
def study_pdf(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    name = "-".join(["benchmarking-study", *(v for v in (scope.country, scope.ecosystem) if v)])
    pdf = kept("pdf", scope, lambda: render_pdf(compose(gather(scope))))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
