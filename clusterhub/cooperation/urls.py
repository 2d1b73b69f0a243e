"""The cooperation pages; the portal includes them at cooperation/ (namespace
`portal:cooperation`)."""

from django.urls import URLPattern, URLResolver, path

from clusterhub.cooperation.views import sectors

app_name = "cooperation"
urlpatterns: list[URLPattern | URLResolver] = [
    path("sectors/", sectors.sectors_page, name="sectors"),
]
