"""The mapping pages; the portal includes them (their names are in its `portal` namespace)."""

from django.urls import path

from clusterhub.mapping import views

urlpatterns = [
    path("mapping/", views.result_list, name="mapping_list"),
    path("mapping/<slug:result>/", views.result_detail, name="mapping_result"),
    path(
        "mapping/<slug:result>/regions/<str:code>/",
        views.region_dashboard,
        name="mapping_region",
    ),
    path(
        "mapping/<slug:result>/regions/<str:code>/chart.vl.json",
        views.region_chart,
        name="mapping_region_chart",
    ),
    path(
        "mapping/<slug:result>/categories/<str:code>/",
        views.category_dashboard,
        name="mapping_category",
    ),
    path(
        "mapping/<slug:result>/categories/<str:code>/regions.geojson",
        views.category_regions,
        name="mapping_category_regions",
    ),
]
