"""The policy pages; the portal includes them (their names are in its `portal` namespace)."""

from django.urls import path

from clusterhub.policy import views

urlpatterns = [
    path("policy/", views.initiative_list, name="policy_list"),
    path("policy/new/", views.new_initiative, name="policy_new"),
    path("policy/<slug:code>/", views.initiative_detail, name="policy_detail"),
    path("policy/<slug:code>/edit/", views.edit_initiative, name="policy_edit"),
    path("policy/<slug:code>/delete/", views.delete_initiative, name="policy_delete"),
]
