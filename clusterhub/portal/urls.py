"""The site's frame (home, search, profiles, editing, imports, places), with the feature apps'
pages included: their URL names share the `portal` namespace."""

from django.urls import include, path

from clusterhub.portal.views import clusters, editing, home, imports, places
from clusterhub.portal.views import map as cluster_map

app_name = "portal"
urlpatterns = [
    path("", home.home, name="home"),
    path("clusters/", clusters.cluster_list, name="cluster_list"),
    path("clusters/map.geojson", cluster_map.cluster_map_data, name="cluster_map_data"),
    path("clusters/regions.geojson", cluster_map.cluster_region_data, name="cluster_region_data"),
    path("clusters/<int:pk>/", clusters.cluster_detail, name="cluster_detail"),
    path("clusters/new/", editing.new_cluster, name="cluster_new"),
    path("clusters/<int:pk>/edit/", editing.edit_cluster, name="cluster_edit"),
    path("clusters/<int:pk>/delete/", editing.delete_cluster, name="cluster_delete"),
    path("clusters/<int:pk>/history/", editing.history, name="history"),
    path("clusters/<int:pk>/history/<int:entry_pk>/restore/", editing.restore, name="restore"),
    path("clusters/<int:pk>/members/new/", editing.edit_member, name="member_new"),
    path(
        "clusters/<int:pk>/members/<int:member_pk>/edit/", editing.edit_member, name="member_edit"
    ),
    path(
        "clusters/<int:pk>/members/<int:member_pk>/delete/",
        editing.delete_member,
        name="member_delete",
    ),
    path("import/", imports.upload, name="import_upload"),
    path("import/<str:token>/", imports.review, name="import_review"),
    path("import/<str:token>/cancel/", imports.cancel, name="import_cancel"),
    path("regions/<str:code>/", places.region_detail, name="region_detail"),
    path("ecosystems/<slug:slug>/", places.ecosystem_detail, name="ecosystem_detail"),
    path("", include("clusterhub.policy.urls")),
    path("", include("clusterhub.mapping.urls")),
    path("", include("clusterhub.benchmarking.urls")),
    path("cooperation/", include("clusterhub.cooperation.urls")),
]
