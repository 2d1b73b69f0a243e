"""The study and the survey pages; the portal includes them (their names are in its `portal`
namespace)."""

from django.urls import path

from clusterhub.benchmarking.views import responses, rounds, study

urlpatterns = [
    path("study/", study.study_page, name="study"),
    path("study.pdf", study.study_pdf, name="study_pdf"),
    path("surveys/", rounds.survey_list, name="survey_list"),
    path("surveys/new/", rounds.survey_new, name="survey_new"),
    path("surveys/<int:pk>/", rounds.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/invite/", rounds.survey_invite, name="survey_invite"),
    path("surveys/<int:pk>/remind/", rounds.survey_remind, name="survey_remind"),
    path(
        "surveys/<int:pk>/clusters/<int:cluster_pk>/",
        responses.survey_response,
        name="survey_response",
    ),
    path(
        "surveys/<int:pk>/clusters/<int:cluster_pk>/reopen/",
        responses.survey_reopen,
        name="survey_reopen",
    ),
    path(
        "surveys/invitation/<str:token>/",
        responses.survey_invitation,
        name="survey_invitation",
    ),
]
