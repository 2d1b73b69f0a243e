"""The home page: what the registry holds, by country and by ecosystem."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clusterhub.registry import queries


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", queries.overview())
