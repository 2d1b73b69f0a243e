"""The cooperation pages; the portal includes them at cooperation/ (namespace
`portal:cooperation`)."""

from django.urls import URLPattern, URLResolver

app_name = "cooperation"
urlpatterns: list[URLPattern | URLResolver] = []
