"""The cooperation pages; the portal includes them at cooperation/ (namespace
`portal:cooperation`)."""

from django.urls import URLPattern, URLResolver, path

from clusterhub.cooperation.views import actionplans as plans
from clusterhub.cooperation.views import hub, sectors, suggestions
from clusterhub.cooperation.views import metacluster_history as meta_history
from clusterhub.cooperation.views import metacluster_parts as meta_parts
from clusterhub.cooperation.views import metaclusters as metas

app_name = "cooperation"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", hub.cooperation_hub, name="hub"),
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
    # Action plans
    path("action-plans/", plans.plan_list, name="actionplan_list"),
    path("action-plans/new/", plans.plan_new, name="actionplan_new"),
    path("action-plans/overdue/", plans.overdue, name="actionplan_overdue"),
    path("action-plans/<int:pk>/", plans.plan_detail, name="actionplan_detail"),
    path("action-plans/<int:pk>/edit/", plans.plan_edit, name="actionplan_edit"),
    path("action-plans/<int:pk>/delete/", plans.plan_delete, name="actionplan_delete"),
    path("action-plans/<int:pk>/history/", plans.plan_history, name="actionplan_history"),
    path("action-plans/<int:pk>/actions.csv", plans.export_csv, name="actionplan_csv"),
    path("action-plans/<int:pk>/actions.xlsx", plans.export_xlsx, name="actionplan_xlsx"),
    path("action-plans/<int:pk>/deadlines.ics", plans.export_ical, name="actionplan_ical"),
    path("action-plans/<int:pk>/actions/new/", plans.action_edit, name="action_new"),
    path(
        "action-plans/<int:pk>/actions/<int:action_pk>/edit/",
        plans.action_edit,
        name="action_edit",
    ),
    path(
        "action-plans/<int:pk>/actions/<int:action_pk>/delete/",
        plans.action_delete,
        name="action_delete",
    ),
    path(
        "action-plans/<int:pk>/actions/<int:action_pk>/indicators/new/",
        plans.indicator_edit,
        name="indicator_new",
    ),
    path(
        "action-plans/<int:pk>/actions/<int:action_pk>/indicators/<int:indicator_pk>/edit/",
        plans.indicator_edit,
        name="indicator_edit",
    ),
    path(
        "action-plans/<int:pk>/actions/<int:action_pk>/indicators/<int:indicator_pk>/delete/",
        plans.indicator_delete,
        name="indicator_delete",
    ),
    path(
        "action-plans/<int:pk>/actions/<int:action_pk>/notes/new/",
        plans.note_new,
        name="note_new",
    ),
    path(
        "action-plans/<int:pk>/actions/<int:action_pk>/notes/<int:note_pk>/delete/",
        plans.note_delete,
        name="note_delete",
    ),
]

# Meta-clusters: the public pages, the coordinators' creation, the managers' forms.
_META = "metaclusters/<slug:slug>/"
urlpatterns += [
    path("metaclusters/", metas.metacluster_list, name="metacluster_list"),
    path("metaclusters/new/", metas.metacluster_new, name="metacluster_new"),
    path(
        "metaclusters/from-candidate/",
        metas.metacluster_from_candidate,
        name="metacluster_from_candidate",
    ),
    path(_META, metas.metacluster_detail, name="metacluster_detail"),
    path(_META + "members.geojson", metas.metacluster_map_data, name="metacluster_map_data"),
    path(_META + "regions.geojson", metas.metacluster_region_data, name="metacluster_region_data"),
    path(_META + "edit/", meta_parts.metacluster_edit, name="metacluster_edit"),
    path(_META + "history/", meta_history.metacluster_history, name="metacluster_history"),
    path(_META + "members/", meta_parts.metacluster_members, name="metacluster_members"),
    path(_META + "members/<int:pk>/leave/", meta_parts.metacluster_leave, name="metacluster_leave"),
    path(_META + "working-group/new/", meta_parts.person_edit, name="person_new"),
    path(_META + "working-group/<int:pk>/edit/", meta_parts.person_edit, name="person_edit"),
    path(_META + "working-group/<int:pk>/delete/", meta_parts.person_delete, name="person_delete"),
    path(_META + "meetings/new/", meta_parts.meeting_edit, name="meeting_new"),
    path(_META + "meetings/<int:pk>/edit/", meta_parts.meeting_edit, name="meeting_edit"),
    path(_META + "meetings/<int:pk>/delete/", meta_parts.meeting_delete, name="meeting_delete"),
    path(_META + "plan/", meta_parts.plan_edit, name="plan_edit"),
    path(_META + "plan/goals/new/", meta_parts.goal_edit, name="goal_new"),
    path(_META + "plan/goals/<int:pk>/edit/", meta_parts.goal_edit, name="goal_edit"),
    path(_META + "plan/goals/<int:pk>/delete/", meta_parts.goal_delete, name="goal_delete"),
]
