"""The API object: routers, throttling, problem details, and the OpenAPI document."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from ninja import NinjaAPI

from clusterhub.api import actionplans, clusters, policy, problems, reference
from clusterhub.api import cooperation as cooperation_api
from clusterhub.api.throttles import AnonymousThrottle, TokenThrottle


class ClusterhubAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        """ninja's document, with the problem responses each operation can give."""
        return problems.document_problems(super().get_openapi_schema(**kwargs))


api = ClusterhubAPI(
    title="Clusterhub API",
    version="1",
    description=(
        "Open data on cluster organisations in the unified data standard: search with the "
        "portal's filters, facets, regions, vocabularies; writes with an API token under the "
        "same permissions as the portal. Errors are problem details (RFC 9457)."
    ),
    urls_namespace="api",
    throttle=[
        AnonymousThrottle(settings.API_ANON_RATE),
        TokenThrottle(settings.API_AUTH_RATE),
    ],
    docs_url="/docs",
)
problems.install(api)
api.add_router("", clusters.router)
api.add_router("", reference.router)
api.add_router("", policy.router)
api.add_router("", actionplans.router)
api.add_router("", cooperation_api.router)
