from django.urls import path

from clusterhub.benchmarking.views import responses as survey_responses
from clusterhub.benchmarking.views import rounds as survey_rounds
from clusterhub.benchmarking.views import study
from clusterhub.mapping import views as mapping
from clusterhub.policy import views as policy
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
    path("policy/", policy.initiative_list, name="policy_list"),
    path("policy/new/", policy.new_initiative, name="policy_new"),
    path("policy/<slug:code>/", policy.initiative_detail, name="policy_detail"),
    path("policy/<slug:code>/edit/", policy.edit_initiative, name="policy_edit"),
    path("policy/<slug:code>/delete/", policy.delete_initiative, name="policy_delete"),
    path("mapping/", mapping.result_list, name="mapping_list"),
    path("mapping/<slug:result>/", mapping.result_detail, name="mapping_result"),
    path(
        "mapping/<slug:result>/regions/<str:code>/",
        mapping.region_dashboard,
        name="mapping_region",
    ),
    path(
        "mapping/<slug:result>/regions/<str:code>/chart.vl.json",
        mapping.region_chart,
        name="mapping_region_chart",
    ),
    path(
        "mapping/<slug:result>/categories/<str:code>/",
        mapping.category_dashboard,
        name="mapping_category",
    ),
    path(
        "mapping/<slug:result>/categories/<str:code>/regions.geojson",
        mapping.category_regions,
        name="mapping_category_regions",
    ),
    path("study/", study.study_page, name="study"),
    path("study.pdf", study.study_pdf, name="study_pdf"),
    path("surveys/", survey_rounds.survey_list, name="survey_list"),
    path("surveys/new/", survey_rounds.survey_new, name="survey_new"),
    path("surveys/<int:pk>/", survey_rounds.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/invite/", survey_rounds.survey_invite, name="survey_invite"),
    path("surveys/<int:pk>/remind/", survey_rounds.survey_remind, name="survey_remind"),
    path(
        "surveys/<int:pk>/clusters/<int:cluster_pk>/",
        survey_responses.survey_response,
        name="survey_response",
    ),
    path(
        "surveys/<int:pk>/clusters/<int:cluster_pk>/reopen/",
        survey_responses.survey_reopen,
        name="survey_reopen",
    ),
    path(
        "surveys/invitation/<str:token>/",
        survey_responses.survey_invitation,
        name="survey_invitation",
    ),
]
