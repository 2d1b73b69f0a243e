"""The cooperation pages; the portal includes them at cooperation/ (namespace
`portal:cooperation`)."""

from django.urls import URLPattern, URLResolver, path

from clusterhub.cooperation.views import sectors, suggestions

app_name = "cooperation"
urlpatterns: list[URLPattern | URLResolver] = [
    path("sectors/", sectors.sectors_page, name="sectors"),
    path("suggestions/", suggestions.suggestion_table, name="suggestion_table"),
    path(
        "clusters/<int:pk>/suggestions/<int:candidate>/dismiss/",
        suggestions.dismiss_suggestion,
        name="suggestion_dismiss",
    ),
    path(
        "clusters/<int:pk>/suggestions/<int:candidate>/restore/",
        suggestions.restore_suggestion,
        name="suggestion_restore",
    ),
]
