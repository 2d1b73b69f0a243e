"""URL map: the portal, the admin and language switching."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt

from clusterhub.api.main import api
from clusterhub.api.problems import problem_response
from clusterhub.portal.health import healthz


@csrf_exempt  # as every API view: writes authenticate with tokens, never cookies
def api_not_found(request: HttpRequest) -> HttpResponse:
    """Any other address under the API (such as /clusters/abc): a problem, not a page."""
    return problem_response(404, "Not found")


# Errors raised before django-ninja runs (a bad Host header, a middleware's failure) would
# otherwise answer an API client with the portal's HTML pages (templates 400.html, 500.html).
def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        return problem_response(400, "Bad request")
    return defaults.bad_request(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return problem_response(500, "Internal error")
    return defaults.server_error(request)


handler400 = bad_request
handler500 = server_error


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
