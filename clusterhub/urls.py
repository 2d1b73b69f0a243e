"""URL map: the portal, the admin and language switching."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.decorators.csrf import csrf_exempt

from clusterhub.api.main import api
from clusterhub.api.problems import problem_response
from clusterhub.portal.health import healthz


@csrf_exempt  # as every API view: writes authenticate with tokens, never cookies
def api_not_found(request: HttpRequest) -> HttpResponse:
    """Any other address under the API (such as /clusters/abc): a problem, not a page."""
    return problem_response(404, "Not found")


urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    re_path(r"^api/", api_not_found),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("clusterhub.accounts.urls")),
    path("", include("clusterhub.portal.urls")),
)
