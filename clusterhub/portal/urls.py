from django.urls import path

from clusterhub.portal.views import clusters, home, places

app_name = "portal"
urlpatterns = [
    path("", home.home, name="home"),
    path("clusters/", clusters.cluster_list, name="cluster_list"),
    path("clusters/<int:pk>/", clusters.cluster_detail, name="cluster_detail"),
    path("regions/<str:code>/", places.region_detail, name="region_detail"),
    path("ecosystems/<slug:slug>/", places.ecosystem_detail, name="ecosystem_detail"),
]
